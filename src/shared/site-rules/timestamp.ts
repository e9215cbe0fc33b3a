// A message's time as the page shows it: an attribute (ISO 8601 or epoch), or text read with a date-fns format
// such as "dd.MM.yyyy HH:mm" (date-format.ts). The format reader is passed in, not imported: with its locales it
// is ~10 KB gzipped, which a content script loads only for a rule that has a format.
import type { SiteRule } from '../../core/types.ts';
import { selfOrQuery, textOf } from './dom.ts';
import { sane } from './time-range.ts';

/** Reads text with a date-fns format; null when it does not fit. See date-format.ts. */
export type FormatParser = (text: string, format: string, reference?: Date) => number | null;

export interface ReadTime {
  at: number;
  /** How far off the shown time may be: a time shown to the minute is off by up to a minute. */
  precisionMs: number;
}

/** The smallest unit a format shows, as the precision of what it reads. */
export function precisionOf(format: string): number {
  const tokens = format.replace(/'[^']*'/g, ''); // quoted literals are not fields
  if (/s/.test(tokens)) return 1000;
  if (/m/.test(tokens)) return 60_000;
  if (/[Hhk]/i.test(tokens)) return 3_600_000;
  return 86_400_000;
}

/** ISO 8601 or an epoch number (seconds or milliseconds); other free text is not guessed at. */
export function parseMachineTime(raw: string): ReadTime | null {
  const s = raw.trim();
  if (/^\d{10}(\.\d+)?$/.test(s)) {
    const ms = Math.round(Number(s) * 1000);
    return sane(ms) ? { at: ms, precisionMs: 1000 } : null;
  }
  if (/^\d{13}$/.test(s)) {
    const ms = Number(s);
    return sane(ms) ? { at: ms, precisionMs: 0 } : null;
  }
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) {
    const ms = Date.parse(s.replace(' ', 'T'));
    if (!sane(ms)) return null;
    return { at: ms, precisionMs: /T\d{2}:\d{2}:\d{2}/.test(s.replace(' ', 'T')) ? 0 : /T/.test(s.replace(' ', 'T')) ? 60_000 : 86_400_000 };
  }
  return null;
}

/**
 * Reads the timestamp of one message by the rule's spec; null when it is missing or unreadable — or when the
 * spec has a format and no `parseFormat` was given (callers load date-format.ts first when a rule has one).
 */
export function readTimestamp(
  message: Element,
  spec: SiteRule['timestamp'],
  reference?: Date,
  parseFormat?: FormatParser,
): { time: ReadTime | null; element: Element | null } {
  if (!spec) return { time: null, element: null };
  const el = selfOrQuery(message, spec.selector);
  if (!el) return { time: null, element: null };
  const raw = spec.attribute ? (el.getAttribute(spec.attribute) ?? '') : textOf(el);
  if (spec.format) {
    const at = parseFormat ? parseFormat(raw, spec.format, reference) : null;
    return { time: at === null ? null : { at, precisionMs: precisionOf(spec.format) }, element: el };
  }
  return { time: parseMachineTime(raw), element: el };
}
