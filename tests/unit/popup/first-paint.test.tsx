// @vitest-environment happy-dom
// The popup paints its figures from the cached summary before preact loads (first-paint.ts), then the app replaces
// that markup. A manager must read the same numbers and words in both, under the same test ids, and the app must
// take over without leaving the first paint's copies behind.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { NOW, summary } from '../ui/fixtures.ts';
import { t } from '../ui/i18n-mock.ts';
import type { PopupSummary } from '../../../src/shared/summary.ts';

vi.mock('../../../src/shared/i18n.ts', () => import('../ui/i18n-mock.ts'));
const request = vi.hoisted(() => vi.fn());
vi.mock('../../../src/shared/messaging.ts', () => ({ request, onBroadcast: () => undefined }));
vi.mock('../../../src/shared/browser.ts', () => ({ default: { tabs: { create: vi.fn() }, runtime: { openOptionsPage: vi.fn(), getURL: (p: string) => p } } }));

const { paintFigures } = await import('../../../src/popup/first-paint.ts');
const { Popup } = await import('../../../src/popup/Popup.tsx');
const { mount } = await import('../../../src/popup/app.tsx');
const { setFormatLanguage } = await import('../../../src/ui/format.ts');

const IDS = ['open', 'at-risk', 'breached', 'paused', 'within-target', 'opening'];
const texts = (root: HTMLElement): Record<string, string | null> =>
  Object.fromEntries(IDS.map((id) => [id, root.querySelector(`[data-testid="${id}"]`)?.textContent ?? null]));
const classes = (root: HTMLElement): string[] => [...root.querySelectorAll('.figure')].map((e) => e.className);

let first: HTMLElement;
let app: HTMLElement;
beforeEach(() => {
  setFormatLanguage('en');
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(NOW);
  // The background never answers here: the app shows what it was mounted with.
  request.mockReset().mockImplementation(() => new Promise(() => undefined));
  first = document.createElement('div');
  app = document.createElement('div');
  document.body.append(first, app);
});
afterEach(() => {
  render(null, app);
  first.remove();
  app.remove();
  vi.useRealTimers();
});

async function appWith(s: PopupSummary): Promise<void> {
  await act(async () => {
    render(<Popup initial={s} />, app);
  });
}

describe('the popup first paint', () => {
  const cases: [string, PopupSummary][] = [
    ['open, with a modal target', summary()],
    ['closed, nothing answered today, no target', summary({
      counts: { open: 0, atRisk: 0, breached: 0, paused: 3 },
      opening: { scheduleName: 'Office hours', open: false, changesAt: NOW + 20 * 3_600_000 },
      periods: { ...summary().periods, today: { ...summary().periods.today, withinTarget: null, targetMinutes: null } },
    })],
    ['calendar time, thousands open', summary({ counts: { open: 12_345, atRisk: 0, breached: 1_000, paused: 0 }, opening: null })],
  ];

  it.each(cases)('shows the same figures, words and states as the app (%s)', async (_, s) => {
    paintFigures(first, s, t);
    await appWith(s);
    expect(texts(first)).toEqual(texts(app));
    expect(Object.values(texts(first)).every((x) => x !== null && x.trim() !== '')).toBe(true);
    expect(classes(first)).toEqual(classes(app));
    // Each figure is labelled by its word for screen readers, as in the app.
    const open = first.querySelector('[data-testid="open"]')!;
    expect(first.querySelector(`#${open.getAttribute('aria-describedby')}`)?.textContent).toBe(t('popup_open'));
  });

  it('puts summary text in as text, never as markup', () => {
    const s = summary({ opening: { scheduleName: '<img src=x onerror=alert(1)>', open: true, changesAt: null } });
    paintFigures(first, s, t);
    expect(first.querySelector('img')).toBeNull();
    expect(first.querySelector('[data-testid="opening"]')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('is replaced by the app on mount: one copy of each figure, the app showing the cached summary at once', async () => {
    const s = summary();
    paintFigures(app, s, t);
    await act(async () => {
      mount(app, s);
    });
    for (const id of IDS) expect(app.querySelectorAll(`[data-testid="${id}"]`)).toHaveLength(1);
    expect(texts(app)['open']).toBe('5');
    // What only the app draws is there too.
    expect(app.querySelector('[data-testid="by-platform"]')).not.toBeNull();
    expect(app.querySelectorAll('[role="tab"]')).toHaveLength(3);
  });

  it('leaves the app waiting for the background when there is no cached summary', async () => {
    await act(async () => {
      mount(app, null);
    });
    expect(app.querySelector('[data-testid="open"]')).toBeNull();
    expect(app.querySelector('[role="status"]')?.textContent).toBe(t('popup_loading'));
    expect(request).toHaveBeenCalledWith('ui:summary', {});
  });
});
