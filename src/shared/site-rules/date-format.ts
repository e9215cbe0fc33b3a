// Text read with a date-fns format such as "dd.MM.yyyy HH:mm" or "MMM d, yyyy h:mm a", in the agent's local zone
// (helpdesks show times in the signed-in agent's zone); month and day names are tried in English, German and Dutch.
// Its own module because date-fns' parser and locales weigh ~10 KB gzipped: a content script imports it only for a
// rule that has a format (content/sites/rules.ts); the options page's rule tester imports it directly.
import { isValid, parse } from 'date-fns';
import { de } from 'date-fns/locale/de';
import { enUS } from 'date-fns/locale/en-US';
import { nl } from 'date-fns/locale/nl';
import { sane } from './time-range.ts';

const LOCALES = [enUS, de, nl];

/** Text read with a date-fns format; null when it does not fit (never throws, even on a malformed format). */
export function parseWithFormat(text: string, format: string, reference = new Date()): number | null {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  for (const locale of LOCALES) {
    try {
      const d = parse(clean, format, reference, { locale });
      if (isValid(d) && sane(d.getTime())) return d.getTime();
    } catch {
      return null; // a format date-fns refuses (e.g. "YYYY" without the option) fails the same in every locale
    }
  }
  return null;
}
