// Public API of the opening-hours engine. All maths happens on epoch ms in engine.ts; the Date variants are thin
// wrappers for callers that hold Dates. Semantics (half-open intervals, holidays, exceptions, DST) are documented
// in materialise.ts and zone.ts.
import type { OpeningHours } from '../types.ts';
import { timelineFor } from './engine.ts';

export { wallTimeToInstant, zonedParts } from './zone.ts';
export type { ZonedParts } from './zone.ts';
export { parseWallTime, parseInterval } from './compile.ts';

/** Open (business) ms in [startMs, endMs); 0 when endMs <= startMs or either is NaN. Exact for integer ms. */
export function elapsedMs(hours: OpeningHours, startMs: number, endMs: number): number {
  return timelineFor(hours).elapsedMs(startMs, endMs);
}

/**
 * Earliest instant t with elapsedMs(hours, startMs, t) === businessMs. A start while closed begins counting at the
 * next opening (Fri 16:45 + 30 min with Mon–Fri 09–17 → Mon 09:15). businessMs === 0 returns startMs itself when
 * open, otherwise the next opening (the moment counting would begin). null when the schedule never opens again
 * (searched up to 30 years past the last dated holiday/exception) or businessMs is negative/NaN.
 */
export function dueAtMs(hours: OpeningHours, startMs: number, businessMs: number): number | null {
  return timelineFor(hours).dueAtMs(startMs, businessMs);
}

/**
 * Whether the schedule is open at atMs and the next instant that changes. null when it never changes again:
 * closed with no future opening, or open continuously for as far as the schedule can change (e.g. 24/7).
 */
export function nextChangeMs(hours: OpeningHours, atMs: number): { open: boolean; at: number } | null {
  return timelineFor(hours).nextChange(atMs);
}

/** Open at this instant? Half-open: true exactly at an opening time, false exactly at a closing time. */
export function isOpenAt(hours: OpeningHours, atMs: number): boolean {
  return timelineFor(hours).isOpenAt(atMs);
}

/** Open time between two instants in minutes (fractional); 0 when end <= start. */
export function elapsedBusinessMinutes(hours: OpeningHours, start: Date, end: Date): number {
  return elapsedMs(hours, start.getTime(), end.getTime()) / 60_000;
}

/** Date variant of dueAtMs, with the target in (possibly fractional) minutes. */
export function dueAt(hours: OpeningHours, start: Date, minutes: number): Date | null {
  const at = dueAtMs(hours, start.getTime(), minutes * 60_000);
  return at === null ? null : new Date(at);
}

/** Date variant of nextChangeMs. */
export function nextChange(hours: OpeningHours, at: Date): { open: boolean; at: Date } | null {
  const change = nextChangeMs(hours, at.getTime());
  return change ? { open: change.open, at: new Date(change.at) } : null;
}
