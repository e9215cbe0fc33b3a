// Local wall time ↔ instants for reading times a page shows in the viewer's own zone (Facebook's "Yesterday at
// 14:05"). A content script reads them in the browser's zone, which JavaScript's Date already knows — so the
// content script needs no zone engine (localWallClock). Any named zone goes through the hours engine's zone
// module instead (zoneWallClock, in zone-clock.ts), for tests and for pages that name their zone.
// Pure: Date's local-time arithmetic is part of the language, not a browser API.

export interface WallParts {
  year: number;
  month: number;
  day: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
}

export interface WallClock {
  /** The instant of a local wall time; a time in a spring-forward gap moves forward, an ambiguous one is the earlier. */
  instant(year: number, month: number, day: number, minuteOfDay: number): number;
  parts(ms: number): WallParts;
}

/**
 * The runtime's own zone through Date. ECMAScript resolves local times like Temporal's "compatible": a time in
 * a gap takes the offset from before the gap (02:30 → 03:30), an ambiguous time the earlier instant.
 */
export const localWallClock: WallClock = {
  instant(year, month, day, minuteOfDay) {
    const d = new Date(2000, 0, 1, 0, 0, 0, 0);
    d.setFullYear(year, month - 1, day); // setFullYear: years 0–99 are not moved to the 1900s
    d.setHours(0, minuteOfDay, 0, 0);
    return d.getTime();
  },
  parts(ms) {
    const d = new Date(ms);
    return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), weekday: (d.getDay() + 6) % 7 };
  },
};
