// A page visit's lifetime. X and Facebook are single-page apps: a "visit" ends when location.href changes,
// without a page load. Content scripts run in an isolated world and cannot patch the page's
// history.pushState, so we notice navigation from the outside: <title> changes (SPAs retitle on every
// route), popstate, the Navigation API where it exists, and a cheap once-a-second href check as a net.
// The whole instance ends when the extension is reloaded or updated (runtime context invalidated) or a
// newer instance of this script announces itself, so nothing leaks and nothing is badged twice.
import browser from './api.ts';

export const STAND_DOWN_EVENT = 'replyclock:stand-down';

/** False once the extension behind this content script was reloaded, updated or removed. */
export function contextValid(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

/** True for the error a messaging call throws from an orphaned content script. */
export function isInvalidationError(err: unknown): boolean {
  return /context invalidated|Extension context|Receiving end does not exist/i.test(String(err)) && !contextValid();
}

/**
 * Tells any older instance on this page to stand down, and stands this one down when a newer one says so.
 * The CustomEvent crosses isolated worlds because both share the DOM; only a string travels in `detail`.
 */
export function claimPage(instanceId: string, life: AbortController): void {
  document.addEventListener(
    STAND_DOWN_EVENT,
    (e) => {
      if ((e as CustomEvent<unknown>).detail !== instanceId) life.abort(new Error('replaced by a newer Replyclock'));
    },
    { signal: life.signal },
  );
  document.dispatchEvent(new CustomEvent(STAND_DOWN_EVENT, { detail: instanceId }));
}

export interface Visits {
  /** End the current visit and start a new one at the same URL (e.g. after a config change). */
  restart(): void;
}

/** Runs `start` for the current URL and again after every single-page navigation; each run gets its own signal. */
export function watchVisits(
  life: AbortSignal,
  start: (visit: AbortSignal, url: URL) => void,
  opts: { pollMs?: number } = {},
): Visits {
  let current: AbortController | null = null;
  let href = '';
  const begin = (): void => {
    current?.abort(new Error('navigated'));
    if (life.aborted) return;
    href = location.href;
    current = new AbortController();
    start(current.signal, new URL(href));
  };
  const check = (): void => {
    if (!life.aborted && location.href !== href) begin();
  };
  life.addEventListener('abort', () => current?.abort(life.reason), { once: true });

  addEventListener('popstate', check, { signal: life });
  addEventListener('hashchange', check, { signal: life });
  // The Navigation API fires for the page's own pushState too; the URL is updated once it succeeds.
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener?.('navigatesuccess', check, { signal: life });
  nav?.addEventListener?.('currententrychange', () => setTimeout(check, 0), { signal: life });
  // Titles change with every route (and with unread counts, which is why we compare the URL, not the title).
  const titleWatch = new MutationObserver(check);
  titleWatch.observe(document.head ?? document.documentElement, { childList: true, subtree: true, characterData: true });
  life.addEventListener('abort', () => titleWatch.disconnect(), { once: true });
  const poll = setInterval(check, opts.pollMs ?? 1000);
  life.addEventListener('abort', () => clearInterval(poll), { once: true });

  begin();
  return { restart: begin };
}
