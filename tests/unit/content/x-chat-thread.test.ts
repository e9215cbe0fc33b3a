// @vitest-environment happy-dom
// An open X DM thread through the whole runtime: messages read from message-<uuid>, sender by bubble side, no
// timestamp in the DOM → first-seen time, marked as such in the tooltip; the brand's reply answers the first message.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/content/api.ts', () => import('./fake-browser.ts'));
vi.mock('../../../src/content/bridge.ts', () => import('./fake-bridge.ts'));
import { calls, useConfig } from './fake-bridge.ts';
import { hourPolicyConfig } from './team-config.ts';
const config = hourPolicyConfig({ id: 'dm', name: 'DM' }, ['@AcmeSupport']);
useConfig(config);

import { startRuntime } from '../../../src/content/runtime.ts';
import { SITES } from '../../../src/content/registry.ts';
import { badgeParts } from '../../../src/content/badge.ts';

let life: AbortController | null = null;
afterEach(() => {
  life?.abort();
  document.body.innerHTML = '';
  calls.length = 0;
});

async function open(fixture: string): Promise<void> {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://x.com/i/chat/111-222');
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(readFileSync(`tests/fixtures/x/${fixture}`, 'utf8'))![1]!;
  life = (await startRuntime(SITES)).life;
}
const badges = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('replyclock-badge')];

describe('X direct-message thread', () => {
  it('badges customer messages only; the brand reply answers the first; first-seen time is marked', async () => {
    await open('chat-thread.html');
    await vi.waitFor(() => expect(badges()).toHaveLength(2), { timeout: 3000 });
    expect(badges().map((b) => [b.dataset.conversation, b.dataset.message, b.dataset.state])).toEqual([
      ['x:dm:111:222', 'x:dm:111:222:7a1c0f3e-0001', 'answered'],
      ['x:dm:111:222', 'x:dm:111:222:7a1c0f3e-0003', 'ok'],
    ]);
    expect(badges()[1]!.closest('[data-testid="message-7a1c0f3e-0003"]')).not.toBeNull();
    expect(badgeParts(badges()[1]!)!.tip.textContent).toContain('Time first seen');
  });

  it('reports the thread as one DM conversation with the customer handle, text as text, times as null', async () => {
    await open('chat-thread.html');
    await vi.waitFor(() => expect(calls.some((c) => c.type === 'content:observed')).toBe(true), { timeout: 3000 });
    const conv = (calls.find((c) => c.type === 'content:observed')!.payload as {
      conversations: { id: string; channel: string; customer: { handle?: string }; messages: { role: string; at: number | null; text?: string }[] }[];
    }).conversations[0]!;
    expect(conv).toMatchObject({ id: 'x:dm:111:222', channel: 'dm', customer: { handle: 'jane_doe' } });
    expect(conv.messages.map((m) => [m.role, m.at])).toEqual([
      ['customer', null],
      ['brand', null],
      ['customer', null],
    ]);
    expect(conv.messages[0]!.text).toBe('Hi, my parcel is lost <b>help</b>');
  });

  it('reads nothing when the signed-in account is not a brand', async () => {
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://x.com/i/chat/111-222');
    const html = readFileSync('tests/fixtures/x/chat-thread.html', 'utf8').replace('<span>@AcmeSupport</span>', '<span>@someone_else</span>');
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
    life = (await startRuntime(SITES)).life;
    await new Promise((r) => setTimeout(r, 100));
    expect(document.querySelector('[data-testid="SideNav_AccountSwitcher_Button"]')!.textContent).toContain('@someone_else');
    expect(badges()).toHaveLength(0);
    expect(calls.some((c) => c.type === 'content:observed')).toBe(false);
  });
});
