import { describe, expect, it } from 'vitest';
import {
  computeMetrics,
  median,
  NO_POLICY_KEY,
  percentile,
  rateMinutes,
  UNASSIGNED_KEY,
} from '../../../src/core/metrics/index.ts';
import type { MetricsConversation } from '../../../src/core/metrics/index.ts';
import { DEFAULT_RATINGS } from '../../../src/core/config/defaults.ts';
import type { Channel, Message, OpeningHours, Policy } from '../../../src/core/types.ts';

const MIN = 60_000;
const t = (iso: string) => Date.parse(iso);

describe('percentile (nearest rank) and median', () => {
  it('follows the nearest-rank definition', () => {
    const s = [15, 20, 35, 40, 50];
    expect(percentile(s, 30)).toBe(20); // rank ceil(1.5) = 2
    expect(percentile(s, 40)).toBe(20); // rank 2
    expect(percentile(s, 50)).toBe(35); // rank ceil(2.5) = 3
    expect(percentile(s, 100)).toBe(50);
    expect(percentile(s, 0)).toBe(15);
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(ten, 90)).toBe(9); // rank 9 exactly, not rounded up to 10
    expect(percentile(ten, 70)).toBe(7);
    expect(percentile(ten, 91)).toBe(10);
    expect(percentile([], 90)).toBeNull();
  });
  it('median averages the two middle values of an even count', () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([1, 2, 9])).toBe(2);
    expect(median([])).toBeNull();
  });
});

describe('rating levels', () => {
  it('takes the first level whose limit the time is under', () => {
    const social = DEFAULT_RATINGS.social; // 15 / 240 / 1440 / 4320
    expect(rateMinutes(14.9, social)).toBe('stellar');
    expect(rateMinutes(15, social)).toBe('aboveAverage'); // at the limit is not under it
    expect(rateMinutes(1439, social)).toBe('average');
    expect(rateMinutes(4319, social)).toBe('belowAverage');
    expect(rateMinutes(4320, social)).toBe('unacceptable');
  });
});

// ---- A hand-made week: Monday 2026-03-09 to Monday 2026-03-16 (period [from, to) ends Tuesday 00:00) ----

const social: Policy = {
  id: 'social',
  schedule: null,
  match: {},
  firstResponseMinutes: 60,
  nextResponseMinutes: 60,
  resolutionMinutes: 1440,
};
const office: OpeningHours = {
  id: 'office',
  timeZone: 'UTC',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]])),
};
const tickets: Policy = { id: 'tickets', schedule: 'office', match: {}, firstResponseMinutes: 240 };

let n = 0;
const c = (
  platform: string,
  channel: Channel,
  policy: Policy | null,
  agent: string | null,
  msgs: [Message['role'], string][],
  extra: Partial<MetricsConversation> = {},
): MetricsConversation => ({
  id: `c${++n}`,
  platform,
  channel,
  policy,
  schedule: policy === tickets ? office : null,
  agent,
  messages: msgs.map(([role, iso], i) => ({ id: `m${n}-${i}`, role, at: t(iso) })),
  ...extra,
});

const conversations: MetricsConversation[] = [
  // c1: FRT 10, resolved after 30 with one reply (one touch).
  c('x', 'public', social, 'ann', [['customer', '2026-03-09T10:00Z'], ['brand', '2026-03-09T10:10Z']], {
    resolvedAt: t('2026-03-09T10:30Z'),
  }),
  // c2: FRT 50 (within); next response 11:00 → 12:10 = 70 (a breach of the 60-min next target); resolved after 240, two replies.
  c('x', 'dm', social, 'bob', [
    ['customer', '2026-03-10T10:00Z'],
    ['brand', '2026-03-10T10:50Z'],
    ['customer', '2026-03-10T11:00Z'],
    ['customer', '2026-03-10T11:30Z'],
    ['brand', '2026-03-10T12:10Z'],
  ], { resolvedAt: t('2026-03-10T14:00Z') }),
  // c3: FRT 90 (missed); unresolved for > 1440 min at `now`: first-response and resolution breaches.
  c('facebook', 'public', social, 'ann', [['customer', '2026-03-11T10:00Z'], ['brand', '2026-03-11T11:30Z']]),
  // c4: never answered: first response breached while open, resolution breached.
  c('facebook', 'dm', social, null, [['customer', '2026-03-12T10:00Z']]),
  // c5: 30 minutes old at `now`: still within target, so not judged yet.
  c('x', 'public', social, 'bob', [['customer', '2026-03-16T11:30Z']]),
  // c6: ticket Friday 16:45 → reply Monday 09:10 = 25 business minutes; resolved 09:30 = 45 business minutes; one touch.
  c('zendesk', 'ticket', tickets, 'ann', [['customer', '2026-03-13T16:45Z'], ['brand', '2026-03-16T09:10Z']], {
    resolvedAt: t('2026-03-16T09:30Z'),
  }),
  // c7: marked "no reply needed": counted in volume, never judged or breached.
  c('x', 'public', social, 'bob', [['customer', '2026-03-14T10:00Z']], { excluded: true }),
  // c8: before the period: ignored.
  c('x', 'public', social, 'ann', [['customer', '2026-03-08T10:00Z'], ['brand', '2026-03-08T10:05Z']]),
  // c9: no policy: FRT 3 in calendar time, no target.
  c('zendesk', 'chat', null, null, [['customer', '2026-03-10T20:00Z'], ['brand', '2026-03-10T20:03Z']]),
  // c10: only a brand post, no customer: not a conversation to count.
  c('x', 'public', social, 'ann', [['brand', '2026-03-10T09:00Z']]),
];

const input = { conversations, from: t('2026-03-09T00:00Z'), to: t('2026-03-17T00:00Z'), now: t('2026-03-16T12:00Z') };

describe('computeMetrics on a hand-made week', () => {
  const m = computeMetrics(input);

  it('counts volume and answered by first customer message in [from, to)', () => {
    // c1–c7 and c9; c8 is before the period, c10 has no customer message. Answered: c1, c2, c3, c6, c9.
    expect(m.overall.volume).toBe(8);
    expect(m.overall.answered).toBe(5);
  });

  it('first response time: mean, median, p90', () => {
    // FRTs sorted: 3, 10, 25, 50, 90 → mean 178/5, median 25, p90 rank ceil(4.5) = 5 → 90.
    expect(m.overall.frtCount).toBe(5);
    expect(m.overall.frtMeanMinutes).toBeCloseTo(35.6, 9);
    expect(m.overall.frtMedianMinutes).toBe(25);
    expect(m.overall.frtP90Minutes).toBe(90);
  });

  it('average response time over every reply', () => {
    // 10 (c1) + 50 + 70 (c2) + 90 (c3) + 25 (c6) + 3 (c9) = 248 over 6 replies.
    expect(m.overall.responseCount).toBe(6);
    expect(m.overall.avgResponseMinutes).toBeCloseTo(248 / 6, 9);
  });

  it('resolution time, one-touch rate, replies per resolution', () => {
    // Resolved: c1 30, c2 240, c6 45 (business) → mean 105, median 45; one touch: c1 and c6; replies 1 + 2 + 1.
    expect(m.overall.resolved).toBe(3);
    expect(m.overall.resolutionMeanMinutes).toBe(105);
    expect(m.overall.resolutionMedianMinutes).toBe(45);
    expect(m.overall.oneTouchRate).toBeCloseTo(2 / 3, 9);
    expect(m.overall.repliesPerResolved).toBeCloseTo(4 / 3, 9);
  });

  it('% within target counts decided first responses only, with the modal target', () => {
    // Judged: c1 ✓, c2 ✓, c3 ✗, c4 ✗ (breached open), c6 ✓. Not judged: c5 (open, in time), c7 (excluded), c9 (no target).
    expect(m.overall.judgedCount).toBe(5);
    expect(m.overall.withinCount).toBe(3);
    expect(m.overall.withinTarget).toBeCloseTo(0.6, 9);
    expect(m.overall.targetMinutes).toBe(60); // 60 four times, 240 once
  });

  it('breaches count every breached clock', () => {
    // c2 next response; c3 first + resolution; c4 first + resolution.
    expect(m.overall.breaches).toBe(5);
    expect(m.overall.firstResponseBreaches).toBe(2);
  });

  it('splits by platform, channel, policy and agent', () => {
    expect(Object.fromEntries(Object.entries(m.byPlatform).map(([k, f]) => [k, f.volume]))).toEqual({
      x: 4,
      facebook: 2,
      zendesk: 2,
    });
    expect(m.byChannel.public?.volume).toBe(4); // c1, c3, c5, c7
    expect(m.byChannel.dm?.frtMedianMinutes).toBe(50); // c2 only (c4 unanswered)
    expect(m.byPolicy.social?.volume).toBe(6);
    expect(m.byPolicy.tickets?.withinTarget).toBe(1);
    expect(m.byPolicy[NO_POLICY_KEY]?.volume).toBe(1);
    expect(m.byAgent.ann?.frtMedianMinutes).toBe(25); // c1 10, c3 90, c6 25
    expect(m.byAgent.bob?.volume).toBe(3);
    expect(m.byAgent[UNASSIGNED_KEY]?.volume).toBe(2); // c4, c9
  });

  it('rates each channel category from its median first response', () => {
    // social (public + dm): 10, 50, 90 → median 50 < 240 → above average; e-mail (ticket): 25 < 60 → stellar;
    // chat: 3, under 5 but not under 1 → above average.
    expect(m.ratings.social).toEqual({ level: 'aboveAverage', medianMinutes: 50, count: 3 });
    expect(m.ratings.email?.level).toBe('stellar');
    expect(m.ratings.chat?.level).toBe('aboveAverage');
    expect(m.ratingByChannel).toEqual({ public: 'aboveAverage', dm: 'aboveAverage', ticket: 'stellar', chat: 'aboveAverage' });
  });

  it('uses configured rating thresholds over the defaults', () => {
    const custom = computeMetrics({ ...input, ratings: { chat: { stellar: 5, aboveAverage: 10, average: 20, belowAverage: 30 } } });
    expect(custom.ratings.chat?.level).toBe('stellar');
    expect(custom.ratings.social?.level).toBe('aboveAverage');
  });

  it('builds the weekday × hour heatmap in the given zone (Monday first)', () => {
    const h = computeMetrics({ ...input, timeZone: 'Europe/Amsterdam' }).heatmap;
    expect(h.timeZone).toBe('Europe/Amsterdam');
    expect(h.cells).toHaveLength(7);
    expect(h.cells.every((row) => row.length === 24)).toBe(true);
    // CET = UTC+1 that week: 10:00Z conversations land in the 11:00 column.
    const expected: [number, number][] = [
      [0, 11], // c1 Mon
      [1, 11], // c2 Tue
      [2, 11], // c3 Wed
      [3, 11], // c4 Thu
      [0, 12], // c5 Mon 16th 11:30Z
      [4, 17], // c6 Fri 16:45Z
      [5, 11], // c7 Sat
      [1, 21], // c9 Tue 20:00Z
    ];
    const want = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
    for (const [d, hr] of expected) want[d]![hr]! += 1;
    expect(h.cells).toEqual(want);
    // Without a zone each conversation uses its schedule's zone (here all UTC, or UTC for calendar-time policies).
    const utc = m.heatmap;
    expect(utc.timeZone).toBe('UTC');
    expect(utc.cells[0]![10]).toBe(1);
    expect(utc.cells[4]![16]).toBe(1);
  });

  it('an empty period gives zero counts and null figures', () => {
    const e = computeMetrics({ ...input, from: t('2030-01-01T00:00Z'), to: t('2030-01-02T00:00Z') });
    expect(e.overall).toMatchObject({ volume: 0, answered: 0, frtMedianMinutes: null, withinTarget: null, targetMinutes: null });
    expect(e.ratings).toEqual({});
    expect(e.heatmap.timeZone).toBeNull();
  });

  it('keeps agent names like "__proto__" as plain keys', () => {
    const odd = computeMetrics({ ...input, conversations: [{ ...conversations[0]!, agent: '__proto__' }] });
    expect(Object.keys(odd.byAgent)).toEqual(['__proto__']);
    expect(odd.byAgent['__proto__']?.volume).toBe(1);
  });
});

describe('computeMetrics scale', () => {
  it('handles 100,000 conversations in one call', () => {
    const many: MetricsConversation[] = [];
    const base = t('2026-03-09T00:00Z');
    for (let i = 0; i < 100_000; i++) {
      const at = base + (i % 10_000) * 37 * MIN;
      many.push({
        id: `k${i}`,
        platform: i % 2 ? 'x' : 'facebook',
        channel: 'public',
        policy: social,
        schedule: null,
        messages: [
          { id: `a${i}`, role: 'customer', at },
          { id: `b${i}`, role: 'brand', at: at + (i % 120) * MIN },
        ],
      });
    }
    const r = computeMetrics({ conversations: many, from: base, to: base + 400 * 86_400_000, now: base + 401 * 86_400_000 });
    expect(r.overall.volume).toBe(100_000);
    // Reply delays cycle 0…119 min; under 60 is within target: 833 full cycles × 60 + delays 0–39 of the last partial cycle.
    expect(r.overall.withinTarget).toBe((833 * 60 + 40) / 100_000);
    expect(r.heatmap.cells.flat().reduce((a, b) => a + b, 0)).toBe(100_000);
  });
});
