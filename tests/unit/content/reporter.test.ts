import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReporter } from '../../../src/content/reporter.ts';
import type { ObservedConversation } from '../../../src/shared/protocol.ts';

const conv = (id: string, msgId = `${id}-m1`, at: number | null = 1000): ObservedConversation => ({
  id,
  platform: 'x',
  channel: 'public',
  url: 'https://x.com/a/status/1',
  customer: { handle: 'a' },
  messages: [{ id: msgId, role: 'customer', at, firstSeenAt: 5000, precisionMs: 0 }],
});

describe('reporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces observations into one batch, merging messages of the same conversation', async () => {
    const send = vi.fn(async (_batch: ObservedConversation[]) => undefined);
    const r = createReporter({ send, debounceMs: 250 });
    r.add(conv('x:1'));
    r.add(conv('x:1', 'x:1-m2'));
    r.add(conv('x:2'));
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(250);
    expect(send).toHaveBeenCalledTimes(1);
    const batch = send.mock.calls[0]![0] as ObservedConversation[];
    expect(batch.map((c) => c.id)).toEqual(['x:1', 'x:2']);
    expect(batch[0]!.messages.map((m) => m.id)).toEqual(['x:1-m1', 'x:1-m2']);
    await r.flush(); // nothing left queued: no second send
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends what was observed while a batch was on its way, once that batch is acknowledged', async () => {
    let release!: () => void;
    const send = vi.fn((_batch: ObservedConversation[]) => new Promise<void>((res) => (release = res)));
    const r = createReporter({ send, debounceMs: 250 });
    r.add(conv('x:1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(1);
    r.add(conv('x:2')); // arrives while x:1 is in flight; nothing else is observed afterwards
    release();
    await vi.advanceTimersByTimeAsync(250);
    expect(send).toHaveBeenCalledTimes(2);
    expect((send.mock.calls[1]![0] as ObservedConversation[]).map((c) => c.id)).toEqual(['x:2']);
  });

  it('sends the first observation after a quiet spell at once, and debounces the ones that follow', async () => {
    const send = vi.fn(async (_batch: ObservedConversation[]) => undefined);
    const r = createReporter({ send, debounceMs: 250 });
    r.add(conv('x:1'));
    r.add(conv('x:2')); // same task: travels with it
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(1);
    expect((send.mock.calls[0]![0] as ObservedConversation[]).map((c) => c.id)).toEqual(['x:1', 'x:2']);
    await vi.advanceTimersByTimeAsync(50);
    r.add(conv('x:3'));
    await vi.advanceTimersByTimeAsync(100);
    expect(send).toHaveBeenCalledTimes(1); // within the window: waits
    await vi.advanceTimersByTimeAsync(250);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000);
    r.add(conv('x:4')); // quiet again: at once
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('sends a batch that is due at the end of the task that observed it, not in a later task', async () => {
    const send = vi.fn(async (_batch: ObservedConversation[]) => undefined);
    const r = createReporter({ send, debounceMs: 250 });
    r.add(conv('x:1'));
    expect(send).not.toHaveBeenCalled(); // still the page's mutation callback
    await Promise.resolve(); // the same task's microtasks only: no timer has run
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends a burst without waiting out the debounce, and a burst replaces a trickle waiting for it', async () => {
    const send = vi.fn(async (_batch: ObservedConversation[]) => undefined);
    const r = createReporter({ send, debounceMs: 250 });
    const ids = (call: number): string[] => (send.mock.calls[call]![0] as ObservedConversation[]).map((c) => c.id);
    r.add(conv('x:0'));
    await vi.advanceTimersByTimeAsync(50);
    expect(send).toHaveBeenCalledTimes(1);
    r.add(conv('x:1')); // a trickle within the debounce: waits
    await vi.advanceTimersByTimeAsync(10);
    expect(send).toHaveBeenCalledTimes(1);
    for (let i = 2; i < 26; i++) r.add(conv(`x:${i}`)); // 25 waiting: a burst (a timeline scrolling)
    await Promise.resolve();
    expect(send).toHaveBeenCalledTimes(2);
    expect(ids(1)).toHaveLength(25);
    expect(ids(1)[0]).toBe('x:1');
    for (let i = 26; i < 30; i++) r.add(conv(`x:${i}`)); // a trickle again: the debounce since the burst applies
    await vi.advanceTimersByTimeAsync(249);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(3);
    expect(ids(2)).toEqual(['x:26', 'x:27', 'x:28', 'x:29']);
  });

  it('sends a burst observed while a batch was on its way as soon as that batch is acknowledged', async () => {
    let release!: () => void;
    const send = vi.fn((_batch: ObservedConversation[]) => new Promise<void>((res) => (release = res)));
    const r = createReporter({ send, debounceMs: 250 });
    r.add(conv('x:0'));
    await Promise.resolve();
    for (let i = 1; i <= 30; i++) r.add(conv(`x:${i}`));
    await vi.advanceTimersByTimeAsync(20);
    expect(send).toHaveBeenCalledTimes(1); // one batch at a time
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1]![0]).toHaveLength(30);
  });

  it('keeps a failed batch and retries with backoff until the background acknowledges it', async () => {
    let up = false;
    const send = vi.fn(async (_batch: ObservedConversation[]) => {
      if (!up) throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const acked: string[][] = [];
    const r = createReporter({ send, debounceMs: 250, backoffMs: [1000, 5000], onAck: (ids) => acked.push(ids) });
    r.add(conv('x:1'));
    await vi.advanceTimersByTimeAsync(250);
    expect(send).toHaveBeenCalledTimes(1);
    r.add(conv('x:2')); // observed while the service worker is down
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(2);
    up = true;
    await vi.advanceTimersByTimeAsync(5000);
    expect(send).toHaveBeenCalledTimes(3);
    expect((send.mock.calls[2]![0] as ObservedConversation[]).map((c) => c.id).sort()).toEqual(['x:1', 'x:2']);
    expect(acked).toEqual([['x:1', 'x:2']]);
    await r.flush();
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('drops a batch the background refused as invalid instead of retrying it forever, and sends later ones', async () => {
    let calls = 0;
    const send = vi.fn(async (_batch: ObservedConversation[]) => {
      calls++;
      if (calls === 1) throw new Error('content:observed: conversations.0.url: must be an http(s) address');
    });
    const refused: string[][] = [];
    const r = createReporter({ send, debounceMs: 10, backoffMs: [1000], isRefused: (e) => String(e).includes('conversations.0'), onRefused: (ids) => refused.push(ids) });
    r.add(conv('x:1'));
    await vi.advanceTimersByTimeAsync(10);
    expect(refused).toEqual([['x:1']]); // no answer carried their stored state: the runtime asks for it
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(1);
    r.add(conv('x:2'));
    await vi.advanceTimersByTimeAsync(10);
    expect(send).toHaveBeenCalledTimes(2);
    expect((send.mock.calls[1]![0] as ObservedConversation[]).map((c) => c.id)).toEqual(['x:2']);
  });

  it('after a refused retry, sends new observations as usual (the background answered, so it is up)', async () => {
    let calls = 0;
    const send = vi.fn(async (_batch: ObservedConversation[]) => {
      calls++;
      if (calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      if (calls === 2) throw new Error('content:observed: conversations.0.url: must be an http(s) address');
    });
    const r = createReporter({ send, debounceMs: 10, backoffMs: [1000], isRefused: (e) => String(e).includes('conversations.0') });
    r.add(conv('x:1'));
    await vi.advanceTimersByTimeAsync(0); // the worker is down
    await vi.advanceTimersByTimeAsync(1000); // the retry is refused
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(100);
    r.add(conv('x:2'));
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(3);
    expect((send.mock.calls[2]![0] as ObservedConversation[]).map((c) => c.id)).toEqual(['x:2']);
  });

  it('does not hold a trickle for as long as the wall clock was set back', async () => {
    const send = vi.fn(async (_batch: ObservedConversation[]) => undefined);
    const r = createReporter({ send, debounceMs: 250 });
    r.add(conv('x:1'));
    await vi.advanceTimersByTimeAsync(10);
    vi.setSystemTime(Date.now() - 3_600_000); // the system clock goes back an hour
    r.add(conv('x:2'));
    await vi.advanceTimersByTimeAsync(250);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('gives up only when the extension context is gone', async () => {
    const send = vi.fn(async (_batch: ObservedConversation[]) => {
      throw new Error('Extension context invalidated.');
    });
    const onFatal = vi.fn();
    const r = createReporter({ send, isFatal: () => true, onFatal });
    r.add(conv('x:1'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(1);
    expect(onFatal).toHaveBeenCalledTimes(1);
  });

  it('flush() sends at once', async () => {
    const send = vi.fn(async (_batch: ObservedConversation[]) => undefined);
    const r = createReporter({ send });
    r.add(conv('x:9'));
    await r.flush();
    expect(send).toHaveBeenCalledTimes(1);
  });
});
