// Per-conversation period figures (ConversationFact), written in the same transaction as the record, so the
// popup's today / 7-day / 30-day figures come from ~8,000 small rows instead of ~8,000 full conversations whose
// clocks are re-walked three times. The figures are the core metrics engine's own (conversationFigures), so they
// are exactly what computeMetrics would give; only facts whose clock still runs (`pending`) are re-read live.
//
// A day's facts are one packed row keyed by the day; a write adds its changes as a delta row beside it
// (`<day>~<seq>`, DELTA) instead of rewriting the day: at 2,000 conversations a day's row is ~180 KB, and rewriting it
// with every ingest batch made IndexedDB write megabytes a minute while a timeline scrolled (Chromium stores a value
// that large as a file of its own). Readers apply a day's deltas in key order; compactFacts() folds them into the day
// row once a burst of writes is over (the background's coalesced summary refresh).
import { conversationFigures, emptyFigures } from '../core/metrics/conversation.ts';
import { median, percentile, ratingCategory, rateMinutes, thresholdsFor } from '../core/metrics/index.ts';
import { CHANNELS, type Channel, type RatingLevel, type TeamConfig } from '../core/types.ts';
import { KV, kvGet, kvSet, type ReplyclockDb } from '../shared/db.ts';
import type { ConversationFact, ConversationRecord, FactDay, PolicyVersion } from '../shared/records.ts';
import type { PeriodFigures } from '../shared/summary.ts';
import { toFacts } from './derive.ts';
import { nextSeq, seqAtLeast } from './seq.ts';
import { VersionCache } from './versions.ts';

const scratch = emptyFigures();

/** The record's contribution to period figures as of `now`. */
export function factOf(rec: ConversationRecord, version: PolicyVersion | null, now: number): ConversationFact {
  const f = conversationFigures(toFacts(rec), version?.policy ?? null, version?.schedule ?? null, now, scratch);
  if (f === null) {
    // No customer message up to `now` (a site clock ahead of ours): nothing to count yet, re-read later.
    return { id: rec.id, at: rec.firstCustomerAt, channel: rec.channel, frt: null, verdict: null, target: null, pending: 1, asOf: now, until: 0 };
  }
  // Once answered or decided, time alone changes nothing (counted time only grows, a miss stays a miss); a running
  // clock with a target may still breach, and a message timed after `now` has not counted yet.
  const running = f.frtMinutes === null && f.verdict === null && f.targetMinutes !== null && !rec.excluded;
  const future = rec.messages.some((m) => m.at > now);
  return {
    id: rec.id,
    at: f.firstCustomerAt,
    channel: rec.channel,
    frt: f.frtMinutes,
    verdict: f.verdict,
    target: f.targetMinutes,
    pending: running || future ? 1 : 0,
    asOf: now,
    // The record's checkAt is the first instant time alone could change what was derived from it — its figures too.
    until: rec.checkAt ?? 0,
  };
}

/** The part of a fact the period maths reads. */
export type FactFigures = Pick<ConversationFact, 'at' | 'channel' | 'frt' | 'verdict' | 'target'>;

/** Period figures for facts whose first customer message falls in [from, to); mirrors computeMetrics' overall figures. */
export function periodFromFacts(facts: readonly FactFigures[], from: number, to: number, config: Pick<TeamConfig, 'ratings'>): PeriodFigures {
  let volume = 0;
  let within = 0;
  let judged = 0;
  const frt: number[] = [];
  const byCategory: Record<'social' | 'email' | 'chat', number[]> = { social: [], email: [], chat: [] };
  const targets = new Map<number, number>();
  for (const f of facts) {
    if (f.at < from || f.at >= to) continue;
    volume++;
    if (f.frt !== null) {
      frt.push(f.frt);
      byCategory[ratingCategory(f.channel)].push(f.frt);
    }
    if (f.verdict !== null) {
      judged++;
      if (f.verdict === 'within') within++;
      if (f.target !== null) targets.set(f.target, (targets.get(f.target) ?? 0) + 1);
    }
  }
  let modal: number | null = null;
  let modalCount = 0;
  for (const [target, n] of targets) {
    if (n > modalCount || (n === modalCount && modal !== null && target < modal)) {
      modal = target;
      modalCount = n;
    }
  }
  const sorted = sortNumbers(frt);
  const levels: Partial<Record<'social' | 'email' | 'chat', RatingLevel>> = {};
  for (const cat of ['social', 'email', 'chat'] as const) {
    const m = median(sortNumbers(byCategory[cat]));
    if (m !== null) levels[cat] = rateMinutes(m, thresholdsFor(cat, config.ratings));
  }
  const ratings: Partial<Record<Channel, RatingLevel>> = {};
  for (const ch of CHANNELS) {
    const level = levels[ratingCategory(ch)];
    if (level) ratings[ch] = level;
  }
  return {
    volume,
    answered: frt.length,
    withinTarget: judged ? within / judged : null,
    targetMinutes: modal,
    frtMedianMinutes: median(sorted),
    frtP90Minutes: percentile(sorted, 90),
    ratings,
  };
}

function sortNumbers(values: readonly number[]): Float64Array {
  const a = Float64Array.from(values);
  a.sort();
  return a;
}

const DAY = 86_400_000;

/** The facts row a conversation starting at `at` lives in. */
export function factDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** Separates a day's row key from a delta's sequence: sorts after every "YYYY-MM-DD" key's own characters. */
const DELTA = '~';
/** A delta row's key: after the day's row and every earlier delta. */
const deltaKey = (day: string): string => `${day}${DELTA}${nextSeq()}`;
/** The day a row (a day's own or a delta) belongs to. */
const dayOf = (key: string): string => key.split(DELTA)[0]!;
interface DeltaState {
  /** Deltas written since the last fold (unknown when this worker started: assume some). */
  unfolded: boolean;
  /** This worker has read back the newest delta key (seq.ts): deltas apply in key order, whatever the clock did. */
  seeded: boolean;
}
const deltaStates = new WeakMap<ReplyclockDb, DeltaState>();
function deltaState(db: ReplyclockDb): DeltaState {
  let s = deltaStates.get(db);
  if (!s) deltaStates.set(db, (s = { unfolded: true, seeded: false }));
  return s;
}
/** Upper bound of the keys of the days up to `day`, deltas included. */
const throughDay = (day: string): string => `${day}${DELTA}\uffff`;

/** Applies rows (a day's row and its deltas, in key order) to `into`: puts, then the delta's deletions. */
function applyRow(into: Map<string, ConversationFact>, row: FactDay): void {
  for (let i = 0; i < row.ids.length; i++) into.set(row.ids[i]!, factAt(row, i));
  for (const id of row.gone ?? []) into.delete(id);
}

function factAt(row: FactDay, i: number): ConversationFact {
  return {
    id: row.ids[i]!,
    at: row.at[i]!,
    channel: row.channel[i]!,
    frt: row.frt[i]!,
    verdict: row.verdict[i]!,
    target: row.target[i]!,
    pending: row.pending[i]!,
    asOf: row.asOf[i]!,
    until: row.until?.[i] ?? 0,
  };
}

function pack(day: string, facts: Iterable<ConversationFact>): FactDay {
  const row: FactDay & { until: number[] } = { day, ids: [], at: [], channel: [], frt: [], verdict: [], target: [], pending: [], asOf: [], until: [] };
  for (const f of facts) {
    row.ids.push(f.id);
    row.at.push(f.at);
    row.channel.push(f.channel);
    row.frt.push(f.frt);
    row.verdict.push(f.verdict);
    row.target.push(f.target);
    row.pending.push(f.pending);
    row.asOf.push(f.asOf);
    row.until.push(f.until ?? 0);
  }
  return row;
}

/**
 * A write batch's fact changes, stored as one delta row per touched day (the day's own row is not read or rewritten).
 * Call `drop` with the record as it was stored and `put` with the new fact; flush() inside the write transaction.
 */
export class FactWriter {
  private readonly ops: ({ day: string; id: string; fact: null } | { day: string; id: string; fact: ConversationFact })[] = [];

  drop(rec: Pick<ConversationRecord, 'id' | 'firstCustomerAt'> | null | undefined): void {
    if (rec) this.ops.push({ day: factDay(rec.firstCustomerAt), id: rec.id, fact: null });
  }

  put(fact: ConversationFact): void {
    this.ops.push({ day: factDay(fact.at), id: fact.id, fact });
  }

  async flush(db: ReplyclockDb): Promise<void> {
    if (this.ops.length === 0) return;
    // Per day, the last change of each conversation (a drop followed by a put is a put).
    const days = new Map<string, Map<string, ConversationFact | null>>();
    for (const op of this.ops) {
      let m = days.get(op.day);
      if (!m) days.set(op.day, (m = new Map()));
      m.set(op.id, op.fact);
    }
    this.ops.length = 0;
    const state = deltaState(db);
    if (!state.seeded) {
      for (const k of (await db.facts.toCollection().primaryKeys()) as string[]) if (k.includes(DELTA)) seqAtLeast(k.split(DELTA)[1]!);
      state.seeded = true;
    }
    state.unfolded = true;
    const rows: FactDay[] = [];
    for (const [day, m] of days) {
      const row = pack(deltaKey(day), [...m.values()].filter((f) => f !== null));
      const gone = [...m].filter(([, f]) => f === null).map(([id]) => id);
      rows.push(gone.length ? { ...row, gone } : row);
    }
    await db.facts.bulkPut(rows);
  }
}

/** Facts stored for the UTC days overlapping [from, to), restricted to conversations that started in [from, to). */
async function storedFacts(db: ReplyclockDb, from: number, to: number): Promise<ConversationFact[]> {
  const rows = await db.facts.where('day').between(factDay(from), throughDay(factDay(to - 1)), true, true).toArray();
  const out: ConversationFact[] = [];
  const keep = (f: ConversationFact): void => {
    if (f.at >= from && f.at < to) out.push(f);
  };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const day = dayOf(row.day);
    if (rows[r + 1] === undefined || dayOf(rows[r + 1]!.day) !== day) {
      // A day without deltas (the usual case): straight from the packed columns, no Map — the popup reads ~8,000
      // facts for its 30 days on every open.
      // (A lone delta's deletions have nothing to delete.)
      for (let i = 0; i < row.ids.length; i++) keep(factAt(row, i));
      continue;
    }
    const merged = new Map<string, ConversationFact>();
    for (; r < rows.length && dayOf(rows[r]!.day) === day; r++) applyRow(merged, rows[r]!);
    r--;
    merged.forEach(keep);
  }
  return out;
}

/**
 * Folds every day's delta rows into the day's own row (in one transaction: a write adding a delta meanwhile waits).
 * Returns how many deltas were folded.
 */
export async function compactFacts(db: ReplyclockDb): Promise<number> {
  const state = deltaState(db);
  if (!state.unfolded) return 0; // no write since the last fold: no read-write transaction for ingest to wait on
  state.unfolded = false;
  return db.transaction('rw', db.facts, async () => {
    const keys = (await db.facts.toCollection().primaryKeys()) as string[];
    const deltas = keys.filter((k) => k.includes(DELTA));
    if (deltas.length === 0) return 0;
    const days = [...new Set(deltas.map(dayOf))];
    const put: FactDay[] = [];
    const del: string[] = [...deltas];
    for (const day of days) {
      const rows = await db.facts.where('day').between(day, throughDay(day), true, true).toArray();
      const merged = new Map<string, ConversationFact>();
      for (const row of rows) applyRow(merged, row);
      if (merged.size) put.push(pack(day, merged.values()));
      else del.push(day);
    }
    await db.facts.bulkDelete(del);
    await db.facts.bulkPut(put);
    return deltas.length;
  }).catch((err: unknown) => {
    state.unfolded = true; // not folded: the next refresh tries again
    throw err;
  });
}

/**
 * Facts of the conversations that started in [from, to), each valid at `now`. Built for every conversation once
 * (KV.factsBuilt) and kept by every write after that. As a guard against rows written behind the background's
 * back, the facts of [checkFrom, to) — today, a few hundred index keys — are counted against the conversations
 * index; on a mismatch the window is rebuilt from the records. Pending facts are re-read from their record at `now`.
 */
export async function factsAt(
  db: ReplyclockDb,
  from: number,
  to: number,
  now: number,
  checkFrom: number = from,
): Promise<FactFigures[]> {
  if (!(await kvGet<boolean>(db, KV.factsBuilt))) await rebuildAllFacts(db, now);
  let [facts, count] = await db.transaction('r', db.facts, db.conversations, () =>
    Promise.all([storedFacts(db, from, to), db.conversations.where('firstCustomerAt').between(checkFrom, to, true, false).count()]),
  );
  if (facts.filter((f) => f.at >= checkFrom).length !== count) {
    await rebuildFacts(db, from, to, now);
    facts = await storedFacts(db, from, to);
  }
  // A pending fact still holds before its record's checkAt (a running clock that has not yet warned or breached).
  const stale = facts.filter((f) => f.asOf > now || (f.pending === 1 && !(f.until !== undefined && now < f.until)));
  if (stale.length === 0) return facts;
  const versions = new VersionCache(db);
  const loaded = new Map<string, ConversationRecord>();
  for (const r of await db.conversations.bulkGet(stale.map((f) => f.id))) if (r) loaded.set(r.id, r);
  await versions.preload([...loaded.values()].map((r) => r.versionKey));
  const fresh = new Map<string, FactFigures | null>();
  for (const f of stale) {
    const rec = loaded.get(f.id);
    fresh.set(f.id, rec ? factOf(rec, versions.peek(rec.versionKey), now) : null);
  }
  const out: FactFigures[] = [];
  for (const f of facts) {
    if (!fresh.has(f.id)) out.push(f);
    else {
      const g = fresh.get(f.id);
      if (g) out.push(g);
    }
  }
  return out;
}

/** Rebuilds the fact rows of every UTC day overlapping [from, to) from the conversations. */
export async function rebuildFacts(db: ReplyclockDb, from: number, to: number, now: number): Promise<void> {
  const start = Date.parse(`${factDay(from)}T00:00:00Z`);
  const end = Date.parse(`${factDay(to - 1)}T00:00:00Z`) + DAY;
  await db.transaction('rw', [db.facts, db.conversations, db.versions], async () => {
    const recs = await db.conversations.where('firstCustomerAt').between(start, end, true, false).toArray();
    await db.facts.where('day').between(factDay(start), throughDay(factDay(end - 1)), true, true).delete();
    await db.facts.bulkPut(await packAll(db, recs, now));
  });
}

/** Builds every conversation's facts (first run on a database from before facts existed). */
export async function rebuildAllFacts(db: ReplyclockDb, now: number): Promise<void> {
  await db.transaction('rw', [db.facts, db.conversations, db.versions, db.kv], async () => {
    const recs = await db.conversations.toArray();
    await db.facts.clear();
    await db.facts.bulkPut(await packAll(db, recs, now));
    await kvSet(db, KV.factsBuilt, true);
  });
}

async function packAll(db: ReplyclockDb, recs: readonly ConversationRecord[], now: number): Promise<FactDay[]> {
  const versions = new VersionCache(db);
  await versions.preload(recs.map((r) => r.versionKey));
  const byDay = new Map<string, ConversationFact[]>();
  for (const r of recs) {
    const f = factOf(r, versions.peek(r.versionKey), now);
    const d = factDay(f.at);
    const list = byDay.get(d);
    if (list) list.push(f);
    else byDay.set(d, [f]);
  }
  return [...byDay].map(([d, list]) => pack(d, list));
}
