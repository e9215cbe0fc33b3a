// For `npm run profile:content -- <page> --trace`: a trace of the whole browser (every process, every thread) while the
// page scrolls, answering "what else ran while this batch waited for its badges?". It found the service worker and
// the browser's IndexedDB thread ingesting the previous report during the slow batches (README: "Reports leave with
// the burst that made them").
import { chromium, type Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

export interface BatchThreads {
  /** Other threads' task time (ms) within the batch's insertion → last badge, busiest first ("process/thread"). */
  busy: [string, number][];
}

export interface ThreadTrace {
  perBatch: BatchThreads[];
  /** Task time (ms) per thread over the whole trace, busiest first. */
  totals: [string, number][];
}

/** The port of RC_CHROME_FLAGS' --remote-debugging-port (Playwright's persistent context exposes no browser session). */
export function debuggingPort(mode: string): string {
  const port = /--remote-debugging-port=(\d+)/.exec(process.env.RC_CHROME_FLAGS ?? '')?.[1];
  if (!port) throw new Error(`profile-content ${mode}: run with RC_CHROME_FLAGS=--remote-debugging-port=9333`);
  return port;
}

/**
 * Traces `run` (which must add the batches) across the browser. Each batch is marked by wrapping the page's addBatch
 * with a performance.mark; `lastBadgeMs(k)` gives batch k's insertion → last badge.
 */
export async function traceThreads(tab: Page, run: () => Promise<void>, lastBadgeMs: (k: number) => Promise<number[]>): Promise<ThreadTrace> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${debuggingPort('--trace')}`);
  try {
    const session = await browser.newBrowserCDPSession();
    const events: TraceEvent[] = [];
    session.on('Tracing.dataCollected', (e: { value: TraceEvent[] }) => events.push(...e.value));
    const done = new Promise((r) => session.once('Tracing.tracingComplete', r));
    await session.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'blink.user_timing', '__metadata'] }, transferMode: 'ReportEvents' });
    await tab.evaluate(() => {
      const b = (globalThis as unknown as { __bench: { addBatch(size: number, keep: number): void } }).__bench;
      const add = b.addBatch;
      b.addBatch = (size, keep) => {
        performance.mark('rc-batch');
        add(size, keep);
      };
    });
    await run();
    await session.send('Tracing.end');
    await done;
    const marks = events.filter((e) => e.name === 'rc-batch').sort((a, b) => a.ts - b.ts);
    const pageThread = marks[0] ? `${marks[0].pid}:${marks[0].tid}` : '';
    const processName = new Map<number, string>();
    const threadName = new Map<string, string>();
    for (const e of events) {
      if (e.ph !== 'M') continue;
      if (e.name === 'process_name') processName.set(e.pid, e.args?.name ?? String(e.pid));
      if (e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? String(e.tid));
    }
    const label = (key: string): string => `${processName.get(Number(key.split(':')[0])) ?? 'process'}/${threadName.get(key) ?? key}`;
    const tasks = events.filter((e) => e.ph === 'X' && e.dur && /RunTask/.test(e.name));
    const sorted = (m: Map<string, number>): [string, number][] => [...m].sort((a, b) => b[1] - a[1]);
    const lastBadge = await lastBadgeMs(marks.length);
    const perBatch = marks.map((m, k) => {
      const from = m.ts;
      const to = m.ts + (lastBadge[k] ?? 0) * 1000;
      const busy = new Map<string, number>();
      for (const t of tasks) {
        const key = `${t.pid}:${t.tid}`;
        const overlap = Math.min(to, t.ts + t.dur!) - Math.max(from, t.ts);
        if (key !== pageThread && overlap > 0) busy.set(label(key), (busy.get(label(key)) ?? 0) + overlap / 1000);
      }
      return { busy: sorted(busy) };
    });
    const totals = new Map<string, number>();
    for (const t of tasks) totals.set(label(`${t.pid}:${t.tid}`), (totals.get(label(`${t.pid}:${t.tid}`)) ?? 0) + t.dur! / 1000);
    return { perBatch, totals: sorted(totals) };
  } finally {
    await browser.close(); // this second connection only: the browser stays with the harness
  }
}
