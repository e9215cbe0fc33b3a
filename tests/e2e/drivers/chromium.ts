// Chromium's primitives for the neutral page API, on playwright-core pages. The Chromium harness itself
// (launch, routes, service worker) stays in tests/e2e/harness.ts, whose playwright-level API older tests use.
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { makePageApi } from './page-api.ts';
import type { PageApi, RcPage } from './types.ts';

const pw = (page: RcPage): Page => page as unknown as Page;

export const chromiumPageApi: PageApi = makePageApi({
  evaluate: (page, fn, arg) => {
    // playwright's Unboxed<> argument typing can't follow a generic argument; the value is serialised either way.
    const run = pw(page).evaluate.bind(pw(page)) as (f: unknown, a: unknown) => Promise<unknown>;
    return run(fn, arg) as Promise<never>;
  },
  click: (page, selector) => pw(page).locator(selector).first().click(),
  upload: (page, selector, file) =>
    pw(page).locator(selector).first().setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.content) }),
  async fill(page, selector, value) {
    // Typed like a person (not playwright's fill, which sets the value at once), so both browsers see the same events.
    await pw(page).locator(selector).first().focus();
    await pw(page).keyboard.press('ControlOrMeta+A');
    if (value) await pw(page).keyboard.type(value);
    else await pw(page).keyboard.press('Backspace');
  },
  async download(page, selector, timeout) {
    const [file] = await Promise.all([pw(page).waitForEvent('download', { timeout }), pw(page).locator(selector).first().click()]);
    return { name: file.suggestedFilename(), content: readFileSync(await file.path(), 'utf8') };
  },
  press: (page, key) => pw(page).keyboard.press(key),
  reload: async (page) => {
    await pw(page).reload();
  },
});
