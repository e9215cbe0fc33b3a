// @vitest-environment happy-dom
// Replies sent from X's reply dialog on a timeline (x-sent-replies.ts), through the whole content runtime: the Reply
// button (or "r") names the tweet, the dialog must name its author, X's "Your post was sent · View" toast names the
// brand's post, whose snowflake id says when it was made.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TeamConfig } from '../../../src/core/types.ts';

vi.mock('../../../src/content/api.ts', () => import('./fake-browser.ts'));
vi.mock('../../../src/content/bridge.ts', () => import('./fake-bridge.ts'));
import { calls, useConfig } from './fake-bridge.ts';
import type { ObservedConversation } from '../../../src/shared/protocol.ts';
useConfig({
  version: 1,
  schedules: [],
  policies: [{ id: 'social', name: 'Social', schedule: null, match: {}, firstResponseMinutes: 60, nextResponseMinutes: 60 }],
  brands: { x: ['AcmeSupport'] },
  sites: [],
} satisfies TeamConfig);

import { startRuntime } from '../../../src/content/runtime.ts';
import { SITES } from '../../../src/content/registry.ts';
import { snowflakeTime } from '../../../src/content/sites/x-sent-replies.ts';

const X_EPOCH = 1288834974657;
/** The id X gives a post made at `ms` (sequence and machine bits 0). */
const snowflake = (ms: number): string => String(BigInt(ms - X_EPOCH) << 22n);
const JANE = 'x:1800000000000000001';
const BOB = 'x:1800000000000000002';
const settle = (ms = 5) => new Promise((r) => setTimeout(r, ms));
const badgeOf = (conv: string) => document.querySelector<HTMLElement>(`replyclock-badge[data-conversation="${conv}"]`)!;
const articleOf = (status: string) => document.querySelector(`a[href$="/status/${status}"]`)!.closest('article')!;

let life: AbortController | null = null;
async function start(): Promise<void> {
  await import('../../../src/content/sites/x.ts');
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://x.com/notifications/mentions');
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(readFileSync('tests/fixtures/x/mentions.html', 'utf8'))![1]!;
  life = (await startRuntime(SITES)).life;
  await settle();
}

/** X's reply dialog, in its layer; `names` is whom its "Replying to" line names, `typed` what the agent wrote. */
function openDialog(names: string | null, typed = 'Sorry to hear that, we sent you a DM'): HTMLElement {
  const layer = document.createElement('div');
  layer.id = 'layers';
  layer.innerHTML =
    '<div role="dialog" aria-modal="true" aria-labelledby="modal-header"><div>' +
    (names ? `<div>Replying to <a href="/${names}" role="link">@${names}</a></div>` : '') +
    `<div data-testid="tweetTextarea_0" role="textbox" contenteditable="true">${typed}</div>` +
    '<button data-testid="tweetButton" type="button"><span>Reply</span></button></div></div>';
  document.body.append(layer);
  return layer;
}
/** Sends from the dialog (click or Ctrl+Enter); X closes it and shows its toast. */
async function send(layer: HTMLElement, how: 'click' | 'keys', post: string | null): Promise<void> {
  if (how === 'click') layer.querySelector<HTMLElement>('[data-testid="tweetButton"]')!.click();
  else layer.querySelector('[data-testid="tweetTextarea_0"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
  layer.remove();
  if (post) {
    const toast = document.createElement('div');
    toast.innerHTML = `<div data-testid="toast" role="alert"><div><span>Your post was sent.</span><a href="${post}" role="link"><span>View</span></a></div></div>`;
    document.body.append(toast);
  }
  await settle(20);
}
function brandMessages(conv: string): { id: string; at: number | null }[] {
  return calls
    .filter((c) => c.type === 'content:observed')
    .flatMap((c) => (c.payload as { conversations: ObservedConversation[] }).conversations)
    .filter((c) => c.id === conv)
    .flatMap((c) => c.messages.filter((m) => m.role === 'brand').map((m) => ({ id: m.id, at: m.at })));
}

describe('X: replies sent from the reply dialog', () => {
  beforeEach(() => {
    calls.length = 0;
  });
  afterEach(() => {
    life?.abort();
    document.body.innerHTML = '';
  });

  it("answers the timeline tweet whose Reply was pressed, at the brand post's own time", async () => {
    await start();
    expect(badgeOf(JANE).dataset.state).toBe('breached');
    articleOf('1800000000000000001').querySelector<HTMLElement>('[data-testid="reply"]')!.click();
    const madeAt = Date.now() - 4000;
    await send(openDialog('jane_doe'), 'click', `/AcmeSupport/status/${snowflake(madeAt)}`);
    expect(badgeOf(JANE).dataset.state).toBe('answered');
    expect(badgeOf(BOB).dataset.state).toBe('breached');
    await vi.waitFor(() => expect(brandMessages(JANE)).toEqual([{ id: `x:${snowflake(madeAt)}`, at: madeAt }]), { timeout: 2000 });
  });

  it('keeps what was pressed and sent across the dialog\'s own URL (/compose/post), and counts a double click once', async () => {
    await start();
    articleOf('1800000000000000001').querySelector<HTMLElement>('[data-testid="reply"]')!.click();
    // X opens the dialog at its own URL and goes back after sending: both are new page visits for the runtime.
    const go = async (path: string) => {
      history.pushState({}, '', path);
      dispatchEvent(new PopStateEvent('popstate'));
      const before = badgeOf(BOB);
      // The new visit has drawn badges of its own.
      await vi.waitFor(() => expect(badgeOf(BOB) && badgeOf(BOB) !== before && badgeOf(BOB).isConnected).toBe(true));
    };
    await go('/compose/post');
    const layer = openDialog('jane_doe');
    const button = layer.querySelector<HTMLElement>('[data-testid="tweetButton"]')!;
    button.setAttribute('aria-disabled', 'true');
    button.click(); // nothing typed yet: X sends nothing
    button.removeAttribute('aria-disabled');
    button.click();
    await go('/notifications/mentions');
    const madeAt = Date.now() - 2000;
    await send(layer, 'click', `/AcmeSupport/status/${snowflake(madeAt)}`); // the double click's second
    expect(badgeOf(JANE).dataset.state).toBe('answered');
    await vi.waitFor(() => expect(brandMessages(JANE)).toEqual([{ id: `x:${snowflake(madeAt)}`, at: madeAt }]), { timeout: 2000 });
  });

  it('works from the keyboard too: "r" on the focused tweet, Ctrl+Enter in the dialog', async () => {
    await start();
    const article = articleOf('1800000000000000002') as HTMLElement;
    article.focus();
    article.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true }));
    await send(openDialog('bob_k'), 'keys', `/AcmeSupport/status/${snowflake(Date.now() - 1000)}`);
    expect(badgeOf(BOB).dataset.state).toBe('answered');
    expect(badgeOf(JANE).dataset.state).toBe('breached');
  });

  it('a dialog that does not name the customer (a new post after a cancelled reply) answers nobody', async () => {
    await start();
    articleOf('1800000000000000001').querySelector<HTMLElement>('[data-testid="reply"]')!.click();
    openDialog('jane_doe').remove(); // cancelled
    await send(openDialog(null), 'click', `/AcmeSupport/status/${snowflake(Date.now() - 1000)}`);
    // Typing the customer's handle does not make a new post a reply to their tweet, nor does a longer handle.
    await settle(2100);
    await send(openDialog(null, 'Hi <a href="/jane_doe">@jane_doe</a>, see our update'), 'click', `/AcmeSupport/status/${snowflake(Date.now() - 1000)}`);
    await send(openDialog('jane_doe_2'), 'click', `/AcmeSupport/status/${snowflake(Date.now() - 1000)}`);
    expect(badgeOf(JANE).dataset.state).toBe('breached');
    await settle(300);
    expect(brandMessages(JANE)).toEqual([]);
  });

  it("answers nothing for a toast without a send from the dialog, another account's post, or a reply to a non-customer tweet", async () => {
    await start();
    // A toast with no send before it (another tab's post shown here, a draft saved…).
    const toast = document.createElement('div');
    toast.innerHTML = `<div data-testid="toast" role="alert"><a href="/AcmeSupport/status/${snowflake(Date.now())}">View</a></div>`;
    document.body.append(toast);
    await settle(20);
    // Sent from the dialog, but the toast links somebody else's post.
    articleOf('1800000000000000001').querySelector<HTMLElement>('[data-testid="reply"]')!.click();
    await send(openDialog('jane_doe'), 'click', `/jane_doe/status/${snowflake(Date.now())}`);
    // Reply to the brand's own tweet: not a conversation, so nothing to answer, even if its dialog names jane_doe.
    articleOf('1800000000000000008').querySelector<HTMLElement>('[data-testid="reply"]')!.click();
    await send(openDialog('jane_doe'), 'click', `/AcmeSupport/status/${snowflake(Date.now())}`);
    expect(badgeOf(JANE).dataset.state).toBe('breached');
    await settle(300);
    expect(brandMessages(JANE)).toEqual([]);
  });

  it("reads a post's time from its snowflake id, and refuses ids from before snowflakes", () => {
    expect(snowflakeTime(snowflake(Date.UTC(2026, 10, 24, 9, 30, 15, 123)))).toBe(Date.UTC(2026, 10, 24, 9, 30, 15, 123));
    // The sequence and machine bits (the 22 lowest) do not change the time.
    expect(snowflakeTime(String(BigInt(snowflake(Date.UTC(2026, 0, 1))) + 4194303n))).toBe(Date.UTC(2026, 0, 1));
    expect(snowflakeTime('20')).toBeNull(); // 2006: before X's snowflake epoch
    expect(snowflakeTime('not-a-number')).toBeNull();
  });
});
