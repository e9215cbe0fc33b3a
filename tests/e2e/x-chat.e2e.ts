// X direct messages at https://x.com/i/chat in every browser driver: the inbox, then (a click, history.pushState, no
// page load) the open thread beside it. What a team relies on: a chat's inbox row and its open thread are ONE
// conversation — one stored record, every badge naming it — the brand's reply in the thread answers the customer's
// first message, and times with no timestamp in X's DOM are first-seen times. Fixture: tests/fixtures/x/chat-spa.html.
import { describe, expect, it } from 'vitest';
import { browsers, type E2EHarness, sharedBrowser } from './drivers/index.ts';

const CONFIG = {
  version: 1,
  schedules: [],
  policies: [{ id: 'dm', name: 'DM', schedule: null, match: {}, firstResponseMinutes: 60, nextResponseMinutes: 60 }],
  brands: { x: ['AcmeSupport'] },
  sites: [],
};
const INBOX = 'https://x.com/i/chat';
const JANE = 'x:dm:111:222';
const ROW = '[data-testid="dm-conversation-item-111:222"]';

describe.each(browsers())('X direct messages (e2e, %s)', (browser) => {
  let h: E2EHarness;
  sharedBrowser(browser, CONFIG, (x) => (h = x));

  it('inbox row and open thread of one chat are one conversation', async () => {
    await h.serveFixture(INBOX, 'tests/fixtures/x/chat-spa.html');
    const page = await h.open(INBOX);

    // Inbox: Jane's row is waiting (her message is the last); Bob's ends with the brand's; the group chat is no customer.
    await expect.poll(async () => (await h.badges(page)).map((b) => b.conversation), { timeout: 10_000 }).toEqual([JANE]);
    await expect.poll(async () => (await h.conversations()).map((c) => c.id), { timeout: 10_000 }).toEqual([JANE]);

    // Open Jane's chat (the row's name, not the badge: the badge keeps its clicks to itself).
    await h.click(page, `${ROW} span`);
    expect(await h.evaluateIn(page, () => location.pathname)).toBe('/i/chat/111-222');
    // Row + her two messages in the thread: every badge is the row's conversation.
    await expect.poll(async () => (await h.badges(page)).length, { timeout: 10_000 }).toBe(3);
    expect(new Set((await h.badges(page)).map((b) => b.conversation))).toEqual(new Set([JANE]));
    await expect
      .poll(() => h.attr(page, 'replyclock-badge[data-message="x:dm:111:222:7a1c0f3e-0001"]', 'data-state'), { timeout: 10_000 })
      .toBe('answered');
    await h.screenshot(page, 'x-chat-open');

    // Stored once, holding the thread's messages (the brand's reply included) with first-seen times.
    await expect
      .poll(async () => (await h.conversations()).find((c) => c.id === JANE)?.messages.map((m) => m.id) ?? [], { timeout: 10_000 })
      .toEqual(expect.arrayContaining([`${JANE}:7a1c0f3e-0001`, `${JANE}:7a1c0f3e-0002`, `${JANE}:7a1c0f3e-0003`]));
    const stored = await h.conversations();
    expect(stored.map((c) => c.id)).toEqual([JANE]);
    const jane = stored[0]!;
    expect(jane.channel).toBe('dm');
    expect(jane.customer.handle).toBe('jane_doe');
    expect(jane.messages.find((m) => m.id === `${JANE}:7a1c0f3e-0002`)?.role).toBe('brand');
    for (const m of jane.messages) expect(m.siteAt).toBeNull(); // no timestamp in X's chat DOM: first-seen time
    await page.close();
  });
});
