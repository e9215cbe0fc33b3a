// Fields of a ConversationRecord that are derived from its stored timestamps and its frozen policy
// version. Everything here is recomputed from scratch on each write and tick, so a restarted worker
// continues every clock exactly where it would have been (no in-memory counters).
import { currentClock, readClocks } from '../core/clock.ts';
import { nextChangeMs } from '../core/hours/index.ts';
import type { ClockReading, ConversationFacts } from '../core/types.ts';
import { CHECK_NEVER, type ConversationRecord, type ConversationStatus, type PolicyVersion } from '../shared/records.ts';

export type Derived = Pick<
  ConversationRecord,
  'status' | 'clockState' | 'dueAt' | 'firstResponseAt' | 'firstResponseMinutes' | 'withinTarget' | 'day'
> & { checkAt: number };

export const SNOOZE_REASON = 'snooze';

export function toFacts(rec: ConversationRecord): ConversationFacts {
  return {
    platform: rec.platform,
    channel: rec.channel,
    ...(rec.priority !== undefined ? { priority: rec.priority } : {}),
    ...(rec.topic !== undefined ? { topic: rec.topic } : {}),
    ...(rec.text !== undefined ? { text: rec.text } : {}),
    messages: rec.messages.map((m) => ({
      id: m.id,
      role: m.role,
      at: m.at,
      precisionMs: m.precisionMs,
      ...(m.author !== undefined ? { author: m.author } : {}),
    })),
    pauses: rec.pauses,
    excluded: rec.excluded,
    resolvedAt: null,
  };
}

// Building an Intl.DateTimeFormat costs far more than using one, and every write derives a day: one per zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return f;
}

/** "YYYY-MM-DD" of `ms` in `timeZone` (UTC for calendar-time policies). */
export function dayIn(timeZone: string, ms: number): string {
  const parts = dayFormat(timeZone).formatToParts(ms);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function activeSnooze(rec: ConversationRecord, now: number): boolean {
  return rec.pauses.some((p) => p.reason === SNOOZE_REASON && p.from <= now && (p.to === null || p.to > now));
}

function statusOf(rec: ConversationRecord, now: number): ConversationStatus {
  if (rec.excluded) return 'excluded';
  if (rec.status === 'resolved') return 'resolved';
  if (activeSnooze(rec, now)) return 'snoozed';
  if (rec.lastBrandAt !== null && rec.lastBrandAt >= rec.lastCustomerAt) return 'answered';
  return 'open';
}

/** The clock that matters now, or null without a policy. */
export function liveClock(rec: ConversationRecord, version: PolicyVersion | null, now: number): ClockReading | null {
  if (!version) return null;
  return currentClock(toFacts(rec), version.policy, version.schedule, now);
}

export function derive(rec: ConversationRecord, version: PolicyVersion | null, now: number): Derived {
  const status = statusOf(rec, now);
  const day = dayIn(version?.schedule?.timeZone ?? 'UTC', rec.firstCustomerAt);
  const firstBrand = rec.messages.find((m) => m.role === 'brand' && m.at >= rec.firstCustomerAt);
  let firstResponseAt = firstBrand?.at ?? null;
  let firstResponseMinutes: number | null = null;
  let withinTarget: boolean | null = null;
  let clockState: Derived['clockState'] = 'none';
  let dueAt: number | null = null;
  // Every instant after `now` at which a reading could change by time alone; the earliest is checkAt.
  let checkAt = CHECK_NEVER;
  const until = (t: number | null | undefined): void => {
    if (t !== null && t !== undefined && t > now && t < checkAt) checkAt = t;
  };
  for (const p of rec.pauses) {
    until(p.from);
    until(p.to);
  }
  for (const m of rec.messages) until(m.at);

  if (version) {
    const facts = toFacts(rec);
    const readings = readClocks(facts, version.policy, version.schedule, now);
    for (const r of readings) {
      until(r.warnAt);
      until(r.dueAt);
      until(r.resumesAt);
    }
    // A running clock pauses when the team closes (and resumes when it opens).
    if (version.schedule && readings.some((r) => r.state !== 'answered' && r.state !== 'excluded')) until(nextChangeMs(version.schedule, now)?.at);
    const fr = readings.find((r) => r.kind === 'firstResponse');
    if (fr) {
      if (fr.answeredAt !== undefined) {
        firstResponseAt = fr.answeredAt;
        firstResponseMinutes = fr.elapsedMinutes;
        withinTarget = fr.achieved ?? fr.elapsedMinutes <= fr.targetMinutes;
      } else if (fr.state === 'breached') {
        // Not answered yet but already late: it counts against the target whatever happens next.
        withinTarget = false;
      }
    }
    const cur = currentClock(facts, version.policy, version.schedule, now);
    if (cur) {
      clockState = cur.state;
      dueAt = cur.state === 'ok' || cur.state === 'warning' || cur.state === 'breached' || cur.state === 'paused' ? cur.dueAt : null;
    }
  }
  if (rec.excluded) {
    clockState = 'excluded';
    dueAt = null;
  }
  return { status, clockState, dueAt, firstResponseAt, firstResponseMinutes, withinTarget, day, checkAt };
}
