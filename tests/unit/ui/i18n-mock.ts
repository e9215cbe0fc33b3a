// Test stand-in for src/shared/i18n.ts: English text from the locale sources, with $1…$9 filled in
// the way browser.i18n.getMessage does, so tests assert the words a user reads.
import popup from '../../../src/locales/popup.json' with { type: 'json' };
import reports from '../../../src/locales/reports.json' with { type: 'json' };

const en: Record<string, string> = {};
for (const table of [popup, reports] as Record<string, { en: string }>[]) {
  for (const [k, v] of Object.entries(table)) en[k] = v.en;
}

export function t(key: string, substitutions?: string | string[]): string {
  const msg = en[key];
  if (msg === undefined) return key;
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return msg.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
}

export function uiLanguage(): string {
  return 'en';
}
