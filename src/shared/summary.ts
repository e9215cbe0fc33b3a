// The popup's answer to "are we on target right now?", built by the background from stored data.
import type { Channel, ClockState, RatingCategory, RatingLevel, RatingThresholds } from '../core/types.ts';
import type { HealthReport } from './protocol.ts';

export interface StateCounts {
  open: number;
  atRisk: number;
  breached: number;
  paused: number;
}

export interface PeriodFigures {
  /** Conversations whose first customer message falls in the period. */
  volume: number;
  answered: number;
  /** 0–1 share of answered-or-breached conversations within their first-response target; null when none. */
  withinTarget: number | null;
  /** The most common first-response target in the period ("93 % within 60 min"). */
  targetMinutes: number | null;
  frtMedianMinutes: number | null;
  frtP90Minutes: number | null;
  ratings: Partial<Record<Channel, RatingLevel>>;
}

export interface WaitingItem {
  id: string;
  platform: string;
  url: string;
  customer: string;
  state: ClockState;
  dueAt: number | null;
  remainingMinutes: number | null;
  assignee: string | null;
}

export interface PopupSummary {
  now: number;
  counts: StateCounts;
  byPlatform: Record<string, StateCounts>;
  /** Longest-waiting first: sorted by time to breach. */
  waiting: WaitingItem[];
  periods: { today: PeriodFigures; days7: PeriodFigures; days30: PeriodFigures };
  opening: { scheduleName: string; open: boolean; changesAt: number | null } | null;
  health: HealthReport[];
  storageWarning: string | null;
  /**
   * The rating thresholds in force (defaults merged with the team's), for the popup's hover text. Sent with the
   * summary so the popup need not load the settings module and its validator (first-paint budget). Optional:
   * a summary cached by an older version lacks it, and the popup then shows the defaults.
   */
  ratingThresholds?: Record<RatingCategory, RatingThresholds>;
}

/**
 * The background keeps its latest PopupSummary here (storage.session, else storage.local), recomputed SUMMARY_REFRESH_MS
 * after a burst of writes goes quiet (at least every 4 × that while it lasts), on every tick and on config changes, so the popup paints figures before its own
 * request is answered. A cached summary older than SUMMARY_CACHE_MAX_AGE_MS (a stopped worker) is not shown.
 */
export const SUMMARY_CACHE_KEY = 'rc.summary';
export const SUMMARY_REFRESH_MS = 500;
export const SUMMARY_CACHE_MAX_AGE_MS = 90_000;
