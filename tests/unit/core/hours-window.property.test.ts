// The window content scripts answer from (hours/window.ts) must agree with the full engine everywhere inside the
// window: random schedules in many zones, windows across DST changes and New Year, random instants and targets
// (ms-exact, not only whole minutes). Outside, it must refuse rather than guess.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpeningHours, WallInterval, Weekday } from '../../../src/core/types.ts';
import { timelineFor } from '../../../src/core/hours/engine.ts';
import { buildWindow, windowTimeline } from '../../../src/core/hours/window.ts';

const MIN = 60_000;
const DAY = 86_400_000;
const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ZONES = ['Europe/Amsterdam', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham', 'UTC'];
const STARTS = ['2026-03-20T00:00:00Z', '2026-10-20T00:00:00Z', '2026-12-24T00:00:00Z', '2026-03-30T11:17:23.456Z'].map(Date.parse);
const SPAN_DAYS = 21;

const wall = fc.oneof(
  fc.constantFrom('00:00', '24:00', '02:00', '02:30', '03:00', '09:00', '17:00', '22:00'),
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
);
const interval = fc.tuple(wall, wall).filter(([s]) => s !== '24:00') as fc.Arbitrary<WallInterval>;
const dayList = fc.array(interval, { maxLength: 3 });
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const caseArb = fc.constantFrom(...STARTS).chain((from) => {
  const date = fc.integer({ min: 0, max: SPAN_DAYS }).map((k) => iso(from + k * DAY));
  return fc.record({
    from: fc.constant(from),
    hours: fc
      .record({
        timeZone: fc.constantFrom(...ZONES),
        week: fc.record(Object.fromEntries(DAYS.map((d) => [d, dayList])) as Record<Weekday, fc.Arbitrary<WallInterval[]>>, { requiredKeys: [] }),
        holidays: fc.array(date, { maxLength: 3 }),
        exceptions: fc.uniqueArray(fc.record({ date, hours: dayList }), { maxLength: 2, selector: (e) => e.date }),
      })
      .map((r): OpeningHours => ({ id: 'w', ...r })),
    // Instants anywhere in the window, to the millisecond; targets up to a week of business time.
    a: fc.integer({ min: 0, max: SPAN_DAYS * DAY - 1 }),
    b: fc.integer({ min: 0, max: SPAN_DAYS * DAY - 1 }),
    target: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 7 * DAY }), fc.integer({ min: 1, max: 120 }).map((m) => m * MIN)),
  });
});

describe('hours window against the engine', () => {
  it('elapsed, isOpenAt, nextChange and dueAt agree inside the window', () => {
    fc.assert(
      fc.property(caseArb, ({ from, hours, a, b, target }) => {
        const engine = timelineFor(hours);
        const to = from + SPAN_DAYS * DAY;
        const win = windowTimeline(JSON.parse(JSON.stringify(buildWindow(engine, from, to))));
        const [x, y] = [from + Math.min(a, b), from + Math.max(a, b)];
        expect(win.elapsedMs(x, y)).toBe(engine.elapsedMs(x, y));
        expect(win.elapsedMs(y, x)).toBe(0);
        expect(win.isOpenAt(x)).toBe(engine.isOpenAt(x));
        const change = engine.nextChange(x);
        // Beyond the window the window says null; inside, exactly the engine's answer.
        expect(win.nextChange(x)).toEqual(change && change.at < to ? change : null);
        const due = engine.dueAtMs(x, target);
        expect(win.dueAtMs(x, target)).toBe(due !== null && due < to ? due : null);
      }),
      { numRuns: 400 },
    );
  });

  it('agrees exactly at and next to every opening and closing (half-open ends, targets that end on a closing)', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.nat(), fc.constantFrom(-1, 0, 1), ({ from, hours }, i, j, nudge) => {
        const engine = timelineFor(hours);
        const to = from + SPAN_DAYS * DAY;
        const w = buildWindow(engine, from, to);
        const win = windowTimeline(w);
        const changes = [from];
        for (const d of w.d) changes.push(changes[changes.length - 1]! + d);
        const x = Math.min(to - 1, Math.max(from, changes[i % changes.length]! + nudge));
        const y = changes[j % changes.length]!;
        expect(win.isOpenAt(x)).toBe(engine.isOpenAt(x));
        const ch = engine.nextChange(x);
        expect(win.nextChange(x)).toEqual(ch && ch.at < to ? ch : null);
        if (y > x) {
          // A target that is exactly the open time up to a change: due at that change's side, as the engine says.
          const target = engine.elapsedMs(x, y);
          expect(win.elapsedMs(x, y)).toBe(target);
          const due = engine.dueAtMs(x, target);
          expect(win.dueAtMs(x, target)).toBe(due !== null && due < to ? due : null);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('refuses instants outside the window instead of guessing', () => {
    const hours: OpeningHours = { id: 'o', timeZone: 'Europe/Amsterdam', week: { mon: [['09:00', '17:00']] } };
    const from = Date.parse('2026-03-02T00:00:00Z');
    const to = from + 7 * DAY;
    const win = windowTimeline(buildWindow(timelineFor(hours), from, to));
    expect(() => win.elapsedMs(from - 1, from + DAY)).toThrow(RangeError);
    expect(() => win.elapsedMs(from, to + 1)).toThrow(RangeError);
    expect(() => win.isOpenAt(to)).toThrow(RangeError);
    expect(() => win.dueAtMs(from - DAY, MIN)).toThrow(RangeError);
    expect(win.elapsedMs(from, to)).toBe(8 * 60 * MIN);
    // Monday 09:00 CET + 8 h 1 min of business time is next Monday, past the window: unknown, so null.
    expect(win.dueAtMs(from, 8 * 60 * MIN + MIN)).toBeNull();
  });

  it('a 24/7 schedule is one interval and never changes inside the window', () => {
    const hours: OpeningHours = { id: 'a', timeZone: 'UTC', week: Object.fromEntries(DAYS.map((d) => [d, [['00:00', '24:00']]])) };
    const from = Date.parse('2026-01-01T00:00:00Z');
    const w = buildWindow(timelineFor(hours), from, from + 400 * DAY);
    expect(w).toEqual({ from, to: from + 400 * DAY, open: true, d: [] });
    expect(windowTimeline(w).nextChange(from + DAY)).toBeNull();
  });
});
