// One shared clock for all badges: at most one update per second, only for badges on screen
// (IntersectionObserver), and none at all while the tab is hidden — a background tab with hundreds
// of tweets must cost nothing.
export interface Ticker {
  watch(el: Element): void;
  unwatch(el: Element): void;
  /** Elements currently considered visible (for tests and the first render). */
  visible(): ReadonlySet<Element>;
}

type ObserverFactory = (cb: (entries: { target: Element; isIntersecting: boolean }[]) => void) => {
  observe(el: Element): void;
  unobserve(el: Element): void;
  disconnect(): void;
};

export interface TickerOptions {
  tick(visible: Element[], now: number): void;
  signal: AbortSignal;
  intervalMs?: number;
  now?: () => number;
  /** Injected in tests; defaults to IntersectionObserver (or "everything visible" without it). */
  makeObserver?: ObserverFactory | null;
}

const defaultObserver: ObserverFactory | null =
  typeof IntersectionObserver === 'function' ? (cb) => new IntersectionObserver(cb) : null;

export function createTicker(opts: TickerOptions): Ticker {
  const intervalMs = opts.intervalMs ?? 1000;
  const now = opts.now ?? Date.now;
  const shown = new Set<Element>();
  const factory = opts.makeObserver === undefined ? defaultObserver : opts.makeObserver;
  const io = factory?.((entries) => {
    for (const e of entries) {
      if (e.isIntersecting) shown.add(e.target);
      else shown.delete(e.target);
    }
  });
  let timer: ReturnType<typeof setInterval> | null = null;

  const run = (): void => {
    for (const el of shown) {
      if (!el.isConnected) {
        shown.delete(el);
        io?.unobserve(el);
      }
    }
    if (shown.size > 0) opts.tick([...shown], now());
  };
  const start = (): void => {
    if (timer === null && document.visibilityState !== 'hidden') timer = setInterval(run, intervalMs);
  };
  const stop = (): void => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.visibilityState === 'hidden') stop();
      else {
        run(); // catch up at once: the numbers are stale after a hidden period
        start();
      }
    },
    { signal: opts.signal },
  );
  opts.signal.addEventListener(
    'abort',
    () => {
      stop();
      io?.disconnect();
      shown.clear();
    },
    { once: true },
  );
  start();

  return {
    watch(el) {
      if (io) io.observe(el);
      else shown.add(el);
    },
    unwatch(el) {
      shown.delete(el);
      io?.unobserve(el);
    },
    visible: () => shown,
  };
}
