// Validation of one entry of `schedules`: zone, weekly hours (incl. overnight overlaps), holidays and exceptions.
import { WEEKDAYS, type DateException, type OpeningHours, type WallInterval, type Weekday } from '../types.ts';
import { isValidTimeZone } from '../tz.ts';
import { checkDate, checkHoliday, parseWallTime } from './dates.ts';
import { fields, id, items, noDuplicates, text } from './fields.ts';
import { LIMITS } from './limits.ts';
import { type Collector, at, describe, q } from './read.ts';

export const SCHEDULE_KEYS = ['id', 'name', 'timeZone', 'week', 'holidays', 'exceptions'] as const;
export const EXCEPTION_KEYS = ['date', 'hours', 'note'] as const;

/** A checked interval in minutes: own-day part [start, min(end,1440)), plus [0, end) next day when overnight. */
interface Span {
  start: number;
  end: number;
  overnight: boolean;
  label: string;
  path: string;
  index: number;
}

function show(iv: WallInterval): string {
  return `${JSON.stringify(iv[0])}–${JSON.stringify(iv[1])}`;
}

/** Checks a list of [start, end] pairs; returns the copy and their spans, or null when any entry is broken. */
function intervals(c: Collector, v: unknown, path: string, label: string): { list: WallInterval[]; spans: Span[] } | null {
  const entries = items(c, v, path, LIMITS.intervalsPerDay, 'a list of ["HH:MM", "HH:MM"] pairs');
  if (!entries) return null;
  const list: WallInterval[] = [];
  const spans: Span[] = [];
  let broken = false;
  for (const [i, iv] of entries) {
    const p = at(path, i);
    const pair = items(c, iv, p, 2, 'a ["start", "end"] pair like ["09:00", "17:00"]');
    if (!pair) {
      broken = true;
      continue;
    }
    if (pair.length !== 2) {
      c.add(p, `must be a ["start", "end"] pair like ["09:00", "17:00"], not a list of ${pair.length}`);
      broken = true;
      continue;
    }
    const [s, e] = [pair[0]?.[1], pair[1]?.[1]];
    const start = typeof s === 'string' ? parseWallTime(s, false) : null;
    const end = typeof e === 'string' ? parseWallTime(e, true) : null;
    if (start === null) c.add(at(p, 0), startMessage(s));
    if (end === null) c.add(at(p, 1), endMessage(e));
    if (start === null || end === null) {
      broken = true;
      continue;
    }
    const copy: WallInterval = [s as string, e as string];
    if (start === end) {
      c.add(p, `${show(copy)} starts and ends at the same time; for a whole day use ["00:00", "24:00"]`);
      broken = true;
      continue;
    }
    list.push(copy);
    spans.push({ start, end, overnight: end < start, label: `${label}[${i}] (${show(copy)})`, path: p, index: i });
  }
  return broken ? null : { list, spans };
}

function startMessage(v: unknown): string {
  if (typeof v !== 'string') return `must be a time of day like "09:00", not ${describe(v)}`;
  if (v === '24:00') return '"24:00" is only valid as an end; a day starts at "00:00"';
  return `${q(v)} is not a time of day (use "HH:MM", 00:00–23:59)`;
}

function endMessage(v: unknown): string {
  if (typeof v !== 'string') return `must be a time of day like "17:00", not ${describe(v)}`;
  return `${q(v)} is not a time of day (use "HH:MM", 00:00–23:59, or "24:00" for midnight)`;
}

interface Segment {
  start: number;
  end: number;
  span: Span;
  /** The part of an overnight interval of the day before. */
  spill: boolean;
}

/** Reports overlaps among a day's segments; the error sits on the day's own interval, naming the other one. */
function reportOverlaps(c: Collector, segments: Segment[], day: string): void {
  const sorted = [...segments].sort((a, b) => a.start - b.start || a.end - b.end);
  let reach: Segment | undefined;
  for (const seg of sorted) {
    if (reach && seg.start < reach.end) {
      // Put the error on the interval that belongs to this day (never the spill) and, among own ones, the later-listed.
      const [here, other] = reach.spill || (!seg.spill && seg.span.index > reach.span.index) ? [seg, reach] : [reach, seg];
      const how = other.spill ? `, which runs past midnight into ${day}` : '';
      c.add(here.span.path, `overlaps ${other.span.label}${how}`);
    }
    if (!reach || seg.end > reach.end) reach = seg;
  }
}

function ownSegment(span: Span): Segment {
  return { start: span.start, end: span.overnight ? 1440 : span.end, span, spill: false };
}

function week(c: Collector, v: unknown, path: string): OpeningHours['week'] | null {
  const f = fields(c, v, path, WEEKDAYS, [], 'an object with keys mon…sun');
  if (!f) return null;
  const out: OpeningHours['week'] = {};
  const spans = new Map<Weekday, Span[]>();
  let broken = false;
  for (const day of WEEKDAYS) {
    if (!f.has(day)) continue;
    const got = intervals(c, f.get(day), at(path, day), day);
    if (!got) {
      broken = true;
      continue;
    }
    out[day] = got.list;
    spans.set(day, got.spans);
  }
  // Days that parsed are still checked for overlaps, so one typo does not hide other problems.
  const before = c.errors.length;
  WEEKDAYS.forEach((day, d) => {
    const prev = WEEKDAYS[(d + 6) % 7] as Weekday; // Sunday night runs into Monday: the week wraps.
    const segs: Segment[] = (spans.get(day) ?? []).map(ownSegment);
    for (const s of spans.get(prev) ?? []) if (s.overnight && s.end > 0) segs.push({ start: 0, end: s.end, span: s, spill: true });
    reportOverlaps(c, segs, day);
  });
  return broken || c.errors.length > before ? null : out;
}

function exception(c: Collector, v: unknown, path: string): DateException | null {
  const f = fields(c, v, path, EXCEPTION_KEYS, ['date', 'hours'], 'an object like {"date": "2026-12-24", "hours": [["09:00", "13:00"]]}');
  if (!f) return null;
  let ok = true;
  const out: Partial<DateException> = {};
  if (f.has('date')) {
    const d = text(c, f.get('date'), at(path, 'date'), { max: 10 });
    const check = d === null ? null : checkDate(d);
    if (check && !check.ok) c.add(at(path, 'date'), check.message);
    if (d !== null && check?.ok) out.date = d;
    else ok = false;
  }
  if (f.has('hours')) {
    const got = intervals(c, f.get('hours'), at(path, 'hours'), 'hours');
    if (got) {
      const before = c.errors.length;
      reportOverlaps(c, got.spans.map(ownSegment), 'the next day');
      if (c.errors.length === before) out.hours = got.list;
      else ok = false;
    } else ok = false;
  }
  if (f.has('note')) {
    const n = text(c, f.get('note'), at(path, 'note'), { max: LIMITS.name, empty: true });
    if (n === null) ok = false;
    else out.note = n;
  }
  return ok && out.date !== undefined && out.hours !== undefined ? (out as DateException) : null;
}

/** Does the holiday (dated or yearly "--MM-DD") fall on `date` ("YYYY-MM-DD")? */
function holidayHits(holiday: string, date: string): boolean {
  return holiday.startsWith('--') ? date.slice(4) === holiday.slice(1) : holiday === date;
}

/** The checked schedule (null when it has problems) and its id when that part alone is valid, for cross-checks. */
export function checkSchedule(c: Collector, v: unknown, path: string): { value: OpeningHours | null; id: string | null } {
  const f = fields(c, v, path, SCHEDULE_KEYS, ['id', 'timeZone', 'week'], 'an object (one schedule)');
  if (!f) return { value: null, id: null };
  const before = c.errors.length;
  const out: Partial<OpeningHours> = {};

  if (f.has('id')) out.id = id(c, f.get('id'), at(path, 'id')) ?? undefined;
  if (f.has('name')) out.name = text(c, f.get('name'), at(path, 'name'), { max: LIMITS.name }) ?? undefined;
  if (f.has('timeZone')) {
    const tz = f.get('timeZone');
    if (typeof tz !== 'string') c.add(at(path, 'timeZone'), `must be a time zone name like "Europe/Amsterdam", not ${describe(tz)}`);
    else if (!isValidTimeZone(tz)) c.add(at(path, 'timeZone'), `${q(tz)} is not a known time zone (use an IANA name like "Europe/Amsterdam" or "America/New_York")`);
    else out.timeZone = tz;
  }
  if (f.has('week')) out.week = week(c, f.get('week'), at(path, 'week')) ?? undefined;

  if (f.has('holidays')) {
    const p = at(path, 'holidays');
    const entries = items(c, f.get('holidays'), p, LIMITS.datesPerSchedule, 'a list of dates ("YYYY-MM-DD" or "--MM-DD")');
    if (entries) {
      const list: string[] = [];
      const seen: [string, string][] = [];
      for (const [i, h] of entries) {
        const s = text(c, h, at(p, i), { max: 10 });
        if (s === null) continue;
        const check = checkHoliday(s);
        if (!check.ok) c.add(at(p, i), check.message);
        else {
          list.push(s);
          seen.push([at(p, i), s]);
        }
      }
      noDuplicates(c, seen, 'holiday');
      out.holidays = list;
    }
  }

  if (f.has('exceptions')) {
    const p = at(path, 'exceptions');
    const entries = items(c, f.get('exceptions'), p, LIMITS.datesPerSchedule, 'a list of {"date", "hours"} objects');
    if (entries) {
      const list: DateException[] = [];
      const dates: [string, string][] = [];
      for (const [i, e] of entries) {
        const ex = exception(c, e, at(p, i));
        if (!ex) continue;
        list.push(ex);
        dates.push([at(at(p, i), 'date'), ex.date]);
        // The engine lets a holiday win over an exception; hours that can never apply are surely a mistake.
        const hit = (out.holidays ?? []).findIndex((h) => holidayHits(h, ex.date));
        if (hit >= 0) c.add(at(at(p, i), 'date'), `${q(ex.date)} is also a holiday (holidays[${hit}]), which closes the whole day, so these hours would never apply`);
      }
      noDuplicates(c, dates, 'exception date');
      out.exceptions = list;
    }
  }

  if (c.errors.length > before) return { value: null, id: out.id ?? null };
  // Canonical key order so an exported file reads the same way every time.
  const result: OpeningHours = { id: out.id as string, ...(out.name !== undefined && { name: out.name }), timeZone: out.timeZone as string, week: out.week ?? {} };
  if (out.holidays) result.holidays = out.holidays;
  if (out.exceptions) result.exceptions = out.exceptions;
  return { value: result, id: result.id };
}
