// Wires one content-script instance together: lifecycle, config, reporter, tracker, ticker, and the
// site adapter for each page visit.
import type { TeamConfig } from '../core/types.ts';
import { loadConfig, onBroadcast, request, type ActiveConfig } from './bridge.ts';
import { DETAIL_LIMIT, URL_LIMIT } from '../shared/limits.ts';
import { RefusedError } from '../shared/wire.ts';
import { createWindowClocks } from './clocks.ts';
import { uiLanguage } from './api.ts';
import { BADGE_TAG } from './badge.ts';
import { claimPage, contextValid, isInvalidationError, watchVisits } from './lifecycle.ts';
import { observe } from './observe.ts';
import { createReporter } from './reporter.ts';
import { createTicker } from './ticker.ts';
import { createTracker } from './tracker.ts';
import type { SiteContext, SiteDefinition } from './site.ts';
// Type only: the registry (with every adapter's dynamic import) is passed in by the entry, so the self-contained
// custom-domain build (standalone.ts) does not bundle adapters it never uses.
import type { SiteSource } from './registry.ts';

export interface Runtime {
  life: AbortController;
}

/** `sites`: the registry (index.ts), or adapters passed directly (standalone.ts, tests). */
export async function startRuntime(sites: readonly SiteSource[]): Promise<Runtime> {
  const life = new AbortController();
  const signal = life.signal;
  claimPage(`${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`, life);
  // Badges of an instance that can no longer run (orphaned by an extension reload) would show stale clocks.
  for (const old of document.querySelectorAll(BADGE_TAG)) old.remove();

  const stop = (): void => life.abort(new Error('extension context invalidated'));
  // Until the background answers, nothing is a conversation (no brands, no policies): no badge is better than a
  // badge from a config the team does not use. Asking wakes a stopped service worker, so this is brief.
  let config: TeamConfig = { version: 1, schedules: [], policies: [], brands: {}, sites: [] };
  const clocks = createWindowClocks();
  let active: ActiveConfig | null = null;
  // An ask fails when the worker is stopped mid-answer (MV3): ask again at once, a few times, before reading the page.
  // Posts that leave a virtualised timeline before a config arrives are never seen as conversations.
  for (let i = 0; i < 4 && !active; i++) {
    try {
      active = await loadConfig();
    } catch (err) {
      if (isInvalidationError(err)) {
        stop();
        return { life };
      }
      await new Promise((r) => setTimeout(r, 100 * i));
    }
  }
  if (active) {
    config = active.config;
    clocks.setConfigWindows(active.hours);
  }

  const reporter = createReporter({
    send: (conversations) => request('content:observed', { conversations }),
    // The answer holds the snapshots of the batch's conversations (those refused as invalid too, if stored).
    onAck: (_ids, reply) => tracker.applySnapshots(reply.conversations),
    isFatal: isInvalidationError,
    onFatal: stop,
    isRefused: (err) => err instanceof RefusedError,
    // Refused whole: no answer carried their snapshots, and what another tab stored still shows here.
    onRefused: (ids) => tracker.refresh(ids),
    signal,
  });
  const ticker = createTicker({
    tick(visible, now) {
      if (!contextValid()) return stop();
      tracker.tick(visible, now);
    },
    signal,
  });
  const tracker = createTracker({
    reporter,
    lookup: async (ids) => (await request('content:lookup', { ids })).conversations,
    act: async (conversationId, act) => (await request('ui:action', { conversationId, act })).conversation,
    config: () => config,
    clocks,
    ticker,
    lang: uiLanguage(),
  });

  const reload = (next: ActiveConfig): void => {
    config = next.config;
    clocks.setConfigWindows(next.hours);
    tracker.configChanged();
    visits.restart(); // brands may have changed which posts are conversations: re-read the page
  };
  // One way to (re)load the config: when the team changes it (broadcast), daily (the hours windows reach 90 days
  // ahead, and a tab may stay open for weeks), and soon after a first ask that failed (the background was starting).
  let retry: ReturnType<typeof setTimeout> | undefined;
  const refresh = (again = 0): void => {
    loadConfig().then(reload, (err: unknown) => {
      if (isInvalidationError(err)) stop();
      // Until one ask succeeds (from 2 s, doubling to a minute): without a config nothing on the page is measured.
      else if (again) retry = setTimeout(() => refresh(Math.min(again * 2, 60_000)), again);
    });
  };
  onBroadcast((msg) => {
    if (msg.type === 'bg:conversations-changed') tracker.refresh(msg.ids);
    else if (msg.type === 'bg:settings-changed') refresh();
  }, signal);

  const visits = watchVisits(signal, (visit, url) => {
    const site = sites.find((s) => s.matches(url));
    if (!site) return;
    const sent = new Set<string>();
    // Once something on the page was read ('ok'), one item that cannot be (a deleted account's comment, an odd card)
    // does not make the whole page "detection does not match": a mismatch counts only while nothing was read.
    let read = false;
    const ctx: SiteContext = {
      url,
      signal: visit,
      config,
      observe: (selector, cb) => observe(selector, cb, { signal: visit }),
      track: (conv, placement) => tracker.track(conv, placement, visit),
      firstSeen: (id) => tracker.firstSeen(id),
      health(status, detail) {
        const key = `${status}|${detail ?? ''}`;
        if (sent.has(key) || visit.aborted || (read && status === 'mismatch')) return;
        read ||= status === 'ok';
        sent.add(key);
        request('content:health', {
          report: { site: site.id, url: url.href.slice(0, URL_LIMIT), status, ...(detail ? { detail: detail.slice(0, DETAIL_LIMIT) } : {}), at: Date.now() },
        }).catch((err: unknown) => {
          if (isInvalidationError(err)) stop();
        });
      },
      later(ms, fn) {
        const id = setTimeout(fn, ms);
        visit.addEventListener('abort', () => clearTimeout(id), { once: true });
      },
    };
    const run = (def: Pick<SiteDefinition, 'init'>): void => {
      if (visit.aborted) return; // navigated away while the adapter was loading
      try {
        def.init(ctx);
      } catch (err) {
        ctx.health('mismatch', `adapter failed: ${String(err)}`);
      }
    };
    if ('init' in site) run(site);
    else
      site.load().then(run, (err: unknown) => {
        // An orphaned script cannot fetch chunks of the extension that replaced it.
        if (!contextValid()) stop();
        else ctx.health('mismatch', `adapter failed to load: ${String(err)}`);
      });
  });

  const daily = setInterval(refresh, 86_400_000);
  if (!active) retry = setTimeout(() => refresh(4000), 2000);
  signal.addEventListener('abort', () => (clearInterval(daily), clearTimeout(retry)), { once: true });
  return { life };
}
