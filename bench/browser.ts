// Real-Chromium plumbing shared by the browser bench sections (and the lifecycle e2e): the e2e harness's
// launcher, the content script's own isolated world, and the CDP calls that read a page's cost.
import type { CDPSession, Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, ROOT, type Harness } from '../tests/e2e/harness.ts';

export const BENCH_CONFIG = {
  version: 1,
  schedules: [],
  policies: [{ id: 'social', name: 'Social', schedule: null, match: {}, firstResponseMinutes: 60, nextResponseMinutes: 60 }],
  brands: { x: ['AcmeSupport'], facebook: ['AcmePage', '100064000000001'] },
  sites: [],
};

export async function launchBench(config: unknown = BENCH_CONFIG): Promise<Harness> {
  // The harness loads REPLYCLOCK_DIST when set (a private build), else dist/chrome.
  const dist = process.env.REPLYCLOCK_DIST ?? 'dist/chrome';
  if (!existsSync(join(resolve(ROOT, dist), 'manifest.json'))) throw new Error(`bench: ${dist} missing — run \`npm run build:chrome\` first`);
  const h = await launch();
  try {
    if (config) await h.setConfig(config);
    return h;
  } catch (err) {
    await h.close();
    throw err;
  }
}

interface ContextInfo {
  id: number;
  origin: string;
  auxData?: { type?: string; isDefault?: boolean };
}

/**
 * Opens `url` with a CDP session attached first, so the content script's isolated world (origin
 * chrome-extension://<id>) is seen when Chromium creates it. `world()` waits for it.
 */
export async function openWithWorlds(h: Harness, url: string): Promise<{ page: Page; cdp: CDPSession; world: () => Promise<number> }> {
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  const contexts: ContextInfo[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: ContextInfo }) => contexts.push(e.context));
  cdp.on('Runtime.executionContextsCleared', () => (contexts.length = 0));
  await cdp.send('Runtime.enable');
  await page.goto(url);
  const world = async (): Promise<number> => {
    const origin = `chrome-extension://${h.extensionId}`;
    for (let i = 0; i < 200; i++) {
      const c = contexts.find((x) => x.origin === origin);
      if (c) return c.id;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the content script's isolated world never appeared on ${url}`);
  };
  return { page, cdp, world };
}

/** Evaluates an expression (awaiting promises) in one execution context; the result must be JSON-able. */
export async function evalIn<T>(cdp: CDPSession, contextId: number, expression: string): Promise<T> {
  const r = (await cdp.send('Runtime.evaluate', { contextId, expression, awaitPromise: true, returnByValue: true })) as {
    result: { value?: unknown };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  };
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
  return r.result.value as T;
}

export async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Used JS heap of the page's renderer isolate after a full GC (main world + every isolated world in it). */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}
