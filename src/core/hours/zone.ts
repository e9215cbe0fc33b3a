// Time-zone offsets without calling Intl on every query. For each zone and UTC year we ask Intl once per half day,
// find every offset change by bisection (to the second — tzdb transitions fall on whole seconds), and keep the
// resulting small transition table. After that, offsets, wall-time → instant and instant → wall-time are arithmetic.
import { isValidTimeZone } from '../tz.ts';
import { civilFromEpochDay, epochDay, isoDate, MS_PER_DAY, MS_PER_MINUTE, weekdayOfEpochDay } from './civil.ts';

/** Sampling step. Two transitions that cancel out within one step would be missed; tzdb has none that close. */
const SAMPLE_MS = 12 * 3_600_000;

interface ZoneYear {
  start: number;
  end: number;
  /** Instants at which the offset changes, ascending. */
  trans: number[];
  /** offsets[0] applies from `start`; offsets[i + 1] from trans[i]. In ms, east of UTC positive. */
  offsets: number[];
}

export class Zone {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly years = new Map<number, ZoneYear>();
  // The last year used: most lookups hit the same year as the previous one.
  private last: ZoneYear | null = null;

  constructor(readonly timeZone: string) {
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The offset Intl reports at `ms` (slow; only used while building tables). */
  private intlOffset(ms: number): number {
    const at = Math.floor(ms / 1000) * 1000;
    // format() is ~3× faster than formatToParts(); en-US with h23 reads "3/29/2026, 02:30:00".
    const m = /(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)/.exec(this.fmt.format(at));
    if (!m) throw new RangeError(`Cannot read the offset of ${this.timeZone}`);
    const wall =
      epochDay(Number(m[3]), Number(m[1]), Number(m[2])) * MS_PER_DAY +
      (Number(m[4]) % 24) * 3_600_000 +
      Number(m[5]) * MS_PER_MINUTE +
      Number(m[6]) * 1000;
    return wall - at;
  }

  private build(year: number): ZoneYear {
    const start = epochDay(year, 1, 1) * MS_PER_DAY;
    const end = epochDay(year + 1, 1, 1) * MS_PER_DAY;
    const trans: number[] = [];
    const offsets: number[] = [this.intlOffset(start)];
    let prevAt = start;
    let prevOff = offsets[0]!;
    for (let t = Math.min(start + SAMPLE_MS, end - 1000); ; t = Math.min(t + SAMPLE_MS, end - 1000)) {
      const off = this.intlOffset(t);
      // Find every change between prevAt and t (more than one only if two happened within a step).
      while (off !== prevOff) {
        let lo = Math.floor(prevAt / 1000); // offset here is prevOff
        let hi = Math.floor(t / 1000); // offset here differs
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (this.intlOffset(mid * 1000) === prevOff) lo = mid;
          else hi = mid;
        }
        prevAt = hi * 1000;
        prevOff = this.intlOffset(prevAt);
        trans.push(prevAt);
        offsets.push(prevOff);
      }
      prevAt = t;
      if (t >= end - 1000) break;
    }
    const zy = { start, end, trans, offsets };
    this.years.set(year, zy);
    return zy;
  }

  private yearOf(ms: number): ZoneYear {
    const last = this.last;
    if (last && ms >= last.start && ms < last.end) return last;
    const year = civilFromEpochDay(Math.floor(ms / MS_PER_DAY)).year;
    const zy = this.years.get(year) ?? this.build(year);
    this.last = zy;
    return zy;
  }

  /** UTC offset in ms at instant `ms`. */
  offsetAt(ms: number): number {
    const zy = this.yearOf(ms);
    const trans = zy.trans;
    let i = 0;
    while (i < trans.length && ms >= trans[i]!) i++;
    return zy.offsets[i]!;
  }

  /**
   * The instant a local wall reading (expressed as ms since 1970-01-01T00:00 local) denotes, with Temporal's
   * "compatible" disambiguation: in a spring-forward gap the time moves forward by the gap's length (it is read
   * with the offset from before the gap); in a fall-back overlap the earlier instant wins.
   */
  localToInstant(local: number): number {
    const before = this.offsetAt(local - MS_PER_DAY);
    const after = this.offsetAt(local + MS_PER_DAY);
    if (before === after) {
      // Common case: no change within a day either side.
      const candidate = local - before;
      if (this.offsetAt(candidate) === before) return candidate;
    }
    // Offsets are within ±1 day, so the real offset is one of these; also try the offsets found at the candidates
    // themselves in case a zone changed twice within two days.
    let best = Number.POSITIVE_INFINITY;
    const tries = [before, after, this.offsetAt(local - before), this.offsetAt(local - after)];
    for (const o of tries) {
      const candidate = local - o;
      if (this.offsetAt(candidate) === o && candidate < best) best = candidate;
    }
    return best === Number.POSITIVE_INFINITY ? local - before : best;
  }
}

const zones = new Map<string, Zone>();

/** The shared, lazily built offset table of a zone. Throws RangeError for a zone the platform does not know. */
export function zoneFor(timeZone: string): Zone {
  let z = zones.get(timeZone);
  if (!z) {
    if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${String(timeZone)}`);
    z = new Zone(timeZone);
    zones.set(timeZone, z);
  }
  return z;
}

/** Instant (epoch ms) of a wall-clock time on a local date; minuteOfDay may be 1440 ("24:00" = next midnight). */
export function wallTimeToInstant(timeZone: string, year: number, month: number, day: number, minuteOfDay: number): number {
  return zoneFor(timeZone).localToInstant(epochDay(year, month, day) * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE);
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Whole minutes since local midnight (seconds dropped). */
  minuteOfDay: number;
  /** "YYYY-MM-DD". */
  date: string;
}

/** The local calendar date and time of an instant in a zone. */
export function zonedParts(timeZone: string, ms: number): ZonedParts {
  const local = ms + zoneFor(timeZone).offsetAt(ms);
  const days = Math.floor(local / MS_PER_DAY);
  const { year, month, day } = civilFromEpochDay(days);
  return {
    year,
    month,
    day,
    weekday: weekdayOfEpochDay(days),
    minuteOfDay: Math.floor((local - days * MS_PER_DAY) / MS_PER_MINUTE),
    date: isoDate(year, month, day),
  };
}
