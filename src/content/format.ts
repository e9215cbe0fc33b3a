// Durations and times with Intl only: date-fns-tz would blow the content script's size budget.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
/** One formatter per language and style, made once (building an Intl formatter costs far more than using it). */
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = cache.get(key) as F | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

const unit = (lang: string, u: 'minute' | 'hour' | 'day'): Intl.NumberFormat =>
  cached(`n|${lang}|${u}`, () => new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: 0 }));

// Results, too: every badge on screen re-renders each second, and most show one of a few hundred durations.
const texts = new Map<string, string>();
function remember(key: string, text: string): string {
  if (texts.size > 5000) texts.clear();
  texts.set(key, text);
  return text;
}

/** "45 min", "2 hr 5 min", "3 days 4 hr" — two units at most; `lessThanMinute` for under a minute. */
export function formatMinutes(minutes: number, lang: string, lessThanMinute: string): string {
  const m = Math.floor(Math.abs(minutes));
  if (m < 1) return lessThanMinute;
  const key = `${lang}|${m}`;
  return texts.get(key) ?? remember(key, minutesText(m, lang));
}

function minutesText(m: number, lang: string): string {
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

const dateFormat = (lang: string, withDay: boolean): Intl.DateTimeFormat =>
  cached(`d|${lang}|${withDay}`, () => new Intl.DateTimeFormat(lang, { ...(withDay ? { weekday: 'short' } : {}), hour: '2-digit', minute: '2-digit' }));

/** "14:30" today, "Mon 09:00" on another day within a week, otherwise with the date. In the agent's own zone. */
export function formatWhen(ms: number, now: number, lang: string): string {
  // Local-time conversions cost: the agent's current day is worked out once, not twice per badge per tick.
  if (now < today.from || now >= today.to) today = localDay(now);
  const sameDay = ms >= today.from && ms < today.to;
  const style = sameDay ? 0 : Math.abs(ms - now) < 6 * 86_400_000 ? 1 : 2;
  // Every style shows minutes at most, so one text per minute (whole-minute zone offsets).
  const memo = `${lang}|${Math.floor(ms / 60_000)}|${style}`;
  return texts.get(memo) ?? remember(memo, (style < 2 ? dateFormat(lang, style === 1) : fullFormat(lang)).format(ms));
}

let today = { from: 0, to: 0 };
function localDay(now: number): { from: number; to: number } {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  const from = d.getTime();
  d.setDate(d.getDate() + 1); // a calendar day, 23 or 25 hours long on DST days
  return { from, to: d.getTime() };
}

const fullFormat = (lang: string): Intl.DateTimeFormat =>
  cached(`f|${lang}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }));
