// Facebook shows no machine-readable time on comments or chats: only text such as "2h", "2 Std.", "5 min",
// "Yesterday at 14:05", "12. März um 10:15" — in the viewer's language and local zone. This turns that
// text into an instant plus how far off it may be, so a clock never claims more precision than the page
// gave. English, German and Dutch; anything else (or anything odd) is null, and the caller falls back to
// first-seen time. Pure: `now` and the zone (a WallClock) come from the caller.
import type { WallClock } from './wall-clock.ts';

export interface FbTime {
  /** Epoch ms: the middle of the span the text denotes. */
  at: number;
  /** ± ms around `at` that the text cannot tell apart: "2 h" ±30 min, "5 min" ±30 s, "3 d" ±12 h. */
  precisionMs: number;
}

const SEC = 1000;
const MINUTE = 60 * SEC;
const DAY = 86_400_000;

// Calendar arithmetic in UTC days (proleptic Gregorian, any year), through Date's own rules: this module ships in
// the Facebook content script, which cannot afford the hours engine's civil-date code (content-script size budget).
const utcDay = (year: number, month: number, day: number): number => new Date(0).setUTCFullYear(year, month - 1, day) / DAY;
function civilDay(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
const daysInMonth = (year: number, month: number): number => civilDay(utcDay(year, month + 1, 0)).day;

/** Words → value: groups separated by "|", words by " " (compact: these tables ship in every Facebook page). */
function table<V>(groups: string, value: (group: number) => V): Map<string, V> {
  return new Map(groups.split('|').flatMap((g, i) => g.split(' ').map((w) => [w, value(i)] as const)));
}

// Unit words as Facebook abbreviates or spells them (en / de / nl), singular and plural; one group per unit.
const UNIT_MS = [SEC, MINUTE, 60 * MINUTE, DAY, 7 * DAY, 30.436875 * DAY, 365.2425 * DAY];
const UNIT = table(
  's sec secs second seconds sek sekunde sekunden seconde seconden' +
    '|m min mins minute minutes minuten minuut mn' +
    '|h hr hrs hour hours std stunde stunden u uur uren' +
    '|d day days t tag tage tagen dag dagen' +
    '|w wk wks week weeks wo woche wochen weken' +
    '|mo mos month months monat monate monaten mnd maand maanden' +
    '|y yr yrs year years j jr jahr jahre jahren jaar jaren',
  (i) => UNIT_MS[i]!,
);
const ONE = new Set('a an one ein eine einer einem een'.split(' '));

// Month 1 … 12.
const MONTH = table(
  'jan january januar januari jänner jän|feb february februar februari|mar march mär märz maerz mrt maart' +
    '|apr april|may mai mei|jun june juni|jul july juli|aug august augustus|sep sept september' +
    '|oct october okt oktober|nov november|dec december dez dezember',
  (i) => i + 1,
);

// 0 = Monday … 6 = Sunday, matching WallParts.weekday.
const WEEKDAY = table(
  'mon monday mo montag ma maandag|tue tues tuesday di dienstag dinsdag|wed wednesday mi mittwoch wo woensdag' +
    '|thu thur thurs thursday do donnerstag donderdag|fri friday fr freitag vr vrijdag' +
    '|sat saturday sa samstag sonnabend za zaterdag|sun sunday so sonntag zo zondag',
  (i) => i,
);

// Whole phrases (some of two words), one per group.
const JUST_NOW = new Set('just now|now|gerade eben|soeben|jetzt|zojuist|net|nu|zonet|nu net'.split('|'));
const TODAY = new Set(['today', 'heute', 'vandaag']);
const YESTERDAY = new Set(['yesterday', 'gestern', 'gisteren']);

// "14:05", "14.05", "2:05 PM", "2:05 p.m.", "14:05 Uhr".
const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?\s?m\.?)?(?:\s*uhr)?`;
const AT = String.raw`(?:,?\s*(?:at|um|om|,)\s*|\s+)`;
const RELATIVE = /^(?:about\s+|vor\s+|etwa\s+|ongeveer\s+)?(\d{1,4}|[a-z]+)\s*([a-zäöü]+)\.?(?:\s+(?:ago|geleden|her))?$/;
const DAY_AT = new RegExp(String.raw`^([a-zäöü]+)\.?${AT}${TIME}$`);
const DAY_MONTH = new RegExp(String.raw`^(\d{1,2})\.?\s*([a-zäöü]+)\.?(?:,?\s+(\d{4}))?(?:${AT}${TIME})?$`);
const MONTH_DAY = new RegExp(String.raw`^([a-zäöü]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?(?:${AT}${TIME})?$`);
// A leading weekday ("Monday, 12 March 2026 at 10:15", "Montag, 12. März …", "maandag 12 maart …").
const LEADING_WEEKDAY = /^([a-zäöü]+)\.?,?\s+(?=\d|[a-zäöü]+\.?\s+\d)/;

/** Lower case, one plain space between words (Facebook uses no-break and narrow no-break spaces). */
function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f\u2009·]+/g, ' ')
    .trim();
}

/** Minutes since midnight of a matched TIME, or null for an impossible time. */
function minuteOf(h: string | undefined, m: string | undefined, ampm: string | undefined): number | null {
  let hour = Number(h);
  const minute = Number(m);
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || minute > 59) return null;
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'p' ? 12 : 0);
  } else if (hour > 23) return null;
  return hour * 60 + minute;
}

/** A displayed minute covers that whole minute: its middle, ±30 s. */
function atMinute(clock: WallClock, day: number, minute: number): FbTime {
  const { year, month, day: d } = civilDay(day);
  return { at: clock.instant(year, month, d, minute) + 30 * SEC, precisionMs: 30 * SEC };
}

/** A date without a time: the middle of that local day (23 or 25 hours long around DST changes). */
function atDay(clock: WallClock, day: number): FbTime {
  const a = civilDay(day);
  const b = civilDay(day + 1);
  const start = clock.instant(a.year, a.month, a.day, 0);
  const end = clock.instant(b.year, b.month, b.day, 0);
  return { at: (start + end) / 2, precisionMs: (end - start) / 2 };
}

function relative(s: string, now: number): FbTime | null {
  const m = RELATIVE.exec(s);
  if (!m) return null;
  const n = /^\d/.test(m[1]!) ? Number(m[1]) : ONE.has(m[1]!) ? 1 : NaN;
  const unit = UNIT.get(m[2]!);
  if (!Number.isFinite(n) || unit === undefined) return null;
  // Facebook does not say whether it rounds or floors: the shown count, give or take half a unit.
  return { at: now - n * unit, precisionMs: unit / 2 };
}

function dayWord(s: string, now: number, clock: WallClock): FbTime | null {
  const m = DAY_AT.exec(s);
  const word = m ? m[1]! : s.replace(/\.$/, ''); // "Yesterday", "Mon." alone: the whole day
  // Days back (-1: the weekday's last occurrence), decided before the wall clock is read: most texts tried are no day word.
  const back = TODAY.has(word) ? 0 : YESTERDAY.has(word) ? 1 : WEEKDAY.has(word) ? -1 : null;
  if (back === null) return null;
  const today = clock.parts(now);
  const day = utcDay(today.year, today.month, today.day) - (back < 0 ? (today.weekday - WEEKDAY.get(word)! + 7) % 7 || 7 : back);
  if (!m) return atDay(clock, day);
  const minute = minuteOf(m[2], m[3], m[4]);
  return minute === null ? null : atMinute(clock, day, minute);
}

function calendarDate(s: string, now: number, clock: WallClock): FbTime | null {
  const lead = LEADING_WEEKDAY.exec(s);
  if (lead && WEEKDAY.has(lead[1]!)) s = s.slice(lead[0].length);
  let day: string, monthWord: string, m: RegExpExecArray | null;
  if ((m = DAY_MONTH.exec(s))) [day, monthWord] = [m[1]!, m[2]!];
  else if ((m = MONTH_DAY.exec(s))) [monthWord, day] = [m[1]!, m[2]!];
  else return null;
  const month = MONTH.get(monthWord);
  if (month === undefined) return null;
  const [, , , yearText, h, min, ampm] = m;
  const minute = h === undefined ? null : minuteOf(h, min, ampm);
  if (h !== undefined && minute === null) return null;
  const today = clock.parts(now);
  const build = (year: number): FbTime | null => {
    const d = Number(day);
    if (d < 1 || d > daysInMonth(year, month)) return null;
    const ed = utcDay(year, month, d);
    return minute === null ? atDay(clock, ed) : atMinute(clock, ed, minute);
  };
  if (yearText) return build(Number(yearText));
  // No year: this year's date unless that lies ahead, then last year's (Facebook omits the current year).
  const thisYear = build(today.year);
  if (thisYear && thisYear.at - thisYear.precisionMs <= now) return thisYear;
  return build(today.year - 1);
}

/**
 * Parses one Facebook time text in the viewer's zone (`clock`: localWallClock in a content script). Returns null for anything not recognised, for
 * impossible dates, and for times in the future (a misreading, never a real post time).
 */
export function parseFbTime(text: string, now: number, clock: WallClock): FbTime | null {
  const s = normalise(text);
  if (!s || s.length > 60) return null;
  if (JUST_NOW.has(s)) return { at: now - 30 * SEC, precisionMs: 30 * SEC };
  let r: FbTime | null;
  try {
    r = relative(s, now) ?? dayWord(s, now, clock) ?? calendarDate(s, now, clock);
  } catch {
    return null; // unknown zone: the caller falls back to first-seen time
  }
  if (!r || !Number.isFinite(r.at) || r.at - r.precisionMs > now) return null;
  // "Today", or this very minute: the span cannot reach past now, so cut it there.
  const end = r.at + r.precisionMs;
  if (end <= now) return r;
  const start = r.at - r.precisionMs;
  return { at: (start + now) / 2, precisionMs: (now - start) / 2 };
}

/**
 * Finds the time at the END of a longer label ("Comment by Jane Doe 2 hours ago", "Kommentar von Jan vor
 * 2 Stunden", "Reactie van An 2 uur geleden"): the shortest trailing run of words that parses. A run must
 * hold a digit or two words, so a name ending in "Net" or "Nu" is not read as "just now".
 */
export function findFbTime(label: string, now: number, clock: WallClock): FbTime | null {
  const words = normalise(label).split(' ');
  for (let k = 1; k <= Math.min(8, words.length); k++) {
    const tail = words.slice(words.length - k).join(' ');
    if (k < 2 && !/\d/.test(tail)) continue;
    const r = parseFbTime(tail, now, clock);
    if (r) return r;
  }
  return null;
}
