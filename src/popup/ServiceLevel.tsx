import { useRef } from 'preact/hooks';
import type { Channel, RatingCategory, RatingThresholds } from '../core/types.ts';
import type { PeriodFigures, PopupSummary } from '../shared/summary.ts';
import { t } from '../shared/i18n.ts';
import { formatDuration, formatNumber, formatPercent } from '../ui/format.ts';
import { withinText } from './first-paint.ts';
import { channelLabel, ratingCategory, ratingLabel, ratingThresholdText } from '../ui/labels.ts';

export type PeriodKey = keyof PopupSummary['periods'];
export const PERIODS: readonly PeriodKey[] = ['today', 'days7', 'days30'];
const PERIOD_LABEL: Record<PeriodKey, string> = { today: 'popup_periodToday', days7: 'popup_period7', days30: 'popup_period30' };
const CHANNEL_ORDER: readonly Channel[] = ['public', 'dm', 'ticket', 'chat'];

export interface ServiceLevelProps {
  periods: PopupSummary['periods'];
  selected: PeriodKey;
  onSelect: (p: PeriodKey) => void;
  ratings: Record<RatingCategory, RatingThresholds>;
}

const minutesOrDash = (m: number | null): string => (m === null ? t('ui_none') : formatDuration(m));

/** Today / 7 days / 30 days as an ARIA tab list: arrow keys move between periods, Tab moves on to the figures. */
export function ServiceLevel({ periods, selected, onSelect, ratings }: ServiceLevelProps) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, i: number): void => {
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % PERIODS.length;
    else if (e.key === 'ArrowLeft') next = (i + PERIODS.length - 1) % PERIODS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = PERIODS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    onSelect(PERIODS[next]!);
    tabs.current[next]?.focus();
  };
  const fig = periods[selected];
  return (
    <section class="panel" aria-labelledby="sl-heading">
      <h2 id="sl-heading">{t('popup_serviceLevel')}</h2>
      <div class="segmented" role="tablist" aria-labelledby="sl-heading">
        {PERIODS.map((p, i) => (
          <button
            key={p}
            type="button"
            role="tab"
            id={`tab-${p}`}
            aria-selected={p === selected}
            aria-controls="sl-panel"
            tabIndex={p === selected ? 0 : -1}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            onClick={() => onSelect(p)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t(PERIOD_LABEL[p])}
          </button>
        ))}
      </div>
      <div id="sl-panel" role="tabpanel" aria-labelledby={`tab-${selected}`}>
        <PeriodView fig={fig} ratings={ratings} />
      </div>
    </section>
  );
}

function PeriodView({ fig, ratings }: { fig: PeriodFigures; ratings: Record<RatingCategory, RatingThresholds> }) {
  const channels = CHANNEL_ORDER.filter((c) => fig.ratings[c]);
  return (
    <div>
      <p class="headline">
        <strong class="big" data-testid="within-target">{formatPercent(fig.withinTarget)}</strong>{' '}
        <span>{withinText(fig.targetMinutes, t)}</span>
      </p>
      <dl class="stats">
        <div>
          <dt>{t('popup_frtMedian')}</dt>
          <dd data-testid="frt-median">{minutesOrDash(fig.frtMedianMinutes)}</dd>
        </div>
        <div>
          <dt>{t('popup_frtP90')}</dt>
          <dd data-testid="frt-p90">{minutesOrDash(fig.frtP90Minutes)}</dd>
        </div>
        <div>
          <dt>{t('popup_volume')}</dt>
          <dd data-testid="volume">
            {formatNumber(fig.volume)} <span class="muted">({t('popup_answered', formatNumber(fig.answered))})</span>
          </dd>
        </div>
      </dl>
      <h3 class="muted small">{t('popup_ratings')}</h3>
      {channels.length === 0 ? (
        <p class="muted">{t('popup_noRatings')}</p>
      ) : (
        <ul class="ratings">
          {channels.map((c) => {
            const level = fig.ratings[c]!;
            const explain = ratingThresholdText(ratings[ratingCategory(c)]);
            return (
              <li key={c}>
                <span>{channelLabel(c)}: </span>
                {/* Focusable so keyboard users get the same explanation as the mouse hover. */}
                <span
                  class={`rating rating-${level}`}
                  data-rating={level}
                  tabIndex={0}
                  title={explain}
                  aria-label={`${channelLabel(c)}: ${ratingLabel(level)}. ${explain}`}
                >
                  {ratingLabel(level)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
