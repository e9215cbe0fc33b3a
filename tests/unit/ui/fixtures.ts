import type { PeriodFigures, PopupSummary } from '../../../src/shared/summary.ts';

export const NOW = Date.UTC(2025, 2, 12, 10, 0, 0); // Wed 12 Mar 2025, 11:00 in Amsterdam

const period = (over: Partial<PeriodFigures> = {}): PeriodFigures => ({
  volume: 40,
  answered: 30,
  withinTarget: 0.93,
  targetMinutes: 60,
  frtMedianMinutes: 25,
  frtP90Minutes: 65,
  ratings: { public: 'aboveAverage', ticket: 'unacceptable' },
  ...over,
});

export function summary(over: Partial<PopupSummary> = {}): PopupSummary {
  return {
    now: NOW,
    counts: { open: 5, atRisk: 2, breached: 1, paused: 1 },
    byPlatform: {
      x: { open: 3, atRisk: 1, breached: 1, paused: 0 },
      zendesk: { open: 2, atRisk: 1, breached: 0, paused: 1 },
    },
    // Deliberately out of order: the popup must sort by time to breach.
    waiting: [
      { id: 'x:2', platform: 'x', url: 'https://x.com/bob/status/2', customer: '@bob', state: 'ok', dueAt: NOW + 40 * 60_000, remainingMinutes: 40, assignee: null },
      { id: 'zendesk:acme:7', platform: 'zendesk', url: 'https://acme.zendesk.com/agent/tickets/7', customer: 'Carol', state: 'paused', dueAt: null, remainingMinutes: 100, assignee: 'Dana' },
      { id: 'x:1', platform: 'x', url: 'https://x.com/ann/status/1', customer: '@ann', state: 'breached', dueAt: NOW - 5 * 60_000, remainingMinutes: -5, assignee: null },
      { id: 'x:3', platform: 'x', url: 'https://x.com/cy/status/3', customer: '@cy', state: 'warning', dueAt: NOW + 8 * 60_000, remainingMinutes: 8, assignee: 'Eve' },
    ],
    periods: { today: period(), days7: period({ withinTarget: 0.875, frtMedianMinutes: 65 }), days30: period({ withinTarget: null, targetMinutes: null, ratings: {} }) },
    opening: { scheduleName: 'Office hours', open: true, changesAt: Date.UTC(2025, 2, 12, 16, 0, 0) },
    health: [
      { site: 'x', url: 'https://x.com/notifications', status: 'ok', at: NOW },
      { site: 'facebook', url: 'https://www.facebook.com/acme', status: 'mismatch', at: NOW, detail: 'no comments matched' },
    ],
    storageWarning: null,
    ...over,
  };
}
