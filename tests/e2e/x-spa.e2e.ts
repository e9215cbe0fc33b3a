// X as the single-page app it is, in every browser driver: mentions timeline → conversation page → back, by
// history.pushState and popstate (no page load), served at https://x.com. What an agent relies on: the new page's
// tweets are badged with the new page's knowledge (the brand's reply answers), the old page's badges do not linger,
// never two badges on one tweet, and a customer's follow-up to the brand's reply continues its conversation — stored
// once, even though the timeline first showed it on its own. Fixture: tests/fixtures/x/spa.html.
import { describe, expect, it } from 'vitest';
import { browsers, type E2EHarness, type RcPage, sharedBrowser } from './drivers/index.ts';

const CONFIG = {
  version: 1,
  schedules: [],
  policies: [{ id: 'social', name: 'Social', schedule: null, match: {}, firstResponseMinutes: 60, nextResponseMinutes: 60 }],
  brands: { x: ['AcmeSupport'] },
  sites: [],
};
const MENTIONS = 'https://x.com/notifications/mentions';
const id = (n: string): string => `x:18000000000000003${n}`;
const byMessage = (n: string): string => `replyclock-badge[data-message="${id(n)}"]`;

describe.each(browsers())('X single-page navigation (e2e, %s)', (browser) => {
  let h: E2EHarness;
  sharedBrowser(browser, CONFIG, (x) => (h = x));

  /** Badges per tweet (data-message), counted in the page. */
  const perTweet = (page: RcPage): Promise<Record<string, number>> =>
    h.evaluateIn(page, () => {
      const out: Record<string, number> = {};
      for (const b of document.querySelectorAll('replyclock-badge')) {
        const k = b.getAttribute('data-message') ?? '';
        out[k] = (out[k] ?? 0) + 1;
      }
      return out;
    });
  const badgeMap = async (page: RcPage): Promise<Record<string, string | null>> =>
    Object.fromEntries((await h.badges(page)).map((b) => [b.message ?? '', b.conversation]));

  it('timeline → conversation page → back: badges follow the page, the follow-up joins its thread, stored once', async () => {
    await h.serveFixture(MENTIONS, 'tests/fixtures/x/spa.html');
    const page = await h.open(MENTIONS);

    // Timeline: no thread id in X's DOM, so the follow-up (303) is first a conversation of its own.
    await expect.poll(() => badgeMap(page), { timeout: 10_000 }).toEqual({ [id('01')]: id('01'), [id('03')]: id('03'), [id('05')]: id('05') });
    await expect
      .poll(async () => (await h.conversations()).map((c) => c.id).sort(), { timeout: 10_000 })
      .toEqual([id('01'), id('03'), id('05')]);

    // Open the follow-up (X: a click on its time link, history.pushState, no reload). X shows the focal tweet first
    // and inserts the thread above it 300 ms later.
    await h.click(page, `a[href="/jane_doe/status/${id('03').slice(2)}"]`);
    expect(await h.evaluateIn(page, () => location.pathname)).toBe(`/jane_doe/status/${id('03').slice(2)}`);
    const seen: Record<string, number>[] = [];
    await expect
      .poll(
        async () => {
          seen.push(await perTweet(page));
          return h.attr(page, byMessage('01'), 'data-state');
        },
        { timeout: 10_000, interval: 50 },
      )
      .toBe('answered'); // the brand's reply on the conversation page answers Jane's first tweet
    expect(await badgeMap(page)).toEqual({ [id('01')]: id('01'), [id('03')]: id('01') });
    // The old page's badges went with it (Bob's tweet is not on this page), and at no moment two on one tweet.
    expect(await h.count(page, byMessage('05'))).toBe(0);
    for (const counts of seen) for (const n of Object.values(counts)) expect(n).toBe(1);
    await h.screenshot(page, 'x-spa-status');

    // The follow-up's own clock is the next-response clock of Jane's conversation; the record it had alone is merged.
    await expect
      .poll(async () => (await h.conversations()).map((c) => c.id).sort(), { timeout: 10_000 })
      .toEqual([id('01'), id('05')]);
    const jane = (await h.conversations()).find((c) => c.id === id('01'))!;
    expect(jane.messages.map((m) => [m.id, m.role])).toEqual([
      [id('01'), 'customer'],
      [id('02'), 'brand'],
      [id('03'), 'customer'],
    ]);
    expect(jane.lastCustomerAt).toBe(Date.parse('2026-03-02T10:40:00.000Z'));

    // Back to the timeline (popstate): every tweet badged once, the follow-up still Jane's conversation.
    await h.evaluateIn(page, () => history.back());
    await expect
      .poll(() => badgeMap(page), { timeout: 10_000 })
      .toEqual({ [id('01')]: id('01'), [id('03')]: id('01'), [id('05')]: id('05') });
    await expect.poll(() => h.attr(page, byMessage('01'), 'data-state'), { timeout: 10_000 }).toBe('answered');
    for (const n of Object.values(await perTweet(page))) expect(n).toBe(1);
    expect((await h.conversations()).map((c) => c.id).sort()).toEqual([id('01'), id('05')]);
    await h.screenshot(page, 'x-spa-back');
    await page.close();
  });
});
