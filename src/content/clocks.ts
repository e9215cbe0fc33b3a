// The clocks of a content script, answered from the hours windows the background sent (core/hours/window.ts)
// instead of the opening-hours engine, which stays out of every page (content-script size budget).
// A schedule object gets its timeline from: the window a snapshot brought for it (a frozen, older schedule), or
// the window of the active config's schedule with its id (the background sends none when they are the same).
import type { OpeningHours } from '../core/types.ts';
import { makeCurrentClock, type Clocks } from '../core/clock-core.ts';
import type { HoursTimeline } from '../core/hours/timeline.ts';
import { windowTimeline, type HoursWindow } from '../core/hours/window.ts';

/** The badge's clock (a content script reads no other) and the windows it counts in. */
export interface WindowClocks extends Pick<Clocks, 'currentClock'> {
  timelineOf(hours: OpeningHours): HoursTimeline;
  /** The active config's windows, by schedule id (after every config load). */
  setConfigWindows(windows: Record<string, HoursWindow>): void;
  /** A snapshot's own window for its frozen schedule. */
  setWindow(hours: OpeningHours, window: HoursWindow): void;
}

export function createWindowClocks(): WindowClocks {
  let byId = new Map<string, HoursTimeline>();
  let own = new WeakMap<OpeningHours, HoursTimeline>();
  const timelineOf = (hours: OpeningHours): HoursTimeline => {
    const t = own.get(hours) ?? byId.get(hours.id);
    if (!t) throw new RangeError(`no opening-hours window for schedule ${hours.id}`);
    return t;
  };
  return {
    currentClock: makeCurrentClock(timelineOf),
    timelineOf,
    setConfigWindows(windows) {
      byId = new Map(Object.entries(windows).map(([id, w]) => [id, windowTimeline(w)]));
      own = new WeakMap();
    },
    setWindow(hours, window) {
      own.set(hours, windowTimeline(window));
    },
  };
}
