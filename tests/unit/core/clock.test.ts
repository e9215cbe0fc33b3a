import { describe, expect, it } from 'vitest';
import { currentClock, readClocks } from '../../../src/core/clock.ts';
import type { ConversationFacts, Message, OpeningHours, Policy } from '../../../src/core/types.ts';

const MIN = 60_000;
const t = (iso: string) => Date.parse(iso);
// Mon–Fri 09:00–17:00 in UTC: the clock rules are zone-agnostic (zones are the hours engine's job).
const office: OpeningHours = {
  id: 'office',
  timeZone: 'UTC',
  week: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
};
const policy = (extra: Partial<Policy> = {}): Policy => ({
  id: 'p',
  schedule: 'office',
  match: {},
  firstResponseMinutes: 30,
  ...extra,
});
let seq = 0;
const msg = (role: Message['role'], at: number): Message => ({ id: `m${seq++}`, role, at });
const conv = (messages: Message[], extra: Partial<ConversationFacts> = {}): ConversationFacts => ({
  platform: 'x',
  channel: 'public',
  messages,
  ...extra,
});

// 2026-03-06 is a Friday, 2026-03-09 the Monday after.
const FRI_1645 = t('2026-03-06T16:45:00Z');

describe('first response in business hours', () => {
  const facts = conv([msg('customer', FRI_1645)]);
  const p = policy();

  it('counts only open time: Friday 16:45 + 30 min is due Monday 09:15', () => {
    const r = currentClock(facts, p, office, t('2026-03-06T16:50:00Z'))!;
    expect(r.kind).toBe('firstResponse');
    expect(r.state).toBe('ok');
    expect(r.elapsedMinutes).toBe(5);
    expect(r.remainingMinutes).toBe(25);
    expect(r.startedAt).toBe(FRI_1645);
    expect(r.dueAt).toBe(t('2026-03-09T09:15:00Z'));
    // warning at 0.8 × 30 = 24 min: 15 on Friday + 9 on Monday.
    expect(r.warnAt).toBe(t('2026-03-09T09:09:00Z'));
  });

  it('is paused over the weekend with the next opening as resume time', () => {
    const r = currentClock(facts, p, office, t('2026-03-07T12:00:00Z'))!;
    expect(r.state).toBe('paused');
    expect(r.elapsedMinutes).toBe(15);
    expect(r.resumesAt).toBe(t('2026-03-09T09:00:00Z'));
  });

  it('warns from the warning point and breaches at the due time', () => {
    expect(currentClock(facts, p, office, t('2026-03-09T09:08:59Z'))!.state).toBe('ok');
    expect(currentClock(facts, p, office, t('2026-03-09T09:09:00Z'))!.state).toBe('warning');
    expect(currentClock(facts, p, office, t('2026-03-09T09:14:59.999Z'))!.state).toBe('warning');
    const b = currentClock(facts, p, office, t('2026-03-09T09:20:00Z'))!;
    expect(b.state).toBe('breached');
    expect(b.remainingMinutes).toBe(-5);
  });

  it('answered Monday 09:10 is achieved with 25 minutes and keeps that verdict', () => {
    const answered = conv([msg('customer', FRI_1645), msg('brand', t('2026-03-09T09:10:00Z'))]);
    for (const at of [t('2026-03-09T09:10:00Z'), t('2026-04-01T12:00:00Z')]) {
      const r = currentClock(answered, p, office, at)!;
      expect(r.state).toBe('answered');
      expect(r.achieved).toBe(true);
      expect(r.elapsedMinutes).toBe(25);
      expect(r.answeredAt).toBe(t('2026-03-09T09:10:00Z'));
    }
  });

  it('a late answer keeps achieved=false', () => {
    const late = conv([msg('customer', FRI_1645), msg('brand', t('2026-03-09T10:00:00Z'))]);
    const r = currentClock(late, p, office, t('2026-03-10T10:00:00Z'))!;
    expect(r.state).toBe('answered');
    expect(r.achieved).toBe(false);
    expect(r.elapsedMinutes).toBe(75);
  });

  it('a breached clock stays breached while the schedule is closed', () => {
    const early = conv([msg('customer', t('2026-03-06T16:00:00Z'))]);
    expect(currentClock(early, p, office, t('2026-03-06T16:40:00Z'))!.state).toBe('breached');
    const sat = currentClock(early, p, office, t('2026-03-07T12:00:00Z'))!;
    expect(sat.state).toBe('breached');
    expect(sat.resumesAt).toBeUndefined();
  });

  it('a message arriving while closed is paused until opening and accrues nothing', () => {
    const night = conv([msg('customer', t('2026-03-09T07:00:00Z'))]);
    const r = currentClock(night, p, office, t('2026-03-09T08:00:00Z'))!;
    expect(r.state).toBe('paused');
    expect(r.elapsedMinutes).toBe(0);
    expect(r.resumesAt).toBe(t('2026-03-09T09:00:00Z'));
    expect(r.dueAt).toBe(t('2026-03-09T09:30:00Z'));
  });

  it('counts calendar time for targets listed in calendarTargets', () => {
    const cal = policy({ calendarTargets: ['firstResponse'] });
    const r = currentClock(facts, cal, office, t('2026-03-06T17:30:00Z'))!;
    expect(r.elapsedMinutes).toBe(45);
    expect(r.state).toBe('breached');
    expect(r.dueAt).toBe(t('2026-03-06T17:15:00Z'));
  });
});

describe('which messages count', () => {
  const T0 = t('2026-03-10T10:00:00Z'); // a Tuesday, open all morning
  const p = policy({ firstResponseMinutes: 60, nextResponseMinutes: 30 });

  it('ignores brand messages before the first customer message and internal notes', () => {
    const facts = conv([msg('brand', T0 - 60 * MIN), msg('customer', T0), msg('note', T0 + 5 * MIN)]);
    const r = currentClock(facts, p, null, T0 + 10 * MIN)!;
    expect(r.kind).toBe('firstResponse');
    expect(r.state).toBe('ok');
    expect(r.startedAt).toBe(T0);
    expect(r.elapsedMinutes).toBe(10);
  });

  it('no customer message: no clock', () => {
    expect(currentClock(conv([msg('brand', T0)]), p, null, T0 + MIN)).toBeNull();
    expect(readClocks(conv([]), p, null, T0)).toEqual([]);
  });

  it('next response runs from the oldest unanswered customer message to the next brand reply', () => {
    const facts = conv([
      msg('customer', T0),
      msg('brand', T0 + 20 * MIN), // first response: 20 min
      msg('brand', T0 + 21 * MIN), // a second reply with nothing waiting: no clock
      msg('customer', T0 + 40 * MIN), // starts next response
      msg('customer', T0 + 50 * MIN), // does not restart it
      msg('note', T0 + 55 * MIN),
      msg('brand', T0 + 75 * MIN), // answers after 35 min: missed the 30-min target
      msg('customer', T0 + 90 * MIN), // a new next-response clock
    ]);
    const at = T0 + 100 * MIN;
    const clocks = readClocks(facts, p, null, at);
    expect(clocks.map((c) => [c.kind, c.state, c.startedAt, c.elapsedMinutes, c.achieved])).toEqual([
      ['firstResponse', 'answered', T0, 20, true],
      ['nextResponse', 'answered', T0 + 40 * MIN, 35, false],
      ['nextResponse', 'ok', T0 + 90 * MIN, 10, undefined],
    ]);
    expect(currentClock(facts, p, null, at)).toEqual(clocks[2]);
    // Before the last customer message the badge shows the last answered clock, with its verdict.
    const before = currentClock(facts, p, null, T0 + 80 * MIN)!;
    expect(before).toMatchObject({ kind: 'nextResponse', state: 'answered', achieved: false });
  });

  it('without a next-response target the badge keeps showing the answered first response', () => {
    const facts = conv([msg('customer', T0), msg('brand', T0 + 5 * MIN), msg('customer', T0 + 10 * MIN)]);
    const onlyFirst = policy({ firstResponseMinutes: 60 });
    const r = currentClock(facts, onlyFirst, null, T0 + 20 * MIN)!;
    expect(r).toMatchObject({ kind: 'firstResponse', state: 'answered', achieved: true, elapsedMinutes: 5 });
    expect(readClocks(facts, onlyFirst, null, T0 + 20 * MIN)).toHaveLength(1);
  });

  it('no response target or no policy: null', () => {
    const facts = conv([msg('customer', T0)]);
    expect(currentClock(facts, policy({ firstResponseMinutes: undefined, resolutionMinutes: 60 }), null, T0)).toBeNull();
    expect(currentClock(facts, null, null, T0)).toBeNull();
  });

  it('sees the conversation as of `at`: later messages have not happened yet', () => {
    const facts = conv([msg('customer', T0), msg('brand', T0 + 20 * MIN)]);
    expect(currentClock(facts, p, null, T0 + 10 * MIN)!.state).toBe('ok');
    expect(currentClock(facts, p, null, T0 + 20 * MIN)!.state).toBe('answered');
  });

  it('accepts messages out of order', () => {
    const facts = conv([msg('brand', T0 + 20 * MIN), msg('customer', T0 + 5 * MIN), msg('customer', T0)]);
    const r = currentClock(facts, p, null, T0 + 30 * MIN)!;
    expect(r).toMatchObject({ kind: 'firstResponse', state: 'answered', startedAt: T0, elapsedMinutes: 20 });
  });

  it('excluded ("no reply needed") marks the running clock excluded but keeps answered verdicts', () => {
    const facts = conv([msg('customer', T0), msg('brand', T0 + 70 * MIN), msg('customer', T0 + 80 * MIN)], {
      excluded: true,
    });
    const clocks = readClocks(facts, p, null, T0 + 200 * MIN);
    expect(clocks.map((c) => c.state)).toEqual(['answered', 'excluded']);
    expect(clocks[0]!.achieved).toBe(false);
    expect(currentClock(facts, p, null, T0 + 200 * MIN)!.state).toBe('excluded');
  });
});

describe('resolution', () => {
  const T0 = t('2026-03-10T10:00:00Z');
  const p = policy({ firstResponseMinutes: 60, nextResponseMinutes: 60, resolutionMinutes: 120 });

  it('runs from the first customer message to resolvedAt and comes last', () => {
    const facts = conv([msg('customer', T0), msg('brand', T0 + 10 * MIN)], { resolvedAt: T0 + 100 * MIN });
    const clocks = readClocks(facts, p, null, T0 + 300 * MIN);
    expect(clocks.map((c) => c.kind)).toEqual(['firstResponse', 'resolution']);
    expect(clocks[1]).toMatchObject({ state: 'answered', achieved: true, elapsedMinutes: 100, answeredAt: T0 + 100 * MIN });
    const open = readClocks(conv([msg('customer', T0)]), p, null, T0 + 130 * MIN);
    expect(open[1]).toMatchObject({ kind: 'resolution', state: 'breached', remainingMinutes: -10 });
  });

  it('resolving stops a clock that is still waiting', () => {
    const facts = conv([msg('customer', T0)], { resolvedAt: T0 + 30 * MIN });
    const r = currentClock(facts, p, null, T0 + 500 * MIN)!;
    expect(r).toMatchObject({ kind: 'firstResponse', state: 'answered', achieved: true, elapsedMinutes: 30 });
  });

  it('counts the resolution in business time unless it is a calendar target', () => {
    // Friday 16:45 → resolved Monday 09:45: 15 + 45 = 60 business minutes, 2 days 17 h of calendar time.
    const facts = conv([msg('customer', FRI_1645)], { resolvedAt: t('2026-03-09T09:45:00Z') });
    const at = t('2026-03-09T12:00:00Z');
    expect(readClocks(facts, p, office, at).at(-1)!.elapsedMinutes).toBe(60);
    const cal = { ...p, calendarTargets: ['resolution' as const] };
    expect(readClocks(facts, cal, office, at).at(-1)!.elapsedMinutes).toBe(2 * 1440 + 17 * 60);
  });
});

describe('pauses', () => {
  const T0 = t('2026-03-10T10:00:00Z');
  const p = policy({ firstResponseMinutes: 60 });

  it('do not accrue time and push the due time back', () => {
    const facts = conv([msg('customer', T0)], { pauses: [{ from: T0 + 10 * MIN, to: T0 + 40 * MIN, reason: 'snoozed' }] });
    const during = currentClock(facts, p, null, T0 + 20 * MIN)!;
    expect(during).toMatchObject({ state: 'paused', elapsedMinutes: 10, resumesAt: T0 + 40 * MIN });
    expect(during.dueAt).toBe(T0 + 90 * MIN);
    expect(during.warnAt).toBe(T0 + 78 * MIN); // 48 counted minutes
    const after = currentClock(facts, p, null, T0 + 50 * MIN)!;
    expect(after).toMatchObject({ state: 'ok', elapsedMinutes: 20 });
    expect(currentClock(facts, p, null, T0 + 90 * MIN)!.state).toBe('breached');
    expect(currentClock(facts, p, null, T0 + 89 * MIN)!.state).toBe('warning');
  });

  it('an open-ended pause (waiting on customer) has no resume or due time', () => {
    const facts = conv([msg('customer', T0)], { pauses: [{ from: T0 + 10 * MIN, to: null }] });
    const r = currentClock(facts, p, null, T0 + 500 * MIN)!;
    expect(r).toMatchObject({ state: 'paused', elapsedMinutes: 10, resumesAt: null, dueAt: null });
  });

  it('overlapping and unordered pauses are merged, not double-counted', () => {
    const facts = conv([msg('customer', T0)], {
      pauses: [
        { from: T0 + 20 * MIN, to: T0 + 40 * MIN },
        { from: T0 + 10 * MIN, to: T0 + 30 * MIN },
      ],
    });
    const r = currentClock(facts, p, null, T0 + 60 * MIN)!;
    expect(r.elapsedMinutes).toBe(30);
    expect(r.dueAt).toBe(T0 + 90 * MIN);
  });

  it('a breached clock stays breached inside a pause', () => {
    const facts = conv([msg('customer', T0)], { pauses: [{ from: T0 + 70 * MIN, to: null }] });
    expect(currentClock(facts, p, null, T0 + 80 * MIN)!.state).toBe('breached');
  });

  it('a snooze ending while closed resumes at the next opening', () => {
    // Friday 16:00 message, snoozed 16:30–18:00; the office is closed after 17:00, so counting resumes Monday 09:00.
    const facts = conv([msg('customer', t('2026-03-06T16:00:00Z'))], {
      pauses: [{ from: t('2026-03-06T16:30:00Z'), to: t('2026-03-06T18:00:00Z') }],
    });
    const r = currentClock(facts, policy({ firstResponseMinutes: 60 }), office, t('2026-03-06T16:45:00Z'))!;
    expect(r).toMatchObject({ state: 'paused', elapsedMinutes: 30, resumesAt: t('2026-03-09T09:00:00Z') });
    // 30 min Friday before the snooze, 30 more on Monday.
    expect(r.dueAt).toBe(t('2026-03-09T09:30:00Z'));
  });

  it('pauses that cover closed time do not subtract it twice', () => {
    // Pause Friday 16:30 → Monday 09:30: Friday 16:30–17:00 and Monday 09:00–09:30 are the only open time in it.
    const facts = conv([msg('customer', t('2026-03-06T16:00:00Z'))], {
      pauses: [{ from: t('2026-03-06T16:30:00Z'), to: t('2026-03-09T09:30:00Z') }],
    });
    const r = currentClock(facts, policy({ firstResponseMinutes: 60 }), office, t('2026-03-09T10:00:00Z'))!;
    expect(r.elapsedMinutes).toBe(60);
    expect(r.state).toBe('breached');
    expect(r.dueAt).toBe(t('2026-03-09T10:00:00Z'));
  });
});

describe('in a real time zone', () => {
  it('Friday 16:45 Amsterdam + 30 min over the spring-forward weekend is due Monday 09:15 local', () => {
    const ams: OpeningHours = { ...office, timeZone: 'Europe/Amsterdam' };
    // 2026-03-27 16:45 CET (UTC+1); clocks go forward on Sunday 29 March; Monday 09:15 CEST is 07:15 UTC.
    const facts = conv([msg('customer', t('2026-03-27T15:45:00Z')), msg('brand', t('2026-03-30T07:10:00Z'))]);
    const r = currentClock(facts, policy(), ams, t('2026-03-30T12:00:00Z'))!;
    expect(r.dueAt).toBe(t('2026-03-30T07:15:00Z'));
    expect(r).toMatchObject({ state: 'answered', achieved: true, elapsedMinutes: 25 });
  });
});
