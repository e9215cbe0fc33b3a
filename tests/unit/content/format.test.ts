// Durations and due times as the badge shows them; results are memoised per minute, so the same input must
// keep giving the same words and different days must not share a cached text.
import { describe, expect, it } from 'vitest';
import { formatMinutes, formatWhen } from '../../../src/content/format.ts';

describe('badge formatting', () => {
  it('shows at most two units, and the "under a minute" words below one minute', () => {
    expect(formatMinutes(0.5, 'en', '< 1 min')).toBe('< 1 min');
    expect(formatMinutes(45, 'en', '< 1 min')).toBe('45 min');
    expect(formatMinutes(125, 'en', '< 1 min')).toBe('2 hr 5 min');
    expect(formatMinutes(-125, 'en', '< 1 min')).toBe('2 hr 5 min');
    expect(formatMinutes(3 * 1440 + 240, 'en', '< 1 min')).toBe(formatMinutes(3 * 1440 + 240, 'en', 'x'));
    expect(formatMinutes(125, 'de', '< 1 Min.')).not.toBe(''); // another language gets its own entry
  });

  it('shows only the time today, the weekday within a week, the date beyond — also when memoised', () => {
    const now = new Date(2026, 2, 10, 12, 0).getTime(); // a Tuesday, local time
    const laterToday = new Date(2026, 2, 10, 16, 30).getTime();
    const tomorrow = new Date(2026, 2, 11, 16, 30).getTime();
    const nextMonth = new Date(2026, 3, 20, 16, 30).getTime();
    const today = formatWhen(laterToday, now, 'en-GB');
    expect(today).toBe('16:30');
    expect(formatWhen(laterToday, now, 'en-GB')).toBe(today);
    expect(formatWhen(tomorrow, now, 'en-GB')).toMatch(/^Wed.*16:30$/);
    expect(formatWhen(nextMonth, now, 'en-GB')).toMatch(/2026/);
    // The next day, yesterday's "today" is no longer today.
    expect(formatWhen(laterToday, tomorrow, 'en-GB')).toMatch(/^Tue.*16:30$/);
  });
});
