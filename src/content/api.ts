// The extension API for content scripts, without webextension-polyfill: Firefox has `browser` natively and
// Chromium's MV3 `chrome.*` already returns promises for what a content script uses (runtime.sendMessage,
// runtime.onMessage, runtime.id, i18n). Skipping the polyfill here keeps ~3 KB gzipped out of every page
// (content-script size budget); extension pages and the background keep using src/shared/browser.ts.
import type { Browser } from 'webextension-polyfill';

const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };
const api: Browser = (g.browser?.runtime?.id ? g.browser : g.chrome) as Browser;
export default api;

// Every i18n call crosses into the browser (a profile showed ≈ 12 per badge, half a second per 2,000 tweets),
// so each message is fetched ONCE per page with private-use markers for its $1…$9 and filled in here.
const MARKS = Array.from({ length: 9 }, (_, i) => String.fromCharCode(0xe000 + i));
const MARK = /[\ue000-\ue008]/g;
const templates = new Map<string, string>();
const filled = new Map<string, string>();

export function t(key: string, substitutions?: string | string[]): string {
  let tpl = templates.get(key);
  if (tpl === undefined) {
    tpl = api.i18n.getMessage(key, MARKS) || key;
    templates.set(key, tpl);
  }
  if (substitutions === undefined) return tpl;
  // Filled texts repeat too ("12 min left" on many badges, every second): remembered, within bounds.
  const memo = `${key}\u0001${typeof substitutions === 'string' ? substitutions : substitutions.join('\u0002')}`;
  let out = filled.get(memo);
  if (out === undefined) {
    const subs = typeof substitutions === 'string' ? [substitutions] : substitutions;
    out = tpl.replace(MARK, (m) => subs[m.charCodeAt(0) - 0xe000] ?? '');
    if (filled.size > 5000) filled.clear();
    filled.set(memo, out);
  }
  return out;
}

let lang: string | undefined;
export function uiLanguage(): string {
  try {
    lang ??= api.i18n.getUILanguage() || 'en';
  } catch {
    lang = 'en';
  }
  return lang;
}
