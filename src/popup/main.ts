// The popup's entry. First-paint budget: this module (with first-paint.ts and the small format and summary-key
// chunks) is all the page loads before the figures show; preact and the rest of the popup come in one dynamic
// import after that. Browser APIs are used directly here (no polyfill module on the critical path):
// Firefox has `browser`, Chromium's `chrome` returns promises in MV3.
import { SUMMARY_CACHE_KEY, SUMMARY_CACHE_MAX_AGE_MS, type PopupSummary } from '../shared/summary.ts';
import { setFormatLanguage } from '../ui/format.ts';
import { paintFigures, type Translate } from './first-paint.ts';

interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
}
interface ExtensionApi {
  i18n: { getMessage(key: string, substitutions?: string | string[]): string; getUILanguage(): string };
  storage: { session?: StorageArea; local: StorageArea };
}

const g = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
const api = (g.browser ?? g.chrome)!;

/** The summary the background last materialised, unless it is too old to show (a stopped worker). */
async function readCachedSummary(): Promise<PopupSummary | null> {
  try {
    const area = api.storage.session ?? api.storage.local;
    const s = (await area.get(SUMMARY_CACHE_KEY))[SUMMARY_CACHE_KEY] as PopupSummary | undefined;
    return s && Math.abs(Date.now() - s.now) <= SUMMARY_CACHE_MAX_AGE_MS ? s : null;
  } catch {
    return null;
  }
}

const cached = readCachedSummary();
const t: Translate = (key, substitutions) => api.i18n.getMessage(key, substitutions) || key;
const lang = api.i18n.getUILanguage() || 'en';
setFormatLanguage(lang);
document.documentElement.lang = lang;
const root = document.getElementById('app')!;

const loadApp = (initial: PopupSummary | null): void => {
  void import('./app.tsx').then((m) => m.mount(root, initial));
};

void cached.then((s) => {
  if (!s) return loadApp(null);
  paintFigures(root, s, t);
  // The rest of the popup loads once the figures' frame is drawn: fetching and compiling its modules on this thread
  // before that would hold the figures back by a frame or more (measured in Chromium traces).
  requestAnimationFrame(() => setTimeout(() => loadApp(s), 0));
});
