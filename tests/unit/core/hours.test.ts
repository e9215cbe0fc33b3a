import { describe, expect, it } from 'vitest';
import type { OpeningHours, Weekday, WallInterval } from '../../../src/core/types.ts';
import {
  dueAt,
  dueAtMs,
  elapsedBusinessMinutes,
  elapsedMs,
  isOpenAt,
  nextChange,
  nextChangeMs,
  wallTimeToInstant,
  zonedParts,
} from '../../../src/core/hours/index.ts';

const MIN = 60_000;
const H = 60 * MIN;
const ms = (iso: string): number => Date.parse(iso);
const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

function weekdays(intervals: WallInterval[], days: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']): OpeningHours['week'] {
  return Object.fromEntries(days.map((d) => [d, intervals]));
}
const ALL: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
function schedule(timeZone: string, week: OpeningHours['week'], extra: Partial<OpeningHours> = {}): OpeningHours {
  return { id: 's', timeZone, week, ...extra };
}
const office = (tz: string, extra: Partial<OpeningHours> = {}): OpeningHours => schedule(tz, weekdays([['09:00', '17:00']]), extra);
const always = (tz: string, extra: Partial<OpeningHours> = {}): OpeningHours => schedule(tz, weekdays([['00:00', '24:00']], ALL), extra);

describe('the example from the issue', () => {
  it('Friday 16:45 + 30 min with Mon–Fri 09–17 is due Monday 09:15 (Amsterdam, across the spring-forward weekend)', () => {
    const h = office('Europe/Amsterdam');
    // Fri 2026-03-27 16:45 CET = 15:45Z; Mon 2026-03-30 09:15 CEST = 07:15Z.
    expect(dueAt(h, new Date('2026-03-27T15:45:00Z'), 30)?.toISOString()).toBe('2026-03-30T07:15:00.000Z');
    expect(elapsedBusinessMinutes(h, new Date('2026-03-27T15:45:00Z'), new Date('2026-03-30T07:15:00Z'))).toBe(30);
    // Nothing counts over the weekend.
    expect(elapsedBusinessMinutes(h, new Date('2026-03-27T16:00:00Z'), new Date('2026-03-30T07:00:00Z'))).toBe(0);
  });
});

describe('wall time → instant ("compatible" disambiguation)', () => {
  const cases: [string, number, number, number, number, string][] = [
    // zone, y, m, d, minuteOfDay, expected instant
    ['Europe/Amsterdam', 2026, 3, 29, 150, '2026-03-29T01:30:00.000Z'], // 02:30 in the gap → 03:30 CEST
    ['Europe/Amsterdam', 2026, 3, 29, 120, '2026-03-29T01:00:00.000Z'], // 02:00 (gap start) → 03:00 CEST
    ['Europe/Amsterdam', 2026, 3, 29, 180, '2026-03-29T01:00:00.000Z'], // 03:00 CEST exists
    ['Europe/Amsterdam', 2026, 10, 25, 150, '2026-10-25T00:30:00.000Z'], // 02:30 twice → earlier (CEST)
    ['Europe/Amsterdam', 2026, 10, 25, 180, '2026-10-25T02:00:00.000Z'], // 03:00 CET, unique
    ['America/New_York', 2026, 3, 8, 150, '2026-03-08T07:30:00.000Z'], // gap → 03:30 EDT
    ['America/New_York', 2026, 11, 1, 90, '2026-11-01T05:30:00.000Z'], // 01:30 twice → EDT
    ['Australia/Sydney', 2026, 4, 5, 150, '2026-04-04T15:30:00.000Z'], // 02:30 twice → AEDT (+11)
    ['Australia/Sydney', 2026, 10, 4, 150, '2026-10-03T16:30:00.000Z'], // gap → 03:30 AEDT
    ['Asia/Kolkata', 2026, 3, 2, 540, '2026-03-02T03:30:00.000Z'], // +05:30, no DST
    ['Australia/Adelaide', 2026, 10, 4, 150, '2026-10-03T17:00:00.000Z'], // gap → 03:30 ACDT (+10:30)
    ['Australia/Adelaide', 2026, 4, 5, 150, '2026-04-04T16:00:00.000Z'], // 02:30 twice → ACDT
    ['Australia/Lord_Howe', 2026, 10, 4, 135, '2026-10-03T15:45:00.000Z'], // 02:15 in a 30-min gap → 02:45 (+11)
    ['Australia/Lord_Howe', 2026, 4, 5, 105, '2026-04-04T14:45:00.000Z'], // 01:45 twice → earlier (+11)
    ['Europe/Amsterdam', 2026, 1, 5, 1440, '2026-01-05T23:00:00.000Z'], // "24:00" = next midnight
  ];
  it.each(cases)('%s %i-%i-%i minute %i', (tz, y, m, d, minute, expected) => {
    expect(iso(wallTimeToInstant(tz, y, m, d, minute))).toBe(expected);
  });

  it('uses each date its own offset, also for past dates', () => {
    expect(iso(wallTimeToInstant('Europe/Amsterdam', 2026, 1, 5, 540))).toBe('2026-01-05T08:00:00.000Z');
    expect(iso(wallTimeToInstant('Europe/Amsterdam', 2026, 7, 6, 540))).toBe('2026-07-06T07:00:00.000Z');
    // 1990: EU summer time still ended in September.
    expect(iso(wallTimeToInstant('Europe/Amsterdam', 1990, 10, 15, 540))).toBe('1990-10-15T08:00:00.000Z');
    expect(iso(wallTimeToInstant('Europe/Amsterdam', 1990, 9, 15, 540))).toBe('1990-09-15T07:00:00.000Z');
  });
});

describe('zonedParts', () => {
  it('gives the local date, weekday and minute of day', () => {
    expect(zonedParts('Europe/Amsterdam', ms('2026-10-25T00:30:00Z'))).toEqual({
      year: 2026, month: 10, day: 25, weekday: 6, minuteOfDay: 150, date: '2026-10-25',
    });
    expect(zonedParts('Europe/Amsterdam', ms('2026-10-25T01:30:00Z')).minuteOfDay).toBe(150); // the second 02:30
    expect(zonedParts('Asia/Kolkata', ms('2026-12-31T18:29:00Z'))).toMatchObject({ date: '2026-12-31', minuteOfDay: 23 * 60 + 59, weekday: 3 });
    expect(zonedParts('Asia/Kolkata', ms('2026-12-31T18:30:00Z'))).toMatchObject({ date: '2027-01-01', minuteOfDay: 0, weekday: 4 });
    expect(zonedParts('America/New_York', ms('2026-03-08T07:00:00Z'))).toMatchObject({ date: '2026-03-08', minuteOfDay: 180 });
    expect(zonedParts('Australia/Lord_Howe', ms('2026-10-03T15:30:00Z'))).toMatchObject({ date: '2026-10-04', minuteOfDay: 150 });
  });
  it('agrees with Intl on many instants', () => {
    const zones = ['Europe/Amsterdam', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Australia/Adelaide', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kathmandu'];
    for (const tz of zones) {
      const f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
      for (let t = ms('2025-12-01T00:00:00Z'); t < ms('2027-02-01T00:00:00Z'); t += 7 * H + 13 * MIN) {
        const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, x.value]));
        const z = zonedParts(tz, t);
        expect(`${z.date} ${z.minuteOfDay}`).toBe(`${p['year']}-${p['month']}-${p['day']} ${Number(p['hour']) * 60 + Number(p['minute'])}`);
      }
    }
  });
});

describe('weekly intervals, half-open', () => {
  const h = office('Europe/Amsterdam');
  const mon9 = ms('2026-01-05T08:00:00Z');
  const mon17 = ms('2026-01-05T16:00:00Z');
  it('is open exactly at opening time and closed exactly at closing time', () => {
    expect(isOpenAt(h, mon9)).toBe(true);
    expect(isOpenAt(h, mon9 - 1)).toBe(false);
    expect(isOpenAt(h, mon17 - 1)).toBe(true);
    expect(isOpenAt(h, mon17)).toBe(false);
  });
  it('nextChange reports the state and the next flip', () => {
    expect(nextChangeMs(h, mon9)).toEqual({ open: true, at: mon17 });
    expect(nextChangeMs(h, mon17)).toEqual({ open: false, at: ms('2026-01-06T08:00:00Z') });
    expect(nextChange(h, new Date('2026-01-09T16:00:00Z'))).toEqual({ open: false, at: new Date('2026-01-12T08:00:00Z') });
  });
  it('counts a whole working day and nothing outside it', () => {
    expect(elapsedMs(h, ms('2026-01-05T00:00:00Z'), ms('2026-01-06T00:00:00Z'))).toBe(8 * H);
    expect(elapsedMs(h, mon17, ms('2026-01-06T08:00:00Z'))).toBe(0);
    expect(elapsedMs(h, mon9 + 1, mon9 + 2)).toBe(1); // exact to the ms
  });
  it('returns 0 for an empty or reversed span', () => {
    expect(elapsedMs(h, mon17, mon9)).toBe(0);
    expect(elapsedMs(h, mon9, mon9)).toBe(0);
    expect(elapsedMs(h, Number.NaN, mon9)).toBe(0);
  });
  it('dueAt lands on the closing instant when the target uses up the day', () => {
    expect(iso(dueAtMs(h, mon9, 8 * H))).toBe('2026-01-05T16:00:00.000Z');
    expect(iso(dueAtMs(h, mon9, 8 * H + 1))).toBe('2026-01-06T08:00:00.001Z');
  });
  it('dueAt finds targets many years of business time ahead', () => {
    // 5 × 52 weeks × 40 h, starting Monday 2026-01-05 09:00 local: due after 260 full weeks.
    expect(iso(dueAtMs(h, mon9, 5 * 52 * 40 * H))).toBe(iso(dueAtMs(h, mon9, 5 * 52 * 40 * H - 1)! + 1));
    expect(elapsedMs(h, mon9, dueAtMs(h, mon9, 5 * 52 * 40 * H)!)).toBe(5 * 52 * 40 * H);
  });
  it('dueAt with 0 minutes is the start when open, else the next opening', () => {
    expect(dueAtMs(h, mon9 + 5, 0)).toBe(mon9 + 5);
    expect(iso(dueAtMs(h, mon17, 0))).toBe('2026-01-06T08:00:00.000Z');
    expect(dueAtMs(h, mon9, -1)).toBeNull();
  });
  it('uses the real offset of past dates', () => {
    expect(isOpenAt(h, ms('2026-07-06T07:00:00Z'))).toBe(true); // 09:00 CEST
    expect(isOpenAt(h, ms('2026-07-06T15:00:00Z'))).toBe(false); // 17:00 CEST
    expect(isOpenAt(h, ms('2000-01-03T08:00:00Z'))).toBe(true); // Mon 09:00 CET in 2000
    expect(elapsedMs(h, ms('2000-01-03T00:00:00Z'), ms('2000-01-04T00:00:00Z'))).toBe(8 * H);
  });
  it('handles split days (lunch break) and overlapping, unsorted intervals', () => {
    const lunch = schedule('UTC', { mon: [['13:00', '17:00'], ['09:00', '12:00']], tue: [['09:00', '12:00'], ['11:00', '14:00']] });
    expect(elapsedMs(lunch, ms('2026-01-05T00:00:00Z'), ms('2026-01-06T00:00:00Z'))).toBe(7 * H);
    expect(elapsedMs(lunch, ms('2026-01-06T00:00:00Z'), ms('2026-01-07T00:00:00Z'))).toBe(5 * H);
    expect(nextChangeMs(lunch, ms('2026-01-05T10:00:00Z'))).toEqual({ open: true, at: ms('2026-01-05T12:00:00Z') });
    expect(iso(dueAtMs(lunch, ms('2026-01-05T11:30:00Z'), 60 * MIN))).toBe('2026-01-05T13:30:00.000Z');
  });
});

describe('overnight intervals and "24:00"', () => {
  // Tue 22:00–06:00 runs into Wednesday. 2026-01-13 is a Tuesday; Amsterdam is UTC+1 in January.
  const night = (extra: Partial<OpeningHours> = {}): OpeningHours => schedule('Europe/Amsterdam', { tue: [['22:00', '06:00']] }, extra);
  it('runs past midnight into the next day', () => {
    const h = night();
    expect(isOpenAt(h, ms('2026-01-13T21:00:00Z'))).toBe(true); // Tue 22:00
    expect(isOpenAt(h, ms('2026-01-14T04:59:00Z'))).toBe(true); // Wed 05:59
    expect(isOpenAt(h, ms('2026-01-14T05:00:00Z'))).toBe(false); // Wed 06:00
    expect(elapsedMs(h, ms('2026-01-13T20:00:00Z'), ms('2026-01-14T06:00:00Z'))).toBe(8 * H);
    expect(nextChangeMs(h, ms('2026-01-13T22:00:00Z'))).toEqual({ open: true, at: ms('2026-01-14T05:00:00Z') });
  });
  it('joins "24:00" with the next day\'s "00:00" without closing at midnight', () => {
    const h = schedule('Europe/Amsterdam', { mon: [['18:00', '24:00']], tue: [['00:00', '02:00']] });
    expect(nextChangeMs(h, ms('2026-01-05T18:00:00Z'))).toEqual({ open: true, at: ms('2026-01-06T01:00:00Z') });
    expect(isOpenAt(h, ms('2026-01-05T23:00:00Z'))).toBe(true); // Tue 00:00 local
    expect(elapsedMs(h, ms('2026-01-05T00:00:00Z'), ms('2026-01-07T00:00:00Z'))).toBe(8 * H);
  });
  it('treats an end of "00:00" as midnight and start == end as empty', () => {
    expect(elapsedMs(schedule('UTC', { mon: [['22:00', '00:00']] }), ms('2026-01-05T00:00:00Z'), ms('2026-01-07T00:00:00Z'))).toBe(2 * H);
    expect(elapsedMs(schedule('UTC', { mon: [['09:00', '09:00']] }), ms('2026-01-05T00:00:00Z'), ms('2026-01-07T00:00:00Z'))).toBe(0);
  });
  it('continues across a year boundary', () => {
    // 2026-12-31 is a Thursday: Thu 22:00–06:00 in UTC.
    const h = schedule('UTC', { thu: [['22:00', '06:00']] });
    expect(nextChangeMs(h, ms('2026-12-31T23:00:00Z'))).toEqual({ open: true, at: ms('2027-01-01T06:00:00Z') });
    expect(elapsedMs(h, ms('2026-12-31T21:00:00Z'), ms('2027-01-01T07:00:00Z'))).toBe(8 * H);
    expect(iso(dueAtMs(h, ms('2026-12-31T23:30:00Z'), 60 * MIN))).toBe('2027-01-01T00:30:00.000Z');
  });
});

describe('24/7', () => {
  const h = always('Europe/Amsterdam');
  it('is open continuously and never changes', () => {
    expect(nextChangeMs(h, ms('2026-03-29T00:30:00Z'))).toBeNull();
    expect(nextChangeMs(h, ms('2026-12-31T22:59:59Z'))).toBeNull(); // just before local new year
    expect(isOpenAt(h, ms('2026-01-05T23:00:00Z'))).toBe(true); // local midnight
  });
  it('counts real elapsed time, including 23- and 25-hour DST days', () => {
    expect(elapsedMs(h, ms('2026-03-28T23:00:00Z'), ms('2026-03-29T22:00:00Z'))).toBe(23 * H);
    expect(elapsedMs(h, ms('2026-10-24T22:00:00Z'), ms('2026-10-25T23:00:00Z'))).toBe(25 * H);
    expect(elapsedMs(h, ms('2025-06-01T00:00:00Z'), ms('2027-06-01T00:00:00Z'))).toBe(ms('2027-06-01T00:00:00Z') - ms('2025-06-01T00:00:00Z'));
    expect(dueAtMs(h, ms('2026-03-29T00:30:00Z'), 2 * H)).toBe(ms('2026-03-29T02:30:00Z'));
  });
  it('closes only for a holiday', () => {
    const hol = always('Europe/Amsterdam', { holidays: ['2026-12-25'] });
    expect(nextChangeMs(hol, ms('2026-12-01T00:00:00Z'))).toEqual({ open: true, at: ms('2026-12-24T23:00:00Z') });
    expect(nextChangeMs(hol, ms('2026-12-25T12:00:00Z'))).toEqual({ open: false, at: ms('2026-12-25T23:00:00Z') });
    expect(nextChangeMs(hol, ms('2027-01-01T00:00:00Z'))).toBeNull();
  });
});

describe('DST days with business hours', () => {
  it('counts wall-clock hours on spring-forward and fall-back days', () => {
    // A Sunday shift 01:00–05:00 loses an hour in spring and gains one in autumn (Amsterdam).
    const h = schedule('Europe/Amsterdam', { sun: [['01:00', '05:00']] });
    expect(elapsedMs(h, ms('2026-03-28T00:00:00Z'), ms('2026-03-30T00:00:00Z'))).toBe(3 * H);
    expect(elapsedMs(h, ms('2026-10-24T00:00:00Z'), ms('2026-10-26T00:00:00Z'))).toBe(5 * H);
    // New York: 01:00–05:00 on 2026-03-08 and 2026-11-01.
    const ny = schedule('America/New_York', { sun: [['01:00', '05:00']] });
    expect(elapsedMs(ny, ms('2026-03-07T12:00:00Z'), ms('2026-03-09T12:00:00Z'))).toBe(3 * H);
    expect(elapsedMs(ny, ms('2026-10-31T12:00:00Z'), ms('2026-11-02T12:00:00Z'))).toBe(5 * H);
  });
  it('moves a time in the gap forward and takes the earlier of an ambiguous time', () => {
    const gap = schedule('Europe/Amsterdam', { sun: [['02:30', '04:00']] });
    expect(nextChangeMs(gap, ms('2026-03-28T12:00:00Z'))).toEqual({ open: false, at: ms('2026-03-29T01:30:00Z') });
    expect(elapsedMs(gap, ms('2026-03-28T12:00:00Z'), ms('2026-03-30T12:00:00Z'))).toBe(30 * MIN);
    const amb = schedule('Europe/Amsterdam', { sun: [['02:00', '03:00']] });
    expect(nextChangeMs(amb, ms('2026-10-24T12:00:00Z'))).toEqual({ open: false, at: ms('2026-10-25T00:00:00Z') });
    expect(elapsedMs(amb, ms('2026-10-24T12:00:00Z'), ms('2026-10-26T12:00:00Z'))).toBe(2 * H);
  });
  it('works in the southern hemisphere and in half-hour zones', () => {
    const syd = always('Australia/Sydney');
    expect(elapsedMs(syd, wallTimeToInstant('Australia/Sydney', 2026, 4, 5, 0), wallTimeToInstant('Australia/Sydney', 2026, 4, 6, 0))).toBe(25 * H);
    expect(elapsedMs(syd, wallTimeToInstant('Australia/Sydney', 2026, 10, 4, 0), wallTimeToInstant('Australia/Sydney', 2026, 10, 5, 0))).toBe(23 * H);
    const lh = always('Australia/Lord_Howe');
    const day = (m: number, d: number): number => elapsedMs(lh, wallTimeToInstant('Australia/Lord_Howe', 2026, m, d, 0), wallTimeToInstant('Australia/Lord_Howe', 2026, m, d + 1, 0));
    expect(day(4, 5)).toBe(24.5 * H);
    expect(day(10, 4)).toBe(23.5 * H);
    const kol = office('Asia/Kolkata');
    expect(isOpenAt(kol, ms('2026-03-02T03:30:00Z'))).toBe(true);
    expect(isOpenAt(kol, ms('2026-03-02T03:29:59.999Z'))).toBe(false);
    const adl = office('Australia/Adelaide');
    // Mon 2026-10-05 09:00 ACDT (+10:30) = Sun 22:30Z; Fri 2026-10-02 09:00 ACST (+9:30) = Thu 23:30Z.
    expect(nextChangeMs(adl, ms('2026-10-04T12:00:00Z'))).toEqual({ open: false, at: ms('2026-10-04T22:30:00Z') });
    expect(nextChangeMs(adl, ms('2026-10-01T12:00:00Z'))).toEqual({ open: false, at: ms('2026-10-01T23:30:00Z') });
  });
});

describe('holidays', () => {
  it('closes a dated holiday and a yearly one in every year', () => {
    const h = office('Europe/Amsterdam', { holidays: ['2026-12-24', '--12-25'] });
    expect(isOpenAt(h, ms('2026-12-24T10:00:00Z'))).toBe(false);
    expect(isOpenAt(h, ms('2026-12-25T10:00:00Z'))).toBe(false);
    expect(isOpenAt(h, ms('2028-12-25T10:00:00Z'))).toBe(false); // Monday
    expect(isOpenAt(h, ms('2027-12-24T10:00:00Z'))).toBe(true); // dated holiday was 2026 only
    // Thu 2026-12-24 16:30 local → Mon 2026-12-28 (25th Friday closed, weekend) 09:30.
    expect(iso(dueAtMs(h, ms('2026-12-23T15:30:00Z'), 60 * MIN))).toBe('2026-12-28T08:30:00.000Z');
  });
  it('applies --02-29 only in leap years', () => {
    const h = office('UTC', { holidays: ['--02-29'] });
    expect(isOpenAt(h, ms('2028-02-29T10:00:00Z'))).toBe(false);
    expect(isOpenAt(h, ms('2027-03-01T10:00:00Z'))).toBe(true);
    expect(isOpenAt(h, ms('2027-02-26T10:00:00Z'))).toBe(true);
  });
  it('closes the morning part of an overnight interval that began the evening before', () => {
    // Tue 2026-01-13 22:00 → Wed 06:00; Wednesday is a holiday: only Tue 22:00–24:00 counts.
    const h = schedule('Europe/Amsterdam', { tue: [['22:00', '06:00']] }, { holidays: ['2026-01-14'] });
    expect(elapsedMs(h, ms('2026-01-13T00:00:00Z'), ms('2026-01-15T00:00:00Z'))).toBe(2 * H);
    expect(nextChangeMs(h, ms('2026-01-13T22:00:00Z'))).toEqual({ open: true, at: ms('2026-01-13T23:00:00Z') });
    // The holiday on Tuesday closes Tuesday evening only; Wednesday morning stays open.
    const h2 = schedule('Europe/Amsterdam', { tue: [['22:00', '06:00']] }, { holidays: ['2026-01-13'] });
    expect(elapsedMs(h2, ms('2026-01-13T00:00:00Z'), ms('2026-01-15T00:00:00Z'))).toBe(6 * H);
  });
  it('closes a 24/7 schedule for exactly the local day, even on a DST day', () => {
    const h = always('Europe/Amsterdam', { holidays: ['2026-10-25'] });
    expect(elapsedMs(h, ms('2026-10-24T00:00:00Z'), ms('2026-10-27T00:00:00Z'))).toBe(72 * H - 25 * H);
  });
});

describe('exceptions', () => {
  it('replace the weekly hours of their date', () => {
    const h = office('Europe/Amsterdam', { exceptions: [{ date: '2026-12-24', hours: [['09:00', '13:00']] }, { date: '2026-12-31', hours: [] }] });
    expect(elapsedMs(h, ms('2026-12-24T00:00:00Z'), ms('2026-12-25T00:00:00Z'))).toBe(4 * H);
    expect(elapsedMs(h, ms('2026-12-31T00:00:00Z'), ms('2027-01-01T00:00:00Z'))).toBe(0);
    expect(elapsedMs(h, ms('2026-12-30T00:00:00Z'), ms('2026-12-31T00:00:00Z'))).toBe(8 * H);
  });
  it('can open a day that is normally closed (a Saturday)', () => {
    const h = office('UTC', { exceptions: [{ date: '2026-01-10', hours: [['10:00', '12:00']] }] });
    expect(iso(dueAtMs(h, ms('2026-01-09T16:30:00Z'), 60 * MIN))).toBe('2026-01-10T10:30:00.000Z');
  });
  it('leave an overnight interval from the previous day running into them', () => {
    const h = schedule('UTC', { tue: [['22:00', '06:00']] }, { exceptions: [{ date: '2026-01-14', hours: [] }] });
    expect(elapsedMs(h, ms('2026-01-13T00:00:00Z'), ms('2026-01-15T00:00:00Z'))).toBe(8 * H);
    // Replacing Tuesday removes the whole overnight interval that would have started on it.
    const h2 = schedule('UTC', { tue: [['22:00', '06:00']] }, { exceptions: [{ date: '2026-01-13', hours: [] }] });
    expect(elapsedMs(h2, ms('2026-01-13T00:00:00Z'), ms('2026-01-15T00:00:00Z'))).toBe(0);
  });
  it('lose to a holiday on the same date', () => {
    const h = office('UTC', { holidays: ['2026-12-24'], exceptions: [{ date: '2026-12-24', hours: [['09:00', '13:00']] }] });
    expect(elapsedMs(h, ms('2026-12-24T00:00:00Z'), ms('2026-12-25T00:00:00Z'))).toBe(0);
  });
});

describe('schedules that never open (again)', () => {
  it('an empty week never opens', () => {
    const h = schedule('UTC', {});
    expect(dueAtMs(h, ms('2026-01-05T00:00:00Z'), MIN)).toBeNull();
    expect(nextChangeMs(h, ms('2026-01-05T00:00:00Z'))).toBeNull();
    expect(elapsedMs(h, 0, ms('2030-01-01T00:00:00Z'))).toBe(0);
    expect(isOpenAt(h, ms('2026-01-05T00:00:00Z'))).toBe(false);
  });
  it('only past exceptions: never opens again, but the past still counts', () => {
    const h = schedule('UTC', {}, { exceptions: [{ date: '2025-06-02', hours: [['09:00', '10:00']] }] });
    expect(dueAtMs(h, ms('2026-01-05T00:00:00Z'), MIN)).toBeNull();
    expect(nextChangeMs(h, ms('2026-01-05T00:00:00Z'))).toBeNull();
    expect(elapsedMs(h, ms('2025-01-01T00:00:00Z'), ms('2026-01-01T00:00:00Z'))).toBe(H);
    expect(iso(dueAtMs(h, ms('2025-01-01T00:00:00Z'), 30 * MIN))).toBe('2025-06-02T09:30:00.000Z');
  });
  it('every day a yearly holiday: never opens', () => {
    const holidays: string[] = [];
    for (let m = 1; m <= 12; m++) for (let d = 1; d <= 31; d++) holidays.push(`--${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const h = office('UTC', { holidays });
    expect(dueAtMs(h, ms('2026-01-05T00:00:00Z'), MIN)).toBeNull();
    expect(nextChangeMs(h, ms('2026-01-05T00:00:00Z'))).toBeNull();
  });
  it('a closed stretch of years ending in a dated exception is found', () => {
    const holidays: string[] = [];
    for (let m = 1; m <= 12; m++) for (let d = 1; d <= 31; d++) holidays.push(`--${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    // Only a one-off exception far ahead can open it (but holidays win, so this stays closed)…
    const closed = office('UTC', { holidays, exceptions: [{ date: '2040-05-07', hours: [['09:00', '10:00']] }] });
    expect(dueAtMs(closed, ms('2026-01-05T00:00:00Z'), MIN)).toBeNull();
  });
});

describe('input handling', () => {
  it('throws a RangeError for an unknown time zone', () => {
    expect(() => isOpenAt(schedule('Mars/Olympus', {}), 0)).toThrow(RangeError);
  });
  it('ignores malformed intervals instead of failing', () => {
    const h = schedule('UTC', { mon: [['9am', '17:00'], ['25:00', '26:00'], ['09:00', '17:00']] });
    expect(elapsedMs(h, ms('2026-01-05T00:00:00Z'), ms('2026-01-06T00:00:00Z'))).toBe(8 * H);
  });
  it('caches per object but a new object with new hours gives new answers', () => {
    const a = office('UTC');
    const b = { ...a, week: weekdays([['10:00', '12:00']]) };
    expect(elapsedMs(a, ms('2026-01-05T00:00:00Z'), ms('2026-01-06T00:00:00Z'))).toBe(8 * H);
    expect(elapsedMs(b, ms('2026-01-05T00:00:00Z'), ms('2026-01-06T00:00:00Z'))).toBe(2 * H);
  });
  it('loads earlier years on demand after later ones', () => {
    const h = office('Europe/Amsterdam');
    expect(isOpenAt(h, ms('2030-01-07T08:00:00Z'))).toBe(true);
    expect(elapsedMs(h, ms('2024-01-01T00:00:00Z'), ms('2024-01-02T00:00:00Z'))).toBe(8 * H);
    expect(elapsedMs(h, ms('2024-01-01T00:00:00Z'), ms('2030-01-07T09:00:00Z'))).toBe(
      elapsedMs(office('Europe/Amsterdam'), ms('2024-01-01T00:00:00Z'), ms('2030-01-07T09:00:00Z')),
    );
  });
});
