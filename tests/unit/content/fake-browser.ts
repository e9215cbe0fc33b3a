// A stand-in for webextension-polyfill in content tests: i18n answers from src/locales/content.json (English).
import { vi } from 'vitest';
import strings from '../../../src/locales/content.json' with { type: 'json' };

const table = strings as Record<string, { en: string }>;

function getMessage(key: string, subs?: string | string[]): string {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const text = table[key]?.en ?? '';
  return text.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
}

const listeners = () => {
  const set = new Set<(...a: unknown[]) => unknown>();
  return { addListener: (f: (...a: unknown[]) => unknown) => set.add(f), removeListener: (f: (...a: unknown[]) => unknown) => set.delete(f), set };
};

export const fakeBrowser = {
  runtime: { id: 'replyclock-test' as string | undefined, sendMessage: vi.fn(async () => undefined), onMessage: listeners() },
  i18n: { getMessage, getUILanguage: () => 'en' },
  storage: { local: { get: vi.fn(async () => ({})), set: vi.fn(async () => undefined) }, onChanged: listeners() },
};

export default fakeBrowser;

// The content script's own API module (src/content/api.ts) also exports these.
export const t = (key: string, subs?: string | string[]): string => getMessage(key, subs) || key;
export const uiLanguage = (): string => 'en';
