// Opening hours as a window of open intervals: what the background computes with the full engine and sends to
// content scripts, which answer the clocks' questions from it with a binary search and prefix sums — the same
// answers as the engine inside the window (a property test holds them equal), with a fraction of the code.
// Outside the window a window cannot know: instants before `from` or at/after `to` throw a RangeError (the
// badge then shows "unknown"), and a due time or change beyond `to` is null.
import { upperBound, type HoursTimeline } from './timeline.ts';

/** Compact and JSON-safe: `d` holds the ms between successive open/closed changes, the first counted from `from`. */
export interface HoursWindow {
  from: number;
  to: number;
  /** Open at `from`? */
  open: boolean;
  d: number[];
}

/** Most changes a window holds: two a day for years, with room for split shifts. */
const MAX_CHANGES = 20_000;

/** Samples a timeline over [from, to). */
export function buildWindow(timeline: HoursTimeline, from: number, to: number): HoursWindow {
  const open = timeline.isOpenAt(from);
  const d: number[] = [];
  let cursor = from;
  while (d.length < MAX_CHANGES) {
    const change = timeline.nextChange(cursor);
    if (!change || change.at >= to) break;
    d.push(change.at - cursor);
    cursor = change.at;
  }
  return { from, to, open, d };
}

function outside(ms: number): never {
  throw new RangeError(`instant ${ms} is outside the opening-hours window`);
}

export function windowTimeline(w: HoursWindow): HoursTimeline {
  const { from, to } = w;
  // Open intervals [starts[i], ends[i]) clipped to the window, and cum[i] = open ms before interval i.
  const starts: number[] = [];
  const ends: number[] = [];
  let t = from;
  let open = w.open;
  if (open) starts.push(from);
  for (const delta of w.d) {
    t += delta;
    (open ? ends : starts).push(t);
    open = !open;
  }
  if (open) ends.push(to);
  const cum: number[] = [];
  let sum = 0;
  for (let i = 0; i < starts.length; i++) {
    cum.push(sum);
    sum += ends[i]! - starts[i]!;
  }
  /** Open ms in [from, ms). */
  const cumAt = (ms: number): number => {
    const i = upperBound(starts, ms) - 1;
    return i < 0 ? 0 : cum[i]! + Math.min(ms, ends[i]!) - starts[i]!;
  };
  // A point question needs a known state at `ms` (ms < to); a span may end at `to`.
  const point = (ms: number): number => (ms >= from && ms < to ? upperBound(starts, ms) - 1 : outside(ms));
  const isOpenAt = (ms: number): boolean => {
    if (!Number.isFinite(ms)) return false;
    const i = point(ms);
    return i >= 0 && ms < ends[i]!;
  };
  const nextChange = (ms: number): { open: boolean; at: number } | null => {
    if (!Number.isFinite(ms)) return null;
    const i = point(ms);
    if (i >= 0 && ms < ends[i]!) return ends[i]! < to ? { open: true, at: ends[i]! } : null;
    const next = starts[i + 1];
    return next === undefined ? null : { open: false, at: next };
  };
  return {
    elapsedMs(a, b) {
      if (!(b > a)) return 0;
      if (a < from || b > to) outside(a < from ? a : b);
      return cumAt(b) - cumAt(a);
    },
    isOpenAt,
    nextChange,
    dueAtMs(s, ms) {
      if (!Number.isFinite(s) || !(ms >= 0) || !Number.isFinite(ms)) return null;
      if (ms === 0) {
        if (isOpenAt(s)) return s;
        return nextChange(s)?.at ?? null;
      }
      point(s);
      const target = cumAt(s) + ms;
      // The first interval whose end reaches the target; the due instant lies inside it.
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cum[mid]! + ends[mid]! - starts[mid]! >= target) hi = mid;
        else lo = mid + 1;
      }
      if (lo >= starts.length) return null;
      // Clipped at `to`: the interval may run on, but the window cannot say the target is reached inside it.
      const due = starts[lo]! + target - cum[lo]!;
      return due >= to ? null : due;
    },
  };
}
