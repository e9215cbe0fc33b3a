// Content scripts carry no opening-hours engine (content-script size budget): the background samples each schedule
// into a window of open intervals (core/hours/window.ts) from 400 days back to 90 days ahead, and sends it with the
// config and with any snapshot whose frozen schedule is not the active one. Content scripts ask again each day.
import type { OpeningHours, TeamConfig } from '../core/types.ts';
import type { ConversationSnapshot } from '../shared/protocol.ts';
import { timelineFor } from '../core/hours/engine.ts';
import { buildWindow, type HoursWindow } from '../core/hours/window.ts';

const DAY = 86_400_000;
export const WINDOW_BACK_MS = 400 * DAY;
export const WINDOW_AHEAD_MS = 90 * DAY;

// By the schedule's content and the UTC day: the same schedule asked by many tabs on one day is sampled once.
const cache = new Map<string, HoursWindow | null>();

/** The window around `now`, or null when the schedule cannot be computed (an unknown time zone: badges say unknown). */
export function hoursWindow(schedule: OpeningHours, now: number, json = JSON.stringify(schedule)): HoursWindow | null {
  const day = Math.floor(now / DAY);
  const key = `${day}|${json}`;
  if (cache.has(key)) return cache.get(key)!;
  if (cache.size > 64) cache.clear();
  let w: HoursWindow | null;
  try {
    const from = day * DAY - WINDOW_BACK_MS;
    w = buildWindow(timelineFor(schedule), from, day * DAY + WINDOW_AHEAD_MS);
  } catch {
    w = null;
  }
  cache.set(key, w);
  return w;
}

export function configWindows(config: TeamConfig, now: number): Record<string, HoursWindow> {
  const out: Record<string, HoursWindow> = {};
  for (const s of config.schedules) {
    const w = hoursWindow(s, now);
    if (w) out[s.id] = w;
  }
  return out;
}

/** Adds `hours` to snapshots whose frozen schedule differs from the active config's schedule of the same id. */
export function withHours(snaps: ConversationSnapshot[], config: TeamConfig, now: number): ConversationSnapshot[] {
  const active = new Map(config.schedules.map((s) => [s.id, JSON.stringify(s)]));
  // Snapshots of one policy version share its schedule object: serialise each once.
  const json = new Map<OpeningHours, string>();
  for (const snap of snaps) {
    const schedule = snap.schedule;
    if (!schedule) continue;
    let text = json.get(schedule);
    if (text === undefined) json.set(schedule, (text = JSON.stringify(schedule)));
    if (active.get(schedule.id) === text) continue;
    const w = hoursWindow(schedule, now, text);
    if (w) snap.hours = w;
  }
  return snaps;
}
