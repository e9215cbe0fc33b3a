import { describe, expect, it } from 'vitest';
import { applyFilter, breachList, daysBetween, dominantZone, frtHistogram } from '../../../src/reports/aggregate.ts';
import { groupRows, perDayMetrics, reportMetrics } from '../../../src/reports/metrics.ts';
import type { ConversationRecord, EventRecord, PolicyVersion } from '../../../src/shared/records.ts';

const H = 3_600_000;
// Mon 10 Mar 2025 00:00 UTC (= 01:00 in Amsterdam, CET).
const MON = Date.UTC(2025, 2, 10);

function rec(id: string, over: Partial<ConversationRecord> = {}): ConversationRecord {
  const first = over.firstCustomerAt ?? MON + 9 * H;
  return {
    id,
    platform: 'x',
    channel: 'public',
    url: `https://x.com/a/status/${id}`,
    customer: { handle: `@${id}` },
    messages: [],
    pauses: [],
    excluded: false,
    assignee: null,
    status: 'answered',
    policyId: 'social',
    versionKey: 'v1',
    firstCustomerAt: first,
    lastCustomerAt: first,
    lastBrandAt: null,
    clockState: 'answered',
    dueAt: null,
    firstResponseAt: null,
    firstResponseMinutes: null,
    withinTarget: null,
    createdAt: first,
    updatedAt: first,
    day: '2025-03-10',
    ...over,
  };
}
const cust = (at: number) => ({ id: `c${at}`, role: 'customer' as const, at, siteAt: at, firstSeenAt: at, precisionMs: 0 });
const brand = (at: number, author?: string) => ({ id: `b${at}`, role: 'brand' as const, at, siteAt: at, firstSeenAt: at, precisionMs: 0, author });
/** Answered after `minutes` of calendar time under the 60-minute calendar policy 'cal'. */
const answered = (id: string, minutes: number, target = 60, over: Partial<ConversationRecord> = {}): ConversationRecord => {
  const first = over.firstCustomerAt ?? MON + 9 * H;
  return rec(id, {
    versionKey: 'cal',
    messages: [cust(first), brand(first + minutes * 60_000)],
    firstResponseAt: first + minutes * 60_000,
    firstResponseMinutes: minutes,
    withinTarget: minutes <= target,
    ...over,
  });
};

const versions = new Map<string, PolicyVersion>([
  [
    'v1',
    {
      key: 'v1',
      createdAt: 0,
      policy: { id: 'social', schedule: 'office', match: {}, firstResponseMinutes: 60 },
      schedule: { id: 'office', timeZone: 'Europe/Amsterdam', week: {} },
    },
  ],
  ['cal', { key: 'cal', createdAt: 0, policy: { id: 'social', schedule: null, match: {}, firstResponseMinutes: 60 }, schedule: null }],
]);

describe('first-response histogram', () => {
  it('puts each answered conversation in exactly one bucket, boundaries going up', () => {
    const rs = [answered('a', 0), answered('b', 14.9), answered('c', 15), answered('d', 59), answered('e', 60), answered('f', 239), answered('g', 240), answered('h', 1439), answered('i', 1440), answered('j', 5000), rec('open')];
    expect(frtHistogram(rs).map((b) => b.count)).toEqual([2, 2, 2, 2, 2]);
  });
});

describe('volume heatmap', () => {
  it('counts conversations by weekday (Monday first) and hour in the schedule’s zone', () => {
    const at = (id: string, t: number): ConversationRecord => answered(id, 5, 60, { firstCustomerAt: t });
    const rs = [
      at('a', MON + 8 * H), // Mon 09:00 Amsterdam
      at('b', MON + 8 * H + 30 * 60_000), // Mon 09:30
      at('c', MON + 6 * 24 * H + 22 * H + 30 * 60_000), // Sun 16 Mar 22:30 UTC = Sun 23:30 Amsterdam
      at('d', MON + 6 * 24 * H + 23 * H + 30 * 60_000), // Sun 23:30 UTC = Mon 17 Mar 00:30 Amsterdam
    ];
    const grid = reportMetrics(rs, versions, MON + 30 * 24 * H, 'Europe/Amsterdam').heatmap.cells;
    expect(grid).toHaveLength(7);
    expect(grid[0]![9]).toBe(2);
    expect(grid[6]![23]).toBe(1);
    expect(grid[0]![0]).toBe(1);
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(4);
    // Same data in UTC lands an hour earlier, the last one on Sunday.
    const utc = reportMetrics(rs, versions, MON + 30 * 24 * H, 'UTC').heatmap.cells;
    expect(utc[0]![8]).toBe(2);
    expect(utc[6]![22]).toBe(1);
    expect(utc[6]![23]).toBe(1);
  });
});

describe('overview figures (computeMetrics on stored records)', () => {
  it('computes volume, within-target share over judged conversations, breaches, median and p90', () => {
    // FRTs 10, 20, 30, 90 (late) + one unanswered breached + one still-open in time.
    const rs = [
      answered('a', 10),
      answered('b', 20),
      answered('c', 30),
      answered('d', 90),
      // unanswered for 2 h by "now" (11:00): past its 60-minute target
      rec('e', { versionKey: 'cal', messages: [cust(MON + 9 * H)], clockState: 'breached', status: 'open', dueAt: MON + 10 * H }),
      // unanswered for 10 min by "now": still in time, no verdict yet
      rec('f', { versionKey: 'cal', messages: [cust(MON + 10 * H + 50 * 60_000)], firstCustomerAt: MON + 10 * H + 50 * 60_000, clockState: 'ok', status: 'open' }),
    ];
    const [row] = groupRows({ all: reportMetrics(rs, versions, MON + 11 * H, 'UTC').overall });
    expect(row).toMatchObject({ volume: 6, answered: 4, judged: 5, within: 3, breached: 2, frtMedian: 25, frtP90: 90 });
    expect(row!.withinShare).toBeCloseTo(3 / 5);
  });
});

describe('filters, groups and days', () => {
  const rs = [
    answered('a', 10, 60, { platform: 'x', assignee: 'Ann', day: '2025-03-10' }),
    answered('b', 100, 60, { platform: 'facebook', channel: 'dm', day: '2025-03-11', firstCustomerAt: MON + 33 * H, messages: [cust(MON + 33 * H), brand(MON + 33 * H + 100 * 60_000, 'Bo')] }),
    answered('c', 20, 60, { platform: 'x', day: '2025-03-11', firstCustomerAt: MON + 34 * H }),
  ];
  it('filters by range, platform, channel and who handled it', () => {
    expect(applyFilter(rs, { from: MON, to: MON + 24 * H }).map((r) => r.id)).toEqual(['a']);
    expect(applyFilter(rs, { from: 0, to: Infinity, platform: 'x' }).map((r) => r.id)).toEqual(['a', 'c']);
    expect(applyFilter(rs, { from: 0, to: Infinity, channel: 'dm' }).map((r) => r.id)).toEqual(['b']);
    expect(applyFilter(rs, { from: 0, to: Infinity, agent: 'Bo' }).map((r) => r.id)).toEqual(['b']);
  });
  it('groups per platform, biggest first', () => {
    const g = groupRows(reportMetrics(rs, versions, MON + 30 * 24 * H, 'UTC').byPlatform);
    expect(g.map((r) => [r.key, r.volume, r.withinShare])).toEqual([
      ['x', 2, 1],
      ['facebook', 1, 0],
    ]);
  });
  it('gives every day of the range a point, empty days without a share', () => {
    const days = daysBetween(MON, MON + 3 * 24 * H, 'UTC');
    expect(days).toEqual(['2025-03-10', '2025-03-11', '2025-03-12']);
    expect(perDayMetrics(rs, versions, days, MON + 30 * 24 * H)).toEqual([
      { day: '2025-03-10', volume: 1, withinShare: 1 },
      { day: '2025-03-11', volume: 2, withinShare: 0.5 },
      { day: '2025-03-12', volume: 0, withinShare: null },
    ]);
  });
  it('uses the zone most conversations were measured in', () => {
    expect(dominantZone([...rs, rec('z1'), rec('z2')], versions, 'UTC')).toBe('Europe/Amsterdam');
    expect(dominantZone(rs, versions, 'UTC')).toBe('UTC'); // calendar-time policies have no zone
    expect(dominantZone([], versions, 'UTC')).toBe('UTC');
  });
});

describe('breach list', () => {
  it('says how late each breach was, who handled it and what happened, latest first', () => {
    const rs = [
      answered('late', 90, 60, { assignee: 'Ann' }),
      answered('fine', 30),
      rec('open', { clockState: 'breached', status: 'open', dueAt: MON + 10 * H }),
    ];
    const events: EventRecord[] = [
      { at: MON + 9.5 * H, type: 'assigned', conversationId: 'late', agent: 'Ann' },
      { at: MON + 9.2 * H, type: 'snoozed', conversationId: 'late', agent: 'Bo' },
      { at: MON + 9.2 * H, type: 'message-added', conversationId: 'late', agent: null },
    ];
    const list = breachList(rs, versions, events, MON + 12 * H);
    expect(list.map((b) => [b.id, b.lateMinutes, b.answered, b.handledBy])).toEqual([
      ['open', 120, false, null],
      ['late', 30, true, 'Ann'],
    ]);
    expect(list[1]!.targetMinutes).toBe(60);
    expect(list[1]!.history.map((h) => h.type)).toEqual(['snoozed', 'assigned']);
  });
});
