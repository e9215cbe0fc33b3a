import type { AgentAction } from '../shared/protocol.ts';
import type { WaitingItem } from '../shared/summary.ts';
import { t } from '../shared/i18n.ts';
import { StateLabel } from '../ui/StateLabel.tsx';
import { formatDuration } from '../ui/format.ts';
import { platformLabel } from '../ui/labels.ts';
import { isOpenableUrl, sortByTimeToBreach } from './sort.ts';

const HOUR_MS = 3_600_000;

export interface WaitingListProps {
  items: WaitingItem[];
  now: number;
  onOpen: (url: string) => void;
  onAction: (conversationId: string, act: AgentAction) => void;
  limit?: number;
}

/** Counting down to the calendar instant of breach keeps the text live between summaries. */
function dueText(item: WaitingItem, now: number): string {
  if (item.state === 'paused') return t('popup_noDue');
  const remaining = item.dueAt !== null ? (item.dueAt - now) / 60_000 : item.remainingMinutes;
  if (remaining === null) return t('popup_noDue');
  return remaining >= 0 ? t('popup_dueIn', formatDuration(remaining)) : t('popup_overdueBy', formatDuration(-remaining));
}

export function WaitingList({ items, now, onOpen, onAction, limit = 8 }: WaitingListProps) {
  if (items.length === 0) return <p class="muted">{t('popup_noneWaiting')}</p>;
  const shown = sortByTimeToBreach(items).slice(0, limit);
  return (
    <ol class="waiting" data-testid="waiting-list">
      {shown.map((item) => {
        const who = item.customer || item.id;
        const platform = platformLabel(item.platform);
        const openable = isOpenableUrl(item.url);
        return (
          <li key={item.id} class="waiting-item" data-conversation={item.id} data-state={item.state}>
            <div class="waiting-head">
              <button
                type="button"
                class="link"
                disabled={!openable}
                aria-label={t('popup_openConversation', [who, platform])}
                onClick={() => openable && onOpen(item.url)}
              >
                {who}
              </button>
              <span class="muted"> · {platform}</span>
            </div>
            <div class="waiting-meta">
              <StateLabel state={item.state} /> <span class="due">{dueText(item, now)}</span>
              {item.assignee ? <span class="muted"> · {t('popup_assignedTo', item.assignee)}</span> : null}
            </div>
            <div class="actions" role="group" aria-label={who}>
              <button type="button" onClick={() => onAction(item.id, { action: 'assign' })}>{t('popup_assignMe')}</button>
              <button type="button" onClick={() => onAction(item.id, { action: 'exclude' })}>{t('popup_noReplyNeeded')}</button>
              {item.state === 'paused' ? (
                <button type="button" onClick={() => onAction(item.id, { action: 'reopen' })}>{t('popup_reopen')}</button>
              ) : (
                <button type="button" onClick={() => onAction(item.id, { action: 'snooze', until: now + HOUR_MS })}>{t('popup_snooze1h')}</button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
