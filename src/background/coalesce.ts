// Refreshes that follow writes (toolbar badge, the popup's cached summary) read the conversations store. Run after
// every ingest batch they took turns with ingest for IndexedDB: in a burst of 20 batches (bench/ingest.ts) they
// ran 16 times and the batches' reads waited ~3 s on them in total. Coalesced, a burst costs one run at its end
// (or one every `maxWaitMs` while it lasts, so what the user sees is never older than that).

export interface CoalesceOptions {
  /** Run once no request came for this long. */
  quietMs: number;
  /** ...but no later than this after the first request waiting. */
  maxWaitMs: number;
  /** Where a failed run goes (a refresh failing must not stop later ones). */
  onError?: (err: unknown) => void;
}

/** Returns `request()`: asks for one run of `job`. Runs never overlap; a request during a run asks for one more after it. */
export function coalesced(job: () => Promise<void>, { quietMs, maxWaitMs, onError }: CoalesceOptions): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstAt = 0;
  let running = false;
  let again = false;

  const fire = async (): Promise<void> => {
    timer = null;
    running = true;
    try {
      await job();
    } catch (err) {
      onError?.(err);
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      request();
    }
  };

  function request(): void {
    if (running) {
      again = true;
      return;
    }
    const now = Date.now();
    if (timer === null) firstAt = now;
    else clearTimeout(timer);
    timer = setTimeout(() => void fire(), Math.max(0, Math.min(quietMs, firstAt + maxWaitMs - now)));
  }
  return request;
}
