import { describe, expect, it } from 'vitest';
import { parseIcsHolidays } from '../../../src/core/ics.ts';

const cal = (...events: string[]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR'].join('\r\n') + '\r\n';
const ev = (...lines: string[]): string => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');

describe('parseIcsHolidays', () => {
  it('turns an all-day event into its date', () => {
    const r = parseIcsHolidays(cal(ev('SUMMARY:Christmas', 'DTSTART;VALUE=DATE:20261225', 'DTEND;VALUE=DATE:20261226')));
    expect(r).toEqual({ holidays: ['2026-12-25'], skipped: [] });
  });
  it('turns a yearly all-day event into a --MM-DD holiday', () => {
    const r = parseIcsHolidays(cal(ev('SUMMARY:New Year', 'DTSTART;VALUE=DATE:20200101', 'RRULE:FREQ=YEARLY')));
    expect(r.holidays).toEqual(['--01-01']);
  });
  it('expands a yearly rule with COUNT or UNTIL to dated days, skipping 29 February in common years', () => {
    expect(parseIcsHolidays(cal(ev('DTSTART;VALUE=DATE:20260501', 'RRULE:FREQ=YEARLY;COUNT=3'))).holidays).toEqual(['2026-05-01', '2027-05-01', '2028-05-01']);
    expect(parseIcsHolidays(cal(ev('DTSTART;VALUE=DATE:20280229', 'RRULE:FREQ=YEARLY;UNTIL=20330101'))).holidays).toEqual(['2028-02-29', '2032-02-29']);
  });
  it('expands multi-day events to each day (DTEND is exclusive), across a month end', () => {
    const r = parseIcsHolidays(cal(ev('SUMMARY:Office closed', 'DTSTART;VALUE=DATE:20261230', 'DTEND;VALUE=DATE:20270102')));
    expect(r.holidays).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
    expect(parseIcsHolidays(cal(ev('DTSTART;VALUE=DATE:20261224', 'DURATION:P2D'))).holidays).toEqual(['2026-12-24', '2026-12-25']);
  });
  it('skips timed events and unsupported rules with a reason', () => {
    const r = parseIcsHolidays(
      cal(
        ev('SUMMARY:Team meeting', 'DTSTART:20261224T090000Z', 'DTEND:20261224T100000Z'),
        ev('SUMMARY:Thanksgiving', 'DTSTART;VALUE=DATE:20261126', 'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH'),
        ev('SUMMARY:Every Monday', 'DTSTART;VALUE=DATE:20260105', 'RRULE:FREQ=WEEKLY'),
        ev('SUMMARY:King\\, Day', 'DTSTART;VALUE=DATE:20260427'),
      ),
    );
    expect(r.holidays).toEqual(['2026-04-27']);
    expect(r.skipped.map((s) => s.summary)).toEqual(['Team meeting', 'Thanksgiving', 'Every Monday']);
    expect(r.skipped.every((s) => s.reason.length > 0)).toBe(true);
  });
  it('unfolds folded lines and accepts LF-only files and lower-case names', () => {
    const text = 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:A very long\n  holiday name\ndtstart;value=date:2026\n 1005\nEND:VEVENT\nEND:VCALENDAR\n';
    expect(parseIcsHolidays(text).holidays).toEqual(['2026-10-05']);
  });
  it('ignores properties of nested alarms and cancelled events', () => {
    const r = parseIcsHolidays(
      cal(
        ev('SUMMARY:X', 'DTSTART;VALUE=DATE:20260101', 'BEGIN:VALARM', 'TRIGGER:-PT15M', 'DTSTART:20250101T000000Z', 'END:VALARM'),
        ev('SUMMARY:Off', 'STATUS:CANCELLED', 'DTSTART;VALUE=DATE:20260102'),
      ),
    );
    expect(r.holidays).toEqual(['2026-01-01']);
    expect(r.skipped).toEqual([{ summary: 'Off', reason: 'cancelled' }]);
  });
  it('sorts and de-duplicates', () => {
    const r = parseIcsHolidays(cal(ev('DTSTART;VALUE=DATE:20261226'), ev('DTSTART;VALUE=DATE:20261225'), ev('DTSTART;VALUE=DATE:20261225'), ev('DTSTART;VALUE=DATE:20200101', 'RRULE:FREQ=YEARLY')));
    expect(r.holidays).toEqual(['--01-01', '2026-12-25', '2026-12-26']);
  });
  it('survives garbage without throwing', () => {
    for (const text of ['', 'hello', 'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2026\r\n', cal(ev('DTSTART;VALUE=DATE:20261399')), '\u0000:::;;;', cal(ev('DTSTART;VALUE=DATE:20260101', 'DTEND;VALUE=DATE:30000101'))]) {
      const r = parseIcsHolidays(text);
      expect(Array.isArray(r.holidays)).toBe(true);
    }
    expect(parseIcsHolidays(cal(ev('SUMMARY:Bad', 'DTSTART;VALUE=DATE:20261399'))).skipped).toEqual([{ summary: 'Bad', reason: 'invalid start date' }]);
    expect(parseIcsHolidays(null as unknown as string)).toEqual({ holidays: [], skipped: [] });
  });
});
