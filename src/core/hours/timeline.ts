// The four questions the clocks ask of opening hours. The full engine (engine.ts, Timeline) answers them for any
// instant; an hours window (hours/window module) answers them inside the span the background computed it for.
export interface HoursTimeline {
  /** Open ms in [startMs, endMs); 0 when endMs <= startMs. */
  elapsedMs(startMs: number, endMs: number): number;
  /** Earliest instant with `businessMs` of open time since startMs (startMs or the next opening for 0); null: never. */
  dueAtMs(startMs: number, businessMs: number): number | null;
  /** Open at this instant (half-open intervals: open at opening time, closed at closing time)? */
  isOpenAt(ms: number): boolean;
  /** The next instant after `ms` at which open/closed changes, and the state from then; null: never changes again. */
  nextChange(ms: number): { open: boolean; at: number } | null;
}

/** Index of the first element > x in a sorted array. */
export function upperBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
