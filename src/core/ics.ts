// Imports holidays from an iCalendar (RFC 5545) file, e.g. a public-holiday calendar exported from Google or Outlook.
// Only whole-day events can close a day: timed events are reported as skipped rather than guessed at.
//
// Recurrence: FREQ=YEARLY (INTERVAL 1, no BYDAY/BYWEEKNO/BYYEARDAY/BYSETPOS) becomes yearly "--MM-DD" entries; with
// COUNT or UNTIL it is expanded to the dated occurrences instead (at most MAX_OCCURRENCES), since a yearly entry
// would close the day forever. Anything else that recurs (weekly, monthly, "4th Thursday of November", INTERVAL > 1
// without an end) is skipped with a reason. EXDATE/RDATE are not applied (noted in the skip list when present).
import { civilFromEpochDay, epochDay, isoDate } from './hours/civil.ts';

export interface IcsImport {
  holidays: string[];
  skipped: { summary: string; reason: string }[];
}

const MAX_DAYS = 366;
const MAX_OCCURRENCES = 200;

interface Prop {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** RFC 5545 §3.1: a CRLF (or bare LF/CR) followed by a space or tab continues the previous line. */
function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]|\n[ \t]|\r[ \t]/g, '').split(/\r\n|\n|\r/);
}

function parseLine(line: string): Prop | null {
  // Parameters may be quoted and contain ':' or ';', so scan instead of splitting.
  let i = 0;
  let inQuotes = false;
  let colon = -1;
  for (; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return null;
  const head = line.slice(0, colon);
  const parts = head.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const name = (parts[0] ?? '').trim().toUpperCase();
  if (!name) return null;
  const params: Record<string, string> = {};
  for (const p of parts.slice(1)) {
    const eq = p.indexOf('=');
    if (eq > 0) params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
  }
  return { name, params, value: line.slice(colon + 1) };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** "20261225" → epoch day; null if not a real date. */
function parseDateValue(value: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const day = epochDay(y, mo, d);
  const back = civilFromEpochDay(day);
  return back.year === y && back.month === mo && back.day === d ? day : null;
}

/** Whole days of an RFC 5545 duration like "P1D", "P2W", "P1DT0H"; null if not whole days. */
function durationDays(value: string): number | null {
  const m = /^\+?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value.trim());
  if (!m) return null;
  const [, w, d, h, mi, s] = m;
  if (Number(h ?? 0) || Number(mi ?? 0) || Number(s ?? 0)) return null;
  return Number(w ?? 0) * 7 + Number(d ?? 0);
}

function handleEvent(props: Prop[], holidays: Set<string>, skipped: IcsImport['skipped']): void {
  const get = (name: string): Prop | undefined => props.find((p) => p.name === name);
  const summary = unescapeText(get('SUMMARY')?.value ?? '').trim();
  const skip = (reason: string): void => {
    skipped.push({ summary, reason });
  };
  const status = get('STATUS')?.value.trim().toUpperCase();
  if (status === 'CANCELLED') return skip('cancelled');
  const dtstart = get('DTSTART');
  if (!dtstart) return skip('no start date');
  const isDate = dtstart.params['VALUE']?.toUpperCase() === 'DATE' || /^\d{8}$/.test(dtstart.value.trim());
  if (!isDate) return skip('timed event (only all-day events close a day)');
  const first = parseDateValue(dtstart.value);
  if (first === null) return skip('invalid start date');

  let days = 1; // RFC 5545: an all-day DTSTART without DTEND or DURATION lasts one day
  const dtend = get('DTEND');
  const duration = get('DURATION');
  if (dtend) {
    const end = parseDateValue(dtend.value);
    if (end === null) return skip('invalid end date');
    days = end - first;
  } else if (duration) {
    const d = durationDays(duration.value);
    if (d === null) return skip('duration is not whole days');
    days = d;
  }
  if (days < 1) days = 1; // DTEND == DTSTART in the wild means "that day"
  if (days > MAX_DAYS) return skip(`longer than ${MAX_DAYS} days`);

  const rrule = get('RRULE');
  let years: number[] | 'yearly' | null = null;
  if (rrule) {
    const rule: Record<string, string> = {};
    for (const part of rrule.value.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0) rule[part.slice(0, eq).trim().toUpperCase()] = part.slice(eq + 1).trim().toUpperCase();
    }
    const interval = Number(rule['INTERVAL'] ?? '1');
    if (rule['FREQ'] !== 'YEARLY') return skip('unsupported recurrence (only yearly rules)');
    if (rule['BYDAY'] || rule['BYWEEKNO'] || rule['BYYEARDAY'] || rule['BYSETPOS'] || !(interval >= 1) || !Number.isInteger(interval)) {
      return skip('unsupported recurrence (a weekday rule such as "4th Thursday" has no fixed date)');
    }
    const startYear = civilFromEpochDay(first).year;
    if (rule['COUNT'] || rule['UNTIL']) {
      const count = rule['COUNT'] ? Number(rule['COUNT']) : MAX_OCCURRENCES;
      const until = rule['UNTIL'] ? parseDateValue(rule['UNTIL'].slice(0, 8)) : null;
      if (!(count >= 1) || (rule['UNTIL'] && until === null)) return skip('invalid recurrence');
      years = [];
      for (let k = 0; k < Math.min(count, MAX_OCCURRENCES); k++) {
        const y = startYear + k * interval;
        if (until !== null && y > civilFromEpochDay(until).year) break;
        years.push(y);
      }
    } else if (interval === 1) {
      years = 'yearly';
    } else {
      return skip('unsupported recurrence (every few years without an end)');
    }
  }

  const startCivil = civilFromEpochDay(first);
  const out: string[] = [];
  for (let k = 0; k < days; k++) {
    const c = civilFromEpochDay(first + k);
    if (years === null) out.push(isoDate(c.year, c.month, c.day));
    else if (years === 'yearly') out.push(`--${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`);
    else {
      // Same offset from the occurrence's start as from the first one, in each occurrence year.
      for (const y of years) {
        const occ = civilFromEpochDay(epochDay(y, startCivil.month, startCivil.day) + k);
        // A yearly rule on 29 February only occurs in leap years (RFC 5545 skips invalid dates).
        if (startCivil.month === 2 && startCivil.day === 29 && civilFromEpochDay(epochDay(y, 2, 29)).month !== 2) continue;
        out.push(isoDate(occ.year, occ.month, occ.day));
      }
    }
  }
  for (const h of out) holidays.add(h);
  if (get('EXDATE') || get('RDATE')) skip('EXDATE/RDATE ignored; the rule was imported without them');
}

/** All-day events of an iCalendar file as holiday strings. Never throws; unreadable events land in `skipped`. */
export function parseIcsHolidays(text: string): IcsImport {
  const holidays = new Set<string>();
  const skipped: IcsImport['skipped'] = [];
  if (typeof text !== 'string') return { holidays: [], skipped };
  const stack: string[] = [];
  let props: Prop[] | null = null;
  for (const raw of unfold(text)) {
    const line = raw.trimEnd();
    if (!line) continue;
    const prop = parseLine(line);
    if (!prop) continue;
    if (prop.name === 'BEGIN') {
      const comp = prop.value.trim().toUpperCase();
      stack.push(comp);
      if (comp === 'VEVENT') props = [];
      continue;
    }
    if (prop.name === 'END') {
      const comp = prop.value.trim().toUpperCase();
      const top = stack.pop();
      if (comp === 'VEVENT' && top === 'VEVENT' && props) {
        try {
          handleEvent(props, holidays, skipped);
        } catch {
          skipped.push({ summary: '', reason: 'unreadable event' });
        }
        props = null;
      }
      continue;
    }
    // Only the event's own properties: a nested VALARM has its own DESCRIPTION/TRIGGER.
    if (props && stack[stack.length - 1] === 'VEVENT') props.push(prop);
  }
  return { holidays: [...holidays].sort(), skipped };
}
