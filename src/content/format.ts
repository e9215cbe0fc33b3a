// Durations and times with Intl only: date-fns-tz would blow the content script's size budget.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function unit(lang: string, u: 'minute' | 'hour' | 'day'): Intl.NumberFormat {
  const key = `n|${lang}|${u}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: 0 });
    cache.set(key, f);
  }
  return f;
}

/** "45 min", "2 hr 5 min", "3 days 4 hr" — two units at most; `lessThanMinute` for under a minute. */
export function formatMinutes(minutes: number, lang: string, lessThanMinute: string): string {
  const m = Math.floor(Math.abs(minutes));
  if (m < 1) return lessThanMinute;
  if (m < 60) return unit(lang, 'minute').format(m);
  if (m < 24 * 60) {
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest ? `${unit(lang, 'hour').format(h)} ${unit(lang, 'minute').format(rest)}` : unit(lang, 'hour').format(h);
  }
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  return h ? `${unit(lang, 'day').format(d)} ${unit(lang, 'hour').format(h)}` : unit(lang, 'day').format(d);
}

function dateFormat(lang: string, withDay: boolean): Intl.DateTimeFormat {
  const key = `d|${lang}|${withDay}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      ...(withDay ? { weekday: 'short' } : {}),
      hour: '2-digit',
      minute: '2-digit',
    });
    cache.set(key, f);
  }
  return f;
}

/** "14:30" today, "Mon 09:00" on another day within a week, otherwise with the date. In the agent's own zone. */
export function formatWhen(ms: number, now: number, lang: string): string {
  const a = new Date(ms);
  const b = new Date(now);
  const sameDay = a.toDateString() === b.toDateString();
  if (sameDay) return dateFormat(lang, false).format(a);
  if (Math.abs(ms - now) < 6 * 86_400_000) return dateFormat(lang, true).format(a);
  const key = `f|${lang}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    cache.set(key, f);
  }
  return f.format(a);
}
