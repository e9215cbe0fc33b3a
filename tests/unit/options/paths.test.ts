import { describe, expect, it } from 'vitest';
import { errorsByField, fieldPathOf } from '../../../src/options/editor/paths.ts';
import { validateConfig } from '../../../src/core/config/validate.ts';
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.ts';

describe('fieldPathOf: which editor field shows a validation error', () => {
  it.each([
    ['schedules[0].week.mon[1][0]', 'schedules[0].week.mon[1]'],
    ['schedules[0].week.mon[1]', 'schedules[0].week.mon[1]'],
    ['schedules[2].week.sun', 'schedules[2].week.sun'],
    ['schedules[0].timeZone', 'schedules[0].timeZone'],
    ['schedules[0].holidays[3]', 'schedules[0].holidays[3]'],
    ['schedules[0].exceptions[1].hours[0][1]', 'schedules[0].exceptions[1].hours[0]'],
    ['schedules[0].exceptions[1].date', 'schedules[0].exceptions[1].date'],
    ['policies[1].match.topics[2]', 'policies[1].match.topics'],
    ['policies[1].firstResponseMinutes', 'policies[1].firstResponseMinutes'],
    ['policies[1].calendarTargets[0]', 'policies[1].calendarTargets'],
    ['policies[3]', 'policies[3]'],
    ['brands.x[0]', 'brands.x'],
    ['sites[0].conversationId.pattern', 'sites[0]'],
    ['notifications.leadMinutes', 'notifications.leadMinutes'],
    ['retentionDays', 'retentionDays'],
    ['(root)', '(root)'],
  ])('%s → %s', (error, field) => {
    expect(fieldPathOf(error)).toBe(field);
  });

  it('does not confuse a field with a longer one that starts the same way', () => {
    // "schedules[0].idx" is no field of the editor; it must not land on the id field.
    expect(fieldPathOf('schedules[0].idx')).toBe('schedules[0].idx');
  });

  it("groups validateConfig's own errors for a broken interval under that interval's row", () => {
    const broken = structuredClone(DEFAULT_CONFIG) as typeof DEFAULT_CONFIG & { schedules: { week: Record<string, string[][]> }[] };
    broken.schedules[0]!.week.tue = [['09:00', '12:00'], ['25:00', '26:00']];
    const r = validateConfig(broken);
    expect(r.ok).toBe(false);
    const byField = errorsByField(r.ok ? [] : r.errors);
    expect([...byField.keys()]).toEqual(['schedules[0].week.tue[1]']);
    expect(byField.get('schedules[0].week.tue[1]')!.length).toBe(2);
  });
});
