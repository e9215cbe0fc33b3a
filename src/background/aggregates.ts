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
