// Where the content script's time and garbage go on the content bench's pages: `npm run profile:content -- <page>`
// with <page> x (the X mentions timeline), fb (the Facebook post) or base (the X page where the extension does not run).
// Not a benchmark (nothing is judged): a tool for the speed work behind the content bench's figures.
//   default    a CPU profile (50 µs sampling) of the scroll: self time, and inclusive time per function of the
//              extension's files (minified names unless built with RC_MINIFY=0, see vite.config.ts);
//   --heap     sampled allocations instead, per allocating function (collected garbage included);
//   --batches  also each batch's own insert and its slowest insertion → badge (ms), in order;
//   --plain    no profiler: only the latencies (quick A/B runs of two builds, REPS=3);
//   --sw       the CPU profile of the extension's service worker instead (what the page's reports and lookups cost it);
//   --gc       a trace of the garbage collections instead: each batch's GC time between insertion and its last badge;
//   --trace    a trace of the whole browser instead: per batch, the other threads (service worker, IndexedDB, raster…)
//              busy between its insertion and its last badge, and each thread's total (RC_CHROME_FLAGS as --sw);
//   --after-x  first scroll the X page in another tab, as `npm run bench` does before the Facebook page.
// Every run prints the insertion → badge p50/p95 and the page's own insert. Profiling slows native DOM calls more
// than script: compare functions with each other, and figures only with runs made the same way.
// REPLYCLOCK_DIST picks the build, as for `npm run bench`; REPS=n repeats the scroll in new tabs of one browser.
import type { CDPSession } from 'playwright-core';
import { launchBench, metrics, openWithWorlds, percentile } from './browser.ts';
import { commentsHtml } from './fb-comments.ts';
import { latencies, type PageBench } from './page-instrument.ts';
import { timelineHtml } from './x-timeline.ts';
import { debuggingPort, traceThreads, type ThreadTrace } from './trace-threads.ts';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children: HeapNode[];
}

const PAGES = {
  x: { url: 'https://x.com/notifications/mentions', html: timelineHtml, keep: 150 },
  base: { url: 'https://timeline.example/notifications/mentions', html: timelineHtml, keep: 150 },
  fb: { url: 'https://www.facebook.com/AcmePage/posts/pfbid02abc', html: commentsHtml, keep: 1_000_000 },
} as const;

const args = process.argv.slice(2);
const which = (args.find((a) => !a.startsWith('--')) ?? 'x') as keyof typeof PAGES;
if (!(which in PAGES)) throw new Error(`profile-content: unknown page ${which} (x, fb or base)`);
const heap = args.includes('--heap');
const batches = args.includes('--batches');
const plain = args.includes('--plain');
const gc = args.includes('--gc');
const sw = args.includes('--sw');
const trace = args.includes('--trace');
const afterX = args.includes('--after-x');
if ([sw, gc, trace].filter(Boolean).length > 1) throw new Error('profile-content: --gc, --sw and --trace: one at a time');
const reps = Number(process.env.REPS ?? 1);
const BATCHES = 40;
const SIZE = 50;

const name = (cf: CallFrame): string => `${cf.functionName || '(anonymous)'} ${cf.url.split('/').pop()}:${cf.lineNumber + 1}`;
const top = (m: Map<string, number>, n: number, unit: (v: number) => string, filter: (k: string) => boolean = () => true): void => {
  for (const [k, v] of [...m].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(unit(v).padStart(10), k);
};

async function cpu(cdp: CDPSession, run: () => Promise<void>): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const spent = new Map<number, number>();
  profile.samples.forEach((id, i) => spent.set(id, (spent.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  for (const [id, us] of spent) {
    const k = name(byId.get(id)!.callFrame);
    self.set(k, (self.get(k) ?? 0) + us);
    const seen = new Set<string>(); // a recursive function counts once per sample
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) seen.add(name(byId.get(x)!.callFrame));
    for (const s of seen) incl.set(s, (incl.get(s) ?? 0) + us);
  }
  const ms = (us: number): string => `${(us / 1000).toFixed(1)} ms`;
  console.log('self time:');
  top(self, 30, ms);
  console.log("inclusive time, the extension's files:");
  top(incl, 40, ms, (k) => (sw ? /\.js:/ : /(runtime|x|x-chat|facebook[\w-]*|zendesk|rules)\.js:/).test(k));
}

async function allocations(cdp: CDPSession, run: () => Promise<void>): Promise<void> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await run();
  const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as { profile: { head: HeapNode } };
  const by = new Map<string, number>();
  const walk = (n: HeapNode): void => {
    by.set(name(n.callFrame), (by.get(name(n.callFrame)) ?? 0) + n.selfSize);
    n.children.forEach(walk);
  };
  walk(profile.head);
  console.log(`allocated (sampled): ${([...by.values()].reduce((a, b) => a + b, 0) / 1024).toFixed(0)} KB`);
  top(by, 40, (b) => `${(b / 1024).toFixed(0)} KB`);
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  args?: { data?: { startTime?: number } };
}

/** Runs with a trace of V8's collections; returns them (start, ms) on the page's performance.now() clock. */
async function gcTrace(cdp: CDPSession, tab: import('playwright-core').Page, run: () => Promise<void>): Promise<{ at: number; ms: number; name: string }[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: TraceEvent[] }) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'blink.user_timing'] } });
  const zero = await tab.evaluate(() => performance.mark('rc-zero').startTime);
  await run();
  await cdp.send('Tracing.end');
  await done;
  const mark = events.find((e) => e.name === 'rc-zero');
  if (!mark) throw new Error('profile-content: the trace lost its clock mark');
  const offset = mark.ts / 1000 - zero;
  return events
    .filter((e) => e.ph === 'X' && /^(MinorGC|MajorGC)$/.test(e.name) && e.dur)
    .map((e) => ({ at: e.ts / 1000 - offset, ms: e.dur! / 1000, name: e.name }));
}

/** Playwright opens no CDP session on a service worker: one through the browser's debugging port (RC_CHROME_FLAGS). */
async function workerSession(): Promise<{ session: CDPSession; close(): Promise<void> }> {
  const port = debuggingPort('--sw');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const root = await browser.newBrowserCDPSession();
  const { targetInfos } = (await root.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!sw) throw new Error('profile-content --sw: no extension service worker');
  const { sessionId } = (await root.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as { sessionId: string };
  // A nested session: commands travel wrapped in Target.sendMessageToTarget (Playwright's send takes no sessionId).
  let next = 1;
  const waiting = new Map<number, { ok(v: unknown): void; fail(e: Error): void }>();
  root.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    const w = m.id === undefined ? undefined : waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id!);
    if (m.error) w.fail(new Error(m.error.message));
    else w.ok(m.result);
  });
  const send = (method: string, params: object = {}): Promise<unknown> =>
    new Promise((ok, fail) => {
      const id = next++;
      waiting.set(id, { ok, fail });
      root.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((err: Error) => {
        waiting.delete(id);
        fail(err);
      });
    });
  // Disconnects this second connection only (the browser stays with the harness).
  return { session: { send } as unknown as CDPSession, close: () => browser.close() };
}

const h = await launchBench();
try {
  const page = PAGES[which];
  if (afterX) {
    // As in `npm run bench`: the store already holds the X scroll's conversations, and its tab has closed.
    await h.serveHtml(PAGES.x.url, PAGES.x.html());
    const x = await openWithWorlds(h, PAGES.x.url);
    await x.world();
    await x.page.waitForTimeout(1000);
    await x.page.evaluate(([n, s, k]) => (globalThis as unknown as { __bench: { scroll(...a: number[]): Promise<unknown> } }).__bench.scroll(n, s, k, 100), [BATCHES, SIZE, PAGES.x.keep] as const);
    await x.page.waitForTimeout(1500);
    await x.page.close();
  }
  for (let rep = 0; rep < reps; rep++) {
    await h.serveHtml(page.url, page.html());
    const { page: tab, cdp, world } = await openWithWorlds(h, page.url);
    if (which !== 'base') await world();
    await tab.waitForTimeout(1000); // as the bench: the content script's start-up settles first
    let scriptMs = 0;
    const run = async (): Promise<void> => {
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      const before = await metrics(cdp);
      await tab.evaluate(([n, s, k]) => (globalThis as unknown as { __bench: { scroll(...a: number[]): Promise<unknown> } }).__bench.scroll(n, s, k, 100), [BATCHES, SIZE, page.keep] as const);
      await tab.waitForTimeout(1500);
      scriptMs = ((await metrics(cdp)).ScriptDuration! - before.ScriptDuration!) * 1000;
    };
    const gcs = gc ? await gcTrace(cdp, tab, run) : [];
    const lastBadges = async (n: number): Promise<number[]> => {
      const b = await tab.evaluate(() => {
        const { inserted, badged } = (globalThis as unknown as { __bench: PageBench }).__bench;
        return { inserted, badged };
      });
      const all = Object.keys(b.inserted);
      return Array.from({ length: n }, (_, k) => Math.max(...all.slice(k * SIZE, (k + 1) * SIZE).map((id) => (b.badged[id] ?? NaN) - b.inserted[id]!)));
    };
    const threads: ThreadTrace | null = trace ? await traceThreads(tab, run, lastBadges) : null;
    const worker = sw ? await workerSession() : null;
    const target = worker?.session ?? cdp;
    if (!gc && !trace) await (plain ? run() : heap ? allocations(target, run) : cpu(target, run));
    await worker?.close();
    const b = await tab.evaluate(() => {
      const { inserted, badged, appendMs } = (globalThis as unknown as { __bench: PageBench }).__bench;
      return { inserted, badged, appendMs };
    });
    const ids = Object.keys(b.inserted);
    const { delays } = latencies(b);
    const f = (v: number): string => v.toFixed(1);
    console.log(
      `insertion → badge p50 ${f(percentile(delays, 50))} / p95 ${f(percentile(delays, 95))} ms (${delays.length}/${ids.length} badged); ` +
        `page's own insert p50 ${f(percentile(b.appendMs, 50))} / p95 ${f(percentile(b.appendMs, 95))} ms; ` +
        `main-thread script ${f(scriptMs)} ms (CPU time, page and extension)`,
    );
    if (gc) {
      const by = new Map<string, { n: number; ms: number }>();
      for (const g of gcs) {
        const x = by.get(g.name) ?? { n: 0, ms: 0 };
        by.set(g.name, { n: x.n + 1, ms: x.ms + g.ms });
      }
      for (const [k, v] of by) console.log(`${k}: ${v.n}× ${f(v.ms)} ms`);
    }
    if (threads) {
      const f1 = (v: number): string => v.toFixed(1);
      const lat = await lastBadges(threads.perBatch.length);
      threads.perBatch.forEach((t, k) => {
        const others = t.busy.filter(([, ms]) => ms >= 0.5).map(([name, ms]) => `${name} ${f1(ms)}`);
        console.log(`${String(k).padStart(2)}: last badge ${f1(lat[k]!).padStart(5)} ms, own insert ${f1(b.appendMs[k] ?? NaN)} | ${others.join(', ')}`);
      });
      console.log('task time over the trace (ms):');
      for (const [name, ms] of threads.totals.slice(0, 12)) console.log(f1(ms).padStart(9), name);
    }
    if (batches || gc) {
      const rows = b.appendMs.map((own, k) => {
        const lat = ids.slice(k * SIZE, (k + 1) * SIZE).map((id) => (b.badged[id] ?? NaN) - b.inserted[id]!);
        const from = b.inserted[ids[k * SIZE]!]!;
        const to = from + Math.max(...lat);
        const inside = gcs.filter((g) => g.at < to && g.at + g.ms > from);
        const gcMs = inside.reduce((a, g) => a + g.ms, 0);
        return `${k}: ${f(own)}/${f(Math.max(...lat))}${gc ? `/gc ${f(gcMs)}` : ''}`;
      });
      console.log(`per batch, own insert/slowest badge${gc ? '/GC inside' : ''} (ms): ${rows.join('  ')}`);
    }
    await cdp.detach().catch(() => undefined);
    await tab.close();
  }
} finally {
  await h.close();
}
