// The public core API as code outside the project sees it: everything is imported from src/core/index.ts only,
// with the exact names and shapes issue 3 fixes (Date in, Date out; minutes, fractional).
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  dueAt,
  elapsedBusinessMinutes,
  matchPolicy,
  nextChange,
  parseIcsHolidays,
  readClocks,
  scheduleFor,
  validateConfig,
} from '../../../src/core/index.ts';
import type { ConversationFacts, OpeningHours, TeamConfig } from '../../../src/core/index.ts';

const d = (iso: string): Date => new Date(iso);
const office = (timeZone: string, extra: Partial<OpeningHours> = {}): OpeningHours => ({
  id: 'office',
  timeZone,
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [['09:00', '17:00']]])),
  ...extra,
});

describe('elapsedBusinessMinutes(hours, start, end)', () => {
  const h = office('Europe/Amsterdam');

  it('returns open minutes between two Dates, fractional and exact to the millisecond', () => {
    // Mon 2026-03-02 09:00 CET = 08:00Z.
    expect(elapsedBusinessMinutes(h, d('2026-03-02T08:00:00.000Z'), d('2026-03-02T08:00:00.001Z'))).toBe(1 / 60_000);
    expect(elapsedBusinessMinutes(h, d('2026-03-02T08:00:00Z'), d('2026-03-02T08:00:30Z'))).toBe(0.5);
    // A whole working week: 5 × 8 h.
    expect(elapsedBusinessMinutes(h, d('2026-03-01T00:00:00Z'), d('2026-03-08T00:00:00Z'))).toBe(5 * 8 * 60);
  });

  it('is 0 when end <= start', () => {
    expect(elapsedBusinessMinutes(h, d('2026-03-02T10:00:00Z'), d('2026-03-02T10:00:00Z'))).toBe(0);
    expect(elapsedBusinessMinutes(h, d('2026-03-02T11:00:00Z'), d('2026-03-02T10:00:00Z'))).toBe(0);
  });
});

describe('dueAt(hours, start, minutes)', () => {
  // "Friday 16:45 + 30 min with hours ending 17:00 is due Monday 09:15" over each zone's DST weekend: the due
  // time is 09:15 on the new offset, so a wrong offset shows up as an hour (or half hour) off.
  it.each([
    ['Europe/Amsterdam, spring forward', 'Europe/Amsterdam', '2026-03-27T15:45:00Z', '2026-03-30T07:15:00.000Z'],
    ['Europe/Amsterdam, fall back', 'Europe/Amsterdam', '2026-10-23T14:45:00Z', '2026-10-26T08:15:00.000Z'],
    ['America/New_York, spring forward', 'America/New_York', '2026-03-06T21:45:00Z', '2026-03-09T13:15:00.000Z'],
    ['America/New_York, fall back', 'America/New_York', '2026-10-30T20:45:00Z', '2026-11-02T14:15:00.000Z'],
    ['Australia/Sydney, DST ends (April)', 'Australia/Sydney', '2026-04-03T05:45:00Z', '2026-04-05T23:15:00.000Z'],
    ['Australia/Sydney, DST starts (October)', 'Australia/Sydney', '2026-10-02T06:45:00Z', '2026-10-04T22:15:00.000Z'],
    ['Australia/Adelaide (+9:30/+10:30), DST starts', 'Australia/Adelaide', '2026-10-02T07:15:00Z', '2026-10-04T22:45:00.000Z'],
    ['Asia/Kolkata (+5:30, no DST)', 'Asia/Kolkata', '2026-03-06T11:15:00Z', '2026-03-09T03:45:00.000Z'],
  ])('Fri 16:45 + 30 min is Mon 09:15 local — %s', (_label, zone, start, due) => {
    const h = office(zone);
    const got = dueAt(h, d(start), 30);
    expect(got).toBeInstanceOf(Date);
    expect(got?.toISOString()).toBe(due);
    // And the defining property: exactly the target has elapsed at the due time.
    expect(elapsedBusinessMinutes(h, d(start), got!)).toBe(30);
  });

  it('starts counting at the next opening for a message that arrives while closed', () => {
    // Saturday in Amsterdam: Monday 09:00 CET + 10 min.
    expect(dueAt(office('Europe/Amsterdam'), d('2026-03-07T12:00:00Z'), 10)?.toISOString()).toBe('2026-03-09T08:10:00.000Z');
  });

  it('is null when the schedule never opens again', () => {
    expect(dueAt({ id: 'closed', timeZone: 'UTC', week: {} }, d('2026-03-02T10:00:00Z'), 5)).toBeNull();
    const onlyOnce: OpeningHours = { id: 'once', timeZone: 'UTC', week: {}, exceptions: [{ date: '2026-03-02', hours: [['09:00', '10:00']] }] };
    expect(dueAt(onlyOnce, d('2026-03-02T09:00:00Z'), 30)?.toISOString()).toBe('2026-03-02T09:30:00.000Z');
    expect(dueAt(onlyOnce, d('2026-03-02T09:00:00Z'), 90)).toBeNull();
  });
});

describe('nextChange(hours, at)', () => {
  it('says whether it is open and when that changes, as a Date', () => {
    const h = office('Europe/Amsterdam');
    expect(nextChange(h, d('2026-03-06T12:00:00Z'))).toEqual({ open: true, at: d('2026-03-06T16:00:00Z') });
    // "paused — opens Mon 09:00"
    expect(nextChange(h, d('2026-03-06T16:00:00Z'))).toEqual({ open: false, at: d('2026-03-09T08:00:00Z') });
  });

  it('is null for 24/7 (never closes) and for a schedule that never opens', () => {
    const always: OpeningHours = {
      id: 'always',
      timeZone: 'America/New_York',
      week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['00:00', '24:00']]])),
    };
    expect(nextChange(always, d('2026-11-01T05:30:00Z'))).toBeNull();
    // 24/7 over the New York fall-back day: 25 real hours, no minute lost at midnight.
    expect(elapsedBusinessMinutes(always, d('2026-11-01T04:00:00Z'), d('2026-11-02T05:00:00Z'))).toBe(25 * 60);
    expect(nextChange({ id: 'closed', timeZone: 'UTC', week: {} }, d('2026-03-02T10:00:00Z'))).toBeNull();
  });
});

describe('validateConfig(input)', () => {
  const base = (): Record<string, any> => ({
    version: 1,
    schedules: [{ id: 'nl', timeZone: 'Europe/Amsterdam', week: { mon: [['09:00', '12:00'], ['13:00', '17:00']] } }],
    policies: [{ id: 'social', schedule: 'nl', match: { platforms: ['x'] }, firstResponseMinutes: 60 }],
    brands: { x: ['AcmeSupport'] },
    sites: [],
  });

  it('returns { ok: true, config } for a valid file', () => {
    const r = validateConfig(base());
    expect(r).toEqual({ ok: true, config: expect.objectContaining({ version: 1, schedules: base().schedules }) });
  });

  // One case per problem the issue lists, each named by its path.
  it.each<[string, (c: Record<string, any>) => void, string, string]>([
    ['unknown time zone', (c) => (c.schedules[0].timeZone = 'Mars/Olympus'), 'schedules[0].timeZone', 'not a known time zone'],
    ['malformed time', (c) => (c.schedules[0].week.mon[1] = ['13:00', '25:00']), 'schedules[0].week.mon[1][1]', '"25:00" is not a time of day'],
    ['overlapping intervals', (c) => (c.schedules[0].week.mon[1] = ['11:00', '17:00']), 'schedules[0].week.mon[1]', 'overlaps'],
    ['impossible date', (c) => (c.schedules[0].holidays = ['2026-02-30']), 'schedules[0].holidays[0]', 'not a day on the calendar'],
    ['negative target', (c) => (c.policies[0].firstResponseMinutes = -5), 'policies[0].firstResponseMinutes', 'more than 0'],
    ['non-numeric target', (c) => (c.policies[0].nextResponseMinutes = '60'), 'policies[0].nextResponseMinutes', 'must be a number'],
    ['warning point outside 0–1', (c) => (c.policies[0].warnAt = 1.2), 'policies[0].warnAt', 'less than 1'],
    ['duplicate ids', (c) => c.policies.push({ ...c.policies[0], match: {} }), 'policies[1].id', 'used twice'],
    ['policy naming a missing schedule', (c) => (c.policies[0].schedule = 'us'), 'policies[0].schedule', 'no schedule has id "us"'],
    ['newer version', (c) => (c.version = 2), 'version', 'newer Replyclock'],
    ['unknown key', (c) => (c.policies[0].firstResponse = 60), 'policies[0].firstResponse', 'unknown key'],
  ])('refuses %s at its path', (_label, change, path, message) => {
    const c = base();
    change(c);
    const r = validateConfig(c);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('never throws, whatever the input', () => {
    const cyclic: Record<string, unknown> = { version: 1 };
    cyclic.schedules = [cyclic];
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('boom'); }, get: () => { throw new Error('boom'); } });
    for (const input of [undefined, null, 0, 'x', [], Symbol('s'), 10n, () => 1, cyclic, hostile]) {
      const r = validateConfig(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
    }
  });
});

describe('several schedules, policies and the default policy', () => {
  // An NL team and a US team, plus a calendar-time policy and a catch-all default policy last.
  const file = {
    version: 1,
    schedules: [
      { id: 'nl', timeZone: 'Europe/Amsterdam', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } },
      { id: 'us', timeZone: 'America/New_York', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } },
    ],
    policies: [
      { id: 'social-nl', schedule: 'nl', match: { platforms: ['x'] }, firstResponseMinutes: 60 },
      { id: 'tickets-us', schedule: 'us', match: { channels: ['ticket'] }, firstResponseMinutes: 60 },
      { id: 'refunds', schedule: null, match: { topics: ['refund'] }, firstResponseMinutes: 60 },
      { id: 'default', schedule: 'nl', match: {}, firstResponseMinutes: 240 },
    ],
    brands: {},
    sites: [],
  };
  const r = validateConfig(file);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const config: TeamConfig = r.config;
  // Mon 2026-03-16 20:30Z: 21:30 in Amsterdam (closed), 16:30 in New York (EDT, open until 17:00).
  const at = Date.parse('2026-03-16T20:30:00Z');
  const facts = (platform: string, channel: ConversationFacts['channel'], text = 'hello'): ConversationFacts => ({
    platform,
    channel,
    text,
    messages: [{ id: 'm1', role: 'customer', at }],
  });
  const dueFor = (f: ConversationFacts): { policy: string | undefined; due: string | null } => {
    const policy = matchPolicy(config.policies, f);
    const clocks = readClocks(f, policy, policy ? scheduleFor(config, policy) : null, at);
    const due = clocks[0]?.dueAt;
    return { policy: policy?.id, due: due == null ? null : new Date(due).toISOString() };
  };

  it('each policy counts in its own schedule, or in calendar time with schedule null', () => {
    // NL: closed, opens Tue 09:00 CET (08:00Z) → due 09:00Z.
    expect(dueFor(facts('x', 'public'))).toEqual({ policy: 'social-nl', due: '2026-03-17T09:00:00.000Z' });
    // US: 30 min today until 17:00 EDT (21:00Z), 30 more from Tue 09:00 EDT (13:00Z).
    expect(dueFor(facts('zendesk', 'ticket'))).toEqual({ policy: 'tickets-us', due: '2026-03-17T13:30:00.000Z' });
    // Calendar time: one hour later, whatever the hours.
    expect(dueFor(facts('facebook', 'public', 'I want a Refund'))).toEqual({ policy: 'refunds', due: '2026-03-16T21:30:00.000Z' });
  });

  it('falls back to the catch-all default policy when nothing more specific matches', () => {
    expect(dueFor(facts('facebook', 'dm')).policy).toBe('default');
    // The first-run config also ends in a catch-all, so every conversation gets a clock out of the box.
    for (const platform of ['x', 'facebook', 'zendesk', 'some-helpdesk']) {
      for (const channel of ['public', 'dm', 'ticket', 'chat'] as const) {
        expect(matchPolicy(DEFAULT_CONFIG.policies, { platform, channel })).not.toBeNull();
      }
    }
  });
});

describe('parseIcsHolidays feeds schedules', () => {
  it('an imported calendar closes its days in a schedule', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'SUMMARY:Christmas',
      'DTSTART;VALUE=DATE:20261225',
      'RRULE:FREQ=YEARLY',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'SUMMARY:Company day',
      'DTSTART;VALUE=DATE:20261228',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const { holidays } = parseIcsHolidays(ics);
    expect(holidays).toEqual(['--12-25', '2026-12-28']);
    const h = office('Europe/Amsterdam', { holidays });
    // Thu 24 Dec 2026 16:45 CET + 30 min: Fri 25 (yearly holiday) and the weekend are closed, Mon 28 too → Tue 29 09:15.
    expect(dueAt(h, d('2026-12-24T15:45:00Z'), 30)?.toISOString()).toBe('2026-12-29T08:15:00.000Z');
    // validateConfig accepts what the import produced.
    const r = validateConfig({ version: 1, schedules: [h], policies: [{ id: 'p', schedule: 'office', match: {} }] });
    expect(r.ok).toBe(true);
  });
});
