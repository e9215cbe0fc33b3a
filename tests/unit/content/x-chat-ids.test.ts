// @vitest-environment happy-dom
// One X direct-message chat is one conversation: its inbox row ("dm-conversation-item-uidA:uidB") and its open thread
// (route /i/chat/uidA-uidB) must name the same conversation, whichever order each lists the two users in.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ObservedConversation } from '../../../src/shared/protocol.ts';

vi.mock('../../../src/content/api.ts', () => import('./fake-browser.ts'));
vi.mock('../../../src/content/bridge.ts', () => import('./fake-bridge.ts'));
import { calls, useConfig } from './fake-bridge.ts';
import { hourPolicyConfig } from './team-config.ts';
const config = hourPolicyConfig({ id: 'dm', name: 'DM' });
useConfig(config);

import { startRuntime } from '../../../src/content/runtime.ts';
import { SITES } from '../../../src/content/registry.ts';
import { dmKey, readDmRow } from '../../../src/content/sites/x-chat.ts';

const body = (file: string): string => /<body>([\s\S]*)<\/body>/.exec(readFileSync(`tests/fixtures/x/${file}`, 'utf8'))![1]!;
/** The inbox (chat.html) beside the open thread (chat-thread.html), as X shows them on a wide screen. */
function wideChat(rowKey: string): string {
  const inbox = /<section data-testid="dm-inbox-panel"[\s\S]*?<\/section>/.exec(body('chat.html'))![0].replace('dm-conversation-item-111:222', `dm-conversation-item-${rowKey}`);
  return body('chat-thread.html').replace('<section aria-label="Conversation">', `${inbox}<section aria-label="Conversation">`);
}

let life: AbortController | null = null;
afterEach(() => {
  life?.abort();
  document.body.innerHTML = '';
  calls.length = 0;
});

describe('X direct messages: one chat, one conversation id', () => {
  it('dmKey: the same pair in either order or spelling gives one key; groups pass through', () => {
    expect(dmKey('111:222')).toBe('111:222');
    expect(dmKey('222-111')).toBe('111:222');
    expect(dmKey('222:111')).toBe('111:222');
    // Numeric, not text order: 99 < 1000.
    expect(dmKey('1000-99')).toBe('99:1000');
    expect(dmKey('1800000000000000002:1799999999999999999')).toBe('1799999999999999999:1800000000000000002');
    expect(dmKey('g1234567')).toBe('g1234567');
  });

  it('the inbox row reads the normalised key', () => {
    const row = document.createElement('div');
    row.setAttribute('data-testid', 'dm-conversation-item-222:111');
    row.setAttribute('aria-description', 'Jane Doe, @jane_doe, my parcel is lost, 22:08');
    expect(readDmRow(row)?.key).toBe('111:222');
  });

  it.each([
    ['111:222', 'https://x.com/i/chat/111-222'],
    ['222:111', 'https://x.com/i/chat/111-222'],
    ['111:222', 'https://x.com/i/chat/222-111'],
  ])('row %s beside the thread at %s: every badge and report is conversation x:dm:111:222', async (rowKey, url) => {
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
    document.body.innerHTML = wideChat(rowKey);
    life = (await startRuntime(SITES)).life;
    const badges = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('replyclock-badge')];
    // Jane's row + her two messages in the thread (Bob's row ends with the brand's message; groups are skipped).
    await vi.waitFor(() => expect(badges()).toHaveLength(3), { timeout: 3000 });
    expect(new Set(badges().map((b) => b.dataset.conversation))).toEqual(new Set(['x:dm:111:222']));
    await vi.waitFor(() => expect(calls.some((c) => c.type === 'content:observed')).toBe(true), { timeout: 3000 });
    const ids = calls
      .filter((c) => c.type === 'content:observed')
      .flatMap((c) => (c.payload as { conversations: ObservedConversation[] }).conversations.map((conv) => conv.id));
    expect(new Set(ids)).toEqual(new Set(['x:dm:111:222', 'x:dm:111:333']));
  });
});
