// Where things are: the project root, per-browser screenshot folders, and the extension pages a build declares.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserName } from './types.ts';

export const E2E_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** test-output/screenshots/<browser>/<name>.png, so the two browsers' screenshots sit side by side. */
export function screenshotPath(browser: BrowserName, name: string): string {
  return join(E2E_ROOT, 'test-output/screenshots', browser, `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.png`);
}

export interface ManifestPages {
  popup?: string;
  options?: string;
  reports: string;
}

export function manifestPages(manifestPath: string): ManifestPages {
  const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    action?: { default_popup?: string };
    options_ui?: { page?: string };
    options_page?: string;
  };
  return { popup: m.action?.default_popup, options: m.options_ui?.page ?? m.options_page, reports: 'src/reports/index.html' };
}
