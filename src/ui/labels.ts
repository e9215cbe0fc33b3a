// Localised words and icons for the values pages show: clock states, channels, ratings, platforms.
// States always get an icon AND a word, so nobody has to tell amber from red.
import { t } from '../shared/i18n.ts';
import type { Channel, ClockState, RatingCategory, RatingLevel, RatingThresholds } from '../core/types.ts';
import { formatDuration } from './format.ts';

export type ShownState = ClockState | 'none';

const STATE_ICONS: Record<ShownState, string> = {
  ok: '◷',
  warning: '⚠',
  breached: '✖',
  paused: '⏸',
  answered: '✔',
  excluded: '⊘',
  none: '·',
};

export function stateIcon(state: ShownState): string {
  return STATE_ICONS[state] ?? '·';
}

export function stateLabel(state: ShownState): string {
  return t(`ui_state_${state}`);
}

export function channelLabel(channel: Channel | string): string {
  const s = t(`ui_channel_${channel}`);
  return s.startsWith('ui_channel_') ? channel : s;
}

/** Known platforms get their brand name; a site rule's id is shown as written. */
export function platformLabel(platform: string): string {
  const key = `ui_platform_${platform.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const s = t(key);
  return s === key ? platform : s;
}

export const RATING_LEVELS: readonly RatingLevel[] = ['unacceptable', 'belowAverage', 'average', 'aboveAverage', 'stellar'];

export function ratingLabel(level: RatingLevel): string {
  return t(`ui_rating_${level}`);
}

/** Which rating table a channel is judged by (the service-level guide rates social, e-mail and chat differently). */
export function ratingCategory(channel: Channel): RatingCategory {
  if (channel === 'ticket') return 'email';
  if (channel === 'chat') return 'chat';
  return 'social';
}

/** The hover/focus text that explains a rating: every level's limit. */
export function ratingThresholdText(th: RatingThresholds): string {
  return t('ui_ratingThresholds', [
    formatDuration(th.stellar),
    formatDuration(th.aboveAverage),
    formatDuration(th.average),
    formatDuration(th.belowAverage),
  ]);
}
