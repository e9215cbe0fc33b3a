// The manager's popup over a year of history: 100,000 stored conversations seeded into the real
// extension's IndexedDB (as the background writes them: business-hours policy version, answered early and
// late, a few hundred still open), then (1) the background's `ui:summary` answer timed from an extension
// page (message round trip included), (2) the popup opened in a tab, timed from navigation start to the
// moment its figures (open count and within-target) are in the DOM.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { BenchRow } from './types.ts';
import { BENCH_CONFIG, median } from './browser.ts';
import { launch, ROOT, type Harness } from '../tests/e2e/harness.ts';

const COUNT = 100_000;
const OPEN = 300;
const SUMMARY_BUDGET_MS = 100;
const PAINT_BUDGET_MS = 100;

export async function seed(page: Page, count: number, open: number): Promise<number> {
  return page.evaluate(
    async ([count, open]) => {
      const H = 3_600_000;
      const now = Date.now();
      const db: IDBDatabase = await new Promise((res, rej) => {
        const r = indexedDB.open('replyclock');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const schedule = {
        id: 'office',
        name: 'Office hours',
        timeZone: 'Europe/Amsterdam',
        week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
        holidays: [],
      };
      const version = { key: 'bench-office', createdAt: now - 400 * 24 * H, schedule, policy: { id: 'social', name: 'Social', schedule: 'office', match: {}, firstResponseMinutes: 60 } };
      const span = 365 * 24 * H;
      await new Promise<void>((res, rej) => {
        const tx = db.transaction(['conversations', 'versions'], 'readwrite');
        tx.objectStore('versions').put(version);
        const store = tx.objectStore('conversations');
        for (let i = 0; i < count; i++) {
          const first = now - Math.floor(((i + 1) / count) * span);
          const id = `x:${1600000000000000000n + BigInt(i)}`;
          const isOpen = i < open;
          const frt = [12, 25, 45, 70, 150, 20, 300, 8][i % 8]!;
          const reply = first + frt * 60_000;
          const messages = [{ id, role: 'customer', at: first, siteAt: first, firstSeenAt: first, precisionMs: 0, author: `c${i}` }];
          if (!isOpen) messages.push({ id: `${id}b`, role: 'brand', at: reply, siteAt: reply, firstSeenAt: reply, precisionMs: 0, author: 'AcmeSupport' });
          store.put({
            id, platform: i % 3 === 0 ? 'facebook' : 'x', channel: i % 4 === 0 ? 'dm' : 'public', url: `https://x.com/c${i}/status/${i}`,
            customer: { handle: `c${i}` }, text: `order #${i} never arrived`, messages, messageIds: messages.map((m) => m.id), pauses: [],
            excluded: false, assignee: i % 5 === 0 ? 'Ann' : null, status: isOpen ? 'open' : 'answered', policyId: 'social', versionKey: 'bench-office',
            firstCustomerAt: first, lastCustomerAt: first, lastBrandAt: isOpen ? null : reply, clockState: isOpen ? 'running' : 'answered',
            dueAt: first + H, firstResponseAt: isOpen ? null : reply, firstResponseMinutes: isOpen ? null : frt, withinTarget: isOpen ? null : frt <= 60,
            createdAt: first, updatedAt: isOpen ? first : reply, day: new Date(first).toISOString().slice(0, 10),
            // As the background writes it (schema v3): an answered clock never changes by time (CHECK_NEVER); an open
            // one is due for a fresh look (its stored state is older than now), so the summary reads it live.
            checkAt: isOpen ? 0 : 8.64e15,
          });
        }
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
      const n = await new Promise<number>((res) => {
        const q = db.transaction('conversations').objectStore('conversations').count();
        q.onsuccess = () => res(q.result);
      });
      db.close();
      return n;
    },
    [count, open] as const,
  );
}

/** Times one ui:summary round trip from an extension page. */
export function timeSummary(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome;
    const t0 = performance.now();
    const r = await chrome.runtime.sendMessage({ rc: 1, type: 'ui:summary', payload: {} });
    if (!r?.ok) throw new Error(`ui:summary failed: ${r?.error}`);
    return performance.now() - t0;
  });
}

// Installed before any popup script: records when the figures are first in the DOM (ms since navigation start).
export const FIGURES_PROBE = `(() => {
  if (!location.pathname.includes('popup')) return;
  const done = () => {
    const open = document.querySelector('[data-testid="open"]');
    const within = document.querySelector('[data-testid="within-target"]');
    return open && within && open.textContent.trim() !== '' && within.textContent.trim() !== '';
  };
  // The frame that draws them: rendering steps run rAF callbacks and then paint, so a callback requested now runs
  // in that frame (later than the DOM time when the page's thread is busy with other work).
  new MutationObserver((_, mo) => { if (done()) { window.__figuresAt = performance.now(); requestAnimationFrame(() => { window.__figuresFrameAt = performance.now(); }); mo.disconnect(); } })
    .observe(document, { childList: true, subtree: true, characterData: true });
})();`;

interface PaintTimes {
  figures: number;
  frame: number;
  fcp: number | null;
  html: number;
}

async function firstPaint(h: Harness): Promise<PaintTimes> {
  const popup = await h.openPopup();
  await popup.waitForFunction(() => (globalThis as unknown as { __figuresFrameAt?: number }).__figuresFrameAt !== undefined, undefined, { timeout: 60000 });
  const r = await popup.evaluate(() => ({
    figures: (globalThis as unknown as { __figuresAt: number }).__figuresAt,
    frame: (globalThis as unknown as { __figuresFrameAt: number }).__figuresFrameAt,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    // The floor no script can lower: the tab's renderer started and the popup's HTML parsed (module scripts run after).
    html: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive,
  }));
  await popup.close();
  return r;
}

/**
 * The harness as launchBench gives it, but without its offline route: Playwright intercepts every request of every
 * page once any route is set, chrome-extension:// files included, and each intercepted file waits for a round trip
 * to this Node process (measured: +50–90 ms before the browser starts reading the popup's scripts). A user's popup
 * pays nothing of the kind. This section opens extension pages only, so there is nothing to keep offline.
 */
async function launchUnintercepted(): Promise<Harness> {
  const dist = process.env.REPLYCLOCK_DIST ?? 'dist/chrome';
  if (!existsSync(join(resolve(ROOT, dist), 'manifest.json'))) throw new Error(`bench: ${dist} missing — run \`npm run build:chrome\` first`);
  const h = await launch({ offline: false });
  try {
    await h.setConfig(BENCH_CONFIG);
    return h;
  } catch (err) {
    await h.close();
    throw err;
  }
}

export async function run(): Promise<BenchRow[]> {
  const h = await launchUnintercepted();
  try {
    await h.context.addInitScript(FIGURES_PROBE);
    const page = await h.context.newPage();
    await page.goto(h.extensionUrl('manifest.json'));
    const stored = await seed(page, COUNT, OPEN);
    const cold = await timeSummary(page);
    // The cold call builds the facts of all 100,000 conversations; right after it (and after seeding 100,000 rows)
    // Chromium's IndexedDB backend is still compacting, and the next calls measured that (83-159 ms against 45-84 ms
    // five seconds later, same build). A manager opens the popup on a store at rest: measure that.
    await page.waitForTimeout(5000);
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push(await timeSummary(page));
    const paints: PaintTimes[] = [];
    for (let i = 0; i < 3; i++) paints.push(await firstPaint(h));
    const section = 'popup (Chromium, 100k stored)';
    const summaryMs = median(warm);
    const paintMs = median(paints.map((p) => p.figures));
    const fcps = paints.map((p) => p.fcp).filter((x): x is number => x !== null);
    return [
      {
        section,
        name: `ui:summary over ${stored.toLocaleString('en-US')} conversations, median of 5`,
        value: summaryMs,
        unit: 'ms',
        reference: 'budget',
        referenceValue: SUMMARY_BUDGET_MS,
        ratio: summaryMs / SUMMARY_BUDGET_MS,
        target: `≤ ${SUMMARY_BUDGET_MS} ms`,
        pass: summaryMs <= SUMMARY_BUDGET_MS && stored === COUNT,
      },
      { section, name: 'ui:summary, first call after seeding', value: cold, unit: 'ms', reference: '', referenceValue: null, ratio: null },
      {
        section,
        name: 'popup: navigation → figures in the DOM, median of 3',
        value: paintMs,
        unit: 'ms',
        reference: 'budget',
        referenceValue: PAINT_BUDGET_MS,
        ratio: paintMs / PAINT_BUDGET_MS,
        target: `≤ ${PAINT_BUDGET_MS} ms`,
        pass: paintMs <= PAINT_BUDGET_MS,
      },
      { section, name: 'popup: navigation → the frame drawing the figures', value: median(paints.map((p) => p.frame)), unit: 'ms', reference: '', referenceValue: null, ratio: null },
      { section, name: 'popup: first contentful paint', value: median(fcps), unit: 'ms', reference: '', referenceValue: null, ratio: null },
      {
        section,
        name: 'popup: navigation → its HTML parsed, before any script (floor)',
        value: median(paints.map((p) => p.html)),
        unit: 'ms',
        reference: 'navigation → figures',
        referenceValue: paintMs,
        ratio: median(paints.map((p) => p.html)) / paintMs,
      },
    ];
  } finally {
    await h.close();
  }
}
