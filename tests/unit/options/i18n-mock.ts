// Test stand-in for src/shared/i18n.ts: English text from the options locale source, with $1…$9 filled in the
// way browser.i18n.getMessage does, so tests read the words a user reads. Unknown keys come back as the key.
import options from '../../../src/locales/options.json' with { type: 'json' };

const en: Record<string, string> = {};
for (const [k, v] of Object.entries(options as Record<string, { en: string }>)) en[k] = v.en;

export function t(key: string, substitutions?: string | string[]): string {
  const msg = en[key];
  if (msg === undefined) return key;
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return msg.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
}

export function uiLanguage(): string {
  return 'en';
}
