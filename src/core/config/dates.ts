// Wall-clock times and calendar dates as the team config writes them ("HH:MM", "YYYY-MM-DD", "--MM-DD").

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight for "HH:MM" (00:00–23:59), 1440 for "24:00" when `asEnd`; null when not a time of day. */
export function parseWallTime(s: string, asEnd: boolean): number | null {
  if (asEnd && s === '24:00') return 1440;
  const m = TIME.exec(s);
  if (!m) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}

export const MIN_YEAR = 1970;
export const MAX_YEAR = 2999;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC so no zone can shift it.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export type DateCheck = { ok: true } | { ok: false; message: string };

/** "YYYY-MM-DD" that exists on the calendar (no 2026-02-30). */
export function checkDate(s: string): DateCheck {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return { ok: false, message: `${JSON.stringify(s)} is not a date (use "YYYY-MM-DD")` };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, message: `${JSON.stringify(s)}: year must be ${MIN_YEAR}–${MAX_YEAR}` };
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `${JSON.stringify(s)} is not a day on the calendar` };
  }
  return { ok: true };
}

/** "--MM-DD", a day that exists in some year ("--02-29" is fine: it applies in leap years only). */
export function checkYearly(s: string): DateCheck {
  const m = /^--(\d{2})-(\d{2})$/.exec(s);
  if (!m) return { ok: false, message: `${JSON.stringify(s)} is not a yearly date (use "--MM-DD")` };
  const [month, day] = [Number(m[1]), Number(m[2])];
  // 2024 is a leap year, so February allows 29.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2024, month)) {
    return { ok: false, message: `${JSON.stringify(s)} is not a day on the calendar` };
  }
  return { ok: true };
}

/** Holidays are either form; the message names both forms when neither fits. */
export function checkHoliday(s: string): DateCheck {
  if (s.startsWith('--')) return checkYearly(s);
  if (/^\d{4}-/.test(s)) return checkDate(s);
  return { ok: false, message: `${JSON.stringify(s)} is not a date (use "YYYY-MM-DD", or "--MM-DD" for every year)` };
}
