import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesced } from '../../../src/background/coalesce.ts';

describe('coalesced refresh', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once after a burst goes quiet', async () => {
    const job = vi.fn(async () => undefined);
    const request = coalesced(job, { quietMs: 500, maxWaitMs: 5000 });
    for (let i = 0; i < 10; i++) {
      request();
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(job).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(job).toHaveBeenCalledTimes(1);
  });

  it('runs at least every maxWaitMs while a burst lasts', async () => {
    const job = vi.fn(async () => undefined);
    const request = coalesced(job, { quietMs: 500, maxWaitMs: 2000 });
    for (let i = 0; i < 50; i++) {
      request();
      await vi.advanceTimersByTimeAsync(100);
    }
    // 5 s of requests every 100 ms: a run at 2 s and at 4 s (each measured from the first request left waiting).
    expect(job).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(500);
    expect(job).toHaveBeenCalledTimes(3);
  });

  it('never overlaps runs, and a request during a run gets a run after it', async () => {
    let active = 0;
    let maxActive = 0;
    const job = vi.fn(async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 1000));
      active--;
    });
    const request = coalesced(job, { quietMs: 100, maxWaitMs: 1000 });
    request();
    await vi.advanceTimersByTimeAsync(150); // running now
    request();
    request();
    await vi.advanceTimersByTimeAsync(1000); // first run ends; the follow-up is scheduled
    await vi.advanceTimersByTimeAsync(1200);
    expect(job).toHaveBeenCalledTimes(2);
    expect(maxActive).toBe(1);
  });

  it('keeps running after a failed run', async () => {
    const errors: unknown[] = [];
    const job = vi.fn(async () => {
      throw new Error('boom');
    });
    const request = coalesced(job, { quietMs: 10, maxWaitMs: 100, onError: (e) => errors.push(e) });
    request();
    await vi.advanceTimersByTimeAsync(20);
    request();
    await vi.advanceTimersByTimeAsync(20);
    expect(job).toHaveBeenCalledTimes(2);
    expect(errors).toHaveLength(2);
  });
});
