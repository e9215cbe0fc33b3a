// Property tests of the hours engine against a deliberately slow, independent reference: it asks Intl for the
// local time of every minute and checks the schedule's rules on that minute directly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpeningHours, WallInterval, Weekday } from '../../../src/core/types.ts';
import { dueAtMs, elapsedMs, isOpenAt, nextChangeMs } from '../../../src/core/hours/index.ts';

const MIN = 60_000;
const DAY = 86_400_000;
const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ZONES = ['Europe/Amsterdam', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Australia/Adelaide', 'Australia/Lord_Howe', 'America/Santiago', 'UTC'];
// Windows of a few days around DST changes (and a New Year) in the zones above.
const WINDOW_STARTS = ['2026-03-27T00:00:00Z', '2026-10-23T00:00:00Z', '2026-03-06T12:00:00Z', '2026-10-30T12:00:00Z', '2026-04-03T00:00:00Z', '2026-10-02T00:00:00Z', '2026-09-04T00:00:00Z', '2026-12-30T00:00:00Z', '2026-06-10T00:00:00Z'].map(Date.parse);
const WINDOW_MINUTES = 4 * 24 * 60;

// ---- reference ----
const formatters = new Map<string, Intl.DateTimeFormat>();
function localMinute(tz: string, t: number): number {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    formatters.set(tz, f);
  }
  const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']), Number(p['minute'])) / MIN;
}
const isoOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const hhmm = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

/** Temporal's "compatible" rule, written from its definition with Intl: the earliest instant showing that wall
 *  time; if none (a gap), the wall time read with the offset in force a day earlier. */
function refInstant(tz: string, day: number, minute: number, cache: Map<string, number>): number {
  const key = `${day}:${minute}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const local = day * 1440 + minute; // local minutes since epoch
  const found: number[] = [];
  const offsets = new Set<number>();
  for (let h = -36; h <= 36; h++) offsets.add(localMinute(tz, (local + h * 60) * MIN) - (local + h * 60));
  for (const o of offsets) if (localMinute(tz, (local - o) * MIN) === local) found.push((local - o) * MIN);
  const before = localMinute(tz, (local - 1440) * MIN) - (local - 1440);
  const result = found.length ? Math.min(...found) : (local - before) * MIN;
  cache.set(key, result);
  return result;
}

function intervalsStarting(h: OpeningHours, day: number): WallInterval[] {
  const ex = h.exceptions?.find((e) => e.date === isoOf(day));
  if (ex) return ex.hours;
  return h.week[DAYS[(((day + 3) % 7) + 7) % 7]!] ?? [];
}

/** 1 per open minute of [from, from + n minutes). */
function referenceMinutes(h: OpeningHours, from: number, n: number): Uint8Array {
  const cache = new Map<string, number>();
  const out = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const t = from + k * MIN;
    const day = Math.floor(localMinute(h.timeZone, t) / 1440);
    const date = isoOf(day);
    if (h.holidays?.some((x) => x === date || (x.startsWith('--') && x.slice(2) === date.slice(5)))) continue;
    let open = false;
    for (let d = day - 2; d <= day && !open; d++) {
      for (const [s, e] of intervalsStarting(h, d)) {
        const sm = hhmm(s);
        let em = hhmm(e);
        if (sm === em) continue;
        if (em < sm) em += 1440;
        if (refInstant(h.timeZone, d, sm, cache) <= t && t < refInstant(h.timeZone, d, em, cache)) open = true;
      }
    }
    out[k] = open ? 1 : 0;
  }
  return out;
}

// ---- generators ----
const wall = fc.oneof(
  fc.constantFrom('00:00', '24:00', '01:00', '02:00', '02:30', '03:00', '06:00', '09:00', '12:00', '17:00', '22:00', '23:30'),
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
);
const interval = fc.tuple(wall, wall).filter(([s]) => s !== '24:00') as fc.Arbitrary<WallInterval>;
const dayList = fc.array(interval, { maxLength: 3 });

function scheduleArb(windowStart: number): fc.Arbitrary<OpeningHours> {
  const firstDay = Math.floor(windowStart / DAY) - 1;
  const dateInWindow = fc.integer({ min: firstDay, max: firstDay + 6 }).map(isoOf);
  return fc.record({
    timeZone: fc.constantFrom(...ZONES),
    week: fc.record(Object.fromEntries(DAYS.map((d) => [d, dayList])) as Record<Weekday, fc.Arbitrary<WallInterval[]>>, { requiredKeys: [] }),
    holidays: fc.array(fc.oneof(dateInWindow, dateInWindow.map((d) => '--' + d.slice(5))), { maxLength: 2 }),
    exceptions: fc.array(fc.record({ date: dateInWindow, hours: dayList }), { maxLength: 2 }).map((list) => {
      // One exception per date, as validated configs have.
      const seen = new Set<string>();
      return list.filter((e) => !seen.has(e.date) && seen.add(e.date));
    }),
  }).map((r) => ({ id: 'p', ...r }));
}

const caseArb = fc.constantFrom(...WINDOW_STARTS).chain((w) =>
  fc.record({
    w: fc.constant(w),
    h: scheduleArb(w),
    a: fc.integer({ min: 0, max: WINDOW_MINUTES }),
    b: fc.integer({ min: 0, max: WINDOW_MINUTES }),
  }),
);

describe('agreement with the minute-by-minute reference', () => {
  it('elapsed, isOpenAt, dueAt and nextChange match on random schedules, zones and DST windows', () => {
    fc.assert(
      fc.property(caseArb, ({ w, h, a, b }) => {
        const ref = referenceMinutes(h, w, WINDOW_MINUTES);
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        let count = 0;
        for (let k = lo; k < hi; k++) count += ref[k]!;
        expect(elapsedMs(h, w + lo * MIN, w + hi * MIN)).toBe(count * MIN);
        if (lo < WINDOW_MINUTES) expect(isOpenAt(h, w + lo * MIN)).toBe(ref[lo] === 1);
        // dueAt for a whole number of minutes = the end of the m-th open minute.
        if (count > 0) {
          const m = Math.max(1, Math.floor(count / 2));
          let seen = 0;
          let k = lo;
          for (; seen < m; k++) seen += ref[k]!;
          expect(dueAtMs(h, w + lo * MIN, m * MIN)).toBe(w + k * MIN);
        }
        // nextChange = the first minute whose state differs, if it is inside the window.
        if (lo < WINDOW_MINUTES) {
          let k = lo + 1;
          while (k < WINDOW_MINUTES && ref[k] === ref[lo]) k++;
          if (k < WINDOW_MINUTES) expect(nextChangeMs(h, w + lo * MIN)).toEqual({ open: ref[lo] === 1, at: w + k * MIN });
        }
      }),
      { numRuns: 60 },
    );
  });
});

// Cheaper algebraic properties on any instants (ms precision) in a wider range.
const instant = fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') });
const anySchedule = fc.constantFrom(...WINDOW_STARTS).chain(scheduleArb);

describe('algebraic properties', () => {
  it('elapsed(s, dueAt(s, m)) === m', () => {
    fc.assert(
      fc.property(anySchedule, instant, fc.integer({ min: 1, max: 400 * 24 * 60 * MIN }), (h, s, m) => {
        const due = dueAtMs(h, s, m);
        if (due === null) {
          // Only when the schedule really does not offer that much open time (within the searched horizon).
          expect(elapsedMs(h, s, s + 40 * 365 * DAY)).toBeLessThan(m);
          return;
        }
        expect(due).toBeGreaterThan(s);
        expect(Math.abs(elapsedMs(h, s, due) - m)).toBeLessThanOrEqual(m * 1e-12 + 1e-6);
        // …and it is the earliest such instant: a ms earlier is short of the target.
        expect(elapsedMs(h, s, due - 1)).toBeLessThan(m);
      }),
      { numRuns: 300 },
    );
  });
  it('is additive over any split point and monotonic', () => {
    fc.assert(
      fc.property(anySchedule, instant, instant, instant, (h, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        const ab = elapsedMs(h, a, b);
        const bc = elapsedMs(h, b, c);
        expect(elapsedMs(h, a, c)).toBe(ab + bc);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(b - a);
      }),
      { numRuns: 300 },
    );
  });
  it('never counts a closed stretch, and nextChange flips isOpenAt exactly at the change', () => {
    fc.assert(
      fc.property(anySchedule, instant, (h, t) => {
        const change = nextChangeMs(h, t);
        const open = isOpenAt(h, t);
        if (change === null) return;
        expect(change.open).toBe(open);
        expect(change.at).toBeGreaterThan(t);
        expect(isOpenAt(h, change.at - 1)).toBe(open);
        expect(isOpenAt(h, change.at)).toBe(!open);
        expect(elapsedMs(h, t, change.at)).toBe(open ? change.at - t : 0);
      }),
      { numRuns: 300 },
    );
  });
});
