// The real-browser harness every e2e test uses: the BUILT extension (dist/chrome by default) in headless
// Chromium via playwright-core, pages served at their REAL hostnames (so the manifest's match patterns
// apply) without any network, and direct reads of what the extension stored.
// Contract: /work/briefs/harness-api.md — keep the public shape stable, other helpers code against it.
// It also implements the driver-neutral E2EHarness (drivers/types.ts): scenarios that should run in Firefox too
// use only that part, through drivers/index.ts (launchE2E + browsers()).
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TeamConfig } from '../../src/core/types.ts';
import type { ConversationRecord } from '../../src/shared/records.ts';
import { chromiumPageApi } from './drivers/chromium.ts';
import type { E2EHarness, RcPage } from './drivers/types.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOT_DIR = join(ROOT, 'test-output/screenshots/chromium');

export type Locale = 'en' | 'de' | 'nl';

export interface LaunchOptions {
  locale?: Locale;
  colorScheme?: 'light' | 'dark';
  /** Built extension to load; default dist/chrome (env REPLYCLOCK_DIST overrides). The demo build is dist/demo. */
  dist?: string;
  /** Default true. npm start runs headed. */
  headless?: boolean;
  /** Hosts that may reach the real network (default: localhost and 127.0.0.1 only). */
  allowHosts?: string[];
  /** Default true: requests to hosts nobody served fail at once. npm start turns this off so the browser is usable. */
  offline?: boolean;
  viewport?: { width: number; height: number } | null;
}

export interface Harness extends E2EHarness {
  readonly browser: 'chromium';
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker; re-acquired if Chromium stopped and restarted it. */
  readonly worker: Worker;
  /** Absolute path of the loaded build. */
  dist: string;
  serveHtml(url: string, html: string): Promise<void>;
  serveFixture(url: string, file: string): Promise<void>;
  open(url: string): Promise<Page>;
  setConfig(config: unknown): Promise<TeamConfig>;
  conversations(): Promise<ConversationRecord[]>;
  /** Everything in one of the extension's storage areas (raw; the team config layout belongs to src/shared/settings.ts). */
  storage(area?: 'local' | 'sync'): Promise<Record<string, unknown>>;
  /** Runs `fn` inside the extension's service worker (storage, runtime, indexedDB are there). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  extensionUrl(path: string): string;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  openReports(): Promise<Page>;
  screenshot(page: Page | RcPage, name: string): Promise<string>;
  close(): Promise<void>;
}

export const DB_NAME = 'replyclock';

/** Chromium's flags that work on these machines (see shared/research/toolchain.md). */
export function chromiumArgs(dist: string, locale?: string): string[] {
  return [
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    ...(locale ? [`--lang=${locale}`] : []),
    // Extra flags for profiling runs only (bench/profile-content.ts --sw needs a debugging port).
    ...(process.env.RC_CHROME_FLAGS?.split(' ').filter(Boolean) ?? []),
  ];
}

/** The environment that makes Chromium's UI language (browser.i18n.getUILanguage()) `locale` on Linux. */
export function localeEnv(locale: string): Record<string, string> {
  const posix = { en: 'en_US', de: 'de_DE', nl: 'nl_NL' }[locale] ?? locale;
  return { LANGUAGE: locale, LANG: `${posix}.UTF-8`, LC_ALL: `${posix}.UTF-8` };
}

/** Env REPLYCLOCK_CHROME first, then the usual Chromium/Chrome locations and names on PATH. */
export function findChromium(): string {
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  const pathDirs = (process.env.PATH ?? '').split(':').filter(Boolean);
  const candidates = [
    process.env.REPLYCLOCK_CHROME,
    ...names.map((n) => `/usr/bin/${n}`),
    ...names.flatMap((n) => pathDirs.map((d) => join(d, n))),
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium or Chrome found (looked for ${names.join(', ')} and the macOS apps). ` +
        'Install one (Debian/Ubuntu: apt-get install chromium) or set REPLYCLOCK_CHROME=/path/to/chrome.',
    );
  }
  return found;
}

function sameDocument(a: URL, b: URL): boolean {
  return a.origin === b.origin && a.pathname === b.pathname && a.search === b.search;
}

export async function launch(opts: LaunchOptions = {}): Promise<Harness> {
  const dist = resolve(ROOT, opts.dist ?? process.env.REPLYCLOCK_DIST ?? 'dist/chrome');
  const manifestPath = join(dist, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`harness: ${manifestPath} missing — run \`npm run build:chrome\` (or build:demo) first`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    action?: { default_popup?: string };
    options_ui?: { page?: string };
    options_page?: string;
  };
  const userDataDir = mkdtempSync(join(tmpdir(), 'replyclock-e2e-'));
  const locale = opts.locale;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: opts.headless ?? true,
    args: chromiumArgs(dist, locale),
    ...(locale ? { locale, env: { ...process.env, ...localeEnv(locale) } as Record<string, string> } : {}),
    colorScheme: opts.colorScheme ?? 'light',
    viewport: opts.viewport === undefined ? { width: 1100, height: 800 } : opts.viewport,
    // Playwright's defaults would switch extensions off; we load exactly one.
    ignoreDefaultArgs: ['--disable-extensions'],
  });

  try {
    // Nothing leaves the machine: requests to hosts not served by the test fail at once instead of
    // waiting on DNS. Registered first, so every later serveHtml route takes precedence.
    const allow = new Set(['localhost', '127.0.0.1', ...(opts.allowHosts ?? [])]);
    if (opts.offline !== false) await context.route(
      (url) => (url.protocol === 'http:' || url.protocol === 'https:') && !allow.has(url.hostname),
      (route) => route.abort('blockedbyclient'),
    );

    let worker: Worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: 20000,
      }));
    const extensionId = new URL(worker.url()).host;
    const workerUrl = worker.url();
    let workerClosed = false;
    const track = (w: Worker): void => {
      worker = w;
      workerClosed = false;
      w.once('close', () => {
        if (worker === w) workerClosed = true;
      });
    };
    track(worker);
    context.on('serviceworker', (w) => {
      if (w.url() === workerUrl) track(w);
    });

    const extensionUrl = (path: string): string => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;

    /** A live worker: if Chromium stopped the idle worker, an extension page wakes it again. */
    const liveWorker = async (): Promise<Worker> => {
      if (!workerClosed) return worker;
      const waking = context.waitForEvent('serviceworker', { predicate: (w) => w.url() === workerUrl, timeout: 20000 });
      const page = await context.newPage();
      await page.goto(extensionUrl('manifest.json')).catch(() => undefined);
      const w = await waking;
      await page.close();
      return w;
    };

    const evaluate = async <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> => {
      const w = await liveWorker();
      // playwright's Unboxed<> argument typing can't follow a generic A; the value is serialised either way.
      const run = w.evaluate.bind(w) as (f: unknown, a: unknown) => Promise<unknown>;
      return (await run(fn, arg)) as R;
    };

    const served = new Map<string, () => Promise<string>>();
    const serve = async (url: string, body: () => Promise<string>): Promise<void> => {
      const target = new URL(url);
      const key = target.href;
      const fresh = !served.has(key);
      served.set(key, body); // serving the same URL again replaces the body
      if (!fresh) return;
      await context.route(
        (u) => sameDocument(u, target),
        async (route: Route) => {
          const get = served.get(key);
          if (!get) return route.fallback();
          await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: await get() });
        },
      );
    };

    const openExtensionPage = async (path: string | undefined, what: string): Promise<Page> => {
      if (!path) throw new Error(`harness: the manifest declares no ${what} page`);
      const page = await context.newPage();
      await page.goto(extensionUrl(path));
      return page;
    };

    const harness: Harness = {
      ...chromiumPageApi,
      browser: 'chromium',
      extensionOrigin: `chrome-extension://${extensionId}`,
      extEvaluate: evaluate as Harness['extEvaluate'],
      context,
      extensionId,
      get worker() {
        return worker;
      },
      dist,
      extensionUrl,
      evaluate: evaluate as Harness['evaluate'],

      serveHtml: (url, html) => serve(url, async () => html),
      serveFixture: (url, file) => {
        const path = resolve(ROOT, file);
        if (!existsSync(path)) throw new Error(`harness: fixture ${path} not found`);
        return serve(url, async () => readFileSync(path, 'utf8'));
      },

      async open(url) {
        const page = await context.newPage();
        await page.goto(url);
        return page;
      },

      async setConfig(config) {
        // The same check saveConfig applies (migrate + validateConfig), here first so an invalid config
        // fails the test with every problem by path instead of a timeout.
        const { checkConfig } = await import('../../src/shared/sync/check.ts');
        const checked = checkConfig(config);
        if (!checked.ok) {
          throw new Error(`harness.setConfig: invalid config:\n${checked.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
        }
        // Stored exactly as a person would: through the options page's import (saveConfig decides the
        // storage layout — sync chunks, local fallback — so the harness never has to know it).
        const options = await openExtensionPage(manifest.options_ui?.page ?? manifest.options_page, 'options');
        try {
          await options.getByTestId('import-config').setInputFiles({
            name: 'harness-config.json',
            mimeType: 'application/json',
            buffer: Buffer.from(JSON.stringify(config)),
          });
          const apply = options.getByTestId('import-config-apply');
          const refused = options.getByTestId('import-config-refused');
          await apply.or(refused).first().waitFor({ timeout: 15000 });
          if (await refused.count()) throw new Error(`harness.setConfig: the options page refused the config: ${await refused.textContent()}`);
          await apply.click();
          await options.getByTestId('import-config-applied').waitFor({ timeout: 20000 });
        } finally {
          await options.close();
        }
        return checked.config;
      },

      async conversations() {
        // Raw IndexedDB, independent of Dexie: open without a version and never create the database.
        return evaluate(async (dbName: string) => {
          const dbs = await indexedDB.databases();
          if (!dbs.some((d) => d.name === dbName)) return [];
          const db = await new Promise<IDBDatabase>((res, rej) => {
            const req = indexedDB.open(dbName);
            req.onsuccess = () => res(req.result);
            req.onerror = () => rej(req.error);
          });
          try {
            if (!db.objectStoreNames.contains('conversations')) return [];
            return await new Promise<unknown[]>((res, rej) => {
              const req = db.transaction('conversations', 'readonly').objectStore('conversations').getAll();
              req.onsuccess = () => res(req.result);
              req.onerror = () => rej(req.error);
            });
          } finally {
            db.close();
          }
        }, DB_NAME) as Promise<ConversationRecord[]>;
      },

      storage: (area = 'local') =>
        evaluate(async (name: 'local' | 'sync') => {
          type Area = { get(k: null): Promise<Record<string, unknown>> };
          const api = (globalThis as unknown as { chrome: { storage: Record<'local' | 'sync', Area> } }).chrome;
          return api.storage[name].get(null);
        }, area),

      openPopup: () => openExtensionPage(manifest.action?.default_popup, 'popup'),
      openOptions: () => openExtensionPage(manifest.options_ui?.page ?? manifest.options_page, 'options'),
      openReports: () => openExtensionPage('src/reports/index.html', 'reports'),

      async screenshot(page, name) {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const path = join(SCREENSHOT_DIR, `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.png`);
        await (page as Page).screenshot({ path, fullPage: true });
        return path;
      },

      async close() {
        await context.close().catch(() => undefined);
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
    return harness;
  } catch (err) {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
}
