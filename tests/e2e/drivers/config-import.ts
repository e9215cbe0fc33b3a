// Stores a team config the way a person does — the options page's import, preview, apply — through the neutral
// page API, so the storage layout stays the product's business (src/shared/settings.ts) in every browser.
import type { TeamConfig } from '../../../src/core/types.ts';
import { pollUntil } from './page-api.ts';
import type { PageApi, RcPage } from './types.ts';

const APPLY = '[data-testid="import-config-apply"]';
const REFUSED = '[data-testid="import-config-refused"]';
const APPLIED = '[data-testid="import-config-applied"]';

/** The check saveConfig applies (migrate + validate), run first so a bad config fails with every problem by path. */
export async function checkedConfig(config: unknown): Promise<TeamConfig> {
  const { checkConfig } = await import('../../../src/shared/sync/check.ts');
  const checked = checkConfig(config);
  if (!checked.ok) {
    throw new Error(`harness.setConfig: invalid config:\n${checked.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  }
  return checked.config;
}

export async function importConfig(h: PageApi & { openOptions(): Promise<RcPage> }, config: unknown): Promise<TeamConfig> {
  const valid = await checkedConfig(config);
  const options = await h.openOptions();
  try {
    await h.setInputFiles(options, '[data-testid="import-config"]', {
      name: 'harness-config.json',
      mimeType: 'application/json',
      content: JSON.stringify(config),
    });
    const outcome = await pollUntil(
      async () => ((await h.count(options, REFUSED)) ? 'refused' : (await h.count(options, APPLY)) ? 'preview' : undefined),
      'the import preview',
    );
    if (outcome === 'refused') throw new Error(`harness.setConfig: the options page refused the config: ${await h.text(options, REFUSED)}`);
    await h.click(options, APPLY);
    await h.waitFor(options, APPLIED, { timeout: 20_000 });
  } finally {
    await options.close();
  }
  return valid;
}
