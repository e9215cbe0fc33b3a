// @vitest-environment happy-dom
// Badges on a long scroll: a virtualised timeline detaches tweets (and their badges) by the thousand. The tracker
// must let detached badges go (each would keep its whole removed cell alive for the life of the page visit), and a
// visit that ends must take its badges away, without a list of every badge swept inside the mutation callback.
import { describe, expect, it, vi } from 'vitest';
import type { ConversationSnapshot, ObservedConversation } from '../../../src/shared/protocol.ts';
import { hourPolicyConfig } from './team-config.ts';

vi.mock('../../../src/content/api.ts', () => import('./fake-browser.ts'));
const { createTracker } = await import('../../../src/content/tracker.ts');
const { createWindowClocks } = await import('../../../src/content/clocks.ts');

const config = hourPolicyConfig({ id: 'social', name: 'Social' });
const NOW = Date.parse('2026-11-23T12:00:00Z');
const conv = (i: number): ObservedConversation => ({
  id: `x:${i}`,
  platform: 'x',
  channel: 'public',
  url: `https://x.com/c/status/${i}`,
  customer: { handle: 'c' },
  messages: [{ id: `x:${i}`, role: 'customer', at: NOW - 60_000, firstSeenAt: NOW, precisionMs: 0 }],
});

function setup(add: (c: ObservedConversation) => void = () => undefined) {
  const watched = new Set<Element>();
  const tracker = createTracker({
    reporter: { add, flush: async () => undefined },
    lookup: async () => [],
    act: async () => null,
    config: () => config,
    clocks: createWindowClocks(),
    ticker: { watch: (el) => watched.add(el), unwatch: (el) => watched.delete(el), visible: () => new Set() },
    lang: 'en',
    now: () => NOW,
  });
  /** A tweet cell in the document with its badge placed. */
  const cell = (i: number, visit: AbortSignal): HTMLElement => {
    const div = document.createElement('div');
    const time = document.createElement('a');
    div.append(time);
    document.body.append(div);
    tracker.track(conv(i), { parent: div, after: time, messageId: `x:${i}` }, visit);
    return div;
  };
  return { tracker, watched, cell };
}

describe('tracker: badges of a long scroll', () => {
  it('lets detached badges go every 1,024 new badges, in a task of its own, and keeps the mounted ones', async () => {
    vi.useFakeTimers();
    try {
      document.body.replaceChildren();
      const { watched, cell } = setup();
      const visit = new AbortController().signal;
      for (let i = 0; i < 1023; i++) cell(i, visit).remove(); // scrolled away: the cell leaves the DOM
      const mounted = cell(1023, visit); // the 1,024th badge
      expect(watched.size).toBe(1024); // nothing swept inside the mutation callback
      await vi.advanceTimersByTimeAsync(0);
      expect([...watched]).toEqual([mounted.querySelector('replyclock-badge')]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a conversation once its badge is placed, and even when placing it fails', () => {
    document.body.replaceChildren();
    const seen: [string, number][] = [];
    const { tracker, cell } = setup((c) => seen.push([c.id, document.querySelectorAll('replyclock-badge').length]));
    const visit = new AbortController().signal;
    cell(1, visit);
    expect(seen).toEqual([['x:1', 1]]); // the badge was in the page when the report was taken
    const parent = document.createElement('div');
    const after = document.createElement('a');
    parent.append(after);
    parent.insertBefore = () => {
      throw new Error('a page that broke insertBefore');
    };
    expect(() => tracker.track(conv(2), { parent, after, messageId: 'x:2' }, visit)).toThrow('insertBefore');
    expect(seen.map(([id]) => id)).toEqual(['x:1', 'x:2']); // no badge, but the observation is not lost
  });

  it('takes a visit’s badges away when the visit ends, and leaves the next visit’s alone', () => {
    document.body.replaceChildren();
    const { cell } = setup();
    const first = new AbortController();
    const second = new AbortController();
    cell(1, first.signal);
    cell(2, first.signal);
    const next = cell(3, second.signal);
    expect(document.querySelectorAll('replyclock-badge')).toHaveLength(3);
    first.abort();
    expect([...document.querySelectorAll('replyclock-badge')]).toEqual([next.querySelector('replyclock-badge')]);
  });

  it('a snapshot of a thread under its own id also reaches the follow-up this page tracks apart', () => {
    document.body.replaceChildren();
    const { tracker, cell } = setup();
    const visit = new AbortController().signal;
    const thread = cell(1, visit).querySelector('replyclock-badge')!;
    const follow = cell(2, visit).querySelector('replyclock-badge')!;
    expect([thread, follow].map((b) => b.getAttribute('data-state'))).toEqual(['ok', 'ok']);
    const snap = (extra: Partial<ConversationSnapshot>): ConversationSnapshot => ({
      ...conv(1),
      messages: [
        { id: 'x:1', role: 'customer', at: NOW - 120_000, precisionMs: 0 },
        { id: 'x:2', role: 'customer', at: NOW - 60_000, precisionMs: 0 },
      ],
      pauses: [],
      excluded: false,
      assignee: null,
      policyId: 'social',
      policy: config.policies[0]!,
      schedule: null,
      clock: null,
      computedAt: NOW,
      ...extra,
    });
    // Looked up (or reported) as x:2 once: the background answered with the thread that holds it.
    tracker.applySnapshots([snap({ requestedId: 'x:2' })]);
    // Later the thread's own report is answered under its own id: an agent marked it "no reply needed".
    tracker.applySnapshots([snap({ excluded: true })]);
    expect([thread, follow].map((b) => b.getAttribute('data-state'))).toEqual(['answered', 'answered']);
  });
});
