// @vitest-environment happy-dom
// The whole content runtime on X fixture pages: which tweets get badges, re-attachment after
// virtualisation, navigation and stand-down cleanup, replies turning a clock to answered.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TeamConfig } from '../../../src/core/types.ts';

vi.mock('../../../src/content/api.ts', () => import('./fake-browser.ts'));
vi.mock('../../../src/content/bridge.ts', () => import('./fake-bridge.ts'));
import { calls, emptyAnswer, loadConfig, request, useConfig } from './fake-bridge.ts';
import type { ConversationSnapshot, ObservedConversation } from '../../../src/shared/protocol.ts';
const config: TeamConfig = {
  version: 1,
  schedules: [],
  policies: [{ id: 'social', name: '<b>Gold</b>', schedule: null, match: {}, firstResponseMinutes: 60, nextResponseMinutes: 60 }],
  brands: { x: ['AcmeSupport', 'AcmeHelp'] },
  sites: [],
};
useConfig(config);

import { startRuntime } from '../../../src/content/runtime.ts';
import { SITES } from '../../../src/content/registry.ts';
import { STAND_DOWN_EVENT } from '../../../src/content/lifecycle.ts';
import { badgeParts } from '../../../src/content/badge.ts';

const settle = () => new Promise((r) => setTimeout(r, 5));
const STATES = ['ok', 'warning', 'breached', 'paused', 'answered', 'unknown'];

function loadFixture(name: string): void {
  const html = readFileSync(`tests/fixtures/x/${name}`, 'utf8');
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
}
function badges(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('replyclock-badge')].filter((b) => !b.hidden);
}
function setUrl(url: string): void {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
}

let life: AbortController | null = null;
async function start(url: string, fixture: string): Promise<void> {
  // The registry loads the adapter lazily; warm vitest's module cache so the first test's settle() suffices.
  await import('../../../src/content/sites/x.ts');
  setUrl(url);
  loadFixture(fixture);
  life = (await startRuntime(SITES)).life;
  await settle();
}

describe('content runtime on X', () => {
  beforeEach(() => {
    calls.length = 0;
    loadConfig.mockClear();
  });
  afterEach(() => {
    life?.abort();
    document.body.innerHTML = '';
  });

  it('badges customer mentions only, inside User-Name right after the time link', async () => {
    await start('https://x.com/notifications/mentions', 'mentions.html');
    const ids = badges().map((b) => b.dataset.conversation);
    expect(ids).toEqual(['01', '02', '09', '10', '11'].map((n) => `x:18000000000000000${n}`));
    for (const b of badges()) {
      expect(STATES).toContain(b.dataset.state);
      expect(b.closest('[data-testid="User-Name"]')).not.toBeNull();
      expect(b.previousElementSibling?.querySelector('time')).not.toBeNull();
    }
    // Calendar-time policy, tweets from March: an hour's target is long overdue.
    expect(badges()[0]!.dataset.state).toBe('breached');
    expect(badgeParts(badges()[0]!)!.text.textContent).toMatch(/^Overdue by /);
  });

  it('asks for the config again at once when the worker was stopped mid-answer, so the first posts are measured', async () => {
    const stopped = new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
    loadConfig.mockRejectedValueOnce(stopped).mockRejectedValueOnce(stopped);
    await start('https://x.com/notifications/mentions', 'mentions.html');
    expect(loadConfig).toHaveBeenCalledTimes(3);
    expect(badges()).toHaveLength(5);
  });

  it('reports observed conversations to the background in a batch', async () => {
    await start('https://x.com/notifications/mentions', 'mentions.html');
    await new Promise((r) => setTimeout(r, 300));
    const observed = calls.filter((c) => c.type === 'content:observed');
    expect(observed).toHaveLength(1);
    const convs = (observed[0]!.payload as { conversations: { id: string; customer: { handle?: string } }[] }).conversations;
    expect(convs.map((c) => c.id)).toHaveLength(5);
    expect(convs[0]!.customer.handle).toBe('jane_doe');
  });

  it("shows what the report's answer says is stored (marked handled elsewhere), with no lookup per new conversation", async () => {
    // The background answers the report with each conversation's snapshot; this one an agent marked "no reply needed".
    request.mockImplementation(async (type: string, payload: unknown) => {
      calls.push({ type, payload });
      if (type !== 'content:observed') return type === 'content:lookup' ? { conversations: [] } : { ok: true };
      const [first] = (payload as { conversations: ObservedConversation[] }).conversations;
      const snap: ConversationSnapshot = {
        ...first!,
        messages: first!.messages.map((m) => ({ id: m.id, role: m.role, at: m.at ?? m.firstSeenAt, precisionMs: m.precisionMs })),
        pauses: [],
        excluded: true,
        assignee: 'Sam',
        policyId: 'social',
        policy: config.policies[0]!,
        schedule: null,
        clock: null,
        computedAt: Date.now(),
      };
      return { stored: 5, conversations: [snap] };
    });
    try {
      await start('https://x.com/notifications/mentions', 'mentions.html');
      const first = badges()[0]!;
      await vi.waitFor(() => expect(first.dataset.state).toBe('answered'), { timeout: 2000 });
      expect(badgeParts(first)!.text.textContent).toBe('No reply needed');
      expect(badges().slice(1).map((b) => b.dataset.state)).toEqual(['breached', 'breached', 'breached', 'breached']);
      await new Promise((r) => setTimeout(r, 100));
      expect(calls.filter((c) => c.type === 'content:observed')).toHaveLength(1);
      expect(calls.filter((c) => c.type === 'content:lookup')).toHaveLength(0);
    } finally {
      request.mockImplementation(emptyAnswer);
    }
  });

  it('re-attaches the badge with the same state when a virtualised cell leaves and re-enters', async () => {
    await start('https://x.com/notifications/mentions', 'mentions.html');
    const sel = 'replyclock-badge[data-conversation="x:1800000000000000001"]';
    const before = document.querySelector<HTMLElement>(sel)!;
    const state = before.dataset.state;
    const text = badgeParts(before)!.text.textContent;
    const cell = before.closest('[data-testid="cellInnerDiv"]')!;
    const parent = cell.parentElement!;
    // React renders a fresh node when the cell scrolls back in.
    const fresh = cell.cloneNode(true) as Element;
    fresh.querySelector('replyclock-badge')?.remove();
    cell.remove();
    await settle();
    expect(document.querySelector(sel)).toBeNull();
    parent.prepend(fresh);
    await settle();
    const after = document.querySelector<HTMLElement>(sel)!;
    expect(after).not.toBe(before);
    expect(after.dataset.state).toBe(state);
    expect(badgeParts(after)!.text.textContent).toBe(text);
    expect(document.querySelectorAll(sel)).toHaveLength(1);
  });

  it('removes its badges when the page navigates away (single-page navigation)', async () => {
    await start('https://x.com/notifications/mentions', 'mentions.html');
    expect(badges().length).toBeGreaterThan(0);
    history.pushState({}, '', '/i/chat');
    dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(document.querySelectorAll('replyclock-badge')).toHaveLength(0);
  });

  it('stands down when a newer instance announces itself', async () => {
    await start('https://x.com/notifications/mentions', 'mentions.html');
    document.dispatchEvent(new CustomEvent(STAND_DOWN_EVENT, { detail: 'newer-instance' }));
    expect(document.querySelectorAll('replyclock-badge')).toHaveLength(0);
    expect(life!.signal.aborted).toBe(true);
  });

  it('status page: the brand reply answers the first tweet, the follow-up starts the next clock', async () => {
    await start('https://x.com/jane_doe/status/1800000000000000101', 'status.html');
    const b = badges();
    expect(b.map((x) => [x.dataset.conversation, x.dataset.message, x.dataset.state])).toEqual([
      ['x:1800000000000000101', 'x:1800000000000000101', 'answered'],
      ['x:1800000000000000101', 'x:1800000000000000103', 'breached'],
    ]);
    expect(badgeParts(b[0]!)!.text.textContent).toBe('Answered in 20 min');
  });

  it('catches a reply posted from this browser as it appears', async () => {
    await start('https://x.com/jane_doe/status/1800000000000000101', 'status.html');
    const reply = document.querySelectorAll('[data-testid="cellInnerDiv"]')[1]!.cloneNode(true) as Element;
    reply.querySelector('a[href*="/status/"]')!.setAttribute('href', '/AcmeSupport/status/1800000000000000199');
    reply.querySelector('time')!.setAttribute('datetime', '2026-03-02T10:50:00.000Z');
    document.querySelector('.list')!.append(reply);
    await settle();
    const follow = document.querySelector<HTMLElement>('replyclock-badge[data-message="x:1800000000000000103"]')!;
    expect(follow.dataset.state).toBe('answered');
    expect(badgeParts(follow)!.text.textContent).toBe('Answered in 10 min');
  });

  it('puts page and config text into the badge as text, never as HTML', async () => {
    await start('https://x.com/notifications/mentions', 'mentions.html');
    const p = badgeParts(badges()[0]!)!;
    expect(p.tip.textContent).toContain('Policy: <b>Gold</b>');
    expect(p.tip.querySelector('b')).toBeNull();
  });

  it('menu: loads on first open, keyboard-usable, Escape closes, an action goes to the background', async () => {
    await start('https://x.com/notifications/mentions', 'mentions.html');
    const host = badges()[0]!;
    expect(badgeParts(host)!.menu).toBeNull(); // not built until an agent asks for it
    badgeParts(host)!.button.click();
    await vi.waitFor(() => expect(badgeParts(host)!.menu?.hidden).toBe(false));
    const p = badgeParts(host)!;
    const menu = p.menu!;
    expect(p.button.getAttribute('aria-expanded')).toBe('true');
    // Only what fits the clock's state is offered; the running clock offers the agent actions of the issue.
    const offered = [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].filter((b) => !b.hidden).map((b) => b.textContent);
    expect(offered).toEqual(['Assign to me', 'No reply needed', 'Snooze 1 hour', "Snooze until tomorrow's opening"]);
    menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(menu.hidden).toBe(true);
    p.button.click();
    await vi.waitFor(() => expect(menu.hidden).toBe(false));
    menu.querySelector<HTMLButtonElement>('[data-action="exclude"]')!.click();
    await vi.waitFor(() => expect(calls.find((c) => c.type === 'ui:action')).toBeDefined());
    const act = calls.find((c) => c.type === 'ui:action');
    expect(act?.payload).toEqual({ conversationId: host.dataset.conversation, act: { action: 'exclude' } });
  });

  it('menu: snooze one hour asks the background to pause the clock for an hour', async () => {
    await start('https://x.com/notifications/mentions', 'mentions.html');
    const host = badges()[0]!;
    badgeParts(host)!.button.click();
    await vi.waitFor(() => expect(badgeParts(host)!.menu?.hidden).toBe(false));
    const before = Date.now();
    badgeParts(host)!.menu!.querySelector<HTMLButtonElement>('[data-action="snoozeHour"]')!.click();
    await vi.waitFor(() => expect(calls.find((c) => c.type === 'ui:action')).toBeDefined());
    const act = (calls.find((c) => c.type === 'ui:action')!.payload as { act: { action: string; until: number } }).act;
    expect(act.action).toBe('snooze');
    expect(act.until - before).toBeGreaterThanOrEqual(3_600_000);
    expect(act.until - before).toBeLessThan(3_600_000 + 60_000);
  });

  it('hover or focus shows policy, target and due time in the tooltip', async () => {
    await start('https://x.com/notifications/mentions', 'mentions.html');
    const lines = [...badgeParts(badges()[0]!)!.tip.children].map((d) => d.textContent);
    expect(lines[0]).toBe('Policy: <b>Gold</b>');
    expect(lines[1]).toBe('First response within 1 hr · counted in calendar time');
    expect(lines[2]).toMatch(/^Due /);
    // The tooltip is shown by :hover / :focus-within of the badge (shadow CSS), and named by the button.
    expect(badgeParts(badges()[0]!)!.button.getAttribute('aria-describedby')).toBe('tip');
  });

  it('does not let clicks on the badge reach the tweet (which would open it)', async () => {
    await start('https://x.com/notifications/mentions', 'mentions.html');
    const host = badges()[0]!;
    const onArticle = vi.fn();
    host.closest('article')!.addEventListener('click', onArticle);
    badgeParts(host)!.button.click();
    expect(onArticle).not.toHaveBeenCalled();
  });
});
