import type { RatingCategory, RatingThresholds } from '../core/types.ts';
import type { AgentAction, HealthReport } from '../shared/protocol.ts';
import type { PopupSummary, StateCounts } from '../shared/summary.ts';
import { t } from '../shared/i18n.ts';
import { formatNumber } from '../ui/format.ts';
import { platformLabel } from '../ui/labels.ts';
import { FIGURES, figureClass } from './figures.ts';
import { openingText } from './first-paint.ts';
import { ServiceLevel, type PeriodKey } from './ServiceLevel.tsx';
import { WaitingList } from './WaitingList.tsx';

export interface PopupViewProps {
  summary: PopupSummary | null;
  error: string | null;
  /** Ticks each second while the popup is open. */
  now: number;
  period: PeriodKey;
  onPeriod: (p: PeriodKey) => void;
  ratings: Record<RatingCategory, RatingThresholds>;
  onOpen: (url: string) => void;
  onAction: (conversationId: string, act: AgentAction) => void;
  onReports: () => void;
  onSettings: () => void;
}

/** The whole popup as a function of its data; the frame renders before the figures arrive. */
export function PopupView(p: PopupViewProps) {
  const s = p.summary;
  return (
    <main class="popup">
      <header class="popup-head">
        <h1>{t('popup_title')}</h1>
        {s ? <OpeningLine opening={s.opening} /> : null}
      </header>

      <section class="panel" aria-labelledby="now-heading">
        <h2 id="now-heading">{t('popup_now')}</h2>
        <div class="figures">
          {FIGURES.map((f) => (
            <div key={f.key} class={figureClass(f.state, s?.counts[f.key])}>
              {/* The testid element holds only the number: the e2e tests and screen readers read it with its label. */}
              {s ? (
                <span class="num" data-testid={f.testid} aria-describedby={`fig-${f.testid}`}>
                  {formatNumber(s.counts[f.key])}
                </span>
              ) : (
                <span class="num muted" aria-hidden="true">…</span>
              )}
              <span class="label" id={`fig-${f.testid}`}>{t(f.label)}</span>
            </div>
          ))}
        </div>
        {!s && !p.error ? <p class="muted" role="status">{t('popup_loading')}</p> : null}
        {p.error ? <p class="warning-box" role="alert">{t('popup_loadFailed', p.error)}</p> : null}
        {s ? <PlatformTable byPlatform={s.byPlatform} /> : null}
      </section>

      {s ? <ServiceLevel periods={s.periods} selected={p.period} onSelect={p.onPeriod} ratings={p.ratings} /> : null}

      {s ? (
        <section class="panel" aria-labelledby="waiting-heading">
          <h2 id="waiting-heading">{t('popup_longestWaiting')}</h2>
          <WaitingList items={s.waiting} now={p.now} onOpen={p.onOpen} onAction={p.onAction} />
        </section>
      ) : null}

      {s && s.health.length > 0 ? <HealthList health={s.health} /> : null}
      {s?.storageWarning ? (
        <p class="warning-box" role="alert" data-testid="storage-warning">
          <span aria-hidden="true">⚠ </span>
          {t('popup_storageWarning', s.storageWarning)}
        </p>
      ) : null}

      <footer class="popup-foot">
        <button type="button" onClick={p.onReports}>{t('popup_reports')}</button>
        <button type="button" onClick={p.onSettings}>{t('popup_settings')}</button>
      </footer>
    </main>
  );
}

function OpeningLine({ opening }: { opening: PopupSummary['opening'] }) {
  const text = openingText(opening, t);
  const icon = !opening || opening.open ? '●' : '○';
  return (
    <p class="opening" data-testid="opening" data-open={opening ? String(opening.open) : 'calendar'}>
      <span aria-hidden="true">{icon} </span>
      {text}
      {opening?.scheduleName ? <span class="muted"> · {opening.scheduleName}</span> : null}
    </p>
  );
}

function PlatformTable({ byPlatform }: { byPlatform: Record<string, StateCounts> }) {
  const rows = Object.entries(byPlatform).sort(([a], [b]) => a.localeCompare(b));
  if (rows.length === 0) return null;
  return (
    <table class="by-platform" data-testid="by-platform">
      <caption class="sr-only">{t('popup_byPlatform')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('popup_platform')}</th>
          {FIGURES.map((f) => (
            <th key={f.key} scope="col" class="num">{t(f.label)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([platform, c]) => (
          <tr key={platform}>
            <th scope="row">{platformLabel(platform)}</th>
            {FIGURES.map((f) => (
              <td key={f.key} class="num">{formatNumber(c[f.key])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const HEALTH_TEXT: Record<HealthReport['status'], string> = {
  ok: 'popup_healthOk',
  empty: 'popup_healthEmpty',
  mismatch: 'popup_healthMismatch',
};
const HEALTH_ICON: Record<HealthReport['status'], string> = { ok: '✔', empty: '·', mismatch: '⚠' };

function HealthList({ health }: { health: HealthReport[] }) {
  // Problems first: a broken selector is the thing a manager must act on.
  const rank = { mismatch: 0, empty: 1, ok: 2 } as const;
  const sorted = [...health].sort((a, b) => rank[a.status] - rank[b.status] || a.site.localeCompare(b.site));
  return (
    <section class="panel" aria-labelledby="health-heading">
      <h2 id="health-heading">{t('popup_detection')}</h2>
      <ul class="health" data-testid="health">
        {sorted.map((h) => (
          <li key={h.site} data-status={h.status} class={h.status === 'mismatch' ? 'state-breached' : 'muted'} title={h.detail ?? h.url}>
            <span aria-hidden="true">{HEALTH_ICON[h.status]} </span>
            {t(HEALTH_TEXT[h.status], platformLabel(h.site))}
          </li>
        ))}
      </ul>
    </section>
  );
}
