// The content script's i18n: one browser call per message key per page (each call crosses into the browser and
// showed in CPU profiles at ≈ 12 per badge), with $1…$n still filled in per call and substitutions kept as text.
import { beforeAll, describe, expect, it, vi } from 'vitest';

const messages: Record<string, string> = { badge_left: '$1 left', tip_due: 'Due $1', two: '$2 before $1', plain: 'Paused' };
const getMessage = vi.fn((key: string, subs?: string | string[]) => {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return (messages[key] ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
});
const getUILanguage = vi.fn(() => 'de');

let api: typeof import('../../../src/content/api.ts');
beforeAll(async () => {
  (globalThis as unknown as { browser: unknown }).browser = { runtime: { id: 'test' }, i18n: { getMessage, getUILanguage } };
  api = await import('../../../src/content/api.ts');
});

describe('content i18n', () => {
  it('fills substitutions like the browser would', () => {
    expect(api.t('badge_left', '25 min')).toBe('25 min left');
    expect(api.t('two', ['a', 'b'])).toBe('b before a');
    expect(api.t('plain')).toBe('Paused');
  });

  it('asks the browser once per key, however often a badge renders', () => {
    getMessage.mockClear();
    for (let i = 0; i < 100; i++) expect(api.t('tip_due', `${i}:00`)).toBe(`Due ${i}:00`);
    expect(getMessage.mock.calls.filter(([k]) => k === 'tip_due')).toHaveLength(1);
  });

  it('keeps page text as given, even text that looks like a placeholder', () => {
    expect(api.t('badge_left', '$1 <b>x</b> \ue000')).toBe('$1 <b>x</b> \ue000 left');
  });

  it('falls back to the key for a missing message, and reads the UI language once', () => {
    expect(api.t('no_such_key')).toBe('no_such_key');
    expect(api.uiLanguage()).toBe('de');
    api.uiLanguage();
    expect(getUILanguage).toHaveBeenCalledTimes(1);
  });
});
