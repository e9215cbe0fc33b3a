// @vitest-environment happy-dom
// Content scripts count business time from the hours windows the background sends (no engine in the page).
// Their badges must read exactly what the background's engine reads, pause outside opening hours, use a
// snapshot's frozen schedule when it brought its own window, and say "unknown" rather than guess without one.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { OpeningHours, Policy, TeamConfig } from '../../../src/core/types.ts';
import type { ConversationSnapshot, ObservedConversation } from '../../../src/shared/protocol.ts';

vi.mock('../../../src/content/api.ts', () => import('./fake-browser.ts'));
const { createTracker } = await import('../../../src/content/tracker.ts');
const { tomorrowOpening } = await import('../../../src/content/badge-menu.ts');
const { createWindowClocks } = await import('../../../src/content/clocks.ts');
const { configWindows, hoursWindow } = await import('../../../src/background/hours-windows.ts');
const { currentClock } = await import('../../../src/core/clock.ts');
const { timelineFor } = await import('../../../src/core/hours/engine.ts');
const { windowTimeline } = await import('../../../src/core/hours/window.ts');
const { formatWhen } = await import('../../../src/content/format.ts');

const MIN = 60_000;
const office: OpeningHours = {
  id: 'office',
  timeZone: 'Europe/Amsterdam',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
  holidays: ['2026-12-25'],
};
const policy: Policy = { id: 'social', name: 'Social', schedule: 'office', match: {}, firstResponseMinutes: 60, nextResponseMinutes: 60 };
const config: TeamConfig = { version: 1, schedules: [office], policies: [policy], brands: { x: ['AcmeSupport'] }, sites: [] };

// Friday 27 March 2026, 16:30 in Amsterdam (CET, the DST change is on Sunday 29 March).
const FRI_1630 = Date.parse('2026-03-27T15:30:00Z');
const conv = (at: number): ObservedConversation => ({
  id: 'x:1',
  platform: 'x',
  channel: 'public',
  url: 'https://x.com/c/status/1',
  customer: { handle: 'c' },
  messages: [{ id: 'x:1', role: 'customer', at, firstSeenAt: at, precisionMs: 0 }],
});

function tracker(now: number, windows = configWindows(config, now)) {
  const clocks = createWindowClocks();
  clocks.setConfigWindows(windows);
  const t = createTracker({
    reporter: { add: () => undefined, flush: async () => undefined },
    lookup: async () => [],
    act: async () => null,
    config: () => config,
    clocks,
    ticker: { watch: () => undefined, unwatch: () => undefined, visible: () => new Set() },
    lang: 'en',
    now: () => now,
  });
  t.track(conv(FRI_1630), null, new AbortController().signal);
  return t;
}

describe('badges count business time from the hours window', () => {
  it('a Friday 16:30 message is paused over the weekend with 30 minutes left, resuming Monday 09:00 (after DST)', () => {
    const saturday = Date.parse('2026-03-28T11:00:00Z');
    const view = tracker(saturday).viewFor('x:1', 'x:1', saturday)!;
    expect(view.state).toBe('paused');
    // Monday 09:00 CEST, shown in the agent's own zone (this test's process zone).
    expect(view.text).toContain(formatWhen(Date.parse('2026-03-30T07:00:00Z'), saturday, 'en'));
    // Monday 09:29 CEST: one minute left; 09:31: breached by a minute.
    const t = tracker(saturday);
    expect(t.viewFor('x:1', 'x:1', Date.parse('2026-03-30T07:29:00Z'))!.state).toBe('warning');
    expect(t.viewFor('x:1', 'x:1', Date.parse('2026-03-30T07:31:00Z'))!.state).toBe('breached');
  });

  it('reads what the engine reads, at any instant of the next weeks', () => {
    const t = tracker(FRI_1630);
    const facts = { platform: 'x', channel: 'public' as const, messages: [{ id: 'x:1', role: 'customer' as const, at: FRI_1630 }], pauses: [], excluded: false };
    const clocks = createWindowClocks();
    clocks.setConfigWindows(configWindows(config, FRI_1630));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * 24 * 60 }), (m) => {
        const at = FRI_1630 + m * MIN;
        expect(clocks.currentClock(facts, policy, office, at)).toEqual(currentClock(facts, policy, office, at));
        expect(t.viewFor('x:1', 'x:1', at)!.state).toBe(currentClock(facts, policy, office, at)!.state);
      }),
      { numRuns: 300 },
    );
  });

  it("uses a snapshot's frozen schedule when it brings its own window", () => {
    const saturday = Date.parse('2026-03-28T11:00:00Z');
    const t = tracker(saturday);
    const always: OpeningHours = { id: 'office', timeZone: 'UTC', week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])) };
    const snap: ConversationSnapshot = {
      id: 'x:1',
      platform: 'x',
      channel: 'public',
      url: 'https://x.com/c/status/1',
      customer: { handle: 'c' },
      status: 'open',
      messages: [{ id: 'x:1', role: 'customer', at: FRI_1630 }],
      pauses: [],
      excluded: false,
      policy,
      schedule: always,
      hours: hoursWindow(always, saturday)!,
      clock: null,
      computedAt: saturday,
    } as unknown as ConversationSnapshot;
    t.applySnapshots([snap]);
    // Counted around the clock since Friday 16:30: long overdue, not paused.
    expect(t.viewFor('x:1', 'x:1', saturday)!.state).toBe('breached');
  });

  it('shows "unknown" instead of a guess when no window covers the schedule', () => {
    const saturday = Date.parse('2026-03-28T11:00:00Z');
    const view = tracker(saturday, {}).viewFor('x:1', 'x:1', saturday)!;
    expect(view.state).toBe('unknown');
  });
});

describe('snooze until tomorrow', () => {
  const tl = windowTimeline(hoursWindow(office, FRI_1630)!);
  it("is tomorrow's opening when the schedule is closed at midnight", () => {
    // Thursday 26 March 20:00 local → Friday 09:00 Amsterdam (the process runs in the test's zone: compare instants).
    const thu = Date.parse('2026-03-26T19:00:00Z');
    const got = tomorrowOpening(tl, thu);
    const midnight = new Date(thu);
    midnight.setHours(24, 0, 0, 0);
    expect(got).toBe(timelineFor(office).nextChange(midnight.getTime())!.at);
    expect(got).toBeGreaterThan(midnight.getTime());
  });
});

describe('a follow-up the background merged into its thread', () => {
  it('counts the next-response clock of the thread that absorbed it', () => {
    const at = FRI_1630;
    const t = tracker(at);
    const follow: ObservedConversation = { ...conv(at), id: 'x:2', messages: [{ id: 'x:2', role: 'customer', at, firstSeenAt: at, precisionMs: 0 }] };
    t.track(follow, null, new AbortController().signal);
    expect(t.viewFor('x:2', 'x:2', at + MIN)!.tip().join(' ')).toContain('First response within');
    const calendar = { ...policy, schedule: null };
    t.applySnapshots([
      {
        id: 'x:1',
        requestedId: 'x:2',
        platform: 'x',
        channel: 'public',
        url: 'https://x.com/c/status/1',
        customer: { handle: 'c' },
        status: 'open',
        messages: [
          { id: 'x:1', role: 'customer', at: at - 60 * MIN, precisionMs: 0 },
          { id: 'x:1b', role: 'brand', at: at - 30 * MIN, precisionMs: 0 },
          { id: 'x:2', role: 'customer', at, precisionMs: 0 },
        ],
        pauses: [],
        excluded: false,
        policy: calendar,
        schedule: null,
        clock: null,
        computedAt: at,
      } as unknown as ConversationSnapshot,
    ]);
    const view = t.viewFor('x:2', 'x:2', at + 10 * MIN)!;
    expect(view.tip().join(' ')).toContain('Next response within');
    expect(view.state).toBe('ok');
  });
});

