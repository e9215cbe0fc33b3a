// The extension API for content scripts, without webextension-polyfill: Firefox has `browser` natively and
// Chromium's MV3 `chrome.*` already returns promises for what a content script uses (runtime.sendMessage,
// runtime.onMessage, runtime.id, i18n). Skipping the polyfill here keeps ~3 KB gzipped out of every page
// (content-script size budget); extension pages and the background keep using src/shared/browser.ts.
import type { Browser } from 'webextension-polyfill';

const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };
const api: Browser = (g.browser?.runtime?.id ? g.browser : g.chrome) as Browser;
export default api;

export function t(key: string, substitutions?: string | string[]): string {
  return api.i18n.getMessage(key, substitutions) || key;
}

export function uiLanguage(): string {
  try {
    return api.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
