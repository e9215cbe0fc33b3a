// The five-level service rating (service-level guide, seed 003) from a median first-response time.
import type { Channel, RatingCategory, RatingLevel, RatingThresholds } from '../types.ts';
import { DEFAULT_RATINGS } from '../config/defaults.ts';

/** Social = public posts and DMs on social platforms; e-mail = helpdesk tickets; chat = live chat. */
export function ratingCategory(channel: Channel): RatingCategory {
  switch (channel) {
    case 'ticket':
      return 'email';
    case 'chat':
      return 'chat';
    default:
      return 'social';
  }
}

export function thresholdsFor(
  category: RatingCategory,
  custom?: Partial<Record<RatingCategory, RatingThresholds>>,
): RatingThresholds {
  const own = custom?.[category];
  return own ? { ...DEFAULT_RATINGS[category], ...own } : DEFAULT_RATINGS[category];
}

/** The first level whose limit the time is strictly UNDER; at or over every limit it is `unacceptable`. */
export function rateMinutes(minutes: number, t: RatingThresholds): RatingLevel {
  if (minutes < t.stellar) return 'stellar';
  if (minutes < t.aboveAverage) return 'aboveAverage';
  if (minutes < t.average) return 'average';
  if (minutes < t.belowAverage) return 'belowAverage';
  return 'unacceptable';
}
