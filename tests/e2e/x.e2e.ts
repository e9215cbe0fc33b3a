// X with the built extension in every browser driver: fixture pages served at the real x.com hostname.
import { describe, expect, it } from 'vitest';
import { browsers, type E2EHarness, sharedBrowser } from './drivers/index.ts';

const CONFIG = {
  version: 1,
  schedules: [],
  policies: [{ id: 'social', name: 'Social', schedule: null, match: {}, firstResponseMinutes: 60, nextResponseMinutes: 60 }],
  brands: { x: ['AcmeSupport', 'AcmeHelp'] },
  sites: [],
};
const STATES = ['ok', 'warning', 'breached', 'paused', 'answered', 'unknown'];
const id = (n: string): string => `x:18000000000000000${n}`;
const byConversation = (conv: string): string => `replyclock-badge[data-conversation="${conv}"]`;
const byMessage = (msg: string): string => `replyclock-badge[data-message="${msg}"]`;

describe.each(browsers())('X (e2e, %s)', (browser) => {
  let h: E2EHarness;
  sharedBrowser(browser, CONFIG, (x) => (h = x));

  it('mentions timeline: badges on customer mentions only', async () => {
    await h.serveFixture('https://x.com/notifications/mentions', 'tests/fixtures/x/mentions.html');
    const page = await h.open('https://x.com/notifications/mentions');
    for (const n of ['01', '02', '09', '10', '11']) {
      await expect.poll(() => h.count(page, byConversation(id(n))), { timeout: 10_000 }).toBe(1);
      expect(STATES).toContain(await h.attr(page, byConversation(id(n)), 'data-state'));
    }
    // promoted, repost, brand-authored, lookalikes, quote-only mention
    for (const n of ['03', '04', '05', '06', '07', '08', '12']) {
      expect(await h.count(page, byConversation(id(n)))).toBe(0);
    }
    await expect.poll(async () => (await h.badges(page)).length).toBe(5);
    await h.screenshot(page, 'x-mentions');
    // The background stored what the page showed.
    await expect
      .poll(async () => (await h.conversations()).map((c) => c.id).sort(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([id('01'), id('02')]));
  });

  it('status page: the brand reply makes the customer tweet answered', async () => {
    await h.serveFixture('https://x.com/jane_doe/status/1800000000000000101', 'tests/fixtures/x/status.html');
    const page = await h.open('https://x.com/jane_doe/status/1800000000000000101');
    const first = byMessage('x:1800000000000000101');
    await expect.poll(() => h.attr(page, first, 'data-state'), { timeout: 10_000 }).toBe('answered');
    expect(await h.attr(page, first, 'data-conversation')).toBe('x:1800000000000000101');
    expect(await h.attr(page, byMessage('x:1800000000000000103'), 'data-conversation')).toBe('x:1800000000000000101');
    expect(await h.count(page, byMessage('x:1800000000000000104'))).toBe(0);
    await h.screenshot(page, 'x-status');
  });
});
