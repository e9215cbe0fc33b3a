// The event log's two shapes: EventRecord (one event, what code builds and readers see) and EventRow (how it is
// stored: the events of one transaction packed together, see records.ts). Packing and unpacking live here only.
import type { Table } from 'dexie';
import type { EventEntry, EventRecord, EventRow } from './records.ts';

/**
 * Packs events into rows: consecutive events with the same time and agent share a row (in practice a transaction's
 * events are one row). Order is kept, so unpacking the rows in seq order gives the events back in the order logged.
 */
export function packEvents(events: readonly EventRecord[]): EventRow[] {
  const rows: EventRow[] = [];
  let row: EventRow | null = null;
  let ids: Set<string> | null = null;
  for (const e of events) {
    if (!row || row.at !== e.at || row.agent !== e.agent) {
      row = { at: e.at, agent: e.agent, conversationIds: [], events: [] };
      ids = new Set();
      rows.push(row);
    }
    const entry: EventEntry = { type: e.type, conversationId: e.conversationId, ...(e.detail !== undefined ? { detail: e.detail } : {}) };
    row.events.push(entry);
    if (e.conversationId !== null && !ids!.has(e.conversationId)) {
      ids!.add(e.conversationId);
      row.conversationIds.push(e.conversationId);
    }
  }
  return rows;
}

/** The events rows hold, in row order and, within a row, in the order they were logged. */
export function unpackEvents(rows: readonly EventRow[]): EventRecord[] {
  const out: EventRecord[] = [];
  for (const r of rows) {
    for (const e of r.events) {
      out.push({
        ...(r.seq !== undefined ? { seq: r.seq } : {}),
        at: r.at,
        type: e.type,
        conversationId: e.conversationId,
        agent: r.agent,
        ...(e.detail !== undefined ? { detail: e.detail } : {}),
      });
    }
  }
  return out;
}

/** Appends events to the log (inside the caller's transaction, if any). */
export async function logEvents(table: Table<EventRow, number>, events: readonly EventRecord[]): Promise<void> {
  const rows = packEvents(events);
  if (rows.length === 1) await table.add(rows[0]!);
  else if (rows.length) await table.bulkAdd(rows);
}

/** The whole log, oldest first. */
export async function readEvents(table: Table<EventRow, number>): Promise<EventRecord[]> {
  return unpackEvents(await table.orderBy('seq').toArray());
}

/** The events about any of `ids`, oldest first. */
export async function eventsAbout(table: Table<EventRow, number>, ids: readonly string[]): Promise<EventRecord[]> {
  if (!ids.length) return [];
  const want = new Set(ids);
  const rows = await table.where('conversationIds').anyOf([...want]).distinct().toArray();
  rows.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  return unpackEvents(rows).filter((e) => e.conversationId !== null && want.has(e.conversationId));
}
