// Export of everything stored: CSV (one row per conversation, for spreadsheets) and JSON (conversations,
// their frozen policy versions, and the event log, for audits and re-import elsewhere).
import type { ReplyclockDb } from '../shared/db.ts';
import { readEvents } from '../shared/events.ts';
import type { Responses } from '../shared/protocol.ts';
import { toCsv } from './csv.ts';

export const CSV_COLUMNS = [
  'id',
  'platform',
  'channel',
  'url',
  'customer_handle',
  'customer_name',
  'text',
  'topic',
  'priority',
  'policy',
  'status',
  'clock_state',
  'assignee',
  'excluded',
  'excluded_reason',
  'first_customer_at',
  'last_customer_at',
  'first_response_at',
  'first_response_minutes',
  'within_target',
  'due_at',
  'messages',
  'day',
] as const;

const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

export async function exportData(db: ReplyclockDb, format: 'json' | 'csv', now: number): Promise<Responses['ui:export']> {
  const stamp = new Date(now).toISOString().slice(0, 10);
  const conversations = await db.conversations.orderBy('firstCustomerAt').toArray();
  if (format === 'csv') {
    const rows = conversations.map((c) => [
      c.id,
      c.platform,
      c.channel,
      c.url,
      c.customer.handle ?? '',
      c.customer.name ?? '',
      c.text ?? '',
      c.topic ?? '',
      c.priority ?? '',
      c.policyId ?? '',
      c.status,
      c.clockState,
      c.assignee ?? '',
      c.excluded,
      c.excludedReason ?? '',
      iso(c.firstCustomerAt),
      iso(c.lastCustomerAt),
      iso(c.firstResponseAt),
      c.firstResponseMinutes === null ? '' : Math.round(c.firstResponseMinutes * 10) / 10,
      c.withinTarget === null ? '' : c.withinTarget,
      iso(c.dueAt),
      c.messages.length,
      c.day,
    ]);
    return { filename: `replyclock-${stamp}.csv`, mime: 'text/csv;charset=utf-8', body: '\uFEFF' + toCsv(CSV_COLUMNS, rows) };
  }
  const [versions, events] = await Promise.all([db.versions.toArray(), readEvents(db.events)]);
  const body = JSON.stringify({ format: 'replyclock-export', version: 1, exportedAt: iso(now), conversations, versions, events }, null, 2);
  return { filename: `replyclock-${stamp}.json`, mime: 'application/json', body };
}
