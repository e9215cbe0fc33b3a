// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { ConversationRecord, PolicyVersion } from '../../../src/shared/records.ts';
import type { ReportData } from '../../../src/reports/data.ts';

vi.mock('../../../src/shared/i18n.ts', () => import('./i18n-mock.ts'));
const { Reports } = await import('../../../src/reports/Reports.tsx');
const { setFormatLanguage } = await import('../../../src/ui/format.ts');

const NOW = new Date(2025, 2, 12, 12, 0).getTime();
const H = 3_600_000;

// A calendar-time policy with a 60-minute first-response target, so answers are easy to check by hand.
const versions = new Map<string, PolicyVersion>([['v', { key: 'v', createdAt: 0, schedule: null, policy: { id: 'social', schedule: null, match: {}, firstResponseMinutes: 60 } }]]);

function rec(id: string, over: Partial<ConversationRecord> & { frt?: number }): ConversationRecord {
  const { frt = 20, ...rest } = over;
  const first = over.firstCustomerAt ?? NOW - 26 * H;
  const replyAt = first + frt * 60_000;
  return {
    id, platform: 'x', channel: 'public', url: `https://x.com/a/status/${id}`, customer: { handle: `@${id}` },
    messages: [
      { id: `${id}-c`, role: 'customer', at: first, siteAt: first, firstSeenAt: first, precisionMs: 0 },
      { id: `${id}-b`, role: 'brand', at: replyAt, siteAt: replyAt, firstSeenAt: replyAt, precisionMs: 0 },
    ],
    pauses: [], excluded: false, assignee: null, status: 'answered', policyId: 'social', versionKey: 'v', firstCustomerAt: first,
    lastCustomerAt: first, lastBrandAt: replyAt, clockState: 'answered', dueAt: null, firstResponseAt: replyAt, firstResponseMinutes: frt,
    withinTarget: frt <= 60, createdAt: first, updatedAt: first, day: '2025-03-11', ...rest,
  };
}

const data: ReportData = {
  records: [
    rec('1', {}),
    rec('2', { frt: 90, assignee: '=cmd()', customer: { name: 'Smith, "Jo"' } }),
    rec('3', { platform: 'facebook', channel: 'dm', frt: 10 }),
    rec('old', { firstCustomerAt: NOW - 60 * 24 * H }),
  ],
  versions,
  events: [{ at: NOW - 25 * H, type: 'assigned', conversationId: '2', agent: '=cmd()' }],
};

let root: HTMLElement;
let load: ReturnType<typeof vi.fn>;
let csv: { name: string; body: string } | null;

async function mount(): Promise<void> {
  await act(async () => {
    render(<Reports load={load as never} now={() => NOW} onCsv={(name, body) => (csv = { name, body })} />, root);
  });
  await act(async () => {
    await Promise.resolve();
  });
}

beforeEach(() => {
  setFormatLanguage('en');
  root = document.createElement('div');
  document.body.append(root);
  csv = null;
  load = vi.fn(async (from: number, to: number) => ({ ...data, records: data.records.filter((r) => r.firstCustomerAt >= from && r.firstCustomerAt < to) }));
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const text = (testid: string): string => root.querySelector(`[data-testid="${testid}"]`)?.textContent ?? '(missing)';

describe('reports page', () => {
  it('shows the last 30 days by default with overview figures', async () => {
    await mount();
    expect(load).toHaveBeenCalledTimes(1);
    expect(text('report-volume')).toBe('3');
    expect(text('report-within-target')).toBe('67%');
    expect(text('report-breaches')).toBe('1');
    // per-agent table: the assignee of #2, everyone else unassigned
    const agents = [...root.querySelectorAll('[data-testid="table-Agent"] tbody th')].map((th) => th.textContent);
    expect(agents).toEqual(['(nobody)', '=cmd()']);
  });

  it('widens to 90 days on the preset button', async () => {
    await mount();
    await act(async () => root.querySelector<HTMLButtonElement>('[data-preset="90"]')!.click());
    await act(async () => {
      await Promise.resolve();
    });
    expect(text('report-volume')).toBe('4');
  });

  it('filters by platform', async () => {
    await mount();
    const sel = root.querySelector<HTMLSelectElement>('select[data-filter="platform"]')!;
    await act(async () => {
      sel.value = 'facebook';
      sel.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(text('report-volume')).toBe('1');
  });

  it('lists the breach with who handled it and what happened', async () => {
    await mount();
    const row = root.querySelector<HTMLElement>('[data-testid="breach-list"] tr[data-conversation="2"]')!;
    expect(row.textContent).toContain('=cmd()');
    expect(row.textContent).toContain('assigned');
  });

  it('exports the shown tables and breach list as safe CSV', async () => {
    await mount();
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="export-csv"]')!.click());
    expect(csv!.name).toMatch(/^replyclock-report-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const body = csv!.body;
    for (const title of ['Per platform', 'Per channel', 'Per policy', 'Per agent', 'Breaches and why']) expect(body).toContain(title);
    expect(body).toContain(`"Smith, ""Jo"" (2)"`);
    expect(body).toContain("'=cmd()");
    expect(body).not.toMatch(/(^|,)=cmd/m);
  });

  it('draws the charts with accessible titles and table fallbacks', async () => {
    await mount();
    for (const id of ['chart-per-day', 'chart-histogram', 'chart-heatmap']) {
      const fig = root.querySelector(`[data-testid="${id}"]`)!;
      expect(fig.querySelector('svg title')!.textContent).not.toBe('');
      expect(fig.querySelector('details table')).not.toBeNull();
    }
    const hist = [...root.querySelectorAll('[data-testid="chart-histogram"] details tbody td')].map((td) => td.textContent);
    // first responses 20, 90 and 10 min: one each under 15 min, 15–60 min and 1–4 h
    expect(hist).toEqual(['1', '1', '1', '0', '0']);
  });
});
