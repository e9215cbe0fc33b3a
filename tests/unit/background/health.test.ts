// Must load before dexie, which looks up the IndexedDB globals when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clearTabHealth, forgetTabHealth, healthBySite, recordHealth } from '../../../src/background/health.ts';
import { KV, kvGet, kvSet } from '../../../src/shared/db.ts';
import type { HealthReport } from '../../../src/shared/protocol.ts';
import { MIN, T0, freshDb } from './helpers.ts';

const report = (site: string, status: HealthReport['status'], at: number): HealthReport => ({ site, url: `https://${site}.example/`, status, at });
const shown = async (db: ReturnType<typeof freshDb>) => healthBySite(await kvGet(db, KV.health)).map((h) => `${h.site} ${h.status}`);

describe('detection health per tab', () => {
  it("a tab's report replaces its own earlier one, on any site; another tab's stays", async () => {
    const db = freshDb();
    await recordHealth(db, report('x', 'mismatch', T0), 1);
    await recordHealth(db, report('x', 'ok', T0 + MIN), 2);
    expect(await shown(db)).toEqual(['x mismatch']);
    // Tab 1 left X for Facebook: what it said of X no longer describes an open page.
    await recordHealth(db, report('facebook', 'empty', T0 + 2 * MIN), 1);
    expect(await shown(db)).toEqual(['facebook empty', 'x ok']);
  });

  it('per site: a mismatch beats an ok, an ok beats an empty, the newest wins among equals', () => {
    const all = {
      'tab:1': report('x', 'empty', T0 + 5 * MIN),
      'tab:2': report('x', 'ok', T0),
      'tab:3': { ...report('x', 'ok', T0 + MIN), url: 'https://x.com/newer' },
      'tab:4': report('facebook', 'ok', T0),
      'tab:5': report('facebook', 'mismatch', T0 - MIN),
    };
    expect(healthBySite(all).map((h) => [h.site, h.status, h.url])).toEqual([
      ['facebook', 'mismatch', 'https://facebook.example/'],
      ['x', 'ok', 'https://x.com/newer'],
    ]);
    expect(healthBySite(undefined)).toEqual([]);
  });

  it("a closed tab's report goes, a report that raced its closing is not shown, a new browser session forgets all", async () => {
    const db = freshDb();
    await recordHealth(db, report('x', 'mismatch', T0), 1);
    await recordHealth(db, report('x', 'ok', T0), 2);
    await recordHealth(db, report('zendesk', 'ok', T0), 3);
    await forgetTabHealth(db, 1);
    expect(await shown(db)).toEqual(['x ok', 'zendesk ok']);
    await forgetTabHealth(db, 99); // never reported: nothing to do
    // Tab 4 closed, but its last report was stored after that: only open tabs are shown.
    await recordHealth(db, report('facebook', 'mismatch', T0), 4);
    expect(healthBySite(await kvGet(db, KV.health), new Set([2, 3])).map((h) => `${h.site} ${h.status}`)).toEqual(['x ok', 'zendesk ok']);
    await clearTabHealth(db);
    expect(await shown(db)).toEqual([]);
  });

  it("a tab loading another page loses its report, unless the report is newer than the load (the new page's own)", async () => {
    const db = freshDb();
    await recordHealth(db, report('x', 'mismatch', T0), 1);
    await recordHealth(db, report('x', 'ok', T0 + 5 * MIN), 2);
    await forgetTabHealth(db, 1, T0 + MIN);
    await forgetTabHealth(db, 2, T0 + MIN);
    expect(await shown(db)).toEqual(['x ok']);
  });

  it('keeps no report without a tab, and drops the per-site reports an older version stored', async () => {
    const db = freshDb();
    await kvSet(db, KV.health, { x: report('x', 'mismatch', T0), facebook: report('facebook', 'ok', T0) });
    expect(await shown(db)).toEqual([]);
    await recordHealth(db, report('zendesk', 'ok', T0), undefined);
    await recordHealth(db, report('x', 'ok', T0 + MIN), 4);
    expect(await shown(db)).toEqual(['x ok']);
    expect(Object.keys((await kvGet<Record<string, HealthReport>>(db, KV.health))!)).toEqual(['tab:4']);
  });
});
