// Robustness: X changed its DOM (tests/fixtures/drift). Selectors renamed, <time> missing, permalinks missing, and a
// timeline that churns for seconds. Replyclock must not throw, must never start a clock with an invented time (a tweet
// without a readable time gets no badge or data-state="unknown"), and must report the mismatch in its health record
// and in the popup's detection list (after the X adapter's ~6 s grace period).
import { describe, expect, it } from 'vitest';
import { browsers, pollUntil, type E2EHarness, type RcPage, sharedBrowser } from './drivers/index.ts';

const CONFIG = {
  version: 1,
  schedules: [],
  policies: [{ id: 'social', name: 'Social', schedule: null, match: {}, firstResponseMinutes: 60, nextResponseMinutes: 60 }],
  brands: { x: ['AcmeSupport'] },
  sites: [],
};
const id = (n: number): string => `x:18000000000000008${String(n).padStart(2, '0')}`;
const HEALTH_WAIT_MS = 12_000;

type HealthReport = { site: string; url: string; status: string; detail?: string; at: number };

/** The X health report the background stored for the page at `url`, from raw IndexedDB (kv store, key "health": per tab). */
async function xHealth(h: E2EHarness, url: string): Promise<HealthReport | null> {
  const all = await h.extEvaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const req = indexedDB.open('replyclock');
      req.onsuccess = () => res(req.result);
      req.onerror = () => rej(req.error);
    });
    try {
      if (!db.objectStoreNames.contains('kv')) return null;
      return await new Promise<unknown>((res, rej) => {
        const req = db.transaction('kv', 'readonly').objectStore('kv').get('health');
        req.onsuccess = () => res((req.result as { value?: unknown } | undefined)?.value ?? null);
        req.onerror = () => rej(req.error);
      });
    } finally {
      db.close();
    }
  });
  return Object.values((all as Record<string, HealthReport> | null) ?? {}).find((r) => r.site === 'x' && r.url === url) ?? null;
}

/** Page errors and console errors of a page, content-script world included where the driver reports it. */
interface Listenable {
  on(event: string, cb: (arg: unknown) => void): unknown;
}
function collectErrors(page: RcPage): string[] {
  const errors: string[] = [];
  const p = page as unknown as Listenable;
  p.on('pageerror', (e) => errors.push(`pageerror: ${String(e)}`));
  p.on('console', (m) => {
    const msg = m as { type(): string; text(): string };
    // Requests the offline harness blocks are not Replyclock's errors.
    if (msg.type() === 'error' && !/Failed to load resource|ERR_BLOCKED_BY_CLIENT/.test(msg.text())) errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

describe.each(browsers())('layout drift on X (e2e, %s)', (browser) => {
  let h: E2EHarness;
  sharedBrowser(browser, CONFIG, (x) => (h = x));

  /** Opens a drift fixture, then waits past the health grace period for a fresh X report made on this page. */
  async function visit(name: string): Promise<{ page: RcPage; errors: string[]; health: HealthReport }> {
    const url = `https://x.com/notifications/mentions?drift=${name}`;
    await h.serveFixture(url, `tests/fixtures/drift/${name}.html`);
    const since = Date.now();
    const page = await h.open(url);
    const errors = collectErrors(page);
    await h.pause(7000); // the X adapter's health check runs 6 s after the page starts
    const health = await pollUntil(async () => {
      const r = await xHealth(h, url);
      return r && r.at >= since - 1000 ? r : undefined;
    }, `an X health report for ${url}`, HEALTH_WAIT_MS);
    return { page, errors, health };
  }

  for (const [name, what] of [
    ['renamed', 'User-Name renamed to UserName2'],
    ['no-time', 'no <time> in any tweet'],
    ['no-permalink', 'no status permalink around the time'],
  ] as const) {
    it(`${what}: no badge with an invented time, no error, health says mismatch`, async () => {
      const { page, errors, health } = await visit(name);
      try {
        const badges = await h.badges(page);
        // A tweet Replyclock cannot read gets no running clock: no badge, or an honest "unknown".
        expect(badges.filter((b) => b.state !== 'unknown'), 'badges with a running clock').toEqual([]);
        expect(health.status).toBe('mismatch');
        expect(health.detail ?? '', 'the report says what did not match').not.toBe('');
        expect(errors).toEqual([]);
        // No conversation was stored from a tweet whose time or id could not be read.
        const stored = (await h.conversations()).map((c) => c.id).filter((c) => c.startsWith('x:18000000000000008'));
        expect(stored).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it("the popup names X as not matching while such a page is open, whatever another X tab reads", async () => {
    const { page } = await visit('renamed');
    // Another tab reads its timeline and reports later: the broken page is still open, so the popup still names it.
    const good = 'https://x.com/notifications/mentions?drift=none';
    await h.serveFixture(good, 'tests/fixtures/x/mentions.html');
    const other = await h.open(good);
    const mismatch = '[data-testid="health"] li[data-status="mismatch"]';
    try {
      await h.pause(7000);
      await pollUntil(async () => ((await xHealth(h, good))?.status === 'ok' ? true : undefined), 'the timeline tab to report ok', HEALTH_WAIT_MS);
      let popup = await h.openPopup();
      try {
        await h.waitFor(popup, mismatch);
        expect((await h.text(popup, mismatch)) ?? '').toMatch(/\bX\b/);
      } finally {
        await popup.close();
      }
      // The broken page closed: what it said describes no open page any more.
      await page.close();
      await pollUntil(async () => ((await xHealth(h, `https://x.com/notifications/mentions?drift=renamed`)) ? undefined : true), "the closed tab's report to go");
      popup = await h.openPopup();
      try {
        await h.waitFor(popup, '[data-testid="health"] li[data-status="ok"]');
        expect(await h.count(popup, mismatch)).toBe(0);
      } finally {
        await popup.close();
      }
    } finally {
      await other.close();
    }
  });

  it('a timeline that churns for seconds: no error, no duplicate badge, no clock without a time', async () => {
    const url = 'https://x.com/notifications/mentions?drift=churn';
    await h.serveFixture(url, 'tests/fixtures/drift/churn.html');
    const page = await h.open(url);
    const errors = collectErrors(page);
    try {
      await pollUntil(async () => ((await h.evaluateIn(page, () => (window as unknown as { __churnDone?: boolean }).__churnDone)) ? true : undefined), 'the churn to settle');
      // After the churn, each readable tweet (01-04) has exactly one badge; tweets without a time (05-08) have no running clock.
      await pollUntil(async () => {
        const convs = new Set((await h.badges(page)).map((b) => b.conversation));
        return [1, 2, 3, 4].every((n) => convs.has(id(n))) ? true : undefined;
      }, 'badges on tweets 01-04 after the churn');
      await h.pause(1000);
      const badges = await h.badges(page);
      for (const n of [1, 2, 3, 4]) expect(badges.filter((b) => b.conversation === id(n)), `tweet ${n}`).toHaveLength(1);
      for (const n of [5, 6, 7, 8]) {
        expect(badges.filter((b) => b.message === id(n) && b.state !== 'unknown'), `tweet ${n} (no time)`).toEqual([]);
      }
      // Every badge sits inside a tweet that is in the page (none left orphaned by removed nodes).
      const orphans = await h.evaluateIn(page, () => [...document.querySelectorAll('replyclock-badge')].filter((b) => !b.closest('article')).length);
      expect(orphans).toBe(0);
      const stored = await h.conversations();
      for (const n of [5, 6, 7, 8]) expect(stored.map((c) => c.id), `tweet ${n} was never stored`).not.toContain(id(n));
      // The stored time is the tweet's own, not the time it was seen.
      for (const n of [1, 2, 3, 4]) {
        const rec = stored.find((c) => c.id === id(n));
        if (rec) expect(rec.firstCustomerAt, `tweet ${n}`).toBe(Date.parse(`2026-03-02T09:${String(n).padStart(2, '0')}:00.000Z`));
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
