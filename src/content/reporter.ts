// Sends what the page shows to the background in debounced batches. The MV3 service worker may be
// stopped or restarting at any moment: a batch that is not acknowledged stays queued (merged with newer
// observations of the same conversations) and is retried with backoff, so no observation is lost.
import type { ObservedConversation, ObservedMessage } from '../shared/protocol.ts';
import { BATCH_LIMIT as MAX_BATCH } from '../shared/limits.ts';

export interface ReporterOptions<R = unknown> {
  send(batch: ObservedConversation[]): Promise<R>;
  /** Called with the ids of an acknowledged batch and the background's answer. */
  onAck?(ids: string[], reply: R): void;
  /** An error after which retrying is pointless (the extension was reloaded). */
  isFatal?(err: unknown): boolean;
  /** The background refused the batch's content as invalid: sending it again cannot succeed, so it is dropped. */
  isRefused?(err: unknown): boolean;
  /** Called with the ids of a batch refused as invalid (their stored state, if any, must be asked for). */
  onRefused?(ids: string[]): void;
  onFatal?(err: unknown): void;
  debounceMs?: number;
  backoffMs?: readonly number[];
  signal?: AbortSignal;
}

export interface Reporter {
  add(conversation: ObservedConversation): void;
  /** Sends everything queued now; resolves when acknowledged (rejects if the send failed; it stays queued). */
  flush(): Promise<void>;
}

/** Observations waiting that make a burst: sent without waiting out the debounce. */
const BURST = 25;

function mergeMessages(a: ObservedMessage[], b: ObservedMessage[]): ObservedMessage[] {
  const byId = new Map(a.map((m) => [m.id, m]));
  for (const m of b) {
    const old = byId.get(m.id);
    byId.set(
      m.id,
      old ? { ...old, ...m, at: m.at ?? old.at, firstSeenAt: Math.min(old.firstSeenAt, m.firstSeenAt) } : m,
    );
  }
  return [...byId.values()];
}

/** Newer observation wins per field; messages are the union. Exported for the tracker. */
export function mergeConversation(older: ObservedConversation, newer: ObservedConversation): ObservedConversation {
  return {
    ...older,
    ...newer,
    customer: { ...older.customer, ...stripEmpty(newer.customer) },
    url: older.url || newer.url,
    messages: mergeMessages(older.messages, newer.messages),
  };
}

function stripEmpty(c: ObservedConversation['customer']): ObservedConversation['customer'] {
  const out: ObservedConversation['customer'] = {};
  if (c.handle) out.handle = c.handle;
  if (c.name) out.name = c.name;
  return out;
}

export function createReporter<R>(opts: ReporterOptions<R>): Reporter {
  const debounceMs = opts.debounceMs ?? 250;
  const backoff = opts.backoffMs ?? [1000, 2000, 5000, 10_000, 30_000];
  const queue = new Map<string, ObservedConversation>();
  let inFlight: ObservedConversation[] | null = null;
  // 0: a send at the end of this task (a microtask) is planned.
  let timer: ReturnType<typeof setTimeout> | 0 | null = null;
  let failures = 0;
  let lastSent = -Infinity;
  let dead = false;

  // Over-long page text is clipped by the background when the batch arrives (protocol.ts), for every site at once:
  // the clipping code stays out of every page's content script.
  const enqueue = (c: ObservedConversation): void => {
    const old = queue.get(c.id);
    queue.set(c.id, old ? mergeConversation(old, c) : c);
  };
  // add() runs inside the page's mutation callback, before the badge can show: it only takes note. Merging happens
  // when a batch goes out or comes back.
  const incoming: ObservedConversation[] = [];
  const drain = (): void => {
    for (const c of incoming) enqueue(c);
    incoming.length = 0;
  };

  const fire = (): void => {
    timer = null;
    void flush().catch(() => undefined);
  };
  // Sends in `ms`; sooner plans win. `ms` 0 sends at the end of the task that asked (a microtask), not in a task of
  // its own: after a burst of DOM changes the page renders next, and a task queued behind that frame would start the
  // background's work (tens of ms for a few dozen new conversations) just when the page's next burst comes — on a
  // machine with two cores, the two then compete for them.
  const schedule = (ms: number): void => {
    if (dead || timer === 0 || (timer !== null && ms)) return;
    if (timer !== null) clearTimeout(timer);
    if (ms) timer = setTimeout(fire, ms);
    else {
      timer = 0;
      queueMicrotask(fire);
    }
  };
  /** Now when the debounce since the last send has passed or a burst waits, else once it passes. */
  const plan = (): void => {
    const wait = lastSent + debounceMs - performance.now();
    schedule(incoming.length + queue.size < BURST && wait > 0 ? wait : 0);
  };

  async function flush(): Promise<void> {
    drain();
    if (dead || inFlight || queue.size === 0) return;
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    // A monotonic clock: a wall clock set back must not hold a batch for as long as it went back.
    lastSent = performance.now();
    const batch = [...queue.values()].slice(0, MAX_BATCH);
    for (const c of batch) queue.delete(c.id);
    inFlight = batch;
    try {
      const reply = await opts.send(batch);
      inFlight = null;
      drain(); // what was observed meanwhile: it decides whether another batch follows
      failures = 0;
      opts.onAck?.(batch.map((c) => c.id), reply);
      if (queue.size > 0) plan();
    } catch (err) {
      inFlight = null;
      drain();
      if (opts.isRefused?.(err)) {
        failures = 0; // the background answered: it is up, and what is queued may go as usual
        opts.onRefused?.(batch.map((c) => c.id));
        if (queue.size > 0) plan();
        throw err;
      }
      // Put the batch back underneath anything observed meanwhile (newer data wins).
      for (const c of batch) {
        const newer = queue.get(c.id);
        queue.set(c.id, newer ? mergeConversation(c, newer) : c);
      }
      if (opts.isFatal?.(err)) {
        dead = true;
        opts.onFatal?.(err);
      } else {
        schedule(backoff[Math.min(failures, backoff.length - 1)] ?? 30_000);
        failures++;
      }
      throw err;
    }
  }

  opts.signal?.addEventListener(
    'abort',
    () => {
      dead = true;
      if (timer !== null) clearTimeout(timer);
    },
    { once: true },
  );

  return {
    add(c) {
      if (dead) return;
      incoming.push(c);
      // Leading edge: the first observation after a quiet spell goes out at the end of this task (with whatever the
      // same mutation batch adds), so a tab closed half a second after opening still had its conversations stored;
      // later ones within the debounce window wait and travel together, unless they make a burst (a timeline
      // scrolling): a burst goes at once, so the background's work on each is small and done before the next.
      if (!inFlight && failures === 0) plan();
    },
    flush,
  };
}
