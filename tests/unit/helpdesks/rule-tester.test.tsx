// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import strings from '../../../src/locales/helpdesks.json' with { type: 'json' };

vi.mock('../../../src/shared/i18n.ts', () => ({
  t: (key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const msg = (strings as Record<string, { en: string }>)[key]?.en ?? key;
    return msg.replace(/\$(\d)/g, (_: string, d: string) => list[Number(d) - 1] ?? '');
  },
  uiLanguage: () => 'en',
}));
const tabs = vi.hoisted(() => ({ query: vi.fn(async () => [] as { id?: number; url?: string; active?: boolean }[]) }));
const scripting = vi.hoisted(() => ({ executeScript: vi.fn(async () => [{ result: '' }]) }));
vi.mock('../../../src/shared/browser.ts', () => ({ default: { tabs, scripting } }));

import { RuleTester } from '../../../src/options/sites/RuleTester.tsx';
import { FRESHDESK } from '../../../src/core/sites/presets.ts';
import { fixtureHtml } from './helpers.ts';

let host: HTMLElement | null = null;
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
});

function mount(onRuleChange = vi.fn()) {
  host = document.createElement('div');
  document.body.append(host);
  render(<RuleTester rule={FRESHDESK} onRuleChange={onRuleChange} />, host);
  return { host, onRuleChange };
}

function type(sel: string, value: string): void {
  const el = host!.querySelector(sel) as HTMLTextAreaElement | HTMLInputElement;
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

async function click(sel: string): Promise<void> {
  await act(async () => {
    (host!.querySelector(sel) as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('rule tester', () => {
  it('shows per-selector counts with sample text and the conversations a rule would create from pasted HTML', async () => {
    mount();
    await act(() => {
      type('[data-testid="tester-url"]', 'https://acme.freshdesk.com/a/tickets/4711');
      type('[data-testid="tester-html"]', fixtureHtml('helpdesks/freshdesk.html'));
    });
    await click('[data-testid="tester-run"]');
    const msg = host!.querySelector('[data-field="message"]')!;
    expect(msg.getAttribute('data-count')).toBe('3');
    expect(msg.textContent).toContain('3 matches');
    expect(msg.textContent).toContain('The invoice total is wrong.');
    const conv = host!.querySelector('[data-testid="tester-conversations"] li[data-id="4711"]')!;
    expect(conv.textContent).toContain('freshdesk:acme.freshdesk.com:4711');
    expect([...conv.querySelectorAll('[data-role]')].map((li) => li.getAttribute('data-role'))).toEqual(['customer', 'brand', 'customer']);
    expect(host!.querySelector('[data-testid="tester-problems"]')).toBeNull();
  });

  it('pasted HTML is never executed and page markup is shown as text', async () => {
    const spy = vi.fn();
    (globalThis as unknown as { rcPwned: () => void }).rcPwned = spy;
    mount();
    await act(() => type('[data-testid="tester-html"]', '<main><img src=x onerror="rcPwned()"><script>rcPwned()</script><div data-test-id="ticket-description"><b>&lt;i&gt;hi&lt;/i&gt;</b></div></main>'));
    await click('[data-testid="tester-run"]');
    expect(spy).not.toHaveBeenCalled();
    expect(host!.querySelector('[data-field="message"] li')!.textContent).toBe('<i>hi</i>');
    expect(host!.querySelector('[data-testid="tester-result"] i')).toBeNull();
  });

  it('explains what does not match, and refuses an invalid rule before testing it', async () => {
    const { onRuleChange } = mount();
    await act(() => type('[data-testid="tester-html"]', '<main><p>nothing here</p></main>'));
    await click('[data-testid="tester-run"]');
    expect([...host!.querySelectorAll('[data-testid="tester-problems"] li')].map((li) => li.getAttribute('data-code'))).toContain('no_id');
    expect(onRuleChange).toHaveBeenCalledTimes(1);
    await act(() => type('[data-testid="tester-rule"]', JSON.stringify({ ...FRESHDESK, conversationId: { from: 'url', pattern: '(' } })));
    await click('[data-testid="tester-run"]');
    expect(host!.querySelector('[data-testid="tester-errors"]')!.textContent).toContain('conversationId.pattern');
    expect(host!.querySelector('[data-testid="tester-result"]')).toBeNull();
    expect(onRuleChange).toHaveBeenCalledTimes(1);
  });

  it('reads an open tab that matches the rule', async () => {
    tabs.query.mockResolvedValueOnce([{ id: 7, url: 'https://acme.freshdesk.com/a/tickets/4711', active: true }]);
    scripting.executeScript.mockResolvedValueOnce([{ result: fixtureHtml('helpdesks/freshdesk.html') }]);
    mount();
    await click('[data-testid="tester-run-tab"]');
    expect(tabs.query).toHaveBeenCalledWith({ url: FRESHDESK.matches });
    expect(host!.querySelectorAll('[data-testid="tester-conversations"] > li')).toHaveLength(1);
  });
});
