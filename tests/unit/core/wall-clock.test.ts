// Content scripts read Facebook's local times through Date (localWallClock) instead of the zone engine. In the
// viewer's zone both must give the same instants: across DST gaps and overlaps, month and year ends.
// This file runs in Amsterdam time (vitest runs each file in its own process; Node honours a changed TZ).
process.env.TZ = 'Europe/Amsterdam';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localWallClock } from '../../../src/core/wall-clock.ts';
import { zoneWallClock } from '../../../src/core/zone-clock.ts';

const ams = zoneWallClock('Europe/Amsterdam');

describe('localWallClock agrees with the zone engine in the runtime zone', () => {
  it('runs in Amsterdam time', () => {
    expect(new Date(Date.UTC(2026, 6, 1, 12)).getHours()).toBe(14);
  });

  it('at the DST changes: 02:30 in the March gap is 03:30; 02:30 in the October overlap is the earlier', () => {
    expect(localWallClock.instant(2026, 3, 29, 150)).toBe(Date.parse('2026-03-29T01:30:00Z'));
    expect(localWallClock.instant(2026, 10, 25, 150)).toBe(Date.parse('2026-10-25T00:30:00Z'));
    expect(localWallClock.instant(2026, 3, 29, 150)).toBe(ams.instant(2026, 3, 29, 150));
    expect(localWallClock.instant(2026, 10, 25, 150)).toBe(ams.instant(2026, 10, 25, 150));
  });

  it('instants and parts agree for any date and minute', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2060 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 1439 }), (y, m, d, minute) => {
        const t = localWallClock.instant(y, m, d, minute);
        expect(t).toBe(ams.instant(y, m, d, minute));
        const { year, month, day, weekday } = ams.parts(t);
        expect(localWallClock.parts(t)).toEqual({ year, month, day, weekday });
      }),
      { numRuns: 2000 },
    );
  });
});
