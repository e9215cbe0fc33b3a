// Facebook's time texts → instant ± precision, in English, German and Dutch, in the viewer's zone.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findFbTime as findWith, parseFbTime as parseWith } from '../../../src/core/fbtime.ts';
import { zoneWallClock } from '../../../src/core/zone-clock.ts';

// Each case names its zone; the parser takes a WallClock for it.
const parseFbTime = (text: string, now: number, timeZone: string) => parseWith(text, now, zoneWallClock(timeZone));
const findFbTime = (label: string, now: number, timeZone: string) => findWith(label, now, zoneWallClock(timeZone));

const AMS = 'Europe/Amsterdam';
const NY = 'America/New_York';
const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
// Thursday 2026-03-12 15:00 in Amsterdam (UTC+1).
const NOW = Date.parse('2026-03-12T14:00:00Z');

const ago = (ms: number): number => NOW - ms;

describe('relative times', () => {
  const cases: [string, number, number][] = [
    // text, elapsed, ± precision
    ['2h', 2 * HOUR, 30 * MIN],
    ['2 h', 2 * HOUR, 30 * MIN],
    ['2 hrs', 2 * HOUR, 30 * MIN],
    ['2 hours ago', 2 * HOUR, 30 * MIN],
    ['an hour ago', HOUR, 30 * MIN],
    ['about an hour ago', HOUR, 30 * MIN],
    ['5 min', 5 * MIN, 30 * SEC],
    ['5m', 5 * MIN, 30 * SEC],
    ['5 minutes ago', 5 * MIN, 30 * SEC],
    ['a minute ago', MIN, 30 * SEC],
    ['45 s', 45 * SEC, 500],
    ['3 d', 3 * DAY, 12 * HOUR],
    ['3d', 3 * DAY, 12 * HOUR],
    ['3 days ago', 3 * DAY, 12 * HOUR],
    ['1 w', 7 * DAY, 3.5 * DAY],
    ['2w', 14 * DAY, 3.5 * DAY],
    ['1 y', 365.2425 * DAY, 182.62125 * DAY],
    // German
    ['2 Std.', 2 * HOUR, 30 * MIN],
    ['vor 2 Stunden', 2 * HOUR, 30 * MIN],
    ['vor einer Stunde', HOUR, 30 * MIN],
    ['5 Min.', 5 * MIN, 30 * SEC],
    ['vor 5 Minuten', 5 * MIN, 30 * SEC],
    ['3 T.', 3 * DAY, 12 * HOUR],
    ['vor 3 Tagen', 3 * DAY, 12 * HOUR],
    ['vor einem Tag', DAY, 12 * HOUR],
    ['1 Wo.', 7 * DAY, 3.5 * DAY],
    ['vor 2 Wochen', 14 * DAY, 3.5 * DAY],
    ['1 J.', 365.2425 * DAY, 182.62125 * DAY],
    // Dutch
    ['2 u', 2 * HOUR, 30 * MIN],
    ['2 uur geleden', 2 * HOUR, 30 * MIN],
    ['een uur geleden', HOUR, 30 * MIN],
    ['5 min geleden', 5 * MIN, 30 * SEC],
    ['5 minuten geleden', 5 * MIN, 30 * SEC],
    ['3 d', 3 * DAY, 12 * HOUR],
    ['3 dagen geleden', 3 * DAY, 12 * HOUR],
    ['1 w', 7 * DAY, 3.5 * DAY],
    ['2 weken geleden', 14 * DAY, 3.5 * DAY],
    ['1 j', 365.2425 * DAY, 182.62125 * DAY],
  ];
  it.each(cases)('%s', (text, elapsed, precision) => {
    expect(parseFbTime(text, NOW, AMS)).toEqual({ at: ago(elapsed), precisionMs: precision });
  });

  it('tolerates the no-break and narrow no-break spaces Facebook puts between number and unit', () => {
    expect(parseFbTime('2\u00a0Std.', NOW, AMS)).toEqual({ at: ago(2 * HOUR), precisionMs: 30 * MIN });
    expect(parseFbTime(' 5\u202fmin ', NOW, AMS)).toEqual({ at: ago(5 * MIN), precisionMs: 30 * SEC });
  });

  it('"just now" means within the last minute, not exactly now', () => {
    for (const t of ['Just now', 'Gerade eben', 'Zojuist']) {
      expect(parseFbTime(t, NOW, AMS)).toEqual({ at: NOW - 30 * SEC, precisionMs: 30 * SEC });
    }
  });

  it('is independent of the zone (elapsed time is elapsed time)', () => {
    expect(parseFbTime('2h', NOW, NY)).toEqual(parseFbTime('2h', NOW, 'UTC'));
  });
});

describe('"Yesterday / Today / weekday at" in the local zone', () => {
  const cases: [string, string][] = [
    ['Yesterday at 14:05', '2026-03-11T13:05:30Z'],
    ['Yesterday at 2:05 PM', '2026-03-11T13:05:30Z'],
    ['yesterday at 2:05 pm', '2026-03-11T13:05:30Z'],
    ['Yesterday at 12:10 AM', '2026-03-10T23:10:30Z'],
    ['Gestern um 14:05', '2026-03-11T13:05:30Z'],
    ['Gestern um 14:05 Uhr', '2026-03-11T13:05:30Z'],
    ['Gisteren om 14:05', '2026-03-11T13:05:30Z'],
    ['Gisteren om 14.05', '2026-03-11T13:05:30Z'],
    ['Today at 09:30', '2026-03-12T08:30:30Z'],
    ['Heute um 9:30', '2026-03-12T08:30:30Z'],
    ['Vandaag om 09:30', '2026-03-12T08:30:30Z'],
    // NOW is a Thursday: the last Monday is 3 days back, the last Thursday a week back.
    ['Monday at 10:00', '2026-03-09T09:00:30Z'],
    ['Mon 10:00', '2026-03-09T09:00:30Z'],
    ['Montag um 10:00', '2026-03-09T09:00:30Z'],
    ['maandag om 10:00', '2026-03-09T09:00:30Z'],
    ['Thursday at 10:00', '2026-03-05T09:00:30Z'],
  ];
  it.each(cases)('%s', (text, iso) => {
    expect(parseFbTime(text, NOW, AMS)).toEqual({ at: Date.parse(iso), precisionMs: 30 * SEC });
  });

  it('reads the clock time in the given zone', () => {
    expect(parseFbTime('Yesterday at 14:05', NOW, NY)!.at).toBe(Date.parse('2026-03-11T18:05:30Z'));
  });

  it('is DST-safe: "yesterday" across the spring-forward night is the previous calendar day, not now − 24 h', () => {
    // Amsterdam springs forward on 2026-03-29 (02:00 → 03:00). Now: 29 March 00:30 local... and 10:00 local.
    const afterChange = Date.parse('2026-03-29T08:00:00Z'); // 10:00 CEST
    expect(parseFbTime('Yesterday at 23:30', afterChange, AMS)!.at).toBe(Date.parse('2026-03-28T22:30:30Z')); // CET
    expect(parseFbTime('Yesterday at 10:00', afterChange, AMS)!.at).toBe(Date.parse('2026-03-28T09:00:30Z'));
    // The day after: yesterday 10:00 was already summer time.
    const dayAfter = Date.parse('2026-03-30T08:00:00Z');
    expect(parseFbTime('Gestern um 10:00', dayAfter, AMS)!.at).toBe(Date.parse('2026-03-29T08:00:30Z'));
    // Fall back (2026-10-25, 03:00 → 02:00): yesterday 12:00 was CEST, today is CET.
    const autumn = Date.parse('2026-10-26T09:00:00Z');
    expect(parseFbTime('Gisteren om 12:00', autumn, AMS)!.at).toBe(Date.parse('2026-10-25T11:00:30Z'));
  });

  it('"Yesterday" alone covers the whole local day', () => {
    expect(parseFbTime('Yesterday', NOW, AMS)).toEqual({ at: Date.parse('2026-03-11T11:00:00Z'), precisionMs: 12 * HOUR });
  });

  it('"Today at" a time still to come is a misreading, not a future post', () => {
    expect(parseFbTime('Today at 18:00', NOW, AMS)).toBeNull();
  });
});

describe('calendar dates', () => {
  const withTime: [string, string][] = [
    ['12 March at 10:15', '2026-03-12T09:15:30Z'],
    ['March 12 at 10:15 AM', '2026-03-12T09:15:30Z'],
    ['March 12, 2025 at 10:15 AM', '2025-03-12T09:15:30Z'],
    ['12 March 2025 at 10:15', '2025-03-12T09:15:30Z'],
    ['Monday, 9 March 2026 at 10:15', '2026-03-09T09:15:30Z'],
    ['Monday, March 9, 2026 at 10:15 AM', '2026-03-09T09:15:30Z'],
    ['2 Mar at 08:00', '2026-03-02T07:00:30Z'],
    ['12. März um 10:15', '2026-03-12T09:15:30Z'],
    ['12. März 2025 um 10:15', '2025-03-12T09:15:30Z'],
    ['Montag, 9. März 2026 um 10:15', '2026-03-09T09:15:30Z'],
    ['3. Okt. um 18:40', '2025-10-03T16:40:30Z'],
    ['12 maart om 10:15', '2026-03-12T09:15:30Z'],
    ['12 maart 2025 om 10:15', '2025-03-12T09:15:30Z'],
    ['maandag 9 maart 2026 om 10:15', '2026-03-09T09:15:30Z'],
    ['3 okt om 18:40', '2025-10-03T16:40:30Z'],
    ['1 mei 2024 om 09:00', '2024-05-01T07:00:30Z'],
  ];
  it.each(withTime)('%s', (text, iso) => {
    expect(parseFbTime(text, NOW, AMS)).toEqual({ at: Date.parse(iso), precisionMs: 30 * SEC });
  });

  it('a date without a year that would lie ahead is last year', () => {
    expect(parseFbTime('25 December at 10:00', NOW, AMS)!.at).toBe(Date.parse('2025-12-25T09:00:30Z'));
    expect(parseFbTime('25. Dezember', NOW, AMS)!.at).toBe(Date.parse('2025-12-25T11:00:00Z'));
  });

  it('a date without a time covers the whole local day (±12 h)', () => {
    expect(parseFbTime('2 March', NOW, AMS)).toEqual({ at: Date.parse('2026-03-02T11:00:00Z'), precisionMs: 12 * HOUR });
    expect(parseFbTime('2. März 2026', NOW, AMS)).toEqual({ at: Date.parse('2026-03-02T11:00:00Z'), precisionMs: 12 * HOUR });
    expect(parseFbTime('2 maart 2026', NOW, AMS)).toEqual({ at: Date.parse('2026-03-02T11:00:00Z'), precisionMs: 12 * HOUR });
    // The DST day is 23 hours long: ±11.5 h.
    expect(parseFbTime('29 March 2026', Date.parse('2026-04-02T00:00:00Z'), AMS)).toEqual({
      at: Date.parse('2026-03-28T23:00:00Z') + 11.5 * HOUR,
      precisionMs: 11.5 * HOUR,
    });
  });

  it('today without a time ends at now', () => {
    const r = parseFbTime('12 March', NOW, AMS)!;
    expect(r.at + r.precisionMs).toBe(NOW);
    expect(r.at - r.precisionMs).toBe(Date.parse('2026-03-11T23:00:00Z'));
  });
});

describe('garbage and impossible input → null (the caller falls back to first-seen)', () => {
  const bad = [
    '',
    '   ',
    'Like',
    'Reply',
    'Antworten',
    'See translation',
    '2',
    'h',
    '2 parsecs',
    '2 hours from now',
    'in 2 hours',
    '25:00',
    '10:15',
    'Yesterday at 25:00',
    'Yesterday at 14:75',
    'Yesterday at 13:00 PM',
    '31 February at 10:00',
    '31 April 2025',
    '12 Smarch at 10:15',
    '0 March',
    '12 March 2027',
    '12/03/2026',
    'x'.repeat(200),
  ];
  it.each(bad)('%j', (text) => {
    expect(parseFbTime(text, NOW, AMS)).toBeNull();
  });

  it('an unknown zone gives null instead of throwing', () => {
    expect(parseFbTime('Yesterday at 14:05', NOW, 'Mars/Olympus_Mons')).toBeNull();
  });

  it('never throws and never answers a time after now or a negative precision (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 4e12 }), (text, now) => {
        const r = parseFbTime(text, now, AMS);
        if (r) {
          expect(r.precisionMs).toBeGreaterThanOrEqual(0);
          expect(r.at - r.precisionMs).toBeLessThanOrEqual(now);
          expect(r.at + r.precisionMs).toBeLessThanOrEqual(now);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the relative count always lands the span where it was said (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 59 }), fc.constantFrom('min', 'Min.', 'minuten geleden'), (n, unit) => {
        const r = parseFbTime(`${n} ${unit}`, NOW, AMS)!;
        expect(r).toEqual({ at: NOW - n * MIN, precisionMs: 30 * SEC });
      }),
    );
  });
});

describe('times at the end of an aria-label', () => {
  it.each([
    ['Comment by Jane Doe 2 hours ago', 2 * HOUR],
    ['Reply by Agent 47 to Acme Nederland’s comment 5 minutes ago', 5 * MIN],
    ['Kommentar von Jan Müller vor 2 Stunden', 2 * HOUR],
    ['Antwort von Jan Müller auf den Kommentar von Acme vor 3 Tagen', 3 * DAY],
    ['Reactie van An de Vries 2 uur geleden', 2 * HOUR],
    ['Antwoord van An de Vries op de reactie van Acme 1 dag geleden', DAY],
  ])('%s', (label, elapsed) => {
    expect(findFbTime(label, NOW, AMS)!.at).toBe(NOW - elapsed);
  });

  it('reads a full date at the end of a label', () => {
    expect(findFbTime('Comment by Jane Doe 12 March at 10:15', NOW, AMS)!.at).toBe(Date.parse('2026-03-12T09:15:30Z'));
  });

  it('a name ending in a word that means "now" is not a time', () => {
    expect(findFbTime('Reactie van Jan Net', NOW, AMS)).toBeNull();
    expect(findFbTime('Comment by Jane Doe', NOW, AMS)).toBeNull();
  });
});
