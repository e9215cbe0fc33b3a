// The popup in a real browser, empty and localised: figures under their test ids, the frame's
// links and keyboard order; screenshots light and dark in English and German. Every browser driver.
import { afterEach, describe, expect, it } from 'vitest';
import { browsers, hasLocale, launchE2E, type E2EHarness, type Locale } from './drivers/index.ts';

let h: E2EHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const cases: { locale: Locale; colorScheme: 'light' | 'dark'; reports: string }[] = [
  { locale: 'en', colorScheme: 'light', reports: 'Reports' },
  { locale: 'de', colorScheme: 'dark', reports: 'Berichte' },
];
const tid = (id: string): string => `[data-testid="${id}"]`;

describe.each(browsers())('popup (%s)', (browser) => {
  for (const c of cases) {
    // Firefox shows an extension in German only with its language pack (firefox-esr-l10n-de).
    it.skipIf(!hasLocale(browser, c.locale))(`shows zero counts, a within-target figure and localised links (${c.locale}, ${c.colorScheme})`, async () => {
      const harness = (h = await launchE2E({ browser, locale: c.locale, colorScheme: c.colorScheme }));
      const popup = await harness.openPopup();
      for (const id of ['open', 'at-risk', 'breached', 'paused']) {
        await harness.waitFor(popup, tid(id), { timeout: 15000 });
        expect(await harness.text(popup, tid(id))).toBe('0');
      }
      expect(await harness.count(popup, tid('within-target'))).toBe(1);
      await expect.poll(async () => (await harness.texts(popup, 'button')).filter((t) => t.trim() === c.reports).length).toBe(1);
      // Keyboard: the first Tab stop is the period tab list, which arrow keys move through.
      await harness.press(popup, 'Tab');
      expect(await harness.evaluateIn(popup, () => document.activeElement?.getAttribute('role'))).toBe('tab');
      await harness.press(popup, 'ArrowRight');
      expect(await harness.evaluateIn(popup, () => document.activeElement?.id)).toBe('tab-days7');
      await harness.screenshot(popup, `popup-${c.locale}-${c.colorScheme}`);
    });
  }
});
