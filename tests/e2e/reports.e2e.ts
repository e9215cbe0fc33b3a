// The manager's pages on a seeded database, in a real browser: the popup's figures and the reports
// page's charts and tables, screenshotted light and dark in English and German.
import { afterEach, describe, expect, it } from 'vitest';
import { launch, type Harness, type Locale } from './harness.ts';
import { seedConversations } from './seed-reports.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const cases: { locale: Locale; colorScheme: 'light' | 'dark' }[] = [
  { locale: 'en', colorScheme: 'light' },
  { locale: 'de', colorScheme: 'dark' },
];

describe('reports page on seeded data', () => {
  for (const c of cases) {
    it(`shows overview, charts, tables and breaches (${c.locale}, ${c.colorScheme})`, async () => {
      h = await launch(c);
      // Let the background create the database before writing into it.
      const popup = await h.openPopup();
      await popup.getByTestId('open').waitFor({ timeout: 15000 });
      expect(await seedConversations(popup, Date.now())).toBe(24);

      const rep = await h.openReports();
      await rep.getByTestId('report-volume').waitFor({ timeout: 15000 });
      expect(await rep.getByTestId('report-volume').textContent()).toBe('24');
      // FRTs cycle 12, 25, 45, 70, 150, 20, 300, 8 min: 5 of every 8 within 60 min → 15 of 24.
      expect((await rep.getByTestId('report-within-target').textContent())?.replace(/\s/g, '')).toMatch(/^63%$/);
      expect(await rep.locator('[data-testid="chart-heatmap"] svg rect[data-count]').count()).toBe(7 * 24);
      expect(await rep.locator('[data-testid="breach-list"] tbody tr').count()).toBe(9);
      await h.screenshot(rep, `reports-${c.locale}-${c.colorScheme}`);

      await popup.reload();
      await popup.getByTestId('within-target').waitFor({ timeout: 15000 });
      await popup.getByRole('tab').nth(2).click();
      expect(await popup.getByTestId('within-target').textContent()).toMatch(/\d+\s?%/);
      await h.screenshot(popup, `popup-seeded-${c.locale}-${c.colorScheme}`);
    });
  }
});
