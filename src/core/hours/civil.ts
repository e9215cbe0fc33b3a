// Proleptic-Gregorian calendar arithmetic on plain numbers. The engine works in "epoch days" (days since
// 1970-01-01) so that walking dates and computing weekdays never allocates a Date or calls Intl.

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a civil date (month 1–12). Valid for any year, unlike Date.UTC (which maps 0–99 to 19xx). */
export function epochDay(year: number, month: number, day: number): number {
  // Howard Hinnant's days_from_civil: years start in March so the leap day is the last day of the "year".
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export interface Civil {
  year: number;
  month: number;
  day: number;
}

/** Inverse of epochDay. */
export function civilFromEpochDay(days: number): Civil {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/** Year of an epoch day, without building the whole civil date. */
export function yearOfEpochDay(days: number): number {
  return civilFromEpochDay(days).year;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** "YYYY-MM-DD" (years outside 0–9999 are written with as many digits as they need). */
export function isoDate(year: number, month: number, day: number): string {
  return `${year < 0 ? '-' + pad(-year, 4) : pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Parses "YYYY-MM-DD" to an epoch day; null for anything else, including impossible dates like 2026-02-30. */
export function parseIsoDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return epochDay(year, month, day);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
