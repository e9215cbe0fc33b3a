// CSV of exactly what the reports page shows. Cells are quoted when they hold a quote, comma or
// line break, and a cell starting with = + - @ (or tab / carriage return) is prefixed with ' so a
// spreadsheet never runs customer-written text as a formula.

export type Cell = string | number | null;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  let s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRows(rows: readonly (readonly Cell[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n');
}

export interface CsvSection {
  title: string;
  header: string[];
  rows: Cell[][];
}

/** Several tables in one file, each under its title and separated by a blank line. */
export function csvDocument(sections: readonly CsvSection[]): string {
  return sections.map((s) => csvRows([[s.title], s.header, ...s.rows])).join('\r\n\r\n') + '\r\n';
}
