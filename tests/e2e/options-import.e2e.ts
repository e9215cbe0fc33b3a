// Importing a team config on the options page: preview first, refused files change nothing, and an
// applied config reaches pages that are already open (a new brand handle → a badge, no reload).
// Runs in every browser driver (drivers/index.ts).
import { describe, expect, it } from 'vitest';
import { browsers, hasLocale, launchE2E, pollUntil, type E2EHarness, type RcPage, sharedBrowser } from './drivers/index.ts';
import { CONVERSATION, FOUNDATION_CONFIG, MENTIONS_URL, mentionPage } from './foundation-fixture.ts';

/** The same team without the brand handle the mention is addressed to. */
const WITHOUT_BRAND = { ...FOUNDATION_CONFIG, brands: { x: ['SomeoneElse'] } };
const tid = (id: string): string => `[data-testid="${id}"]`;

describe.each(browsers())('options page (%s)', (browser) => {
  let h: E2EHarness;

  /** The brand accounts line of the active config, as the options page shows it after a reload. */
  async function activeBrands(): Promise<string> {
    const page = await h.openOptions();
    try {
      await h.waitFor(page, tid('config-brands'));
      return (await h.text(page, tid('config-brands'))) ?? '';
    } finally {
      await page.close();
    }
  }

  function chooseFile(options: RcPage, name: string, content: string): Promise<void> {
    return h.setInputFiles(options, tid('import-config'), { name, mimeType: 'application/json', content });
  }

  describe('importing a team config', () => {
    sharedBrowser(browser, WITHOUT_BRAND, (x) => (h = x));

    it('refuses an invalid file, lists every problem by path, and changes nothing', async () => {
      const options = await h.openOptions();
      const broken = { ...FOUNDATION_CONFIG, policies: [{ id: 'social', schedule: 'nowhere', match: {}, firstResponseMinutes: -5 }], brands: 'AcmeSupport' };
      await chooseFile(options, 'broken.json', JSON.stringify(broken));

      const errors = tid('import-config-errors');
      await h.waitFor(options, errors);
      const text = (await h.text(options, errors)) ?? '';
      expect(text).toContain('policies');
      expect(text).toContain('brands');
      expect(await h.count(options, `${errors} li`)).toBeGreaterThanOrEqual(2);
      expect(await h.count(options, tid('import-config-apply'))).toBe(0);
      await h.screenshot(options, 'options-import-refused');

      await chooseFile(options, 'not-json.json', '{ "version": 1, ');
      await pollUntil(async () => ((await h.text(options, tid('import-config-refused')))?.includes('not valid JSON') ? true : undefined), 'the "not valid JSON" refusal');

      expect(await activeBrands()).toContain('x: SomeoneElse');
      await options.close();
    });

    it('previews the change, applies it, and an already-open x.com page picks up the new brand without a reload', async () => {
      await h.serveHtml(MENTIONS_URL, mentionPage(5));
      const x = await h.open(MENTIONS_URL);
      const badge = `replyclock-badge[data-conversation="${CONVERSATION}"]`;
      expect(await h.count(x, badge)).toBe(0);

      const options = await h.openOptions();
      await chooseFile(options, 'team.json', JSON.stringify(FOUNDATION_CONFIG));
      const preview = tid('import-config-preview');
      await h.waitFor(options, preview);
      const previewText = (await h.text(options, preview)) ?? '';
      expect(previewText).toContain('AcmeSupport');
      expect(previewText).toContain('SomeoneElse');
      // Choosing a file alone saves nothing.
      expect(await activeBrands()).toContain('x: SomeoneElse');
      await h.screenshot(options, 'options-import-preview');

      await h.click(options, tid('import-config-apply'));
      await h.waitFor(options, tid('import-config-applied'), { timeout: 20000 });
      expect(await h.text(options, tid('config-brands'))).toContain('x: AcmeSupport');

      await h.waitFor(x, badge, { timeout: 15000 });
      expect(await h.attr(x, badge, 'data-state')).toBe('ok');
      await h.screenshot(x, 'options-import-badge-after-apply');
    });
  });

  describe('localised', () => {
    // Firefox shows an extension in German only with its German language pack (firefox-esr-l10n-de).
    it.skipIf(!hasLocale(browser, 'de'))('shows its labels in German for a German browser', async () => {
      const de = await launchE2E({ browser, locale: 'de' });
      try {
        const options = await de.openOptions();
        await de.waitFor(options, 'h1');
        expect(await de.text(options, 'h1')).toBe('Replyclock-Einstellungen');
        // The import label by its own test id: the page holds another file label (holidays from .ics).
        await de.waitFor(options, '[data-testid="import-label"]');
        expect(await de.text(options, '[data-testid="import-label"]')).toContain('Team-Konfigurationsdatei importieren');
      } finally {
        await de.close();
      }
    });
  });
});
