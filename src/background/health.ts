// Detection health, per tab: each page visit's content script says whether its site's selectors matched what the page
// should hold (content/runtime.ts), and the popup says per site whether detection works. Kept per tab, not per site:
// with one X tab reading its timeline and another on a page whose layout changed, the popup must say that detection
// does not match on the second, whichever reported last. A tab's report is replaced by its next one (a new page visit,
// on any site) and forgotten when the tab closes, starts loading another page (unless the report is newer than that),
// or the browser session ends; the popup also shows only tabs that are open, so a report that raced its tab's closing
// is never shown. Every content script has a tab: a report without one is not kept.
import { KV, kvGet, kvSet, type ReplyclockDb } from '../shared/db.ts';
import type { HealthReport } from '../shared/protocol.ts';

/** Stored under `tab:<id>`. (The version before kept one report per site, under the site's name: those are dropped.) */
type HealthMap = Record<string, HealthReport>;

const TAB = 'tab:';
const tabKey = (tabId: number): string => `${TAB}${tabId}`;

export async function recordHealth(db: ReplyclockDb, report: HealthReport, tabId: number | undefined): Promise<void> {
  if (tabId === undefined) return;
  await db.transaction('rw', db.kv, async () => {
    const all = (await kvGet<HealthMap>(db, KV.health)) ?? {};
    for (const k of Object.keys(all)) if (!k.startsWith(TAB)) delete all[k];
    all[tabKey(tabId)] = report;
    await kvSet(db, KV.health, all);
  });
}

/**
 * The tab closed, or started loading another page (`before`: when; a report made since belongs to that new page and
 * stays): what it said no longer describes an open page.
 */
export async function forgetTabHealth(db: ReplyclockDb, tabId: number, before = Infinity): Promise<void> {
  await db.transaction('rw', db.kv, async () => {
    const all = await kvGet<HealthMap>(db, KV.health);
    const r = all?.[tabKey(tabId)];
    if (!all || !r || r.at >= before) return;
    delete all[tabKey(tabId)];
    await kvSet(db, KV.health, all);
  });
}

/** A new browser session: no tab of the last one is open, and tab ids start over. */
export async function clearTabHealth(db: ReplyclockDb): Promise<void> {
  await kvSet(db, KV.health, {});
}

/** Worst first: a page that does not match is what a manager must act on; one that read conversations beats one with none. */
const RANK: Record<HealthReport['status'], number> = { mismatch: 0, ok: 1, empty: 2 };

/** One report per site for the popup: the worst of its open tabs (the newest among equals), sites in name order. */
export function healthBySite(all: HealthMap | undefined, openTabs?: ReadonlySet<number> | null): HealthReport[] {
  const bySite = new Map<string, HealthReport>();
  for (const [k, r] of Object.entries(all ?? {})) {
    if (!k.startsWith(TAB) || (openTabs && !openTabs.has(Number(k.slice(TAB.length))))) continue;
    const had = bySite.get(r.site);
    if (!had || RANK[r.status] < RANK[had.status] || (RANK[r.status] === RANK[had.status] && r.at > had.at)) bySite.set(r.site, r);
  }
  return [...bySite.values()].sort((a, b) => a.site.localeCompare(b.site));
}
