// Facebook in every browser driver (drivers/index.ts) with the built extension: fixture pages served at the real
// hostnames (www.facebook.com, business.facebook.com) so the manifest's match patterns apply.
import { describe, expect, it } from 'vitest';
import { browsers, type E2EHarness, sharedBrowser } from './drivers/index.ts';

const CONFIG = {
  version: 1,
  schedules: [],
  policies: [{ id: 'social', name: 'Social', schedule: null, match: {}, firstResponseMinutes: 60, nextResponseMinutes: 60 }],
  brands: { facebook: ['AcmePage', '100064000000001'] },
  sites: [],
};
const STATES = ['ok', 'warning', 'breached', 'paused', 'answered', 'unknown'];
const POST = 'https://www.facebook.com/AcmePage/posts/pfbid02abc';
const THREAD = 'https://www.facebook.com/messages/t/1234567890';
const INBOX = 'https://business.facebook.com/latest/inbox/all?asset_id=100064000000001&mailbox_id=222&selected_item_id=100&thread_type=FB_MESSAGE';

describe.each(browsers())('Facebook (e2e, %s)', (browser) => {
  let h: E2EHarness;
  sharedBrowser(browser, CONFIG, (x) => (h = x));

  for (const lang of ['en', 'de', 'nl']) {
    it(`page post comments (${lang}): badges on customer comments, the Page's reply answers`, async () => {
      await h.serveFixture(POST, `tests/fixtures/facebook/post-${lang}.html`);
      const page = await h.open(POST);
      const badge = (msg: string): string => `replyclock-badge[data-message="facebook:${msg}"]`;
      // Jane's comment was answered by the Page; her follow-up waits.
      await expect.poll(() => h.attr(page, badge('1234567890_1111'), 'data-state'), { timeout: 10_000 }).toBe('answered');
      expect(await h.attr(page, badge('1234567890_1111'), 'data-conversation')).toBe('facebook:1234567890_1111');
      expect(await h.attr(page, badge('3333'), 'data-conversation')).toBe('facebook:1234567890_1111');
      for (const m of ['3333', '4444', '6666', '7777', '8888']) {
        await expect.poll(() => h.count(page, badge(m)), { timeout: 10_000 }).toBe(1);
        expect(STATES).toContain(await h.attr(page, badge(m), 'data-state'));
      }
      // The Page's comments carry no badge.
      for (const m of ['2222', '5555']) expect(await h.count(page, badge(m))).toBe(0);
      await h.screenshot(page, `facebook-post-${lang}`);
      await page.close();
    });
  }

  it('stores the comment conversations with their Facebook times', async () => {
    await expect
      .poll(async () => (await h.conversations()).map((c) => c.id), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['facebook:1234567890_1111', 'facebook:4444', 'facebook:6666']));
  });

  // Every surface in the three languages the fixtures are written in (localised headings, "You:" prefixes, times).
  it.each(['en', 'de', 'nl'])('Messenger (%s): thread rows and the open thread', async (lang) => {
    await h.serveFixture(THREAD, `tests/fixtures/facebook/messenger-${lang}.html`);
    const page = await h.open(THREAD);
    await expect.poll(() => h.count(page, 'replyclock-badge[data-conversation="facebook:dm:3456789012"]'), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => h.count(page, 'replyclock-badge[data-conversation="facebook:dm:1234567890"]'), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await h.count(page, 'replyclock-badge[data-conversation="facebook:dm:2345678901"]')).toBe(0);
    await h.screenshot(page, `facebook-messenger-${lang}`);
    await page.close();
  });

  it.each(['en', 'de', 'nl'])('Business Suite inbox (%s): rows waiting for the Page get badges', async (lang) => {
    await h.serveFixture(INBOX, `tests/fixtures/facebook/business-${lang}.html`);
    const page = await h.open(INBOX);
    for (const id of ['100', '300']) {
      await expect.poll(() => h.count(page, `replyclock-badge[data-conversation="facebook:bs:${id}"]`), { timeout: 10_000 }).toBe(1);
    }
    expect(await h.count(page, 'replyclock-badge[data-conversation="facebook:bs:200"]')).toBe(0);
    await h.screenshot(page, `facebook-business-${lang}`);
    await page.close();
  });
});
