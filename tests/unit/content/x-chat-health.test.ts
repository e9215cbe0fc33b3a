// @vitest-environment happy-dom
// Health of the X chat adapter (issue 5: a page that should hold conversations but yields none says so): chats on the
// page that no selector reads are a 'mismatch'; an inbox without chats is 'empty', never a false alarm.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { xChatSite } from '../../../src/content/sites/x-chat.ts';
import type { TeamConfig } from '../../../src/core/types.ts';
import { record } from '../facebook/helpers.ts';

const INBOX = 'https://x.com/i/chat';
const config: TeamConfig = { version: 1, schedules: [], policies: [], brands: { x: ['AcmeSupport'] }, sites: [] };

function load(): void {
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(readFileSync('tests/fixtures/x/chat.html', 'utf8'))![1]!;
}
function run(url = INBOX): ReturnType<typeof record> {
  const r = record(url, config);
  xChatSite.init(r.ctx);
  r.runLater();
  return r;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('X chat health', () => {
  it("rows read: 'ok', and the later check adds nothing", () => {
    load();
    expect(new Set(run().health.map((h) => h.status))).toEqual(new Set(['ok'])); // once per row here; the runtime sends it once
  });

  it("rows X renamed (the inbox still full of chats): 'mismatch', not silence", () => {
    load();
    for (const row of document.querySelectorAll('[data-testid^="dm-conversation-item-"]')) {
      row.setAttribute('data-testid', row.getAttribute('data-testid')!.replace('dm-conversation-item-', 'dm-row-'));
    }
    const r = run();
    expect(r.tracked).toHaveLength(0);
    expect(r.health).toEqual([{ status: 'mismatch', detail: 'chats on the page, but no row or message matched' }]);
  });

  it("an open thread whose messages X renamed: 'mismatch'", () => {
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(readFileSync('tests/fixtures/x/chat-thread.html', 'utf8'))![1]!;
    for (const m of document.querySelectorAll('[data-testid^="message-"]')) m.setAttribute('data-testid', `msg-${m.getAttribute('data-testid')}`);
    for (const row of document.querySelectorAll('[data-testid^="dm-conversation-item-"]')) row.remove();
    const r = run('https://x.com/i/chat/111-222');
    expect(r.health).toEqual([{ status: 'mismatch', detail: 'chats on the page, but no row or message matched' }]);
  });

  it("an inbox without chats: 'empty'", () => {
    load();
    for (const row of document.querySelectorAll('[data-testid^="dm-conversation-item-"]')) row.remove();
    expect(run().health).toEqual([{ status: 'empty', detail: 'no chats on this page' }]);
  });

  it("not signed in as a brand account: 'empty', and no chat is read", () => {
    load();
    document.querySelector('[data-testid="SideNav_AccountSwitcher_Button"]')!.innerHTML = '<span>Jane</span><span>@jane_doe</span>';
    const r = run();
    expect(r.tracked).toHaveLength(0);
    expect(r.health).toEqual([{ status: 'empty', detail: expect.stringContaining('not signed in as a brand') }]);
  });
});
