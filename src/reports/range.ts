// Date ranges for the reports page, in the browser's local calendar (what a manager means by "last 7 days").

export type Preset = 7 | 30 | 90;

const DAY_MS = 86_400_000;

function localMidnight(at: number): Date {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d;
}

/** The last N calendar days including today: [midnight N-1 days ago, midnight tomorrow). */
export function presetRange(days: Preset, now: number): { from: number; to: number } {
  const start = localMidnight(now);
  start.setDate(start.getDate() - (days - 1));
  const end = localMidnight(now);
  end.setDate(end.getDate() + 1);
  return { from: start.getTime(), to: end.getTime() };
}

/** "YYYY-MM-DD" inputs (inclusive) → [from midnight, midnight after `to`); null when unreadable or reversed. */
export function customRange(fromDay: string, toDay: string): { from: number; to: number } | null {
  const parse = (s: string): Date | null => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return null;
    const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return Number.isNaN(d.getTime()) ? null : d;
  };
  const a = parse(fromDay);
  const b = parse(toDay);
  if (!a || !b || b < a) return null;
  b.setDate(b.getDate() + 1);
  return { from: a.getTime(), to: b.getTime() };
}

export function toInputDay(at: number): string {
  const d = new Date(at);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export { DAY_MS };
