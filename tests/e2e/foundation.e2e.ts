// The whole path once, in a real browser: a tweet mentioning the brand on x.com gets a badge, the
// background stores the conversation, and the popup counts it. If this fails, nothing else can work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, type Harness } from './harness.ts';
import { CONVERSATION, FOUNDATION_CONFIG, MENTIONS_URL, mentionPage } from './foundation-fixture.ts';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

describe('foundation: the built extension in a real browser', () => {
  it('loads its service worker and never asks for localhost in a store build', () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    expect(h.worker.url()).toBe(`chrome-extension://${h.extensionId}/service-worker-loader.js`);
    const manifest = readFileSync(join(h.dist, 'manifest.json'), 'utf8');
    expect(manifest).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it('makes the team config active, as the options page shows', async () => {
    await h.setConfig(FOUNDATION_CONFIG);
    const options = await h.openOptions();
    await expect.poll(() => options.getByTestId('config-active').getAttribute('data-source'), { timeout: 10000 }).toBe('stored');
    expect(await options.getByTestId('config-brands').textContent()).toContain('x: AcmeSupport');
    await options.close();
  });

  it('puts an ok badge on a fresh mention, stores the conversation, and the popup counts it', async () => {
    await h.serveHtml(MENTIONS_URL, mentionPage(5));
    const page = await h.open(MENTIONS_URL);

    const badge = page.locator(`replyclock-badge[data-conversation="${CONVERSATION}"]`);
    await badge.waitFor({ state: 'attached', timeout: 15000 });
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 15000 }).toBe('ok');
    await h.screenshot(page, 'foundation-x-mentions');

    await expect
      .poll(async () => (await h.conversations()).map((c) => c.id), { timeout: 15000 })
      .toContain(CONVERSATION);
    const record = (await h.conversations()).find((c) => c.id === CONVERSATION);
    expect(record).toMatchObject({ platform: 'x', customer: { handle: 'jane' } });

    const popup = await h.openPopup();
    const open = popup.getByTestId('open');
    // The figure may sit beside a label ("Open 1"); the first number on it is the count.
    await expect.poll(async () => /\d+/.exec((await open.textContent()) ?? '')?.[0], { timeout: 15000 }).toBe('1');
    await popup.getByTestId('within-target').first().waitFor({ state: 'attached', timeout: 15000 });
    await h.screenshot(popup, 'foundation-popup');
  });
});
