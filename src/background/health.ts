// Detection health, per tab: each page visit's content script says whether its site's selectors matched what the page
// should hold (content/runtime.ts), and the popup says per site whether detection works. Kept per tab, not per site:
// with one X tab reading its timeline and another on a page whose layout changed, the popup must say that detection
// does not match on the second, whichever reported last. A tab's entry goes when the tab closes or the browser
// session ends; a tab's new report (a new page visit, on any site) replaces its old one.
import { KV, kvGet, kvSet, type ReplyclockDb } from '../shared/db.ts';
import type { HealthReport } from '../shared/protocol.ts';

/** Stored under `tab:<id>`, or under the site's name for a report that came from no tab (as all did before). */
type HealthMap = Record<string, HealthReport>;

const tabKey = (tabId: number): string => `tab:${tabId}`;

export async function recordHealth(db: ReplyclockDb, report: HealthReport, tabId: number | undefined): Promise<void> {
  await db.transaction('rw', db.kv, async () => {
    const all = (await kvGet<HealthMap>(db, KV.health)) ?? {};
    if (tabId === undefined) all[report.site] = report;
    else {
      all[tabKey(tabId)] = report;
      delete all[report.site]; // the per-site entry of an older version: superseded by the tabs' own
    }
    await kvSet(db, KV.health, all);
  });
}

/** The tab closed (or its session ended): what it said no longer describes any open page. */
export async function forgetTabHealth(db: ReplyclockDb, tabId: number): Promise<void> {
  await db.transaction('rw', db.kv, async () => {
    const all = await kvGet<HealthMap>(db, KV.health);
    if (!all || !(tabKey(tabId) in all)) return;
    delete all[tabKey(tabId)];
    await kvSet(db, KV.health, all);
  });
}

export async function clearTabHealth(db: ReplyclockDb): Promise<void> {
  await db.transaction('rw', db.kv, async () => {
    const all = await kvGet<HealthMap>(db, KV.health);
    if (!all) return;
    for (const k of Object.keys(all)) if (k.startsWith('tab:')) delete all[k];
    await kvSet(db, KV.health, all);
  });
}

/** Worst first: a page that does not match is what a manager must act on; one that read conversations beats one with none. */
const RANK: Record<HealthReport['status'], number> = { mismatch: 0, ok: 1, empty: 2 };

/** One report per site for the popup: the worst of its tabs (the newest among equals), sites in name order. */
export function healthBySite(all: HealthMap | undefined): HealthReport[] {
  const bySite = new Map<string, HealthReport>();
  for (const r of Object.values(all ?? {})) {
    const had = bySite.get(r.site);
    if (!had || RANK[r.status] < RANK[had.status] || (RANK[r.status] === RANK[had.status] && r.at > had.at)) bySite.set(r.site, r);
  }
  return [...bySite.values()].sort((a, b) => a.site.localeCompare(b.site));
}
