import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.ts';
import { validateConfig } from '../../../src/core/config/validate.ts';
import {
  addHolidays,
  addPolicy,
  cloneDraft,
  isOvernight,
  movePolicy,
  nextInterval,
  numberFromInput,
  removeSchedule,
  renameSchedule,
  yearly,
} from '../../../src/options/editor/draft.ts';

describe('draft edits', () => {
  it('reads an overnight interval as running into the next day', () => {
    expect(isOvernight(['22:00', '06:00'])).toBe(true);
    expect(isOvernight(['09:00', '17:00'])).toBe(false);
    expect(isOvernight(['18:00', '24:00'])).toBe(false);
    expect(isOvernight(['25:00', '06:00'])).toBe(false);
  });

  it('moves a policy up and down, and not past either end', () => {
    const d = cloneDraft(DEFAULT_CONFIG);
    movePolicy(d, 1, -1);
    expect(d.policies.map((p) => p.id)).toEqual(['helpdesk', 'social']);
    movePolicy(d, 0, -1);
    movePolicy(d, 1, 1);
    expect(d.policies.map((p) => p.id)).toEqual(['helpdesk', 'social']);
  });

  it('adds a new policy in front of the catch-all, so the config stays valid', () => {
    const d = cloneDraft(DEFAULT_CONFIG);
    const at = addPolicy(d);
    expect(at).toBe(1);
    expect(d.policies.map((p) => p.id)).toEqual(['social', 'policy-3', 'helpdesk']);
    expect(validateConfig(d).ok).toBe(true);
  });

  it('keeps policies pointing at a schedule when it is renamed, and moves them to calendar time when it is removed', () => {
    const d = cloneDraft(DEFAULT_CONFIG);
    renameSchedule(d, 0, 'hq');
    expect(d.policies.map((p) => p.schedule)).toEqual(['hq', 'hq']);
    expect(validateConfig(d).ok).toBe(true);
    removeSchedule(d, 0);
    expect(d.policies.map((p) => p.schedule)).toEqual([null, null]);
    expect(validateConfig(d).ok).toBe(true);
  });

  it('keeps typed text that is not a number for the validator to report', () => {
    expect(numberFromInput('45')).toBe(45);
    expect(numberFromInput('1,5')).toBe(1.5);
    expect(numberFromInput('')).toBeUndefined();
    expect(numberFromInput('abc')).toBe('abc');
  });

  it('adds holidays once, and turns a date into a yearly one', () => {
    const s = { id: 'o', timeZone: 'UTC', week: {}, holidays: ['2026-12-25'] };
    expect(addHolidays(s, ['2026-12-25', '--01-01'])).toBe(1);
    expect(s.holidays).toEqual(['2026-12-25', '--01-01']);
    expect(yearly('2026-05-05')).toBe('--05-05');
  });

  it('offers the next interval after the last one of the day', () => {
    expect(nextInterval([])).toEqual(['09:00', '17:00']);
    expect(nextInterval([['09:00', '12:00']])).toEqual(['13:00', '15:00']);
  });
});
