// Service-level clocks of one conversation: first response, each next response, resolution.
// Pure and allocation-light: `currentClock` runs every second for every visible badge.
// The clocks ask opening hours four questions (HoursTimeline). Which engine answers is the caller's choice
// (makeClocks): the background and pages use the full engine (clock.ts); content scripts use windows of open
// intervals the background computed (the hours/window module), so the engine's code never ships into every page.
import type {
  ClockReading,
  ClockState,
  ConversationFacts,
  Message,
  OpeningHours,
  Pause,
  Policy,
  TargetKind,
} from './types.ts';
import type { HoursTimeline } from './hours/timeline.ts';
import { DEFAULT_WARN_AT } from './config/constants.ts';

const MINUTE = 60_000;

/** A pause normalised for arithmetic: sorted by `from`, disjoint, `to` > `from` (null = open-ended). */
export interface PauseSpan {
  from: number;
  to: number | null;
}

// ---------------------------------------------------------------------------------------------
// Time base: business time in a schedule, or calendar time when the schedule is null.

type Hours = HoursTimeline | null;

function span(hours: Hours, a: number, b: number): number {
  if (b <= a) return 0;
  return hours ? hours.elapsedMs(a, b) : b - a;
}

function advance(hours: Hours, start: number, ms: number): number | null {
  return hours ? hours.dueAtMs(start, ms) : start + ms;
}

/** The schedule a target counts in: calendar time when the policy lists it in `calendarTargets`. */
export function hoursForTarget(
  policy: Policy,
  schedule: OpeningHours | null,
  kind: TargetKind,
): OpeningHours | null {
  if (schedule === null) return null;
  const cal = policy.calendarTargets;
  return cal !== undefined && cal.includes(kind) ? null : schedule;
}

// ---------------------------------------------------------------------------------------------
// Pauses (snoozed, waiting on customer): they don't accrue time.

function validPause(p: Pause): boolean {
  return Number.isFinite(p.from) && (p.to === null || p.to === undefined || p.to > p.from);
}

/**
 * Pauses sorted and merged. Returns the input array itself when it is already clean (the usual case:
 * the background appends them in order), so the per-second badge path doesn't allocate.
 */
export function normalizePauses(pauses: readonly Pause[] | undefined): readonly PauseSpan[] {
  if (!pauses || pauses.length === 0) return EMPTY;
  let clean = true;
  let prevEnd = -Infinity;
  for (const p of pauses) {
    if (!validPause(p) || p.to === undefined || p.from < prevEnd) {
      clean = false;
      break;
    }
    if (p.to === null) prevEnd = Infinity;
    else prevEnd = p.to;
  }
  if (clean) return pauses as readonly PauseSpan[];
  const sorted = pauses
    .filter(validPause)
    .map((p) => ({ from: p.from, to: p.to ?? null }))
    .sort((a, b) => a.from - b.from);
  const out: PauseSpan[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && (last.to === null || p.from <= last.to)) {
      // Overlapping or touching windows: one pause from the earlier start to the later end.
      if (last.to !== null) last.to = p.to === null ? null : Math.max(last.to, p.to);
    } else {
      out.push({ from: p.from, to: p.to });
    }
  }
  return out;
}
const EMPTY: readonly PauseSpan[] = [];

/** Counted ms in [a, b): business (or calendar) time minus whatever of it falls inside a pause. */
function countedMs(
  hours: Hours,
  pauses: readonly PauseSpan[],
  a: number,
  b: number,
): number {
  if (b <= a) return 0;
  let total = span(hours, a, b);
  for (const p of pauses) {
    if (p.from >= b) break;
    const to = p.to === null ? b : Math.min(p.to, b);
    const from = Math.max(p.from, a);
    if (to > from) total -= span(hours, from, to);
  }
  return total > 0 ? total : 0;
}

/**
 * The earliest instant at which `ms` of counted time has passed since `start`; null when that never
 * happens (the schedule never opens again, or an open-ended pause starts first).
 * Walks the pauses: try the unpaused answer; if it falls after the next pause starts, bank the time
 * up to that pause and continue from its end.
 */
function counterDueAt(
  hours: Hours,
  pauses: readonly PauseSpan[],
  start: number,
  ms: number,
): number | null {
  if (!(ms > 0)) return start;
  let cursor = start;
  let remaining = ms;
  for (const p of pauses) {
    if (p.to !== null && p.to <= cursor) continue;
    if (p.from <= cursor) {
      // Starting inside a pause: nothing counts until it ends.
      if (p.to === null) return null;
      cursor = p.to;
      continue;
    }
    const due = advance(hours, cursor, remaining);
    if (due === null) return null;
    if (due <= p.from) return due;
    remaining -= span(hours, cursor, p.from);
    if (p.to === null) return null;
    cursor = p.to;
  }
  return advance(hours, cursor, remaining);
}

function pauseAt(pauses: readonly PauseSpan[], t: number): PauseSpan | null {
  for (const p of pauses) {
    if (p.from > t) return null;
    if (p.to === null || t < p.to) return p;
  }
  return null;
}

/** When counting resumes after `at`: past any pause and any closed stretch; null if never/indefinite. */
function resumesAfter(hours: Hours, pauses: readonly PauseSpan[], at: number): number | null {
  let cursor = at;
  // Each round moves the cursor strictly forward past one pause or one closed stretch.
  for (let guard = 2 * pauses.length + 16; guard > 0; guard--) {
    const p = pauseAt(pauses, cursor);
    if (p) {
      if (p.to === null) return null;
      cursor = p.to;
      continue;
    }
    if (hours && !hours.isOpenAt(cursor)) {
      const change = hours.nextChange(cursor);
      if (change === null || change.at <= cursor) return null;
      cursor = change.at;
      continue;
    }
    return cursor;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// One reading.

export function validTarget(min: number | undefined): min is number {
  return typeof min === 'number' && Number.isFinite(min) && min > 0;
}

/** The policy's target in minutes for a kind of clock; undefined when it has none (or an unusable one). */
export function targetFor(policy: Policy, kind: TargetKind): number | undefined {
  const t =
    kind === 'firstResponse'
      ? policy.firstResponseMinutes
      : kind === 'nextResponse'
        ? policy.nextResponseMinutes
        : policy.resolutionMinutes;
  return validTarget(t) ? t : undefined;
}

function warnFraction(policy: Policy): number {
  const w = policy.warnAt;
  return typeof w === 'number' && w > 0 && w < 1 ? w : DEFAULT_WARN_AT;
}

/**
 * The reading of one clock that started at `start` and stopped at `end` (null = still running) as seen at `at`.
 * A stopped clock keeps its verdict: achieved when the counted time stayed strictly under the target —
 * the same instant at which a running clock turns `breached`, so badge and report never disagree.
 */
function read(
  kind: TargetKind,
  targetMinutes: number,
  policy: Policy,
  hours: Hours,
  pauses: readonly PauseSpan[],
  start: number,
  end: number | null,
  at: number,
  excluded: boolean,
): ClockReading {
  const targetMs = targetMinutes * MINUTE;
  const frac = warnFraction(policy);
  const dueAt = counterDueAt(hours, pauses, start, targetMs);
  const warnAt = counterDueAt(hours, pauses, start, frac * targetMs);
  const stopped = end !== null;
  const counted = countedMs(hours, pauses, start, stopped ? end : at);
  let state: ClockState;
  let resumesAt: number | null | undefined;
  if (stopped) state = 'answered';
  else if (excluded) state = 'excluded';
  else if (counted >= targetMs) state = 'breached';
  else if (pauseAt(pauses, at) !== null || (hours !== null && !hours.isOpenAt(at))) {
    state = 'paused';
    resumesAt = resumesAfter(hours, pauses, at);
  } else if (counted >= frac * targetMs) state = 'warning';
  else state = 'ok';
  const elapsedMinutes = counted / MINUTE;
  const r: ClockReading = {
    kind,
    state,
    targetMinutes,
    elapsedMinutes,
    remainingMinutes: targetMinutes - elapsedMinutes,
    startedAt: start,
    dueAt,
    warnAt,
  };
  if (stopped) {
    r.answeredAt = end;
    r.achieved = counted < targetMs;
  }
  if (resumesAt !== undefined) r.resumesAt = resumesAt;
  return r;
}

// ---------------------------------------------------------------------------------------------
// Walking the conversation.

function byTime(a: Message, b: Message): number {
  return a.at - b.at;
}

/** Messages in time order; the input itself when already ordered (no allocation on the hot path). */
export function ordered(messages: readonly Message[]): readonly Message[] {
  for (let i = 1; i < messages.length; i++) {
    if (messages[i]!.at < messages[i - 1]!.at) return [...messages].sort(byTime); // stable: ties keep page order
  }
  return messages;
}

/** Called per response clock, in order: `end` null = still running; `byReply` false = stopped by the resolution. */
export type ResponseClockVisitor = (
  kind: 'firstResponse' | 'nextResponse',
  start: number,
  end: number | null,
  byReply: boolean,
) => void;

/**
 * The response clocks, in order, as of `at` (later messages have not happened yet):
 * - the first customer message starts the first-response clock; brand messages before it and internal notes don't count;
 * - a brand reply stops the running clock; the next customer message after it starts a next-response clock,
 *   counted from that (oldest unanswered) message — further customer messages don't restart it;
 * - resolving the conversation stops a clock that is still waiting at that moment (with its verdict then), like
 *   peers "fulfil" reply targets on solve; a customer message after the resolution starts a new next-response clock.
 * Returns the first customer message time (or null).
 */
export function walkResponseClocks(facts: ConversationFacts, at: number, emit: ResponseClockVisitor): number | null {
  const msgs = ordered(facts.messages);
  const resolvedAt = facts.resolvedAt != null && facts.resolvedAt <= at ? facts.resolvedAt : null;
  let first: number | null = null;
  let waiting: number | null = null;
  let stopped = 0;
  for (const m of msgs) {
    if (m.at > at) break;
    if (waiting !== null && resolvedAt !== null && waiting <= resolvedAt && resolvedAt < m.at) {
      emit(stopped === 0 ? 'firstResponse' : 'nextResponse', waiting, resolvedAt, false);
      stopped++;
      waiting = null;
    }
    if (m.role === 'customer') {
      if (first === null) first = m.at;
      if (waiting === null) waiting = m.at;
    } else if (m.role === 'brand' && waiting !== null) {
      emit(stopped === 0 ? 'firstResponse' : 'nextResponse', waiting, m.at, true);
      stopped++;
      waiting = null;
    }
  }
  if (waiting !== null) {
    const end = resolvedAt !== null && waiting <= resolvedAt ? resolvedAt : null;
    emit(stopped === 0 ? 'firstResponse' : 'nextResponse', waiting, end, false);
  }
  return first;
}

/**
 * Every clock of the conversation that has a target, as seen at `at`: first response, each next response, then resolution.
 * `schedule` is the policy's opening hours (null = calendar time).
 */
function readClocks(
  timeline: (h: OpeningHours | null) => Hours,
  facts: ConversationFacts,
  policy: Policy | null,
  schedule: OpeningHours | null,
  at: number,
): ClockReading[] {
  const out: ClockReading[] = [];
  if (!policy) return out;
  const pauses = normalizePauses(facts.pauses);
  const excluded = facts.excluded === true;
  const first = walkResponseClocks(facts, at, (kind, start, end) => {
    const target = targetFor(policy, kind);
    if (target === undefined) return;
    out.push(read(kind, target, policy, timeline(hoursForTarget(policy, schedule, kind)), pauses, start, end, at, excluded));
  });
  const resTarget = targetFor(policy, 'resolution');
  if (first !== null && resTarget !== undefined) {
    const resolvedAt = facts.resolvedAt != null && facts.resolvedAt <= at ? facts.resolvedAt : null;
    const hours = timeline(hoursForTarget(policy, schedule, 'resolution'));
    out.push(read('resolution', resTarget, policy, hours, pauses, first, resolvedAt, at, excluded));
  }
  return out;
}

/**
 * The clock a badge shows: the running response clock while a customer message waits; otherwise the last
 * stopped response clock (keeping its verdict); null when the policy has no response target that applies.
 * Only one reading is built, so a badge ticking every second stays cheap.
 */
function currentClock(
  timeline: (h: OpeningHours | null) => Hours,
  facts: ConversationFacts,
  policy: Policy | null,
  schedule: OpeningHours | null,
  at: number,
): ClockReading | null {
  if (!policy) return null;
  const firstT = targetFor(policy, 'firstResponse');
  const nextT = targetFor(policy, 'nextResponse');
  if (firstT === undefined && nextT === undefined) return null;
  let kind: 'firstResponse' | 'nextResponse' | null = null;
  let start = 0;
  let end: number | null = null;
  walkResponseClocks(facts, at, (k, s, e) => {
    // Clocks arrive in order, so the last one with a target is either the running one or the last answered one.
    if ((k === 'firstResponse' ? firstT : nextT) === undefined) return;
    kind = k;
    start = s;
    end = e;
  });
  if (kind === null) return null;
  const k: TargetKind = kind;
  const target = (k === 'firstResponse' ? firstT : nextT)!;
  return read(
    k,
    target,
    policy,
    timeline(hoursForTarget(policy, schedule, k)),
    normalizePauses(facts.pauses),
    start,
    end,
    at,
    facts.excluded === true,
  );
}

/** The clocks bound to one engine: `timelineOf` answers the hours questions for a schedule. */
export interface Clocks {
  readClocks(facts: ConversationFacts, policy: Policy | null, schedule: OpeningHours | null, at: number): ClockReading[];
  currentClock(facts: ConversationFacts, policy: Policy | null, schedule: OpeningHours | null, at: number): ClockReading | null;
  /** Counted ms in [a, b): business (or calendar, `hours` null) time minus whatever of it falls inside a pause. */
  countedMs(hours: OpeningHours | null, pauses: readonly PauseSpan[], a: number, b: number): number;
  /** The earliest instant at which `ms` of counted time has passed since `start`; null when that never happens. */
  counterDueAt(hours: OpeningHours | null, pauses: readonly PauseSpan[], start: number, ms: number): number | null;
}

export function makeClocks(timelineOf: (hours: OpeningHours) => HoursTimeline): Clocks {
  const timeline = (h: OpeningHours | null): Hours => (h ? timelineOf(h) : null);
  return {
    readClocks: (facts, policy, schedule, at) => readClocks(timeline, facts, policy, schedule, at),
    currentClock: makeCurrentClock(timelineOf),
    countedMs: (hours, pauses, a, b) => countedMs(timeline(hours), pauses, a, b),
    counterDueAt: (hours, pauses, start, ms) => counterDueAt(timeline(hours), pauses, start, ms),
  };
}

/**
 * Only the badge's clock, bound to one engine: what a content script needs, without the rest of makeClocks (every
 * function of the object makeClocks returns would ship into every page; content-script size budget).
 */
export function makeCurrentClock(timelineOf: (hours: OpeningHours) => HoursTimeline): Clocks['currentClock'] {
  const timeline = (h: OpeningHours | null): Hours => (h ? timelineOf(h) : null);
  return (facts, policy, schedule, at) => currentClock(timeline, facts, policy, schedule, at);
}
