// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { NOW, summary } from './fixtures.ts';
import type { PopupSummary } from '../../../src/shared/summary.ts';

vi.mock('../../../src/shared/i18n.ts', () => import('./i18n-mock.ts'));
const mocks = vi.hoisted(() => ({
  request: vi.fn(),
  listeners: [] as ((m: unknown) => void)[],
  tabsCreate: vi.fn(async () => ({})),
  openOptionsPage: vi.fn(async () => undefined),
}));
vi.mock('../../../src/shared/messaging.ts', () => ({
  request: mocks.request,
  onBroadcast: (cb: (m: unknown) => void) => mocks.listeners.push(cb),
}));
vi.mock('../../../src/shared/browser.ts', () => ({
  default: {
    tabs: { create: mocks.tabsCreate },
    runtime: { openOptionsPage: mocks.openOptionsPage, getURL: (p: string) => `chrome-extension://id/${p}` },
  },
}));
vi.mock('../../../src/shared/settings.ts', () => ({
  loadConfig: async () => ({ config: { ratings: {} }, source: 'default', problems: [] }),
}));

const { Popup } = await import('../../../src/popup/Popup.tsx');
const { setFormatLanguage, formatTime } = await import('../../../src/ui/format.ts');

let root: HTMLElement;
const q = (sel: string): HTMLElement | null => root.querySelector<HTMLElement>(sel);
const text = (testid: string): string => q(`[data-testid="${testid}"]`)?.textContent ?? '(missing)';

async function mount(s: PopupSummary): Promise<void> {
  mocks.request.mockImplementation(async (type: string) => (type === 'ui:summary' ? s : { conversation: null }));
  await act(async () => {
    render(<Popup />, root);
  });
  // let the summary promise settle and re-render
  await act(async () => {
    await Promise.resolve();
  });
}

beforeEach(() => {
  setFormatLanguage('en');
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(NOW);
  root = document.createElement('div');
  document.body.append(root);
  mocks.request.mockReset();
  mocks.listeners.length = 0;
  mocks.tabsCreate.mockClear();
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

describe('popup', () => {
  it('shows the headline counts under their test ids, each number alone', async () => {
    await mount(summary());
    expect(text('open')).toBe('5');
    expect(text('at-risk')).toBe('2');
    expect(text('breached')).toBe('1');
    expect(text('paused')).toBe('1');
    expect(mocks.request).toHaveBeenCalledWith('ui:summary', {});
  });

  it('shows the within-target share as a percentage with the modal target in words', async () => {
    await mount(summary());
    expect(text('within-target')).toBe('93%');
    expect(q('[data-testid="within-target"]')!.parentElement!.textContent).toContain('93% within 1 hr');
    expect(text('frt-median')).toBe('25 min');
    expect(text('frt-p90')).toBe('1 hr 5 min');
  });

  it('keeps the within-target element present (a dash) when nothing was answered', async () => {
    await mount(summary());
    const tab30 = root.querySelector<HTMLButtonElement>('#tab-days30')!;
    await act(async () => tab30.click());
    expect(text('within-target')).toBe('—');
  });

  it('lists waiting conversations by time to breach, each state in words, paused last', async () => {
    await mount(summary());
    const items = [...root.querySelectorAll<HTMLElement>('.waiting-item')];
    expect(items.map((li) => li.dataset.conversation)).toEqual(['x:1', 'x:3', 'x:2', 'zendesk:acme:7']);
    expect(items[0]!.textContent).toContain('Breached');
    expect(items[0]!.textContent).toContain('overdue by 5 min');
    expect(items[1]!.textContent).toContain('At risk');
    expect(items[1]!.textContent).toContain('breaches in 8 min');
    expect(items[3]!.textContent).toContain('Paused');
  });

  it('counts down each second while open', async () => {
    await mount(summary());
    const first = (): string => root.querySelector('.waiting-item[data-conversation="x:3"] .due')!.textContent!;
    expect(first()).toBe('breaches in 8 min');
    await act(async () => {
      vi.advanceTimersByTime(61_000);
    });
    expect(first()).toBe('breaches in 7 min');
  });

  it('opens a conversation in a tab and sends agent actions to the background', async () => {
    await mount(summary());
    const item = root.querySelector<HTMLElement>('.waiting-item[data-conversation="x:2"]')!;
    await act(async () => item.querySelector<HTMLButtonElement>('button.link')!.click());
    expect(mocks.tabsCreate).toHaveBeenCalledWith({ url: 'https://x.com/bob/status/2' });
    const buttons = [...item.querySelectorAll<HTMLButtonElement>('.actions button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Assign to me', 'No reply needed', 'Snooze 1 h']);
    await act(async () => buttons[2]!.click());
    expect(mocks.request).toHaveBeenCalledWith('ui:action', { conversationId: 'x:2', act: { action: 'snooze', until: NOW + 3_600_000 } });
    const paused = root.querySelector<HTMLElement>('.waiting-item[data-conversation="zendesk:acme:7"]')!;
    expect(paused.textContent).toContain('Reopen');
  });

  it('does not open links that are not http(s)', async () => {
    const s = summary();
    s.waiting = [{ ...s.waiting[0]!, url: 'javascript:alert(1)' }];
    await mount(s);
    const btn = root.querySelector<HTMLButtonElement>('button.link')!;
    expect(btn.disabled).toBe(true);
  });

  it('re-requests the summary when the background says conversations changed', async () => {
    await mount(summary());
    const calls = mocks.request.mock.calls.filter(([t]) => t === 'ui:summary').length;
    mocks.request.mockImplementation(async () => summary({ counts: { open: 6, atRisk: 2, breached: 1, paused: 1 } }));
    await act(async () => {
      for (const l of mocks.listeners) l({ rc: 1, type: 'bg:conversations-changed', ids: ['x:9'] });
      await Promise.resolve();
    });
    expect(mocks.request.mock.calls.filter(([t]) => t === 'ui:summary').length).toBe(calls + 1);
    expect(text('open')).toBe('6');
  });

  it('names a broken site detection and the opening status', async () => {
    await mount(summary());
    const health = q('[data-testid="health"]')!;
    expect(health.firstElementChild!.textContent).toContain('Facebook: detection does not match this page');
    expect(text('opening')).toContain(`Open now — closes ${formatTime(Date.UTC(2025, 2, 12, 16, 0, 0))}`);
  });

  it('says when closed and when it opens, and shows a storage warning', async () => {
    await mount(summary({ opening: { scheduleName: 'Office', open: false, changesAt: null }, storageWarning: 'pruned 10 %' }));
    expect(text('opening')).toContain('Closed');
    expect(text('storage-warning')).toContain('pruned 10 %');
  });

  it('explains each channel rating with its thresholds on hover and focus', async () => {
    await mount(summary());
    const rating = root.querySelector<HTMLElement>('[data-rating="unacceptable"]')!;
    expect(rating.textContent).toBe('Unacceptable');
    expect(rating.tabIndex).toBe(0);
    // tickets are rated on the e-mail table: stellar under 1 h
    expect(rating.title).toContain('Stellar under 1 hr');
    expect(rating.getAttribute('aria-label')).toContain('Tickets: Unacceptable');
  });

  it('moves between periods with the arrow keys (one tab stop for the tab list)', async () => {
    await mount(summary());
    const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    expect(tabs.map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    await act(async () => {
      tabs[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(text('within-target')).toBe('88%');
    const after = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    expect(after.map((b) => b.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
    expect(document.activeElement).toBe(after[1]);
  });

  it('uses real buttons in a sensible tab order: period tabs, then conversations, then Reports and Settings', async () => {
    await mount(summary());
    const focusable = [...root.querySelectorAll<HTMLElement>('button, [tabindex="0"]')].filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled);
    const labels = focusable.map((el) => el.getAttribute('role') ?? el.textContent);
    expect(labels[0]).toBe('tab');
    expect(labels.at(-2)).toBe('Reports');
    expect(labels.at(-1)).toBe('Settings');
    expect(root.querySelectorAll('div[onclick], span[onclick]').length).toBe(0);
  });

  it('shows an error instead of figures when the background cannot answer', async () => {
    mocks.request.mockRejectedValue(new Error('no answer from the background'));
    await act(async () => {
      render(<Popup />, root);
    });
    await act(async () => {
      await Promise.resolve();
    });
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('no answer from the background');
    expect(q('[data-testid="open"]')).toBeNull();
  });
});
