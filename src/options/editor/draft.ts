// The editor's working copy of the team config and the pure edits made to it. Values a person is still typing
// stay in the draft as typed (a "25:00", a minutes field reading "abc"), so validateConfig reports them by path
// exactly as it would in a file; nothing here fixes input silently.
import type { OpeningHours, Policy, TeamConfig, WallInterval, Weekday } from '../../core/types.ts';
import { parseWallTime } from '../../core/config/dates.ts';

/** A TeamConfig whose leaves may still hold raw text from an input. */
export type Draft = TeamConfig;

export function cloneDraft(config: TeamConfig): Draft {
  return structuredClone(config) as Draft;
}

/** Runs `edit` on a copy, so preact sees a new object and the old draft stays intact for comparison. */
export function edited(draft: Draft, edit: (d: Draft) => void): Draft {
  const copy = cloneDraft(draft);
  edit(copy);
  return copy;
}

/** An id not yet used in `taken`: "base-1", "base-2", … */
export function freshId(base: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.includes(id)) return id;
  }
}

/** Text from a number input: a number when it reads as one, nothing when empty, else the raw text for the validator. */
export function numberFromInput(text: string): number | string | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : text;
}

/** Sets (or, for undefined, removes) a key; the validator treats a missing key as "not set". */
export function setOrDelete<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): void {
  if (value === undefined) delete obj[key];
  else obj[key] = value;
}

/** True when the interval ends earlier than it starts, i.e. runs past midnight into the next day. */
export function isOvernight(iv: WallInterval): boolean {
  const start = parseWallTime(iv[0], false);
  const end = parseWallTime(iv[1], true);
  return start !== null && end !== null && end < start;
}

export function newSchedule(taken: readonly string[], timeZone: string): OpeningHours {
  return { id: freshId('schedule', taken), timeZone, week: {}, holidays: [], exceptions: [] };
}

/** Day intervals after removing one; an empty day is left out (a missing weekday means closed). */
export function removeInterval(week: OpeningHours['week'], day: Weekday, index: number): void {
  const list = (week[day] ?? []).filter((_, i) => i !== index);
  if (list.length) week[day] = list;
  else delete week[day];
}

/** The interval offered when a day gets another one: after the last one, or office hours. */
export function nextInterval(list: readonly WallInterval[]): WallInterval {
  const last = list[list.length - 1];
  if (!last) return ['09:00', '17:00'];
  const end = parseWallTime(last[1], true);
  if (end === null || end >= 22 * 60) return ['09:00', '17:00'];
  const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return [hhmm(end + 60), hhmm(Math.min(end + 180, 23 * 60 + 59))];
}

/** Renaming a schedule keeps the policies that counted in it pointing at it. */
export function renameSchedule(d: Draft, index: number, id: string): void {
  const old = d.schedules[index]?.id;
  if (!d.schedules[index]) return;
  d.schedules[index].id = id;
  if (old === undefined || old === id) return;
  for (const p of d.policies) if (p.schedule === old) p.schedule = id;
}

/** Removing a schedule moves its policies to calendar time rather than leaving a broken reference. */
export function removeSchedule(d: Draft, index: number): void {
  const [gone] = d.schedules.splice(index, 1);
  if (gone) for (const p of d.policies) if (p.schedule === gone.id) p.schedule = null;
}

function matchesEverything(p: Policy): boolean {
  const m = p.match ?? {};
  return m.platforms === undefined && m.channels === undefined && m.topics === undefined && m.priorities === undefined;
}

/**
 * A new policy goes in front of the first catch-all ("match": {}), because anything after a catch-all can never
 * apply; it starts narrowed to X so it does not become a catch-all itself. Returns its index.
 */
export function addPolicy(d: Draft): number {
  const policy: Policy = {
    id: freshId('policy', d.policies.map((p) => p.id)),
    schedule: d.schedules[0]?.id ?? null,
    match: { platforms: ['x'] },
    firstResponseMinutes: 60,
  };
  const catchAll = d.policies.findIndex(matchesEverything);
  const at = catchAll < 0 ? d.policies.length : catchAll;
  d.policies.splice(at, 0, policy);
  return at;
}

/** Moves a policy one place up (-1) or down (+1); the order decides which policy wins. */
export function movePolicy(d: Draft, index: number, by: -1 | 1): void {
  const to = index + by;
  if (to < 0 || to >= d.policies.length) return;
  const [p] = d.policies.splice(index, 1);
  if (p) d.policies.splice(to, 0, p);
}

/** Splits a comma-separated input into entries; an empty one means "leave the key out" (match everything). */
export function listFromText(text: string, separator: RegExp = /,/): string[] | undefined {
  const list = text.split(separator).map((s) => s.trim()).filter(Boolean);
  return list.length ? list : undefined;
}

/** Adds holidays not already listed; returns how many were new. */
export function addHolidays(schedule: OpeningHours, dates: readonly string[]): number {
  const list = schedule.holidays ?? [];
  let added = 0;
  for (const d of dates) {
    if (!list.includes(d)) {
      list.push(d);
      added++;
    }
  }
  schedule.holidays = list;
  return added;
}

/** "2026-12-25" → "--12-25" for a holiday that comes back every year. */
export function yearly(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `--${date.slice(5)}` : date;
}
