// Query engine over materialised years. Each OpeningHours object (treated as immutable) gets one Timeline, cached
// in a WeakMap: a contiguous run of year chunks, extended lazily in both directions, with `base[c]` = open ms in
// the loaded chunks before chunk c. Business time up to an instant is then base + a binary search inside one
// chunk, so elapsed and dueAt cost the same for an hour as for a year.
import type { OpeningHours } from '../types.ts';
import { civilFromEpochDay, MS_PER_DAY } from './civil.ts';
import type { Rules } from './compile.ts';
import { compileRules } from './compile.ts';
import type { Chunk } from './materialise.ts';
import { buildYear } from './materialise.ts';
import { upperBound, type HoursTimeline } from './timeline.ts';

/**
 * Years searched past max(query year, last dated holiday/exception) before concluding a schedule never opens
 * (or never closes) again. Beyond the last dated entry the schedule only depends on weekday and yearly holidays;
 * 30 years covers the 28-year weekday cycle of 29 February.
 */
export const SEARCH_YEARS = 30;

/**
 * Supported instants: roughly 1900–2299. Queries outside are clamped to this range so a bogus timestamp (0,
 * 8.64e15) costs a bounded amount of work instead of materialising thousands of years.
 */
export const MIN_MS = Date.UTC(1900, 0, 2);
export const MAX_MS = Date.UTC(2299, 11, 30);

function clampMs(ms: number): number {
  return ms < MIN_MS ? MIN_MS : ms > MAX_MS ? MAX_MS : ms;
}

export class Timeline implements HoursTimeline {
  readonly rules: Rules;
  private readonly chunks: Chunk[] = [];
  private base: number[] = [];
  private lastIndex = 0;

  constructor(hours: OpeningHours) {
    this.rules = compileRules(hours);
  }

  private localYear(ms: number): number {
    return civilFromEpochDay(Math.floor((ms + this.rules.zone.offsetAt(ms)) / MS_PER_DAY)).year;
  }

  private append(): void {
    const last = this.chunks[this.chunks.length - 1]!;
    this.base.push(this.base[this.base.length - 1]! + last.total);
    this.chunks.push(buildYear(this.rules, last.year + 1));
  }

  private prepend(): void {
    this.chunks.unshift(buildYear(this.rules, this.chunks[0]!.year - 1));
    const base: number[] = [];
    let sum = 0;
    for (const c of this.chunks) {
      base.push(sum);
      sum += c.total;
    }
    this.base = base;
    this.lastIndex++;
  }

  /** Loads chunks until one contains `ms` (already clamped) and returns its index. */
  private locate(ms: number): number {
    const chunks = this.chunks;
    const cached = chunks[this.lastIndex];
    if (cached && ms >= cached.start && ms < cached.end) return this.lastIndex;
    if (chunks.length === 0) {
      chunks.push(buildYear(this.rules, this.localYear(ms)));
      this.base = [0];
    }
    while (ms < chunks[0]!.start) this.prepend();
    while (ms >= chunks[chunks.length - 1]!.end) this.append();
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (chunks[mid]!.start <= ms) lo = mid;
      else hi = mid - 1;
    }
    this.lastIndex = lo;
    return lo;
  }

  /** Business ms from the start of the first loaded chunk to `ms`; only comparable between calls that load nothing earlier. */
  private cumAt(c: number, ms: number): number {
    const chunk = this.chunks[c]!;
    const i = upperBound(chunk.starts, ms) - 1;
    if (i < 0) return this.base[c]!;
    const end = chunk.ends[i]!;
    return this.base[c]! + chunk.cum[i]! + (ms < end ? ms : end) - chunk.starts[i]!;
  }

  /** Last year worth searching when looking forward from `fromYear`. */
  private limitYear(fromYear: number): number {
    const r = this.rules;
    if (!r.weeklyOpens) return r.lastExceptionOpenYear;
    // Without yearly holidays the schedule repeats every week after the last dated entry, so one more year shows
    // every state it will ever be in; yearly holidays (29 February!) need the longer look.
    return Math.max(fromYear, r.lastDatedYear) + (r.yearlyHolidays.size > 0 ? SEARCH_YEARS : 1);
  }

  /** The chunk after c, loading it if it is within `limit`; null past the limit or the supported range. */
  private nextChunk(c: number, limit: number): number | null {
    const chunk = this.chunks[c]!;
    if (chunk.year + 1 > limit || chunk.end > MAX_MS) return null;
    if (c + 1 >= this.chunks.length) this.append();
    return c + 1;
  }

  elapsedMs(startMs: number, endMs: number): number {
    if (!(endMs > startMs) || this.rules.neverOpen) return 0;
    const a = clampMs(startMs);
    const b = clampMs(endMs);
    if (!(b > a)) return 0;
    // Locate the earlier end first: that may load earlier years (shifting every base); locating b afterwards can
    // only append, which leaves a's chunk index and both bases valid.
    const ca = this.locate(a);
    const cb = this.locate(b);
    return this.cumAt(cb, b) - this.cumAt(ca, a);
  }

  isOpenAt(ms: number): boolean {
    if (this.rules.neverOpen || !Number.isFinite(ms)) return false;
    const t = clampMs(ms);
    const chunk = this.chunks[this.locate(t)]!;
    const i = upperBound(chunk.starts, t) - 1;
    return i >= 0 && t < chunk.ends[i]!;
  }

  /** First opening at or after `ms` (ms itself if open), or null. */
  nextOpening(ms: number): number | null {
    if (this.isOpenAt(ms)) return ms;
    const change = this.nextChange(ms);
    return change ? change.at : null;
  }

  dueAtMs(startMs: number, businessMs: number): number | null {
    if (this.rules.neverOpen || !Number.isFinite(startMs) || !(businessMs >= 0) || !Number.isFinite(businessMs)) {
      return null;
    }
    const s = clampMs(startMs);
    if (businessMs === 0) return this.nextOpening(s);
    let c = this.locate(s);
    const target = this.cumAt(c, s) + businessMs;
    let limit = this.limitYear(this.chunks[c]!.year);
    for (;;) {
      const chunk = this.chunks[c]!;
      const base = this.base[c]!;
      // Give up only after a long enough stretch WITHOUT open time; a large target may legitimately span years.
      if (chunk.total > 0) limit = Math.max(limit, this.limitYear(chunk.year));
      if (base + chunk.total >= target) {
        // First interval whose end reaches the target; cum[i] + length = cum at its end.
        const want = target - base;
        let lo = 0;
        let hi = chunk.starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (chunk.cum[mid]! + chunk.ends[mid]! - chunk.starts[mid]! >= want) hi = mid;
          else lo = mid + 1;
        }
        return chunk.starts[lo]! + (want - chunk.cum[lo]!);
      }
      const next = this.nextChunk(c, limit);
      if (next === null) return null;
      c = next;
    }
  }

  nextChange(ms: number): { open: boolean; at: number } | null {
    if (this.rules.neverOpen || !Number.isFinite(ms)) return null;
    const t = clampMs(ms);
    let c = this.locate(t);
    let chunk = this.chunks[c]!;
    const limit = this.limitYear(chunk.year);
    const i = upperBound(chunk.starts, t) - 1;
    if (i >= 0 && t < chunk.ends[i]!) {
      // Open: closes at this interval's end unless the next year's first interval continues it at the boundary.
      let end = chunk.ends[i]!;
      while (end === chunk.end) {
        const next = this.nextChunk(c, limit);
        if (next === null) return null; // open for as long as we can see: never closes again
        c = next;
        chunk = this.chunks[c]!;
        if (chunk.starts.length === 0 || chunk.starts[0] !== end) break;
        end = chunk.ends[0]!;
      }
      return { open: true, at: end };
    }
    let j = i + 1;
    while (j >= chunk.starts.length) {
      const next = this.nextChunk(c, limit);
      if (next === null) return null;
      c = next;
      chunk = this.chunks[c]!;
      j = 0;
    }
    return { open: false, at: chunk.starts[j]! };
  }
}

const timelines = new WeakMap<OpeningHours, Timeline>();

/** The cached engine for a schedule object. Throws RangeError for an unknown time zone. */
export function timelineFor(hours: OpeningHours): Timeline {
  let t = timelines.get(hours);
  if (!t) {
    t = new Timeline(hours);
    timelines.set(hours, t);
  }
  return t;
}
