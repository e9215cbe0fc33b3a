// X in a real Chromium with the built extension: fixture pages served at the real x.com hostname.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness.ts';

const CONFIG = {
  version: 1,
  schedules: [],
  policies: [{ id: 'social', name: 'Social', schedule: null, match: {}, firstResponseMinutes: 60, nextResponseMinutes: 60 }],
  brands: { x: ['AcmeSupport', 'AcmeHelp'] },
  sites: [],
};
const STATES = ['ok', 'warning', 'breached', 'paused', 'answered', 'unknown'];
const id = (n: string): string => `x:18000000000000000${n}`;

describe('X (e2e)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
    await h.setConfig(CONFIG);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('mentions timeline: badges on customer mentions only', async () => {
    await h.serveFixture('https://x.com/notifications/mentions', 'tests/fixtures/x/mentions.html');
    const page = await h.open('https://x.com/notifications/mentions');
    for (const n of ['01', '02', '09', '10', '11']) {
      const badge = page.locator(`replyclock-badge[data-conversation="${id(n)}"]`);
      await expect.poll(() => badge.count(), { timeout: 10_000 }).toBe(1);
      expect(STATES).toContain(await badge.getAttribute('data-state'));
    }
    // promoted, repost, brand-authored, lookalikes, quote-only mention
    for (const n of ['03', '04', '05', '06', '07', '08', '12']) {
      expect(await page.locator(`replyclock-badge[data-conversation="${id(n)}"]`).count()).toBe(0);
    }
    await expect.poll(() => page.locator('replyclock-badge').count()).toBe(5);
    await h.screenshot(page, 'x-mentions');
    // The background stored what the page showed.
    await expect
      .poll(async () => (await h.conversations()).map((c) => c.id).sort(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([id('01'), id('02')]));
  });

  it('status page: the brand reply makes the customer tweet answered', async () => {
    await h.serveFixture('https://x.com/jane_doe/status/1800000000000000101', 'tests/fixtures/x/status.html');
    const page = await h.open('https://x.com/jane_doe/status/1800000000000000101');
    const first = page.locator('replyclock-badge[data-message="x:1800000000000000101"]');
    await expect.poll(() => first.getAttribute('data-state'), { timeout: 10_000 }).toBe('answered');
    expect(await first.getAttribute('data-conversation')).toBe('x:1800000000000000101');
    const followUp = page.locator('replyclock-badge[data-message="x:1800000000000000103"]');
    expect(await followUp.getAttribute('data-conversation')).toBe('x:1800000000000000101');
    expect(await page.locator('replyclock-badge[data-message="x:1800000000000000104"]').count()).toBe(0);
    await h.screenshot(page, 'x-status');
  });
});
