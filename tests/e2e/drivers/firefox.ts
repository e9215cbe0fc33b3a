// Firefox driver: the built Firefox extension (dist/firefox) in real headless Firefox ESR via puppeteer-core over
// WebDriver BiDi, installed as a temporary add-on. Launch options and the ESR quirks worked around here are in
// shared/research/toolchain.md: extension pages never report a load event (navigate without awaiting, poll),
// waitForFunction is blocked by extension CSP (poll with evaluate), setViewport fails (window size args).
// Downloads go, unasked, into a folder of the harness's own (prefs below), where the driver picks them up.
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ConversationRecord } from '../../../src/shared/records.ts';
import { importConfig } from './config-import.ts';
import { makePageApi, pollUntil } from './page-api.ts';
import { readConversations, readStorage } from './ext-reads.ts';
import { E2E_ROOT, manifestPages, screenshotPath } from './paths.ts';
import type { E2EHarness, Locale, NeutralLaunchOptions, RcPage } from './types.ts';

/** Fixed so extension URLs are known before the add-on starts (Firefox otherwise picks a random one per profile). */
export const FIREFOX_EXTENSION_UUID = '6f6e6c79-2e72-4563-9c6f-636b2e617070';
const FIREFOX_APP_DIRS = ['/usr/lib/firefox-esr', '/usr/lib/firefox'];

/** Env REPLYCLOCK_FIREFOX first, then Debian's firefox-esr and a plain firefox. */
export function findFirefox(): string | undefined {
  return [process.env.REPLYCLOCK_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p): p is string => !!p && existsSync(p));
}

/**
 * Whether Firefox can show the extension in `locale`: the extension's UI language is Firefox's app locale, which
 * exists only with that language pack installed (Debian: firefox-esr-l10n-<locale>). English is built in.
 */
export function firefoxHasLocale(locale: Locale): boolean {
  if (locale === 'en') return true;
  return FIREFOX_APP_DIRS.some((dir) => {
    const ext = join(dir, 'browser/extensions');
    return existsSync(ext) && readdirSync(ext).some((f) => f.startsWith(`langpack-${locale}@`));
  });
}

const ff = (page: RcPage): Page => page as unknown as Page;

function sameDocument(a: URL, b: URL): boolean {
  return a.origin === b.origin && a.pathname === b.pathname && a.search === b.search;
}

export async function launchFirefox(opts: NeutralLaunchOptions = {}): Promise<E2EHarness> {
  const executablePath = findFirefox();
  if (!executablePath) {
    throw new Error('No Firefox found (looked for /usr/bin/firefox-esr, /usr/bin/firefox). Install firefox-esr or set REPLYCLOCK_FIREFOX.');
  }
  const dist = resolve(E2E_ROOT, opts.dist ?? process.env.REPLYCLOCK_FIREFOX_DIST ?? 'dist/firefox');
  const manifestPath = join(dist, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`harness: ${manifestPath} missing — run \`npm run build:firefox\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`harness: ${manifestPath} has no gecko id — is this a Chromium build? (BROWSER=firefox vite build)`);
  const pages = manifestPages(manifestPath);
  const locale = opts.locale;
  if (locale && !firefoxHasLocale(locale)) {
    throw new Error(`harness: Firefox has no "${locale}" language pack (Debian: apt-get install firefox-esr-l10n-${locale})`);
  }

  const downloads = mkdtempSync(join(tmpdir(), 'replyclock-ff-download-'));
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: opts.headless ?? true,
    defaultViewport: null,
    args: ['--width=1100', '--height=800', '--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
      // 0 dark, 1 light: what prefers-color-scheme reports to pages, extension pages included.
      'layout.css.prefers-color-scheme.content-override': opts.colorScheme === 'dark' ? 0 : 1,
      // A page's download is saved straight into `downloads` (no dialog, no panel), as "always save" users have it.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      ...(locale ? { 'intl.locale.requested': locale, 'intl.accept_languages': locale } : {}),
    },
  });
  const uploads = mkdtempSync(join(tmpdir(), 'replyclock-ff-upload-'));
  try {
    await browser.installExtension(dist);
    const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
    const extensionUrl = (path: string): string => `${extensionOrigin}/${path.replace(/^\//, '')}`;

    const allow = new Set(['localhost', '127.0.0.1', ...(opts.allowHosts ?? [])]);
    const served = new Map<string, () => string>();
    const findServed = (url: string): (() => string) | undefined => {
      const target = new URL(url);
      for (const [key, body] of served) if (sameDocument(new URL(key), target)) return body;
      return undefined;
    };
    // Interception is per page in puppeteer: every page the harness opens gets the same routes. Requests are
    // caught before DNS/TLS, so the content script sees the real hostname and nothing leaves the machine.
    const route = async (page: Page): Promise<void> => {
      await page.setRequestInterception(true);
      page.on('request', (req: HTTPRequest) => {
        if (req.isInterceptResolutionHandled()) return;
        const url = new URL(req.url());
        if (url.protocol !== 'http:' && url.protocol !== 'https:') return void req.continue();
        const body = findServed(url.href);
        if (body) return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: body() });
        if (allow.has(url.hostname)) return void req.continue();
        return void req.abort('blockedbyclient');
      });
    };

    /** Extension pages never fire a load event over BiDi: navigate without awaiting, then poll until it rendered. */
    const gotoExtension = async (page: Page, url: string): Promise<void> => {
      void page.goto(url, { timeout: 0 }).catch(() => undefined);
      await pollUntil(
        async () => ((await page.evaluate(() => [location.href, document.readyState])).join(' ') === `${url} complete` ? true : undefined),
        `${url} to load`,
        20_000,
      );
    };
    const openExtensionPage = async (path: string | undefined, what: string): Promise<Page> => {
      if (!path) throw new Error(`harness: the manifest declares no ${what} page`);
      const page = await browser.newPage();
      await gotoExtension(page, extensionUrl(path));
      return page;
    };

    // Firefox's background page can't be evaluated in over BiDi; an extension page shares its origin, so the
    // same storage and IndexedDB. One stays open for reads so polling loops don't open a tab per probe.
    let probe: Promise<Page> | undefined;
    const extEvaluate = async <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> => {
      probe ??= openExtensionPage(pages.popup, 'popup');
      const page = await probe;
      return (await page.evaluate(fn as (a: unknown) => unknown, arg as unknown)) as R;
    };

    const pageApi = makePageApi({
      evaluate: (page, fn, arg) => ff(page).evaluate(fn as (a: unknown) => unknown, arg as unknown) as Promise<never>,
      async click(page, selector) {
        const handle = (await ff(page).$(selector)) ?? (await ff(page).$(`pierce/${selector}`));
        if (!handle) throw new Error(`harness.click: "${selector}" vanished before the click`);
        await handle.click();
      },
      async upload(page, selector, file) {
        const handle = (await ff(page).$(selector)) ?? (await ff(page).$(`pierce/${selector}`));
        if (!handle) throw new Error(`harness.setInputFiles: "${selector}" not found`);
        // BiDi sets files by path; the file keeps the name the scenario chose.
        const dir = mkdtempSync(join(uploads, 'f-'));
        const path = join(dir, file.name);
        writeFileSync(path, file.content);
        await (handle as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
      },
      async fill(page, selector, value) {
        const handle = (await ff(page).$(selector)) ?? (await ff(page).$(`pierce/${selector}`));
        if (!handle) throw new Error(`harness.fill: "${selector}" vanished before typing`);
        await handle.focus();
        const keyboard = ff(page).keyboard;
        await keyboard.down('Control');
        await keyboard.press('a');
        await keyboard.up('Control');
        if (value) await keyboard.type(value);
        else await keyboard.press('Backspace');
      },
      async download(page, selector, timeout) {
        const before = new Set(readdirSync(downloads));
        const handle = (await ff(page).$(selector)) ?? (await ff(page).$(`pierce/${selector}`));
        if (!handle) throw new Error(`harness.download: "${selector}" vanished before the click`);
        await handle.click();
        // Finished once a new file is there, Firefox's "<name>.part" for it is gone, and it has content that stayed
        // the same between two looks (Firefox may create the final name empty before writing it).
        let last = '';
        const found = await pollUntil(
          async () => {
            const now = readdirSync(downloads);
            const f = now.find((n) => !before.has(n) && !n.endsWith('.part') && !now.includes(`${n}.part`));
            if (!f) return undefined;
            const content = readFileSync(join(downloads, f), 'utf8');
            const seen = `${f}\u0000${content}`;
            if (content.length === 0 || seen !== last) {
              last = seen;
              return undefined;
            }
            return { name: f, content };
          },
          `a download from "${selector}"`,
          timeout,
        );
        const { name, content } = found;
        const path = join(downloads, name);
        // Removed, so the next download of the same name keeps it (Firefox would add "(1)").
        rmSync(path, { force: true });
        return { name, content };
      },
      press: (page, key) => ff(page).keyboard.press(key as never),
      async reload(page) {
        // page.reload() waits for a load event extension pages never send: mark the old document, reload
        // from inside, and wait for a complete document without the mark.
        await ff(page).evaluate(() => {
          (window as unknown as { __rcOld?: boolean }).__rcOld = true;
          setTimeout(() => location.reload(), 0);
        });
        await pollUntil(
          async () => ((await ff(page).evaluate(() => !(window as unknown as { __rcOld?: boolean }).__rcOld && document.readyState === 'complete')) ? true : undefined),
          `${page.url()} to reload`,
          20_000,
        );
      },
    });

    const harness: E2EHarness = {
      ...pageApi,
      browser: 'firefox',
      dist,
      extensionOrigin,
      extensionUrl,
      extEvaluate: extEvaluate as E2EHarness['extEvaluate'],
      async serveHtml(url, html) {
        served.set(new URL(url).href, () => html);
      },
      async serveFixture(url, file) {
        const path = resolve(E2E_ROOT, file);
        if (!existsSync(path)) throw new Error(`harness: fixture ${path} not found`);
        served.set(new URL(url).href, () => readFileSync(path, 'utf8'));
      },
      async open(url) {
        const page = await browser.newPage();
        await route(page);
        await page.goto(url);
        return page as unknown as RcPage;
      },
      setConfig: (config) => importConfig(harness, config),
      conversations: () => readConversations(extEvaluate) as Promise<ConversationRecord[]>,
      storage: (area = 'local') => readStorage(extEvaluate, area),
      openPopup: async () => (await openExtensionPage(pages.popup, 'popup')) as unknown as RcPage,
      openOptions: async () => (await openExtensionPage(pages.options, 'options')) as unknown as RcPage,
      openReports: async () => (await openExtensionPage(pages.reports, 'reports')) as unknown as RcPage,
      async screenshot(page, name) {
        const path = screenshotPath('firefox', name);
        mkdirSync(join(path, '..'), { recursive: true });
        await ff(page).screenshot({ path: path as `${string}.png`, fullPage: true });
        return path;
      },
      async close() {
        await browser.close().catch(() => undefined);
        rmSync(uploads, { recursive: true, force: true });
        rmSync(downloads, { recursive: true, force: true });
      },
    };

    if (locale) {
      // A missing language pack would silently show English; fail with the reason instead.
      const ui = await extEvaluate(() => (globalThis as unknown as { browser: { i18n: { getUILanguage(): string } } }).browser.i18n.getUILanguage());
      if (!ui.toLowerCase().startsWith(locale)) throw new Error(`harness: Firefox runs in "${ui}", not "${locale}" — is its language pack installed?`);
    }
    return harness;
  } catch (err) {
    await browser.close().catch(() => undefined);
    rmSync(uploads, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
    throw err;
  }
}
