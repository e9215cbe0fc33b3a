// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTicker } from '../../../src/content/ticker.ts';

function fakeIO() {
  let cb: (e: { target: Element; isIntersecting: boolean }[]) => void = () => undefined;
  return {
    factory: (f: typeof cb) => {
      cb = f;
      return { observe: () => undefined, unobserve: () => undefined, disconnect: () => undefined };
    },
    show: (el: Element, on = true) => cb([{ target: el, isIntersecting: on }]),
  };
}
function setHidden(hidden: boolean): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('shared ticker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    setHidden(false);
    vi.useRealTimers();
  });

  it('updates only visible badges, at most once a second', () => {
    const io = fakeIO();
    const tick = vi.fn();
    const c = new AbortController();
    const t = createTicker({ tick, signal: c.signal, makeObserver: io.factory });
    const a = document.body.appendChild(document.createElement('b'));
    const b = document.body.appendChild(document.createElement('b'));
    t.watch(a);
    t.watch(b);
    io.show(a);
    vi.advanceTimersByTime(999);
    expect(tick).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(tick).toHaveBeenCalledTimes(1);
    expect(tick.mock.calls[0]![0]).toEqual([a]);
    c.abort();
  });

  it('does nothing while the tab is hidden and catches up when it is shown', () => {
    const io = fakeIO();
    const tick = vi.fn();
    const c = new AbortController();
    const t = createTicker({ tick, signal: c.signal, makeObserver: io.factory });
    const a = document.body.appendChild(document.createElement('b'));
    t.watch(a);
    io.show(a);
    setHidden(true);
    vi.advanceTimersByTime(10_000);
    expect(tick).not.toHaveBeenCalled();
    setHidden(false);
    expect(tick).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(tick).toHaveBeenCalledTimes(2);
    c.abort();
  });

  it('drops badges that left the page', () => {
    const io = fakeIO();
    const tick = vi.fn();
    const c = new AbortController();
    const t = createTicker({ tick, signal: c.signal, makeObserver: io.factory });
    const a = document.body.appendChild(document.createElement('b'));
    t.watch(a);
    io.show(a);
    a.remove();
    vi.advanceTimersByTime(3000);
    expect(tick).not.toHaveBeenCalled();
    expect(t.visible().size).toBe(0);
    c.abort();
  });
});
