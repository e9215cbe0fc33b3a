// Must load before dexie, which looks up the IndexedDB globals when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../src/background/csv.ts';
import { exportData, CSV_COLUMNS } from '../../../src/background/export.ts';
import { ingest } from '../../../src/background/ingest.ts';
import { T0, conv, ctx, freshDb, msg } from './helpers.ts';

describe('CSV export', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it.each(['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\t=1'])('neutralises formula-looking text %j', (text) => {
    const cell = csvCell(text);
    expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('does not alter numbers (a negative number is a value, not a formula)', () => {
    expect(csvCell(-5)).toBe('-5');
  });

  it('writes one row per conversation with customer text escaped', async () => {
    const db = freshDb();
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0, { text: '=cmd|"/c calc"!A1, then\nmore' })])], ctx(T0));
    const out = await exportData(db, 'csv', T0);
    expect(out.filename).toBe('replyclock-2025-01-15.csv');
    expect(out.mime).toMatch(/^text\/csv/);
    const body = out.body.replace(/^\uFEFF/, '');
    expect(body.startsWith(CSV_COLUMNS.join(',') + '\r\n')).toBe(true);
    expect(body).toContain(`"'=cmd|""/c calc""!A1, then\nmore"`);
    expect(toCsv(['a'], [['x']])).toBe('a\r\nx\r\n');
  });

  it('exports JSON with conversations, frozen versions and events', async () => {
    const db = freshDb();
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0)])], ctx(T0));
    const out = await exportData(db, 'json', T0);
    const data = JSON.parse(out.body);
    expect(data.conversations.map((c: { id: string }) => c.id)).toEqual(['x:1']);
    expect(data.versions).toHaveLength(1);
    expect(data.events.map((e: { type: string }) => e.type)).toEqual(['detected']);
  });
});
