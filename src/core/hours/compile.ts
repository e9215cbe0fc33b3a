// Turns the JSON OpeningHours into numeric rules the materialiser can apply per date. Invalid pieces are skipped
// rather than thrown on: config validation (src/core/config) rejects them with a message; the engine must never
// take a clock down because of one bad interval.
import type { OpeningHours, WallInterval } from '../types.ts';
import { WEEKDAYS } from '../types.ts';
import { civilFromEpochDay, parseIsoDate } from './civil.ts';
import type { Zone } from './zone.ts';
import { zoneFor } from './zone.ts';

/** Minutes after the start date's midnight: 0 ≤ start < 1440, start < end ≤ 2880 (end > 1440 = overnight). */
export type MinuteInterval = readonly [number, number];

export interface Rules {
  zone: Zone;
  /** Index 0 = Monday. */
  week: MinuteInterval[][];
  /** Epoch days of dated holidays. */
  datedHolidays: Set<number>;
  /** month * 100 + day of yearly holidays ("--12-25" → 1225). "--02-29" simply never matches in common years. */
  yearlyHolidays: Set<number>;
  /** Epoch day → the intervals that start on that day instead of the weekly ones. */
  exceptions: Map<number, MinuteInterval[]>;
  /** True when nothing ever opens (no weekly intervals, no exception with hours). */
  neverOpen: boolean;
  /** Whether any weekly interval exists; if not, only exceptions can open, and none after lastOpeningYear. */
  weeklyOpens: boolean;
  /** Latest local year an exception interval can reach (its overnight part may spill into the next year). */
  lastExceptionOpenYear: number;
  /** Latest year named by a dated holiday or exception; after it the schedule repeats (weekday + yearly holidays). */
  lastDatedYear: number;
}

/** "HH:MM" → minutes; "24:00" → 1440; anything else → null. */
export function parseWallTime(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/**
 * [start, end] wall times → minutes after the start date's midnight, or null for an invalid or empty interval.
 * An end earlier than the start crosses midnight (22:00–06:00 → [1320, 1800]); so does "00:00" as an end
 * (22:00–00:00 = 22:00–24:00). start == end is empty, not 24 hours ("00:00"–"00:00" included).
 */
export function parseInterval(interval: WallInterval | unknown): MinuteInterval | null {
  if (!Array.isArray(interval) || interval.length !== 2) return null;
  const start = parseWallTime(interval[0]);
  let end = parseWallTime(interval[1]);
  if (start === null || end === null || start >= 1440 || start === end) return null;
  if (end < start) end += 1440;
  return [start, end];
}

function parseIntervals(list: unknown): MinuteInterval[] {
  const out: MinuteInterval[] = [];
  if (!Array.isArray(list)) return out;
  for (const item of list) {
    const iv = parseInterval(item);
    if (iv) out.push(iv);
  }
  return out;
}

export function compileRules(hours: OpeningHours): Rules {
  const zone = zoneFor(hours.timeZone);
  const week = WEEKDAYS.map((d) => parseIntervals(hours.week?.[d]));
  const weeklyOpens = week.some((list) => list.length > 0);
  let lastDatedYear = Number.NEGATIVE_INFINITY;
  let lastExceptionOpenYear = Number.NEGATIVE_INFINITY;

  const datedHolidays = new Set<number>();
  const yearlyHolidays = new Set<number>();
  for (const h of hours.holidays ?? []) {
    if (typeof h !== 'string') continue;
    const yearly = /^--(\d{2})-(\d{2})$/.exec(h);
    if (yearly) {
      const month = Number(yearly[1]);
      const day = Number(yearly[2]);
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31) yearlyHolidays.add(month * 100 + day);
      continue;
    }
    const day = parseIsoDate(h);
    if (day !== null) {
      datedHolidays.add(day);
      lastDatedYear = Math.max(lastDatedYear, civilFromEpochDay(day).year);
    }
  }

  // Two exceptions for the same date: the later entry wins (validation flags duplicates).
  const exceptions = new Map<number, MinuteInterval[]>();
  for (const ex of hours.exceptions ?? []) {
    const day = typeof ex?.date === 'string' ? parseIsoDate(ex.date) : null;
    if (day === null) continue;
    const list = parseIntervals(ex.hours);
    exceptions.set(day, list);
    const year = civilFromEpochDay(day).year;
    lastDatedYear = Math.max(lastDatedYear, year);
    if (list.length > 0) lastExceptionOpenYear = Math.max(lastExceptionOpenYear, year + 1);
  }

  return {
    zone,
    week,
    datedHolidays,
    yearlyHolidays,
    exceptions,
    neverOpen: !weeklyOpens && lastExceptionOpenYear === Number.NEGATIVE_INFINITY,
    weeklyOpens,
    lastExceptionOpenYear,
    lastDatedYear,
  };
}
