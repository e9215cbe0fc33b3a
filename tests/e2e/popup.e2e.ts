// The popup in a real browser, empty and localised: figures under their test ids, the frame's
// links and keyboard order; screenshots light and dark in English and German.
import { afterEach, describe, expect, it } from 'vitest';
import { launch, type Harness, type Locale } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const cases: { locale: Locale; colorScheme: 'light' | 'dark'; reports: string }[] = [
  { locale: 'en', colorScheme: 'light', reports: 'Reports' },
  { locale: 'de', colorScheme: 'dark', reports: 'Berichte' },
];

describe('popup', () => {
  for (const c of cases) {
    it(`shows zero counts, a within-target figure and localised links (${c.locale}, ${c.colorScheme})`, async () => {
      h = await launch({ locale: c.locale, colorScheme: c.colorScheme });
      const popup = await h.openPopup();
      for (const id of ['open', 'at-risk', 'breached', 'paused']) {
        await popup.getByTestId(id).waitFor({ timeout: 15000 });
        expect(await popup.getByTestId(id).textContent()).toBe('0');
      }
      expect(await popup.getByTestId('within-target').count()).toBe(1);
      await expect.poll(() => popup.getByRole('button', { name: c.reports }).count()).toBe(1);
      // Keyboard: the first Tab stop is the period tab list, which arrow keys move through.
      await popup.keyboard.press('Tab');
      expect(await popup.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
      await popup.keyboard.press('ArrowRight');
      expect(await popup.evaluate(() => document.activeElement?.id)).toBe('tab-days7');
      await h.screenshot(popup, `popup-${c.locale}-${c.colorScheme}`);
    });
  }
});
