// @vitest-environment happy-dom
// A customer's follow-up to the brand's reply continues the conversation it follows up, whatever order X renders
// the thread in (X shows a conversation page's focal tweet first and inserts the tweets above it later), and keeps
// that conversation on the timeline afterwards. Fixture: tests/fixtures/x/spa.html (its templates hold the cells).
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TeamConfig } from '../../../src/core/types.ts';
import type { ObservedConversation } from '../../../src/shared/protocol.ts';

vi.mock('../../../src/content/api.ts', () => import('./fake-browser.ts'));
// Its own bridge mock rather than fake-bridge.ts: each test resets modules (vi.resetModules), which would give the
// runtime a fresh fake-bridge without this file's config.
const calls: { type: string; payload: unknown }[] = [];
vi.mock('../../../src/content/bridge.ts', () => ({
  request: vi.fn(async (type: string, payload: unknown) => {
    calls.push({ type, payload });
    if (type === 'content:lookup') return { conversations: [] };
    if (type === 'content:observed') return { stored: 1, conversations: [] };
    return { ok: true };
  }),
  onBroadcast: vi.fn(),
  loadConfig: async () => ({ config, hours: {} }),
}));
const config: TeamConfig = {
  version: 1,
  schedules: [],
  policies: [{ id: 'social', name: 'Social', schedule: null, match: {}, firstResponseMinutes: 60, nextResponseMinutes: 60 }],
  brands: { x: ['AcmeSupport'] },
  sites: [],
};

const FIXTURE = readFileSync('tests/fixtures/x/spa.html', 'utf8');
const cells = (route: string): string => new RegExp(`<template id="${route}">([\\s\\S]*?)</template>`).exec(FIXTURE)![1]!;
const settle = () => new Promise((r) => setTimeout(r, 5));
const id = (n: string): string => `x:18000000000000003${n}`;
const badgeOf = (n: string): HTMLElement | null => document.querySelector<HTMLElement>(`replyclock-badge[data-message="${id(n)}"]`);

/** The last report of each conversation id, merged the way the reporter queues them. */
function reported(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of calls) {
    if (c.type !== 'content:observed') continue;
    for (const conv of (c.payload as { conversations: ObservedConversation[] }).conversations) {
      const ids = out.get(conv.id) ?? new Set<string>();
      for (const m of conv.messages) ids.add(m.id);
      out.set(conv.id, ids);
    }
  }
  return out;
}

/** The two cells of 'route-status-ancestors': Jane's first tweet and the brand's reply to it. */
function threadCells(): Element[] {
  const tpl = document.createElement('template');
  tpl.innerHTML = cells('route-status-ancestors');
  return [...tpl.content.querySelectorAll('[data-testid="cellInnerDiv"]')];
}

let life: AbortController | null = null;
/** `route`: a template of the fixture, or the cells' HTML itself. */
async function start(url: string, route: string): Promise<void> {
  // A fresh adapter module per test: x.ts remembers threads for the life of the content script.
  vi.resetModules();
  const { startRuntime } = await import('../../../src/content/runtime.ts');
  const { SITES } = await import('../../../src/content/registry.ts');
  await import('../../../src/content/sites/x.ts');
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  const html = route.startsWith('<') ? route : cells(route);
  document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn"><div class="list" id="list">${html}</div></div></main>`;
  life = (await startRuntime(SITES)).life;
  await settle();
}

describe('X threads: a follow-up to the brand reply continues its conversation', () => {
  beforeEach(() => {
    calls.length = 0;
  });
  afterEach(() => {
    life?.abort();
    document.body.innerHTML = '';
  });

  it('conversation page rendered focal tweet first: the follow-up moves to the older tweet’s conversation', async () => {
    await start(`https://x.com/jane_doe/status/${id('03').slice(2)}`, 'route-status-focal');
    // Alone on the page, the follow-up is all we know of the thread.
    expect(badgeOf('03')!.dataset.conversation).toBe(id('03'));
    document.getElementById('list')!.insertAdjacentHTML('afterbegin', cells('route-status-ancestors'));
    await settle();
    expect(badgeOf('01')!.dataset.conversation).toBe(id('01'));
    expect(badgeOf('03')!.dataset.conversation).toBe(id('01'));
    expect(badgeOf('01')!.dataset.state).toBe('answered');
    // Next-response clock: the follow-up came after the brand's reply, its own clock runs (overdue by now).
    expect(badgeOf('03')!.dataset.state).toBe('breached');
    expect(document.querySelectorAll('replyclock-badge')).toHaveLength(2);
    await vi.waitFor(() => expect([...(reported().get(id('01')) ?? [])].sort()).toEqual([id('01'), id('02'), id('03')]), { timeout: 3000 });
  });

  it('ancestors first (in document order) gives the same conversation', async () => {
    await start(`https://x.com/jane_doe/status/${id('03').slice(2)}`, 'route-status-ancestors');
    document.getElementById('list')!.insertAdjacentHTML('beforeend', cells('route-status-focal'));
    await settle();
    expect([...document.querySelectorAll<HTMLElement>('replyclock-badge')].map((b) => [b.dataset.message, b.dataset.conversation, b.dataset.state])).toEqual([
      [id('01'), id('01'), 'answered'],
      [id('03'), id('01'), 'breached'],
    ]);
    await vi.waitFor(() => expect(reported().get(id('01'))?.has(id('03'))).toBe(true), { timeout: 3000 });
    expect(reported().has(id('03'))).toBe(false);
  });

  it('back on the timeline (SPA navigation), the follow-up keeps the thread’s conversation; another customer’s mention is its own', async () => {
    await start(`https://x.com/jane_doe/status/${id('03').slice(2)}`, 'route-status-ancestors');
    document.getElementById('list')!.insertAdjacentHTML('beforeend', cells('route-status-focal'));
    await settle();
    history.pushState({}, '', '/notifications/mentions');
    document.getElementById('list')!.innerHTML = cells('route-mentions');
    dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    const all = [...document.querySelectorAll<HTMLElement>('replyclock-badge')];
    expect(all.map((b) => [b.dataset.message, b.dataset.conversation]).sort()).toEqual([
      [id('01'), id('01')],
      [id('03'), id('01')],
      [id('05'), id('05')],
    ]);
  });

  it('the brand’s reply drawn before the tweet it answers (its own conversation page): it still answers it', async () => {
    const [customer, brand] = threadCells();
    await start(`https://x.com/AcmeSupport/status/${id('02').slice(2)}`, brand!.outerHTML);
    expect(document.querySelectorAll('replyclock-badge')).toHaveLength(0);
    document.getElementById('list')!.insertAdjacentHTML('afterbegin', customer!.outerHTML);
    await settle();
    expect(badgeOf('01')!.dataset.state).toBe('answered');
    await vi.waitFor(() => expect([...(reported().get(id('01')) ?? [])].sort()).toEqual([id('01'), id('02')]), { timeout: 3000 });
  });

  it('a waiting reply that names nobody answers the customer drawn above it, not one drawn below it', async () => {
    const [customer, brand] = threadCells();
    [...brand!.querySelectorAll('div[dir="ltr"]')].find((d) => d.textContent!.startsWith('Replying to'))!.remove();
    await start(`https://x.com/AcmeSupport/status/${id('02').slice(2)}`, brand!.outerHTML);
    // Jane's follow-up (10:40), drawn below the reply: not what the reply answers.
    document.getElementById('list')!.insertAdjacentHTML('beforeend', cells('route-status-focal'));
    await settle();
    expect(badgeOf('03')!.dataset.state).toBe('breached');
    // Her first tweet (10:00) arrives above it: the reply answers her thread.
    document.getElementById('list')!.insertAdjacentHTML('afterbegin', customer!.outerHTML);
    await settle();
    expect(badgeOf('01')!.dataset.state).toBe('answered');
    await vi.waitFor(() => expect([...(reported().get(id('01')) ?? [])].sort()).toEqual([id('01'), id('02'), id('03')]), { timeout: 3000 });
    const early = calls.filter((c) => c.type === 'content:observed').flatMap((c) => (c.payload as { conversations: ObservedConversation[] }).conversations);
    expect(early.filter((c) => c.id === id('03')).flatMap((c) => c.messages.map((m) => m.id))).not.toContain(id('02'));
  });

  it('on a timeline never seen in its thread, a follow-up is its own conversation (no thread id in the DOM)', async () => {
    await start('https://x.com/notifications/mentions', 'route-mentions');
    expect(badgeOf('03')!.dataset.conversation).toBe(id('03'));
    expect(badgeOf('01')!.dataset.conversation).toBe(id('01'));
  });
});
