// The whole path once, in a real browser: a tweet mentioning the brand on x.com gets a badge, the
// background stores the conversation, and the popup counts it. If this fails, nothing else can work.
// Runs in every browser driver (drivers/index.ts): the same expectations in Chromium and Firefox.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Harness } from './harness.ts';
import { browsers, type E2EHarness, sharedBrowser } from './drivers/index.ts';
import { CONVERSATION, FOUNDATION_CONFIG, MENTIONS_URL, mentionPage } from './foundation-fixture.ts';

const tid = (id: string): string => `[data-testid="${id}"]`;

describe.each(browsers())('foundation: the built extension in a real browser (%s)', (browser) => {
  let h: E2EHarness;
  sharedBrowser(browser, undefined, (x) => (h = x));

  it('runs its background and never asks for localhost in a store build', async () => {
    const manifest = readFileSync(join(h.dist, 'manifest.json'), 'utf8');
    expect(manifest).not.toMatch(/localhost|127\.0\.0\.1/);
    if (h.browser === 'chromium') {
      const c = h as Harness;
      expect(c.extensionId).toMatch(/^[a-p]{32}$/);
      expect(c.worker.url()).toBe(`chrome-extension://${c.extensionId}/service-worker-loader.js`);
    } else {
      // Firefox runs MV3 background scripts (an event page), not a service worker.
      expect(JSON.parse(manifest)).toMatchObject({ background: { scripts: expect.any(Array) } });
      expect(h.extensionOrigin).toMatch(/^moz-extension:\/\//);
    }
    // The background answers an extension page's request: it is running and its message router works.
    const popup = await h.openPopup();
    const reply = await h.evaluateIn(popup, () =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        rc: 1,
        type: 'ui:summary',
        payload: {},
      }),
    );
    expect(reply).toMatchObject({ ok: true });
    await popup.close();
  });

  it('makes the team config active, as the options page shows', async () => {
    await h.setConfig(FOUNDATION_CONFIG);
    const options = await h.openOptions();
    await expect.poll(() => h.attr(options, tid('config-active'), 'data-source'), { timeout: 10000 }).toBe('stored');
    expect(await h.text(options, tid('config-brands'))).toContain('x: AcmeSupport');
    await options.close();
  });

  it('puts an ok badge on a fresh mention, stores the conversation, and the popup counts it', async () => {
    await h.serveHtml(MENTIONS_URL, mentionPage(5));
    const page = await h.open(MENTIONS_URL);

    const badge = `replyclock-badge[data-conversation="${CONVERSATION}"]`;
    await h.waitFor(page, badge);
    await expect.poll(() => h.attr(page, badge, 'data-state'), { timeout: 15000 }).toBe('ok');
    expect(await h.badges(page)).toEqual([expect.objectContaining({ conversation: CONVERSATION, state: 'ok' })]);
    await h.screenshot(page, 'foundation-x-mentions');

    await expect
      .poll(async () => (await h.conversations()).map((c) => c.id), { timeout: 15000 })
      .toContain(CONVERSATION);
    const record = (await h.conversations()).find((c) => c.id === CONVERSATION);
    expect(record).toMatchObject({ platform: 'x', customer: { handle: 'jane' } });

    const popup = await h.openPopup();
    // The figure may sit beside a label ("Open 1"); the first number on it is the count.
    await expect.poll(async () => /\d+/.exec((await h.text(popup, tid('open'))) ?? '')?.[0], { timeout: 15000 }).toBe('1');
    await h.waitFor(popup, tid('within-target'));
    await h.screenshot(popup, 'foundation-popup');
  });
});
