// Background entry (service worker in Chromium, event page in Firefox). Every listener is registered
// synchronously at top level: MV3 may start the worker just to deliver one event, and a listener
// added after an await would miss it. Everything that matters is in IndexedDB, not in memory.
import browser from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import { loadConfig, loadLocal, onConfigChanged } from '../shared/settings.ts';
import { openDb } from '../shared/db.ts';
import type { Broadcast } from '../shared/protocol.ts';
import { SUMMARY_CACHE_KEY, SUMMARY_REFRESH_MS } from '../shared/summary.ts';
import type { TeamConfig } from '../core/types.ts';
import { ensureAlarms, onAlarm, refreshToolbar, type TickDeps } from './alarms.ts';
import { coalesced } from './coalesce.ts';
import { compactFacts } from './facts.ts';
import { isPageHost } from './hosts.ts';
import { openNotification, type PendingNotification } from './notifications.ts';
import { recordSettingsChange } from './recompute.ts';
import { handleMessage, type RouterDeps, type Sender } from './router.ts';
import { buildSummary } from './summary.ts';
import { TabRegistry } from './tabs.ts';
import { clearTabHealth, forgetTabHealth } from './health.ts';
import { startConfigUrlSync } from './config-url.ts';
import { initCustomSites } from './custom-sites.ts';
import { injectOpenTabs } from './inject-open-tabs.ts';
import { showBadge as applyBadge, type Badge } from './toolbar.ts';

const db = openDb();
const tabs = new TabRegistry(db);

const config = async (): Promise<TeamConfig> => (await loadConfig()).config;
const agent = async (): Promise<string> => (await loadLocal()).agentName;

/** Ignore "Receiving end does not exist": tabs without our script and closed pages are normal. */
const quiet = (p: Promise<unknown>): void => void p.catch(() => undefined);

function broadcastChanged(ids: string[], from?: { tabId: number; answered?: ReadonlySet<string> }): void {
  const msg: Broadcast = { rc: 1, type: 'bg:conversations-changed', ids };
  quiet(browser.runtime.sendMessage(msg));
  // The reporting tab's answer carried the snapshots of its batch: it hears only of the rest (conversations its batch
  // absorbed), so a report costs it no lookup.
  const own = from?.answered ? ids.filter((id) => !from.answered!.has(id)) : ids;
  quiet(
    tabs.tabsFor(ids).then((list) => {
      for (const tab of list) if (tab !== from?.tabId) quiet(browser.tabs.sendMessage(tab, msg));
      if (from && own.length) quiet(browser.tabs.sendMessage(from.tabId, own === ids ? msg : { ...msg, ids: own }));
    }),
  );
  scheduleToolbar();
  scheduleSummary();
}

const showBadge = (badge: Badge): Promise<void> => applyBadge(browser.action, badge);

async function updateToolbar(): Promise<void> {
  await refreshToolbar({ db, now: Date.now(), t, showBadge });
}

// After writes: once a burst of batches goes quiet, or every 4 × SUMMARY_REFRESH_MS while it lasts (coalesce.ts).
const REFRESH = { quietMs: SUMMARY_REFRESH_MS, maxWaitMs: 4 * SUMMARY_REFRESH_MS, onError: () => undefined };
const scheduleToolbar = coalesced(updateToolbar, REFRESH);

/** Tab ids need no "tabs" permission (only their addresses and titles do). */
const openTabs = async (): Promise<ReadonlySet<number>> => new Set((await browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])));

// The popup's figures, materialised for its first paint (see SUMMARY_CACHE_KEY).
const summaryArea = browser.storage.session ?? browser.storage.local;
async function publishSummary(): Promise<void> {
  // A burst of writes is over (or has lasted 2 s): its fact deltas are folded into their days first (facts.ts). Readers
  // apply deltas anyway: a fold that fails must not stop the figures.
  await compactFacts(db).catch(() => 0);
  const summary = await buildSummary(db, { now: Date.now(), config: await config(), t, openTabs: await openTabs().catch(() => null) });
  await summaryArea.set({ [SUMMARY_CACHE_KEY]: summary });
}
const scheduleSummary = coalesced(publishSummary, REFRESH);

async function notify(n: PendingNotification): Promise<void> {
  await browser.notifications.create(n.key, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: n.title,
    message: n.message,
  });
}

async function tickDeps(): Promise<TickDeps> {
  return { db, now: Date.now(), config: await config(), t, showBadge, notify, changed: (ids) => broadcastChanged(ids) };
}

const routerDeps: RouterDeps = {
  db,
  runtimeId: browser.runtime.id,
  extensionBaseUrl: browser.runtime.getURL(''),
  now: () => Date.now(),
  config,
  agent,
  isPageHost: (url, cfg) => isPageHost(url, cfg, __RC_DEMO__),
  t,
  changed: broadcastChanged,
  rememberTab: (tabId, ids) => quiet(tabs.remember(tabId, ids)),
  openTabs,
};

/** The router reads the config for the sender check and again in the handler: one load per message is enough. */
function perMessage(): RouterDeps {
  let loaded: Promise<TeamConfig> | null = null;
  return { ...routerDeps, config: () => (loaded ??= config()) };
}

browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
  // Broadcasts we sent ourselves come back to extension pages only; never answer them here.
  if (typeof message === 'object' && message !== null && String((message as { type?: unknown }).type).startsWith('bg:')) return undefined;
  return handleMessage(message, sender, perMessage());
});

browser.alarms.onAlarm.addListener((alarm) => {
  void tickDeps()
    .then((deps) => onAlarm(alarm.name, deps))
    .finally(scheduleSummary);
});

browser.notifications.onClicked.addListener((notificationId) => {
  quiet(
    openNotification(db, notificationId, {
      openTab: (url) => browser.tabs.create({ url }),
      clear: (id) => browser.notifications.clear(id),
    }),
  );
});

browser.tabs.onRemoved.addListener((tabId) => {
  quiet(tabs.forget(tabId));
  quiet(forgetTabHealth(db, tabId));
});
// A tab loading another page (on any site: its address is not ours to see) no longer shows what it reported on. A
// report from the last 2 s stays: it may be the new page's, overtaking the event.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') quiet(forgetTabHealth(db, tabId, Date.now() - 2000));
});

onConfigChanged(() => {
  void (async () => {
    const name = await agent();
    const { changedIds } = await recordSettingsChange(db, Date.now(), name || null);
    if (changedIds.length) broadcastChanged(changedIds);
    scheduleSummary();
    quiet(browser.runtime.sendMessage({ rc: 1, type: 'bg:settings-changed' } satisfies Broadcast));
    for (const tab of await browser.tabs.query({})) if (tab.id !== undefined) quiet(browser.tabs.sendMessage(tab.id, { rc: 1, type: 'bg:settings-changed' }));
  })();
});

browser.runtime.onInstalled.addListener(({ reason }) => {
  quiet(ensureAlarms(browser.alarms));
  // Tabs open on our sites get the new content scripts now, not at their next reload (Firefox does this itself).
  if ((reason === 'install' || reason === 'update') && !navigator.userAgent.includes('Firefox/')) {
    quiet(
      injectOpenTabs({
        groups: browser.runtime.getManifest().content_scripts ?? [],
        registered: () => browser.scripting.getRegisteredContentScripts(),
        query: (q) => browser.tabs.query(q),
        execute: (tabId, files, allFrames) => browser.scripting.executeScript({ target: { tabId, allFrames }, files }),
      }),
    );
  }
});
browser.runtime.onStartup.addListener(() => {
  quiet(ensureAlarms(browser.alarms));
  // A new browser session: no tab of the last one is open, and ids start over.
  quiet(tabs.clear());
  quiet(clearTabHealth(db));
});
// Also on every worker start: an update or a crash must never leave the extension without its tick.
quiet(ensureAlarms(browser.alarms));
quiet(updateToolbar());
scheduleSummary();
// The team config URL (if subscribed) is re-fetched on its own alarm; a bad file keeps the last good config.
startConfigUrlSync();
// Custom helpdesk domains: content scripts registered per enabled rule whose host permission was granted.
initCustomSites();
