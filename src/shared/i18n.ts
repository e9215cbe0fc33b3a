// UI strings come from _locales (English, German, Dutch); numbers, durations and dates are
// formatted with Intl in the browser's UI language.
import browser from './browser.ts';

export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
