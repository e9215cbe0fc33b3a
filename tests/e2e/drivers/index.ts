// One set of scenarios, two drivers: `describe.each(browsers())` runs a scenario file in every browser this
// machine has (or only E2E_BROWSER=chromium|firefox), and `launchE2E({ browser })` gives the same harness API in each.
import { afterAll, beforeAll } from 'vitest';
import { findChromium, launch as launchChromium } from '../harness.ts';
import { findFirefox, firefoxHasLocale, launchFirefox } from './firefox.ts';
import type { BrowserName, E2EHarness, Locale, NeutralLaunchOptions } from './types.ts';

export type { Badge, BrowserName, DownloadedFile, E2EHarness, FilePayload, Locale, NeutralLaunchOptions, RcPage } from './types.ts';
export { pollUntil } from './page-api.ts';

const ALL: BrowserName[] = ['chromium', 'firefox'];

function installed(browser: BrowserName): boolean {
  if (browser === 'firefox') return !!findFirefox();
  try {
    return !!findChromium();
  } catch {
    return false;
  }
}

/**
 * The browsers scenarios run in. E2E_BROWSER picks one (or a comma list); otherwise every installed one — and on
 * CI (CI=true) both regardless, so a missing browser fails loudly instead of quietly shrinking the suite.
 */
export function browsers(): BrowserName[] {
  const env = process.env.E2E_BROWSER?.trim();
  if (env && env !== 'all') {
    const picked = env.split(',').map((s) => s.trim()) as BrowserName[];
    const unknown = picked.filter((b) => !ALL.includes(b));
    if (unknown.length) throw new Error(`E2E_BROWSER: unknown browser ${unknown.join(', ')} (use chromium, firefox or all)`);
    return picked;
  }
  return process.env.CI ? ALL : ALL.filter(installed);
}

/** Whether `browser` on this machine can show the extension in `locale` (Firefox needs the language pack). */
export function hasLocale(browser: BrowserName, locale: Locale): boolean {
  return browser === 'chromium' || firefoxHasLocale(locale);
}

export async function launchE2E(opts: NeutralLaunchOptions & { browser: BrowserName }): Promise<E2EHarness> {
  const { browser, ...rest } = opts;
  return browser === 'firefox' ? launchFirefox(rest) : launchChromium(rest);
}

/**
 * One browser for the tests of a describe block: launched before them (with the team `config` applied, when given)
 * and closed after them. `use` receives the harness.
 */
export function sharedBrowser(browser: BrowserName, config: unknown, use: (h: E2EHarness) => void): void {
  let h: E2EHarness | undefined;
  beforeAll(async () => {
    h = await launchE2E({ browser });
    use(h);
    if (config !== undefined) await h.setConfig(config);
  });
  afterAll(async () => {
    await h?.close();
  });
}
