// Importing a team config on the options page: preview first, refused files change nothing, and an
// applied config reaches pages that are already open (a new brand handle → a badge, no reload).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness.ts';
import { CONVERSATION, FOUNDATION_CONFIG, MENTIONS_URL, mentionPage } from './foundation-fixture.ts';

/** The same team without the brand handle the mention is addressed to. */
const WITHOUT_BRAND = { ...FOUNDATION_CONFIG, brands: { x: ['SomeoneElse'] } };

/** The brand accounts line of the active config, as the options page shows it after a reload. */
async function activeBrands(): Promise<string> {
  const page = await h.openOptions();
  try {
    return (await page.getByTestId('config-brands').textContent()) ?? '';
  } finally {
    await page.close();
  }
}

function chooseFile(options: Page, name: string, content: string): Promise<void> {
  return options.getByTestId('import-config').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

let h: Harness;
beforeAll(async () => {
  h = await launch();
  await h.setConfig(WITHOUT_BRAND);
});
afterAll(async () => {
  await h?.close();
});

describe('options page: importing a team config', () => {
  it('refuses an invalid file, lists every problem by path, and changes nothing', async () => {
    const options = await h.openOptions();
    const broken = { ...FOUNDATION_CONFIG, policies: [{ id: 'social', schedule: 'nowhere', match: {}, firstResponseMinutes: -5 }], brands: 'AcmeSupport' };
    await chooseFile(options, 'broken.json', JSON.stringify(broken));

    const errors = options.getByTestId('import-config-errors');
    await errors.waitFor();
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('policies');
    expect(text).toContain('brands');
    expect(await errors.locator('li').count()).toBeGreaterThanOrEqual(2);
    expect(await options.getByTestId('import-config-apply').count()).toBe(0);
    await h.screenshot(options, 'options-import-refused');

    await chooseFile(options, 'not-json.json', '{ "version": 1, ');
    await options.getByTestId('import-config-refused').getByText('not valid JSON').waitFor();

    expect(await activeBrands()).toContain('x: SomeoneElse');
    await options.close();
  });

  it('previews the change, applies it, and an already-open x.com page picks up the new brand without a reload', async () => {
    await h.serveHtml(MENTIONS_URL, mentionPage(5));
    const x = await h.open(MENTIONS_URL);
    const badge = x.locator(`replyclock-badge[data-conversation="${CONVERSATION}"]`);
    expect(await badge.count()).toBe(0);

    const options = await h.openOptions();
    await chooseFile(options, 'team.json', JSON.stringify(FOUNDATION_CONFIG));
    const preview = options.getByTestId('import-config-preview');
    await preview.waitFor();
    const previewText = (await preview.textContent()) ?? '';
    expect(previewText).toContain('AcmeSupport');
    expect(previewText).toContain('SomeoneElse');
    // Choosing a file alone saves nothing.
    expect(await activeBrands()).toContain('x: SomeoneElse');
    await h.screenshot(options, 'options-import-preview');

    await options.getByTestId('import-config-apply').click();
    await options.getByTestId('import-config-applied').waitFor({ timeout: 20000 });
    expect(await options.getByTestId('config-brands').textContent()).toContain('x: AcmeSupport');

    await badge.waitFor({ state: 'attached', timeout: 15000 });
    expect(await badge.getAttribute('data-state')).toBe('ok');
    await h.screenshot(x, 'options-import-badge-after-apply');
  });
});

describe('options page: localised', () => {
  it('shows its labels in German for a German browser', async () => {
    const de = await launch({ locale: 'de' });
    try {
      const options = await de.openOptions();
      await options.getByRole('heading', { level: 1 }).waitFor();
      expect(await options.getByRole('heading', { level: 1 }).textContent()).toBe('Replyclock-Einstellungen');
      expect(await options.locator('label.file').textContent()).toContain('Team-Konfigurationsdatei importieren');
    } finally {
      await de.close();
    }
  });
});
