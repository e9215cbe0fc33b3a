import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Channel } from '../core/types.ts';
import { t } from '../shared/i18n.ts';
import { BarChart, Heatmap, type BarDatum } from '../ui/charts.tsx';
import { formatDate, formatDateTime, formatDuration, formatLanguage, formatNumber, formatPercent } from '../ui/format.ts';
import { channelLabel, platformLabel } from '../ui/labels.ts';
import {
  applyFilter,
  breachList,
  daysBetween,
  dominantZone,
  frtHistogram,
  handledBy,
  type BreachRow,
  type Bucket,
  type GroupRow,
  type ReportFilter,
} from './aggregate.ts';
import { groupRows, NO_POLICY_KEY, perDayMetrics, reportMetrics, UNASSIGNED_KEY } from './metrics.ts';
import { csvDocument, type CsvSection } from './csv.ts';
import type { ReportData, ReportLoader } from './data.ts';
import { customRange, presetRange, toInputDay, type Preset } from './range.ts';

export interface ReportsProps {
  load: ReportLoader;
  now: () => number;
  /** Called with the CSV text; the page turns it into a download. */
  onCsv: (filename: string, body: string) => void;
  /** Reload when the background reports changes. */
  subscribe?: (reload: () => void) => () => void;
}

const PRESETS: readonly Preset[] = [7, 30, 90];
const CHANNELS: readonly Channel[] = ['public', 'dm', 'ticket', 'chat'];
const NOBODY = '\u2205';
const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const dur = (m: number | null): string => (m === null ? '—' : formatDuration(m));

export function bucketLabel(b: Bucket): string {
  if (b.from === 0 && b.to !== null) return t('reports_under', formatDuration(b.to));
  if (b.to === null) return t('reports_over', formatDuration(b.from));
  return t('reports_between', [formatDuration(b.from), formatDuration(b.to)]);
}

/** Monday-first short weekday names in the UI language (1 Jan 2024 was a Monday). */
function weekdayNames(): string[] {
  const f = new Intl.DateTimeFormat(formatLanguage(), { weekday: 'short', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => f.format(Date.UTC(2024, 0, 1 + i)));
}

const GROUP_HEADER = (): string[] => [
  t('reports_volume'),
  t('reports_answered'),
  t('reports_withinTarget'),
  t('reports_breaches'),
  t('reports_frtMedian'),
  t('reports_frtP90'),
];
const groupCells = (g: GroupRow): string[] => [
  formatNumber(g.volume),
  formatNumber(g.answered),
  formatPercent(g.withinShare),
  formatNumber(g.breached),
  dur(g.frtMedian),
  dur(g.frtP90),
];

function lateText(b: BreachRow): string {
  if (b.lateMinutes === null) return '—';
  return b.answered ? t('reports_lateAnswered', formatDuration(b.lateMinutes)) : t('reports_lateOpen', formatDuration(b.lateMinutes));
}
function historyText(b: BreachRow): string {
  return b.history
    .map((h) => `${formatDateTime(h.at)} ${t(`reports_event_${h.type.replace(/-/g, '_')}`)}${h.agent ? ` (${h.agent})` : ''}`)
    .join('; ');
}

export function Reports({ load, now, onCsv, subscribe }: ReportsProps) {
  const [preset, setPreset] = useState<Preset | 'custom'>(30);
  const initial = presetRange(30, now());
  const [customFrom, setCustomFrom] = useState(toInputDay(initial.from));
  const [customTo, setCustomTo] = useState(toInputDay(initial.to - 1));
  const [filter, setFilter] = useState<Omit<ReportFilter, 'from' | 'to'>>({});
  const [data, setData] = useState<ReportData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const range = useMemo(
    () => (preset === 'custom' ? customRange(customFrom, customTo) : presetRange(preset, now())),
    // `version` re-anchors presets at "now" when data changes.
    [preset, customFrom, customTo, version],
  );

  useEffect(() => {
    if (!range) return;
    let live = true;
    load(range.from, range.to)
      .then((d) => live && (setData(d), setError(null)))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [range?.from, range?.to, load]);

  useEffect(() => subscribe?.(() => setVersion((v) => v + 1)), [subscribe]);

  const view = useMemo(() => {
    if (!data || !range) return null;
    const agentFilter = filter.agent === NOBODY ? undefined : filter.agent;
    let records = applyFilter(data.records, { ...filter, agent: agentFilter, ...range });
    if (filter.agent === NOBODY) records = records.filter((r) => handledBy(r) === null);
    const zone = dominantZone(records, data.versions, Intl.DateTimeFormat().resolvedOptions().timeZone);
    const at = now();
    const m = reportMetrics(records, data.versions, at, zone);
    const o = m.overall;
    return {
      records,
      zone,
      total: { volume: o.volume, withinShare: o.withinTarget, frtMedian: o.frtMedianMinutes, frtP90: o.frtP90Minutes, breached: o.firstResponseBreaches },
      days: perDayMetrics(records, data.versions, daysBetween(range.from, range.to, zone), at),
      histogram: frtHistogram(records),
      heat: m.heatmap.cells,
      byPlatform: groupRows(m.byPlatform),
      byChannel: groupRows(m.byChannel),
      byPolicy: groupRows(m.byPolicy),
      byAgent: groupRows(m.byAgent),
      breaches: breachList(records, data.versions, data.events, at),
    };
  }, [data, filter, range]);

  // Filter choices come from the loaded range, so every option yields something.
  const options = useMemo(() => {
    const rs = data?.records ?? [];
    const uniq = (xs: (string | null)[]): string[] => [...new Set(xs.filter((x): x is string => !!x))].sort();
    return {
      platforms: uniq(rs.map((r) => r.platform)),
      policies: uniq(rs.map((r) => r.policyId)),
      agents: uniq(rs.map(handledBy)),
    };
  }, [data]);

  const tables: { title: string; label: string; rows: GroupRow[]; name: (k: string) => string }[] = view
    ? [
        { title: t('reports_byPlatform'), label: t('reports_platform'), rows: view.byPlatform, name: platformLabel },
        { title: t('reports_byChannel'), label: t('reports_channel'), rows: view.byChannel, name: channelLabel },
        { title: t('reports_byPolicy'), label: t('reports_policy'), rows: view.byPolicy, name: (k) => (k === NO_POLICY_KEY ? t('reports_noPolicy') : k) },
        { title: t('reports_byAgent'), label: t('reports_agent'), rows: view.byAgent, name: (k) => (k === UNASSIGNED_KEY ? t('reports_noAgent') : k) },
      ]
    : [];
  const breachHeader = [t('reports_conversation'), t('reports_platform'), t('reports_started'), t('reports_target'), t('reports_late'), t('reports_handledBy'), t('reports_history')];
  const breachCells = (b: BreachRow): string[] => [
    b.customer ? `${b.customer} (${b.id})` : b.id,
    platformLabel(b.platform),
    formatDateTime(b.firstCustomerAt),
    dur(b.targetMinutes),
    lateText(b),
    b.handledBy ?? t('reports_noAgent'),
    historyText(b),
  ];

  const exportCsv = (): void => {
    if (!view || !range) return;
    const sections: CsvSection[] = [
      ...tables.map((tb) => ({ title: tb.title, header: [tb.label, ...GROUP_HEADER()], rows: tb.rows.map((g) => [tb.name(g.key), ...groupCells(g)]) })),
      { title: t('reports_breachList'), header: ['URL', ...breachHeader], rows: view.breaches.map((b) => [b.url, ...breachCells(b)]) },
    ];
    onCsv(`replyclock-report-${toInputDay(range.from)}-${toInputDay(range.to - 1)}.csv`, csvDocument(sections));
  };

  const setF = (key: keyof typeof filter) => (e: Event) => {
    const value = (e.currentTarget as HTMLSelectElement).value;
    setFilter((f) => ({ ...f, [key]: value || undefined }));
  };
  const week = weekdayNames();

  return (
    <main class="reports">
      <header class="reports-head">
        <h1>{t('reports_title')}</h1>
        {range ? (
          <p class="muted" data-testid="range">
            {formatDate(range.from)} – {formatDate(range.to - 1)}
          </p>
        ) : null}
      </header>

      <form class="controls no-print" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>{t('reports_range')}</legend>
          <div class="segmented" role="radiogroup" aria-label={t('reports_range')}>
            {PRESETS.map((p) => (
              <button key={p} type="button" role="radio" aria-checked={preset === p} data-preset={p} onClick={() => setPreset(p)}>
                {t('reports_lastDays', String(p))}
              </button>
            ))}
            <button type="button" role="radio" aria-checked={preset === 'custom'} data-preset="custom" onClick={() => setPreset('custom')}>
              {t('reports_custom')}
            </button>
          </div>
          {preset === 'custom' ? (
            <span class="custom">
              <label>
                {t('reports_from')} <input type="date" value={customFrom} onChange={(e) => setCustomFrom(e.currentTarget.value)} />
              </label>
              <label>
                {t('reports_to')} <input type="date" value={customTo} onChange={(e) => setCustomTo(e.currentTarget.value)} />
              </label>
            </span>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>{t('reports_filters')}</legend>
          <label>
            {t('reports_platform')}{' '}
            <select data-filter="platform" value={filter.platform ?? ''} onChange={setF('platform')}>
              <option value="">{t('reports_all')}</option>
              {options.platforms.map((p) => (
                <option key={p} value={p}>{platformLabel(p)}</option>
              ))}
            </select>
          </label>
          <label>
            {t('reports_channel')}{' '}
            <select data-filter="channel" value={filter.channel ?? ''} onChange={setF('channel')}>
              <option value="">{t('reports_all')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>{channelLabel(c)}</option>
              ))}
            </select>
          </label>
          <label>
            {t('reports_policy')}{' '}
            <select data-filter="policy" value={filter.policy ?? ''} onChange={setF('policy')}>
              <option value="">{t('reports_all')}</option>
              {options.policies.map((p) => (
                <option key={p} value={p}>{p}</option>
              ))}
            </select>
          </label>
          <label>
            {t('reports_agent')}{' '}
            <select data-filter="agent" value={filter.agent ?? ''} onChange={setF('agent')}>
              <option value="">{t('reports_all')}</option>
              <option value={NOBODY}>{t('reports_noAgent')}</option>
              {options.agents.map((a) => (
                <option key={a} value={a}>{a}</option>
              ))}
            </select>
          </label>
        </fieldset>
        <div class="buttons">
          <button type="button" data-testid="export-csv" disabled={!view} onClick={exportCsv}>{t('reports_exportCsv')}</button>
          <button type="button" onClick={() => window.print()}>{t('reports_print')}</button>
        </div>
      </form>

      {error ? <p class="warning-box" role="alert">{t('reports_loadFailed', error)}</p> : null}
      {!view && !error ? <p class="muted" role="status">{t('reports_loading')}</p> : null}
      {view && view.records.length === 0 ? <p class="muted" data-testid="empty">{t('reports_empty')}</p> : null}

      {view && view.records.length > 0 ? (
        <>
          <section class="panel" aria-labelledby="ov-h">
            <h2 id="ov-h">{t('reports_overview')}</h2>
            <dl class="overview" data-testid="overview">
              <div><dt>{t('reports_volume')}</dt><dd data-testid="report-volume">{formatNumber(view.total.volume)}</dd></div>
              <div><dt>{t('reports_withinTarget')}</dt><dd data-testid="report-within-target">{formatPercent(view.total.withinShare)}</dd></div>
              <div><dt>{t('reports_frtMedian')}</dt><dd>{dur(view.total.frtMedian)}</dd></div>
              <div><dt>{t('reports_frtP90')}</dt><dd>{dur(view.total.frtP90)}</dd></div>
              <div><dt>{t('reports_breaches')}</dt><dd data-testid="report-breaches">{formatNumber(view.total.breached)}</dd></div>
            </dl>
          </section>

          <section class="panel charts">
            <BarChart
              testid="chart-per-day"
              title={t('reports_perDay')}
              labelHeader={t('reports_day')}
              valueHeader={t('reports_withinTarget')}
              tableSummary={t('reports_showTable')}
              max={1}
              data={view.days.map(
                (d): BarDatum => ({ label: d.day.slice(5), value: d.withinShare, text: `${formatPercent(d.withinShare)} (${t('reports_count', formatNumber(d.volume))})` }),
              )}
            />
            <BarChart
              testid="chart-histogram"
              title={t('reports_histogram')}
              labelHeader={t('reports_frtBucket')}
              valueHeader={t('reports_volume')}
              tableSummary={t('reports_showTable')}
              data={view.histogram.map((b): BarDatum => ({ label: bucketLabel(b), value: b.count, text: formatNumber(b.count) }))}
            />
            <Heatmap
              testid="chart-heatmap"
              title={t('reports_heatmap', view.zone)}
              rowLabels={week}
              grid={view.heat}
              hourHeader={t('reports_hour')}
              tableSummary={t('reports_showTable')}
              cellText={(n) => t('reports_count', formatNumber(n))}
            />
          </section>

          {tables.map((tb) => (
            <section key={tb.title} class="panel">
              <h2>{tb.title}</h2>
              <table data-testid={`table-${tb.label}`}>
                <thead>
                  <tr>
                    <th scope="col">{tb.label}</th>
                    {GROUP_HEADER().map((h) => (
                      <th key={h} scope="col" class="num">{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {tb.rows.map((g) => (
                    <tr key={g.key}>
                      <th scope="row">{tb.name(g.key)}</th>
                      {groupCells(g).map((c, i) => (
                        <td key={i} class="num">{c}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}

          <section class="panel">
            <h2>{t('reports_breachList')}</h2>
            {view.breaches.length === 0 ? (
              <p class="muted">{t('reports_noBreaches')}</p>
            ) : (
              <table data-testid="breach-list">
                <thead>
                  <tr>
                    {breachHeader.map((h) => (
                      <th key={h} scope="col">{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {view.breaches.map((b) => {
                    const cells = breachCells(b);
                    return (
                      <tr key={b.id} data-conversation={b.id}>
                        <td>
                          {/^https?:/.test(b.url) ? (
                            <a href={b.url} target="_blank" rel="noopener noreferrer">{cells[0]}</a>
                          ) : (
                            cells[0]
                          )}
                        </td>
                        {cells.slice(1).map((c, i) => (
                          <td key={i}>{c}</td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
        </>
      ) : null}
    </main>
  );
}
