// A tiny hand-made SVG chart kit (no chart library ships with the extension). Every chart has a
// <title>/<desc> for screen readers and a plain table with the same numbers, which also prints.
import type { ComponentChildren } from 'preact';

export interface BarDatum {
  label: string;
  /** null = no data (drawn as a gap, not as zero). */
  value: number | null;
  /** Text for the value in the table and the bar's tooltip. */
  text: string;
}

interface ChartFrame {
  title: string;
  /** Column headers for the fallback table. */
  labelHeader: string;
  valueHeader: string;
  testid?: string;
}

function Fallback({ frame, data, summary }: { frame: ChartFrame; data: readonly BarDatum[]; summary: string }) {
  return (
    <details class="chart-table">
      <summary>{summary}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{frame.labelHeader}</th>
            <th scope="col" class="num">{frame.valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td class="num">{d.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Figure({ frame, children }: { frame: ChartFrame; children: ComponentChildren }) {
  return (
    <figure class="chart" data-testid={frame.testid}>
      <figcaption>{frame.title}</figcaption>
      {children}
    </figure>
  );
}

/**
 * Vertical bars. `max` fixes the scale (1 for shares); `reference` draws a dashed line (a target).
 * Labels are thinned to at most ~12 so 90 days stay readable.
 */
export function BarChart(props: ChartFrame & { data: readonly BarDatum[]; max?: number; reference?: number; tableSummary: string }) {
  const { data } = props;
  const W = 600;
  const H = 160;
  const padL = 40;
  const padB = 22;
  const plotW = W - padL - 4;
  const plotH = H - padB - 6;
  const max = props.max ?? Math.max(1, ...data.map((d) => d.value ?? 0));
  const step = data.length > 0 ? plotW / data.length : plotW;
  const every = Math.max(1, Math.ceil(data.length / 12));
  const y = (v: number): number => 6 + plotH - (v / max) * plotH;
  const id = `c-${props.testid ?? props.title.replace(/\W+/g, '-')}`;
  return (
    <Figure frame={props}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t`} class="chart-svg">
        <title id={`${id}-t`}>{props.title}</title>
        <line class="axis" x1={padL} y1={y(0)} x2={W - 4} y2={y(0)} />
        <line class="axis" x1={padL} y1={6} x2={padL} y2={y(0)} />
        <text x={padL - 4} y={y(max) + 8} text-anchor="end">{props.max === 1 ? '100%' : String(Math.round(max))}</text>
        <text x={padL - 4} y={y(0)} text-anchor="end">0</text>
        {data.map((d, i) =>
          d.value === null ? null : (
            <rect
              key={d.label}
              class="bar"
              x={padL + i * step + step * 0.15}
              width={Math.max(1, step * 0.7)}
              y={y(d.value)}
              height={Math.max(0, y(0) - y(d.value))}
            >
              <title>{`${d.label}: ${d.text}`}</title>
            </rect>
          ),
        )}
        {props.reference !== undefined ? <line class="target" x1={padL} x2={W - 4} y1={y(props.reference)} y2={y(props.reference)} /> : null}
        {data.map((d, i) =>
          i % every === 0 ? (
            <text key={`l-${d.label}`} x={padL + i * step + step / 2} y={H - 6} text-anchor="middle">
              {d.label}
            </text>
          ) : null,
        )}
      </svg>
      <Fallback frame={props} data={data} summary={props.tableSummary} />
    </Figure>
  );
}

/**
 * 7 × 24 grid, rows = weekdays (Monday first), columns = hours; darker = more. Each cell names its
 * weekday, hour and count in a <title>; the table fallback lists the same counts.
 */
export function Heatmap(props: { title: string; rowLabels: readonly string[]; grid: readonly (readonly number[])[]; tableSummary: string; cellText: (n: number) => string; hourHeader: string; testid?: string }) {
  const cell = 20;
  const padL = 36;
  const padT = 14;
  const max = Math.max(1, ...props.grid.flat());
  const W = padL + 24 * cell;
  const H = padT + props.rowLabels.length * cell;
  return (
    <figure class="chart" data-testid={props.testid}>
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.title} class="chart-svg heatmap">
        <title>{props.title}</title>
        {Array.from({ length: 24 }, (_, h) =>
          h % 3 === 0 ? (
            <text key={`h${h}`} x={padL + h * cell + cell / 2} y={padT - 3} text-anchor="middle">
              {String(h).padStart(2, '0')}
            </text>
          ) : null,
        )}
        {props.rowLabels.map((label, r) => (
          <g key={label}>
            <text x={padL - 4} y={padT + r * cell + cell * 0.65} text-anchor="end">{label}</text>
            {(props.grid[r] ?? []).map((n, h) => (
              <rect
                key={h}
                class="heat"
                x={padL + h * cell + 1}
                y={padT + r * cell + 1}
                width={cell - 2}
                height={cell - 2}
                fill="var(--bar)"
                fill-opacity={n === 0 ? 0.06 : 0.15 + 0.85 * (n / max)}
                data-count={n}
              >
                <title>{`${label} ${String(h).padStart(2, '0')}:00 — ${props.cellText(n)}`}</title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
      <details class="chart-table">
        <summary>{props.tableSummary}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{props.hourHeader}</th>
              {props.rowLabels.map((l) => (
                <th key={l} scope="col" class="num">{l}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: 24 }, (_, h) => (
              <tr key={h}>
                <th scope="row">{`${String(h).padStart(2, '0')}:00`}</th>
                {props.rowLabels.map((l, r) => (
                  <td key={l} class="num">{props.grid[r]?.[h] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
