// Numbers, durations, percentages and times for the UI, formatted with Intl in the UI language.
// Pure (no browser APIs) so the popup, reports page and tests share one implementation; callers
// pass the language, or set it once per page with setFormatLanguage(uiLanguage()).

let current = 'en';

/** Set the language every formatter uses when none is passed (call once at page start). */
export function setFormatLanguage(lang: string): void {
  current = supported(lang);
}

export function formatLanguage(): string {
  return current;
}

// Intl throws RangeError on a malformed tag; an unknown but well-formed tag falls back inside Intl.
function supported(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const cache = new Map<string, Intl.NumberFormat>();
function unitFormat(lang: string, unit: 'day' | 'hour' | 'minute', display: 'short' | 'narrow'): Intl.NumberFormat {
  const key = `${lang}|${unit}|${display}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: display, maximumFractionDigits: 0 });
    cache.set(key, f);
  }
  return f;
}

/**
 * Whole minutes as "1 h 5 min" style text in the language's own unit words (de "1 Std. 5 Min.",
 * nl "1 uur 5 min"). Durations of a day or more show days and hours ("2 days 3 hr"), because a
 * manager reading a backlog does not care about the minutes then. Negative input is formatted by
 * its size; callers say "overdue" in words so the sign is never the only signal.
 */
export function formatDuration(minutes: number, lang: string = current): string {
  if (!Number.isFinite(minutes)) return '—';
  const total = Math.round(Math.abs(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const parts: string[] = [];
  if (days > 0) {
    parts.push(unitFormat(lang, 'day', 'short').format(days));
    if (hours > 0) parts.push(unitFormat(lang, 'hour', 'short').format(hours));
    return parts.join(' ');
  }
  if (hours > 0) parts.push(unitFormat(lang, 'hour', 'short').format(hours));
  if (mins > 0 || hours === 0) parts.push(unitFormat(lang, 'minute', 'short').format(mins));
  return parts.join(' ');
}

/** A 0–1 share as a whole percentage ("93%" en, "93 %" de); null (nothing to measure) as a dash. */
export function formatPercent(share: number | null, lang: string = current): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function formatNumber(n: number, lang: string = current): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n);
}

/** Time of day ("17:00" de/nl, "5:00 PM" en), in `timeZone` when given (a schedule's zone), else the browser's. */
export function formatTime(at: number, lang: string = current, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(at);
}

/** Short weekday and time ("Mon 09:00"), for "opens Mon 09:00". */
export function formatWeekdayTime(at: number, lang: string = current, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang, {
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}

/** A calendar date ("12 Mar 2025"), for report tables and the breach list. */
export function formatDate(at: number, lang: string = current, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(at);
}

export function formatDateTime(at: number, lang: string = current, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(at);
}

/**
 * `at` relative to `now` ("in 5 minutes", "3 hours ago", "vor 3 Stunden"), in the largest unit that
 * keeps the number readable. Under a minute reads "now" / "jetzt".
 */
export function formatRelative(at: number, now: number, lang: string = current): string {
  const diffSec = (at - now) / 1000;
  const abs = Math.abs(diffSec);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (abs < 60) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.trunc(diffSec / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.trunc(diffSec / 3600), 'hour');
  return rtf.format(Math.trunc(diffSec / 86400), 'day');
}

/** "m:ss" or "h:mm:ss" countdown for a live clock that ticks each second. */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
