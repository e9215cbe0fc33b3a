// The driver-neutral e2e contract: what a scenario may do with "a browser with the built extension", whichever
// browser that is. Scenarios written against E2EHarness run unchanged in Chromium (playwright-core) and Firefox
// (puppeteer-core over WebDriver BiDi), so a behaviour difference shows up as a failing Firefox case.
import type { TeamConfig } from '../../../src/core/types.ts';
import type { ConversationRecord } from '../../../src/shared/records.ts';

export type BrowserName = 'chromium' | 'firefox';
export type Locale = 'en' | 'de' | 'nl';

/**
 * A page as scenarios see it: an opaque handle they pass back to the harness. Both playwright's and puppeteer's
 * pages fit this shape, so the Chromium harness can keep returning playwright pages to older tests.
 */
export interface RcPage {
  url(): string;
  close(): Promise<void>;
  bringToFront(): Promise<void>;
}

/** One badge the content script put on the page, read from its host element's data attributes. */
export interface Badge {
  conversation: string | null;
  message: string | null;
  state: string | null;
  /** Rendered text, shadow root included ("12m", "Answered", …). */
  text: string;
}

export interface FilePayload {
  name: string;
  mimeType: string;
  content: string;
}

export interface DownloadedFile {
  name: string;
  content: string;
}

export interface NeutralLaunchOptions {
  locale?: Locale;
  colorScheme?: 'light' | 'dark';
  /** Built extension to load. Default per browser: dist/chrome (env REPLYCLOCK_DIST), dist/firefox (env REPLYCLOCK_FIREFOX_DIST). */
  dist?: string;
  headless?: boolean;
  /** Hosts that may reach the real network (default: localhost and 127.0.0.1 only). */
  allowHosts?: string[];
}

export interface WaitOptions {
  timeout?: number;
}

/** The page API: CSS selectors, matched in the document and every open shadow root, first match where one is meant. */
export interface PageApi {
  count(page: RcPage, selector: string): Promise<number>;
  /** Attribute of the first match; null when nothing matches or the attribute is absent. */
  attr(page: RcPage, selector: string, name: string): Promise<string | null>;
  /** textContent of the first match (shadow content included); null when nothing matches. */
  text(page: RcPage, selector: string): Promise<string | null>;
  texts(page: RcPage, selector: string): Promise<string[]>;
  /** Current value of the first matching form control; null when nothing matches. */
  value(page: RcPage, selector: string): Promise<string | null>;
  /** Whether the first matching control is disabled (`:disabled`); null when nothing matches. */
  disabled(page: RcPage, selector: string): Promise<boolean | null>;
  /** Resolves once `selector` matches (attached), rejects after `timeout` ms (default 15 s). */
  waitFor(page: RcPage, selector: string, opts?: WaitOptions): Promise<void>;
  /** Resolves once nothing matches `selector` (detached), rejects after `timeout` ms (default 15 s). */
  waitForGone(page: RcPage, selector: string, opts?: WaitOptions): Promise<void>;
  /** A real click (the driver's input events) on the first match, after waiting for it. */
  click(page: RcPage, selector: string, opts?: WaitOptions): Promise<void>;
  /**
   * Replaces the text of the first matching input with `value` as a person does (focus, select all, type), so
   * the page sees its own input events; the control keeps focus, so a following `press` goes to it.
   */
  fill(page: RcPage, selector: string, value: string): Promise<void>;
  /** Clicks the first match and returns the file the page offers as a download (its suggested name and text). */
  download(page: RcPage, selector: string, opts?: WaitOptions): Promise<DownloadedFile>;
  /** Chooses `file` in the <input type=file> matched by `selector`, as a person picking it would. */
  setInputFiles(page: RcPage, selector: string, file: FilePayload): Promise<void>;
  /** Every replyclock badge on the page, in document order. */
  badges(page: RcPage): Promise<Badge[]>;
  /** Runs `fn` in the page (serialised: it may not close over test variables; pass `arg`). */
  evaluateIn<R, A = undefined>(page: RcPage, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  press(page: RcPage, key: string): Promise<void>;
  reload(page: RcPage): Promise<void>;
  /** Waits `ms` in the page's browser; only for "nothing must happen" checks. */
  pause(ms: number): Promise<void>;
}

export interface E2EHarness extends PageApi {
  readonly browser: BrowserName;
  /** Absolute path of the loaded build. */
  readonly dist: string;
  /** chrome-extension://<id> or moz-extension://<uuid>, no trailing slash. */
  readonly extensionOrigin: string;
  extensionUrl(path: string): string;
  serveHtml(url: string, html: string): Promise<void>;
  serveFixture(url: string, file: string): Promise<void>;
  open(url: string): Promise<RcPage>;
  setConfig(config: unknown): Promise<TeamConfig>;
  conversations(): Promise<ConversationRecord[]>;
  storage(area?: 'local' | 'sync'): Promise<Record<string, unknown>>;
  /**
   * Runs `fn` in an extension context that has the extension's storage, runtime and IndexedDB: the service
   * worker in Chromium, an extension page in Firefox (its background page can't be driven over BiDi).
   */
  extEvaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  openPopup(): Promise<RcPage>;
  openOptions(): Promise<RcPage>;
  openReports(): Promise<RcPage>;
  screenshot(page: RcPage, name: string): Promise<string>;
  close(): Promise<void>;
}
