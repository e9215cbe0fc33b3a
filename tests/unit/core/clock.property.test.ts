import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { currentClock } from '../../../src/core/clock.ts';
import type { ConversationFacts, OpeningHours, Pause, Policy } from '../../../src/core/types.ts';

const MIN = 60_000;
const office: OpeningHours = {
  id: 'office',
  timeZone: 'UTC',
  week: {
    mon: [['09:00', '12:00'], ['13:00', '17:30']],
    tue: [['09:00', '17:00']],
    wed: [['22:00', '24:00']],
    thu: [['00:00', '24:00']],
    fri: [['09:00', '17:00']],
    sat: [['10:00', '11:00']],
  },
};
const BASE = Date.parse('2026-03-09T00:00:00Z'); // a Monday

const pauseArb = fc.record({
  from: fc.integer({ min: 0, max: 14 * 1440 }),
  len: fc.integer({ min: 1, max: 3 * 1440 }),
  open: fc.boolean(),
});

describe('clock property: the counted time at dueAt equals the target', () => {
  for (const [name, schedule] of [
    ['calendar time', null],
    ['business time', office],
  ] as const) {
    it(name, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 7 * 1440 }),
          fc.integer({ min: 1, max: 3000 }),
          fc.array(pauseArb, { maxLength: 6 }),
          fc.integer({ min: 0, max: 59_999 }),
          (startMin, target, raw, jitter) => {
            const start = BASE + startMin * MIN + jitter;
            // At most one open-ended pause, last (as the background records them).
            const pauses: Pause[] = raw.map((p, i) => ({
              from: BASE + p.from * MIN,
              to: p.open && i === raw.length - 1 ? null : BASE + (p.from + p.len) * MIN,
            }));
            const facts: ConversationFacts = {
              platform: 'x',
              channel: 'dm',
              messages: [{ id: 'c', role: 'customer', at: start }],
              pauses,
            };
            const policy: Policy = { id: 'p', schedule: 'office', match: {}, firstResponseMinutes: target };
            const r = currentClock(facts, policy, schedule, start)!;
            if (r.dueAt === null) {
              // Never due: an open-ended pause must stop the count before the target is reached.
              expect(pauses.some((p) => p.to === null)).toBe(true);
              return;
            }
            expect(r.dueAt).toBeGreaterThanOrEqual(start);
            const atDue = currentClock(facts, policy, schedule, r.dueAt)!;
            expect(atDue.elapsedMinutes).toBeCloseTo(target, 9);
            expect(atDue.state).toBe('breached');
            const before = currentClock(facts, policy, schedule, r.dueAt - 1)!;
            expect(before.elapsedMinutes).toBeLessThan(target);
            expect(before.state).not.toBe('breached');
            // The warning instant is where 80 % has been counted.
            const atWarn = currentClock(facts, policy, schedule, r.warnAt!)!;
            expect(atWarn.elapsedMinutes).toBeCloseTo(0.8 * target, 6);
          },
        ),
        { numRuns: 300 },
      );
    });
  }
});
