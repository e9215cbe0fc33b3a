import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, formatRelative, formatTime, formatClock } from '../../../src/ui/format.ts';

// Intl output may use narrow no-break spaces; compare on plain spaces.
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatDuration', () => {
  it('reads hours and minutes in English', () => {
    expect(plain(formatDuration(65, 'en'))).toBe('1 hr 5 min');
    expect(plain(formatDuration(0, 'en'))).toBe('0 min');
    expect(plain(formatDuration(60, 'en'))).toBe('1 hr');
    expect(plain(formatDuration(45, 'en'))).toBe('45 min');
  });
  it('uses German unit words', () => {
    expect(plain(formatDuration(65, 'de'))).toBe('1 Std. 5 Min.');
    expect(plain(formatDuration(125, 'de'))).toBe('2 Std. 5 Min.');
  });
  it('uses Dutch unit words', () => {
    expect(plain(formatDuration(65, 'nl'))).toBe('1 uur 5 min');
  });
  it('shows days and hours (no minutes) from one day up', () => {
    expect(plain(formatDuration(1440 + 3 * 60 + 7, 'en'))).toBe('1 day 3 hr');
    expect(plain(formatDuration(2 * 1440, 'nl'))).toBe('2 dagen');
  });
  it('rounds fractional minutes and formats negative input by its size', () => {
    expect(plain(formatDuration(4.6, 'en'))).toBe('5 min');
    expect(plain(formatDuration(-90, 'en'))).toBe('1 hr 30 min');
    expect(formatDuration(Number.NaN, 'en')).toBe('—');
  });
});

describe('formatPercent', () => {
  it('rounds to whole percent in the language’s style', () => {
    expect(plain(formatPercent(0.93, 'en'))).toBe('93%');
    expect(plain(formatPercent(0.93, 'de'))).toBe('93 %');
    expect(plain(formatPercent(0.875, 'en'))).toBe('88%');
    expect(plain(formatPercent(1, 'nl'))).toBe('100%');
  });
  it('shows a dash when there is nothing to measure', () => {
    expect(formatPercent(null, 'en')).toBe('—');
  });
});

describe('times', () => {
  it('formats a time of day in the given zone, 24 h in German', () => {
    const at = Date.UTC(2025, 2, 12, 16, 0); // 17:00 in Amsterdam (CET)
    expect(formatTime(at, 'de', 'Europe/Amsterdam')).toBe('17:00');
    expect(formatTime(at, 'nl', 'Europe/Amsterdam')).toBe('17:00');
    expect(plain(formatTime(at, 'en', 'Europe/Amsterdam'))).toBe('5:00 PM');
  });
  it('says how long ago or until, in words', () => {
    const now = Date.UTC(2025, 0, 1);
    expect(formatRelative(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago');
    expect(formatRelative(now + 3 * 3_600_000, now, 'de')).toBe('in 3 Stunden');
    expect(formatRelative(now + 10_000, now, 'en')).toBe('now');
  });
  it('shows a live countdown as m:ss or h:mm:ss', () => {
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(3_600_000 + 61_000)).toBe('1:01:01');
  });
});
