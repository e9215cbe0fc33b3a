// Builds the neutral page API from a driver's few primitives. Waiting is done here, by polling the shared
// in-page query, rather than with each driver's own wait helpers: Firefox ESR blocks puppeteer's
// waitForFunction under an extension page's CSP, and one loop keeps the timing semantics equal in both browsers.
import { runQuery, type Query, type QueryResult } from './in-page.ts';
import type { Badge, DownloadedFile, FilePayload, PageApi, RcPage, WaitOptions } from './types.ts';

export interface DriverPrimitives {
  evaluate<R, A>(page: RcPage, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Click the first element matching `selector` (already known to exist) with real input events. */
  click(page: RcPage, selector: string): Promise<void>;
  upload(page: RcPage, selector: string, file: FilePayload): Promise<void>;
  /** Focus the first match (already known to exist), select its text and type `value` with real key events. */
  fill(page: RcPage, selector: string, value: string): Promise<void>;
  /** Click the first match (already known to exist) and return the file that click downloads. */
  download(page: RcPage, selector: string, timeout: number): Promise<DownloadedFile>;
  press(page: RcPage, key: string): Promise<void>;
  reload(page: RcPage): Promise<void>;
}

export const DEFAULT_WAIT_MS = 15_000;
const POLL_MS = 100;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than undefined; rejects with `what` after `timeout` ms. */
export async function pollUntil<T>(probe: () => Promise<T | undefined>, what: string, timeout = DEFAULT_WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      // A page mid-navigation refuses evaluate for a moment; only the deadline decides.
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`e2e: timed out after ${timeout} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await sleep(POLL_MS);
  }
}

export function makePageApi(p: DriverPrimitives): PageApi {
  const query = (page: RcPage, q: Query): Promise<QueryResult> => p.evaluate(page, runQuery, q);
  const waitFor = async (page: RcPage, selector: string, opts?: WaitOptions): Promise<void> => {
    await pollUntil(async () => ((await query(page, { op: 'exists', selector })) ? true : undefined), `"${selector}" on ${page.url()}`, opts?.timeout);
  };
  return {
    count: async (page, selector) => (await query(page, { op: 'count', selector })) as number,
    attr: async (page, selector, name) => (await query(page, { op: 'attr', selector, name })) as string | null,
    text: async (page, selector) => (await query(page, { op: 'text', selector })) as string | null,
    texts: async (page, selector) => (await query(page, { op: 'texts', selector })) as string[],
    value: async (page, selector) => (await query(page, { op: 'value', selector })) as string | null,
    disabled: async (page, selector) => (await query(page, { op: 'disabled', selector })) as boolean | null,
    badges: async (page) => (await query(page, { op: 'badges' })) as Badge[],
    waitFor,
    async waitForGone(page, selector, opts) {
      await pollUntil(async () => ((await query(page, { op: 'exists', selector })) ? undefined : true), `"${selector}" to go from ${page.url()}`, opts?.timeout);
    },
    async click(page, selector, opts) {
      await waitFor(page, selector, opts);
      await p.click(page, selector);
    },
    async fill(page, selector, value) {
      await waitFor(page, selector);
      await p.fill(page, selector, value);
    },
    async download(page, selector, opts) {
      await waitFor(page, selector, opts);
      return p.download(page, selector, opts?.timeout ?? DEFAULT_WAIT_MS);
    },
    async setInputFiles(page, selector, file) {
      await waitFor(page, selector);
      await p.upload(page, selector, file);
    },
    evaluateIn: (page, fn, arg) => p.evaluate(page, fn, arg as never),
    press: (page, key) => p.press(page, key),
    reload: (page) => p.reload(page),
    pause: sleep,
  };
}
