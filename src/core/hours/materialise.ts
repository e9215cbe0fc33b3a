// Builds one local calendar year of a schedule as sorted, disjoint, non-touching UTC intervals with prefix sums.
// Chunks are clipped at local midnight of 1 January, so neighbouring years share a boundary instant and never overlap.
//
// Rules applied here (decisions documented once, in one place):
// - Weekly intervals belong to the local date they START on; an overnight one (end < start) runs into the next date.
// - An exception replaces the intervals that start on its date ([] = none). An overnight interval that began the
//   previous evening still runs into the exception's date, because it started on a date the exception does not cover.
// - A holiday closes its whole local date, 00:00 to the next 00:00, whatever started when: it cuts off the morning
//   part of an overnight interval from the evening before, and the evening part of one that starts on the holiday.
//   The part of that interval after midnight (on the next, non-holiday date) stays open — a holiday is a calendar
//   day, not a shift. If a date is both a holiday and an exception, the holiday wins for that date; the exception's
//   own overnight spill into the next date still counts, like a weekly one's would.
// - Wall times are resolved on their own date with "compatible" disambiguation (see zone.ts), so past dates use the
//   offset they had then. An interval that DST squeezes to nothing (e.g. 02:00–02:30 on a spring-forward night
//   where both ends move to the same instant) is dropped.
// - Touching intervals are merged (24/7 is one interval per year; 22:00–24:00 + 00:00–06:00 never closes).
import { civilFromEpochDay, epochDay, MS_PER_DAY, MS_PER_MINUTE, weekdayOfEpochDay } from './civil.ts';
import type { Rules } from './compile.ts';

export interface Chunk {
  year: number;
  /** Local midnight starting 1 January (inclusive) and the next year's (exclusive), as epoch ms. */
  start: number;
  end: number;
  starts: Float64Array;
  ends: Float64Array;
  /** cum[i] = open ms in this chunk before starts[i]. */
  cum: Float64Array;
  /** Open ms in the whole chunk. */
  total: number;
}

function isHoliday(rules: Rules, day: number): boolean {
  if (rules.datedHolidays.has(day)) return true;
  if (rules.yearlyHolidays.size === 0) return false;
  const { month, day: dom } = civilFromEpochDay(day);
  return rules.yearlyHolidays.has(month * 100 + dom);
}

/** Sorts [start, end] pairs by start and merges overlapping or touching ones. */
function mergePairs(pairs: [number, number][]): [number, number][] {
  pairs.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const p of pairs) {
    const last = out[out.length - 1];
    if (last && p[0] <= last[1]) {
      if (p[1] > last[1]) last[1] = p[1];
    } else {
      out.push([p[0], p[1]]);
    }
  }
  return out;
}

export function buildYear(rules: Rules, year: number): Chunk {
  const zone = rules.zone;
  const first = epochDay(year, 1, 1);
  const next = epochDay(year + 1, 1, 1);
  const at = (day: number, minute: number): number => zone.localToInstant(day * MS_PER_DAY + minute * MS_PER_MINUTE);
  const chunkStart = at(first, 0);
  const chunkEnd = at(next, 0);

  // Start dates from 31 December of the previous year: its overnight intervals reach into 1 January.
  const open: [number, number][] = [];
  for (let d = first - 1; d < next; d++) {
    const list = rules.exceptions.get(d) ?? rules.week[weekdayOfEpochDay(d)]!;
    for (const [s, e] of list) {
      // d * DAY + e * MINUTE with e > 1440 is exactly the next date's wall time, so "24:00" on one date and "00:00"
      // on the next resolve to the same instant and merge.
      const a = at(d, s);
      const b = at(d, e);
      if (b > a) open.push([a, b]);
    }
  }
  const merged = mergePairs(open);

  const closed: [number, number][] = [];
  for (let d = first; d < next; d++) {
    if (isHoliday(rules, d)) closed.push([at(d, 0), at(d + 1, 0)]);
  }
  const holidays = mergePairs(closed);

  // Subtract holidays and clip to the chunk in one sweep.
  const starts: number[] = [];
  const ends: number[] = [];
  let h = 0;
  for (const [a0, b0] of merged) {
    let a = Math.max(a0, chunkStart);
    const b = Math.min(b0, chunkEnd);
    while (a < b) {
      while (h < holidays.length && holidays[h]![1] <= a) h++;
      const hol = holidays[h];
      if (!hol || hol[0] >= b) {
        starts.push(a);
        ends.push(b);
        break;
      }
      if (hol[0] > a) {
        starts.push(a);
        ends.push(hol[0]);
      }
      a = hol[1];
    }
  }

  const n = starts.length;
  const chunk: Chunk = {
    year,
    start: chunkStart,
    end: chunkEnd,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    cum: new Float64Array(n),
    total: 0,
  };
  let sum = 0;
  for (let i = 0; i < n; i++) {
    chunk.cum[i] = sum;
    sum += ends[i]! - starts[i]!;
  }
  chunk.total = sum;
  return chunk;
}
