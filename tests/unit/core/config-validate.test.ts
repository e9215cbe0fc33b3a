import { describe, expect, it } from 'vitest';
import { validateConfig, formatConfigErrors } from '../../../src/core/config/validate.ts';
import { DEFAULT_CONFIG, DEFAULT_RATINGS, DEFAULT_WARN_AT, CONFIG_VERSION } from '../../../src/core/config/defaults.ts';
import { exportConfig, migrateConfig } from '../../../src/core/config/migrate.ts';
import { PRESET_RULES } from '../../../src/core/sites/presets.ts';
import { errorsAfter, issueExample, siteRule } from './config-helpers.ts';

const err = (path: string, text: string) => ({ path, message: expect.stringContaining(text) });

describe('valid configs', () => {
  it('accepts the example from the issue and returns an equal copy that shares nothing with the input', () => {
    const input = issueExample();
    const r = validateConfig(input);
    expect(r).toEqual({ ok: true, config: input });
    if (!r.ok) return;
    expect(r.config.schedules[0]).not.toBe(input.schedules[0]);
    expect(r.config.schedules[0]!.week.mon![0]).not.toBe(input.schedules[0].week.mon[0]);
    expect(r.config.brands.x).not.toBe(input.brands.x);
  });

  it('accepts the first-run default config', () => {
    expect(validateConfig(DEFAULT_CONFIG)).toEqual({ ok: true, config: DEFAULT_CONFIG });
  });

  it('accepts a calendar-time config without any schedule, and fills in only brands and sites', () => {
    const r = validateConfig({ version: 1, schedules: [], policies: [{ id: 'all', schedule: null, match: {}, firstResponseMinutes: 30 }] });
    expect(r).toEqual({
      ok: true,
      config: { version: 1, schedules: [], policies: [{ id: 'all', schedule: null, match: {}, firstResponseMinutes: 30 }], brands: {}, sites: [] },
    });
  });

  it('accepts a full site rule and the optional sections', () => {
    const r = validateConfig({
      ...issueExample(),
      sites: [siteRule()],
      ratings: { chat: { stellar: 1, aboveAverage: 5, average: 10, belowAverage: 60 } },
      notifications: { enabled: true, leadMinutes: 0, quietWhenClosed: false },
      retentionDays: 90,
    });
    expect(r.ok).toBe(true);
  });

  it('strips a leading "@" and surrounding spaces from brand handles', () => {
    const r = validateConfig({ ...issueExample(), brands: { x: [' @AcmeSupport'], facebook: ['Acme NL '] } });
    expect(r.ok && r.config.brands).toEqual({ x: ['AcmeSupport'], facebook: ['Acme NL'] });
  });

  it('keeps "--02-29" (leap years only) and overnight intervals that end where the next day starts', () => {
    const r = validateConfig(
      (() => {
        const c = issueExample();
        c.schedules[0].holidays = ['--02-29', '2028-02-29'];
        c.schedules[0].week = { mon: [['22:00', '06:00']], tue: [['06:00', '12:00']], sun: [['20:00', '00:00']] };
        return c;
      })(),
    );
    expect(r.ok).toBe(true);
  });

  it('reads the export envelope the options page writes', () => {
    const envelope = exportConfig(DEFAULT_CONFIG, new Date('2026-05-01T10:00:00Z'));
    expect(envelope).toMatchObject({ format: 'replyclock-team-config', exportedAt: '2026-05-01T10:00:00.000Z' });
    expect(validateConfig(JSON.parse(JSON.stringify(envelope)))).toEqual({ ok: true, config: DEFAULT_CONFIG });
    expect(migrateConfig(envelope)).toBe(DEFAULT_CONFIG);
  });
});

describe('times and intervals', () => {
  it('names a malformed time by its exact path', () => {
    const errors = errorsAfter((c) => (c.schedules[0].week.mon[1] = ['25:00', '26:00']));
    expect(errors).toContainEqual(err('schedules[0].week.mon[1][0]', '"25:00" is not a time of day'));
    expect(errors).toContainEqual(err('schedules[0].week.mon[1][1]', '"26:00" is not a time of day'));
  });

  it.each([['9:00'], ['09:60'], ['0900'], [''], ['24:01']])('refuses %j as a start time', (t) => {
    expect(errorsAfter((c) => (c.schedules[0].week.mon[0] = [t, '12:00']))).toContainEqual(err('schedules[0].week.mon[0][0]', 'not a time of day'));
  });

  it('allows "24:00" only as an end', () => {
    expect(errorsAfter((c) => (c.schedules[0].week.sat = [['24:00', '06:00']]))).toEqual([err('schedules[0].week.sat[0][0]', '"24:00" is only valid as an end')]);
  });

  it('refuses an interval that starts and ends at the same time', () => {
    expect(errorsAfter((c) => (c.schedules[0].week.sat = [['09:00', '09:00']]))).toEqual([err('schedules[0].week.sat[0]', 'starts and ends at the same time')]);
  });

  it('refuses a pair that is not two times', () => {
    expect(errorsAfter((c) => (c.schedules[0].week.sat = [['09:00']]))).toEqual([err('schedules[0].week.sat[0]', 'pair')]);
    expect(errorsAfter((c) => (c.schedules[0].week.sat = [['09:00', 17]]))).toEqual([err('schedules[0].week.sat[0][1]', 'not a number')]);
  });

  it('refuses overlapping intervals on the same day, at the later one', () => {
    expect(errorsAfter((c) => (c.schedules[0].week.mon = [['08:00', '12:00'], ['11:00', '13:00']]))).toEqual([
      err('schedules[0].week.mon[1]', 'overlaps mon[0] ("08:00"–"12:00")'),
    ]);
  });

  it("refuses an overnight interval that overlaps the next day's own hours, wrapping Sunday into Monday", () => {
    expect(errorsAfter((c) => (c.schedules[0].week.wed = [['05:00', '09:00']]))).toEqual([
      err('schedules[0].week.wed[0]', 'overlaps tue[0] ("22:00"–"06:00"), which runs past midnight into wed'),
    ]);
    expect(errorsAfter((c) => (c.schedules[0].week.sun = [['20:00', '09:00']]))).toEqual([
      err('schedules[0].week.mon[0]', 'overlaps sun[0] ("20:00"–"09:00"), which runs past midnight into mon'),
    ]);
  });

  it('refuses overlapping exception hours', () => {
    expect(errorsAfter((c) => (c.schedules[0].exceptions[0].hours = [['09:00', '13:00'], ['12:00', '14:00']]))).toEqual([
      err('schedules[0].exceptions[0].hours[1]', 'overlaps'),
    ]);
  });

  it('refuses a misspelled weekday with a hint', () => {
    expect(errorsAfter((c) => (c.schedules[0].week.monday = []))).toEqual([err('schedules[0].week.monday', 'did you mean "mon"?')]);
  });
});

describe('dates, zones and ids', () => {
  it.each([['2026-02-30'], ['--02-30'], ['2026-13-01'], ['26-01-01'], ['2026-1-1'], ['christmas']])('refuses the holiday %j', (d) => {
    expect(errorsAfter((c) => (c.schedules[0].holidays = [d]))).toEqual([err('schedules[0].holidays[0]', 'not a')]);
  });

  it('refuses an impossible exception date and duplicate exception dates', () => {
    expect(errorsAfter((c) => (c.schedules[0].exceptions[0].date = '2027-02-29'))).toEqual([err('schedules[0].exceptions[0].date', 'not a day on the calendar')]);
    expect(errorsAfter((c) => c.schedules[0].exceptions.push({ date: '2026-12-24', hours: [] }))).toEqual([
      err('schedules[0].exceptions[1].date', 'exception date "2026-12-24" is used twice (also at schedules[0].exceptions[0].date)'),
    ]);
  });

  it('refuses an exception on a holiday, since the holiday always wins', () => {
    expect(errorsAfter((c) => c.schedules[0].exceptions.push({ date: '2027-01-01', hours: [['10:00', '12:00']] }))).toEqual([
      err('schedules[0].exceptions[1].date', 'is also a holiday (holidays[1])'),
    ]);
  });

  it('refuses an unknown time zone', () => {
    expect(errorsAfter((c) => (c.schedules[0].timeZone = 'Europe/Amsterdan'))).toEqual([err('schedules[0].timeZone', '"Europe/Amsterdan" is not a known time zone')]);
  });

  it('refuses duplicate schedule, policy and site ids', () => {
    const errors = errorsAfter((c) => {
      c.schedules.push({ ...c.schedules[0], exceptions: [] });
      c.policies.push({ ...c.policies[0] });
      c.sites = [siteRule(), siteRule()];
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        err('schedules[1].id', 'schedule id "nl" is used twice'),
        err('policies[1].id', 'policy id "social" is used twice'),
        err('sites[1].id', 'site id "freshdesk" is used twice'),
      ]),
    );
  });

  it('refuses a policy naming a schedule that does not exist, suggesting the close one', () => {
    expect(errorsAfter((c) => (c.policies[0].schedule = 'NL'))).toEqual([err('policies[0].schedule', 'no schedule has id "NL" (schedules are "nl"; use null to count calendar time) — did you mean "nl"?')]);
  });

  it('refuses an empty schedules list while a policy needs one', () => {
    expect(errorsAfter((c) => (c.schedules = []))).toEqual([err('policies[0].schedule', 'there are no schedules')]);
  });
});

describe('policies', () => {
  it.each([[0], [-5], ['60'], [Number.NaN], [Number.POSITIVE_INFINITY], [1e12], [null]])('refuses the target %p', (t) => {
    expect(errorsAfter((c) => (c.policies[0].firstResponseMinutes = t))).toEqual([{ path: 'policies[0].firstResponseMinutes', message: expect.any(String) }]);
  });

  it.each([[0], [1], [1.5], [-0.2], ['0.8']])('refuses warnAt %p', (w) => {
    expect(errorsAfter((c) => (c.policies[0].warnAt = w))).toEqual([{ path: 'policies[0].warnAt', message: expect.any(String) }]);
  });

  it('refuses a missing schedule key instead of guessing calendar time', () => {
    expect(errorsAfter((c) => delete c.policies[0].schedule)).toEqual([err('policies[0].schedule', 'is missing')]);
  });

  it('refuses unknown channels, empty match lists and regex topics that do not compile', () => {
    const errors = errorsAfter((c) => (c.policies[0].match = { channels: ['email'], platforms: [], topics: ['refund', '/(unclosed/i', '/x/g'] }));
    expect(errors).toEqual([
      err('policies[0].match.platforms', 'is empty'),
      err('policies[0].match.channels[0]', '"email" is not one of "public", "dm", "ticket", "chat"'),
      err('policies[0].match.topics[1]', 'not a valid regular expression'),
      err('policies[0].match.topics[2]', 'flags "g" and "y" are not allowed'),
    ]);
  });

  it('refuses a policy that can never apply behind a catch-all', () => {
    expect(errorsAfter((c) => c.policies.unshift({ id: 'all', schedule: null, match: {} }))).toEqual([
      err('policies[1]', 'can never apply: policies[0] comes first and matches everything'),
    ]);
  });

  it('refuses an empty policies list', () => {
    expect(errorsAfter((c) => (c.policies = []))).toEqual([err('policies', 'is empty')]);
  });
});

describe('version, keys and types', () => {
  it('says clearly when a file comes from a newer Replyclock, and nothing else', () => {
    expect(errorsAfter((c) => ((c.version = 2), (c.futureKey = true)))).toEqual([err('version', 'made by a newer Replyclock')]);
  });

  it.each([[undefined, 'is missing'], [1.5, 'whole number'], ['1', 'whole number'], [0, 'not a Replyclock config version']])('refuses version %p', (v, text) => {
    expect(errorsAfter((c) => (v === undefined ? delete c.version : (c.version = v)))).toEqual([err('version', text)]);
  });

  it('reports unknown keys at every level with a hint', () => {
    const errors = errorsAfter((c) => {
      c.polices = [];
      c.schedules[0].timezone = 'UTC';
      c.policies[0].firstResponseMinute = 5;
      c.policies[0].match.platform = ['x'];
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        err('polices', 'unknown key "polices" — did you mean "policies"?'),
        err('schedules[0].timezone', 'did you mean "timeZone"?'),
        err('policies[0].firstResponseMinute', 'did you mean "firstResponseMinutes"?'),
        err('policies[0].match.platform', 'did you mean "platforms"?'),
      ]),
    );
    expect(errors).toHaveLength(4);
  });

  it('reports every problem, not just the first', () => {
    const errors = errorsAfter((c) => {
      c.schedules[0].timeZone = 'Mars/Olympus';
      c.policies[0].warnAt = 2;
      c.brands.x = ['not a handle!'];
    });
    expect(errors.map((e) => e.path)).toEqual(['schedules[0].timeZone', 'policies[0].warnAt', 'brands.x[0]']);
  });

  it('refuses wrong types with the type named', () => {
    expect(errorsAfter((c) => (c.schedules = {}))).toEqual([err('schedules', 'must be a list of schedules, not an object')]);
    expect(errorsAfter((c) => (c.brands = ['AcmeNL']))).toEqual([err('brands', 'not a list')]);
    expect(validateConfig('{"version":1}')).toEqual({ ok: false, errors: [err('(root)', 'must be a team config object')] });
  });

  it('refuses duplicate brand handles regardless of case or "@"', () => {
    expect(errorsAfter((c) => c.brands.x.push('@acmesupport'))).toEqual([err('brands.x[2]', 'account "acmesupport" is used twice (also at brands.x[0])')]);
  });

  it('refuses an envelope of another format, naming envelope problems by their place in the file', () => {
    expect(validateConfig({ format: 'something-else', config: issueExample() })).toEqual({ ok: false, errors: [err('format', 'not a Replyclock team config export')] });
    const r = validateConfig({ format: 'replyclock-team-config', exportedAt: 'now', config: { ...issueExample(), version: 'x' } });
    expect(r).toEqual({ ok: false, errors: [err('config.version', 'whole number')] });
  });
});

describe('site rules', () => {
  const withSite = (change: (s: Record<string, any>) => void) =>
    errorsAfter((c) => {
      const s = siteRule();
      change(s);
      c.sites = [s];
    });

  it('accepts the helpdesk presets that ship with Replyclock, so a team can keep them in its file', () => {
    expect(validateConfig({ ...issueExample(), sites: PRESET_RULES })).toMatchObject({ ok: true });
  });

  it('refuses invalid match patterns', () => {
    expect(withSite((s) => (s.matches = ['*.freshdesk.com', 'https://*.freshdesk.com/a/*', 'ftp://x.com/*', 'https://a.*.com/*']))).toEqual([
      err('sites[0].matches[0]', 'is not a match pattern'),
      err('sites[0].matches[2]', 'is not a match pattern'),
      err('sites[0].matches[3]', 'is not a match pattern'),
    ]);
  });

  it('refuses an id pattern that does not compile or has no group', () => {
    expect(withSite((s) => (s.conversationId.pattern = '/tickets/(\\d+'))).toEqual([err('sites[0].conversationId.pattern', 'not a valid regular expression')]);
    expect(withSite((s) => (s.conversationId.pattern = '/tickets/\\d+'))).toEqual([err('sites[0].conversationId.pattern', 'has no group')]);
  });

  it('refuses empty selectors and an agentWhen of no known shape', () => {
    expect(withSite((s) => ((s.conversation = ' '), (s.agentWhen = { who: 'agent' })))).toEqual([
      err('sites[0].conversation', 'must not be empty'),
      err('sites[0].agentWhen', 'must be an object with'),
    ]);
  });

  it('needs an attribute when the id comes from one', () => {
    expect(withSite((s) => (s.conversationId = { from: 'attribute', pattern: '(\\d+)' }))).toEqual([err('sites[0].conversationId.attribute', 'is missing')]);
  });
});

describe('defaults and formatting', () => {
  it('has the documented defaults', () => {
    expect(CONFIG_VERSION).toBe(1);
    expect(DEFAULT_WARN_AT).toBe(0.8);
    expect(DEFAULT_RATINGS.social).toEqual({ stellar: 15, aboveAverage: 240, average: 1440, belowAverage: 4320 });
    expect(DEFAULT_RATINGS.email).toEqual({ stellar: 60, aboveAverage: 240, average: 1440, belowAverage: 4320 });
    expect(DEFAULT_RATINGS.chat).toEqual({ stellar: 1, aboveAverage: 5, average: 10, belowAverage: 60 });
    expect(DEFAULT_CONFIG.policies.map((p) => [p.id, p.firstResponseMinutes, p.nextResponseMinutes, p.resolutionMinutes])).toEqual([
      ['social', 60, 60, 1440],
      ['helpdesk', 240, 240, 2880],
    ]);
  });

  it('cannot be changed by accident by one of its readers', () => {
    expect(() => (DEFAULT_CONFIG.policies[0]!.firstResponseMinutes = 1)).toThrow();
    expect(DEFAULT_CONFIG.policies[0]!.firstResponseMinutes).toBe(60);
  });

  it('formats one line per problem', () => {
    expect(formatConfigErrors([{ path: 'version', message: 'is missing' }, { path: 'policies[0].warnAt', message: 'must be less than 1' }])).toBe(
      'version: is missing\npolicies[0].warnAt: must be less than 1',
    );
  });
});
