import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_RATINGS } from '../core/config/defaults.ts';
import browser from '../shared/browser.ts';
import { onBroadcast, request } from '../shared/messaging.ts';
import type { AgentAction } from '../shared/protocol.ts';
import type { PopupSummary } from '../shared/summary.ts';
import { t } from '../shared/i18n.ts';
import { PopupView } from './PopupView.tsx';
import type { PeriodKey } from './ServiceLevel.tsx';

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export interface PopupProps {
  /** The background's cached summary (main.ts read it before this module loaded): figures from the first render. */
  initial?: PopupSummary | null;
}

/** The popup with its data: asks the background for the summary, refreshes on change broadcasts, ticks each second. */
export function Popup({ initial = null }: PopupProps) {
  // The cached copy is shown only until the background's own answer arrives.
  const [summary, setSummary] = useState<PopupSummary | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [period, setPeriod] = useState<PeriodKey>('today');
  // Answers can arrive out of order when broadcasts come in bursts; only the newest request counts.
  const seq = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const s = await request('ui:summary', {});
      if (mine === seq.current) {
        setSummary(s);
        setError(null);
      }
    } catch (e) {
      if (mine === seq.current) setError(errorText(e));
    }
  }, []);

  useEffect(() => {
    const stop = new AbortController();
    void refresh();
    onBroadcast((msg) => {
      if (msg.type === 'bg:conversations-changed' || msg.type === 'bg:settings-changed') void refresh();
    }, stop.signal);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      stop.abort();
      clearInterval(tick);
    };
  }, [refresh]);

  const onAction = useCallback(
    (conversationId: string, act: AgentAction) => {
      request('ui:action', { conversationId, act })
        .then(() => refresh())
        .catch((e: unknown) => setError(t('popup_actionFailed', errorText(e))));
    },
    [refresh],
  );

  // The rating thresholds come with the summary (no settings module in the popup); the defaults until one arrives.
  return (
    <PopupView
      summary={summary}
      error={error}
      now={now}
      period={period}
      onPeriod={setPeriod}
      ratings={summary?.ratingThresholds ?? DEFAULT_RATINGS}
      onOpen={(url) => void browser.tabs.create({ url })}
      onAction={onAction}
      onReports={() => void browser.tabs.create({ url: browser.runtime.getURL('src/reports/index.html') })}
      onSettings={() => void browser.runtime.openOptionsPage()}
    />
  );
}
