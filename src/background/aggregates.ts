// Daily aggregates, kept up to date on every write by applying the difference between a record's old
// and new contribution, so months of reports never need to scan every conversation.
// Conversations marked "no reply needed" contribute nothing: they are not service-level work.
import type { Channel } from '../core/types.ts';
import type { ReplyclockDb } from '../shared/db.ts';
import type { ConversationRecord, DailyAggregate } from '../shared/records.ts';

type Counters = Pick<DailyAggregate, 'volume' | 'answered' | 'withinTarget' | 'breached' | 'firstResponseMinutesSum'>;
interface Contribution {
  key: [string, string, Channel, string];
  counts: Counters;
}

const COUNTER_KEYS = ['volume', 'answered', 'withinTarget', 'breached', 'firstResponseMinutesSum'] as const;

export function contribution(rec: ConversationRecord | null | undefined): Contribution | null {
  if (!rec || rec.excluded) return null;
  return {
    key: [rec.day, rec.platform, rec.channel, rec.policyId ?? ''],
    counts: {
      volume: 1,
      answered: rec.firstResponseAt !== null ? 1 : 0,
      withinTarget: rec.withinTarget === true ? 1 : 0,
      breached: rec.withinTarget === false ? 1 : 0,
      firstResponseMinutesSum: rec.firstResponseMinutes ?? 0,
    },
  };
}

async function add(db: ReplyclockDb, c: Contribution, sign: 1 | -1): Promise<void> {
  const [day, platform, channel, policyId] = c.key;
  const row: DailyAggregate = (await db.daily.get(c.key)) ?? {
    day,
    platform,
    channel,
    policyId,
    volume: 0,
    answered: 0,
    withinTarget: 0,
    breached: 0,
    firstResponseMinutesSum: 0,
  };
  for (const k of COUNTER_KEYS) row[k] += sign * c.counts[k];
  if (row.volume <= 0) await db.daily.delete(c.key);
  else await db.daily.put(row);
}

/** Call inside the write transaction, with the record as it was before and after (null = absent). */
export async function applyDelta(db: ReplyclockDb, before: ConversationRecord | null | undefined, after: ConversationRecord | null | undefined): Promise<void> {
  const a = contribution(before);
  const b = contribution(after);
  if (a && b && a.key.join('\u0000') === b.key.join('\u0000') && COUNTER_KEYS.every((k) => a.counts[k] === b.counts[k])) return;
  if (a) await add(db, a, -1);
  if (b) await add(db, b, 1);
}

/**
 * Contributions of a whole write batch, summed in memory and written with one bulkGet + one bulkPut/bulkDelete:
 * a batch of 500 conversations touches a handful of rows, so per-record reads and writes were pure overhead.
 * The net result equals applying each delta in turn (sums commute; a row whose volume ends at ≤ 0 is removed).
 */
export class DailyDeltas {
  private readonly rows = new Map<string, Contribution>();

  /** Same contract as applyDelta, without touching the database until flush(). */
  apply(before: ConversationRecord | null | undefined, after: ConversationRecord | null | undefined): void {
    const a = contribution(before);
    const b = contribution(after);
    if (a && b && a.key.join('\u0000') === b.key.join('\u0000') && COUNTER_KEYS.every((k) => a.counts[k] === b.counts[k])) return;
    if (a) this.add(a, -1);
    if (b) this.add(b, 1);
  }

  private add(c: Contribution, sign: 1 | -1): void {
    const id = c.key.join('\u0000');
    let row = this.rows.get(id);
    if (!row) {
      row = { key: c.key, counts: { volume: 0, answered: 0, withinTarget: 0, breached: 0, firstResponseMinutesSum: 0 } };
      this.rows.set(id, row);
    }
    for (const k of COUNTER_KEYS) row.counts[k] += sign * c.counts[k];
  }

  /** Call inside the write transaction. */
  async flush(db: ReplyclockDb): Promise<void> {
    const deltas = [...this.rows.values()].filter((d) => COUNTER_KEYS.some((k) => d.counts[k] !== 0));
    this.rows.clear();
    if (deltas.length === 0) return;
    const current = await db.daily.bulkGet(deltas.map((d) => d.key));
    const put: DailyAggregate[] = [];
    const del: [string, string, string, string][] = [];
    deltas.forEach((d, i) => {
      const [day, platform, channel, policyId] = d.key;
      const row: DailyAggregate = current[i] ?? { day, platform, channel, policyId, volume: 0, answered: 0, withinTarget: 0, breached: 0, firstResponseMinutesSum: 0 };
      for (const k of COUNTER_KEYS) row[k] += d.counts[k];
      if (row.volume <= 0) del.push(d.key);
      else put.push(row);
    });
    if (del.length) await db.daily.bulkDelete(del);
    if (put.length) await db.daily.bulkPut(put);
  }
}

/** The aggregates as a full recount would give them (tests; repair after an interrupted upgrade). */
export function recount(records: Iterable<ConversationRecord>): DailyAggregate[] {
  const map = new Map<string, DailyAggregate>();
  for (const rec of records) {
    const c = contribution(rec);
    if (!c) continue;
    const id = c.key.join('\u0000');
    const [day, platform, channel, policyId] = c.key;
    const row = map.get(id) ?? { day, platform, channel, policyId, volume: 0, answered: 0, withinTarget: 0, breached: 0, firstResponseMinutesSum: 0 };
    for (const k of COUNTER_KEYS) row[k] += c.counts[k];
    map.set(id, row);
  }
  return [...map.values()];
}

/** Rebuilds the daily table from the conversations. */
export async function rebuildDaily(db: ReplyclockDb): Promise<void> {
  await db.transaction('rw', db.conversations, db.daily, async () => {
    const rows = recount(await db.conversations.toArray());
    await db.daily.clear();
    await db.daily.bulkPut(rows);
  });
}
