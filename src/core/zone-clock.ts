// A WallClock for a named IANA zone, through the hours engine's zone module (exact, DST-aware, any zone).
import type { WallClock } from './wall-clock.ts';
import { wallTimeToInstant, zonedParts } from './hours/zone.ts';

/** Throws RangeError on first use for an unknown zone (callers turn that into "no time read"). */
export function zoneWallClock(timeZone: string): WallClock {
  return {
    instant: (year, month, day, minuteOfDay) => wallTimeToInstant(timeZone, year, month, day, minuteOfDay),
    parts: (ms) => zonedParts(timeZone, ms),
  };
}
