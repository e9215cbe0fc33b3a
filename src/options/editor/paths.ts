// Maps a validation error's path (as validateConfig names it, e.g. `schedules[0].week.mon[1][0]`) to the editor
// field that shows it (`schedules[0].week.mon[1]`, the interval row). Pure, so the mapping is unit-tested.
// Paths that match no field (the root, or a shape the editor does not draw) map to themselves and are still
// listed in the summary next to Save, so no problem is ever hidden.
import type { ConfigProblem } from '../../shared/sync/check.ts';

const DAY = '(?:mon|tue|wed|thu|fri|sat|sun)';
const S = String.raw`schedules\[\d+\]`;
const P = String.raw`policies\[\d+\]`;

/** Most specific first; each captures the field's own path at the start of the error path. */
const FIELDS: RegExp[] = [
  new RegExp(String.raw`^(${S}\.week\.${DAY}\[\d+\])`),
  new RegExp(String.raw`^(${S}\.exceptions\[\d+\]\.hours\[\d+\])`),
  new RegExp(String.raw`^(${S}\.exceptions\[\d+\]\.(?:date|hours|note))`),
  new RegExp(String.raw`^(${S}\.holidays\[\d+\])`),
  new RegExp(String.raw`^(${S}\.(?:id|name|timeZone|week\.${DAY}|week|holidays|exceptions\[\d+\]|exceptions))(?![\w])`),
  new RegExp(String.raw`^(${P}\.match\.(?:platforms|channels|topics|priorities))(?![\w])`),
  new RegExp(String.raw`^(${P}\.(?:id|name|schedule|match|firstResponseMinutes|nextResponseMinutes|resolutionMinutes|warnAt|calendarTargets))(?![\w])`),
  /^(brands\.[A-Za-z0-9_$]+|brands\["[^"]*"\])/,
  /^(sites\[\d+\])/,
  /^(notifications\.(?:enabled|leadMinutes|quietWhenClosed))(?![\w])/,
  new RegExp(String.raw`^(${S}|${P})$`),
];

/** The editor field an error belongs to. */
export function fieldPathOf(errorPath: string): string {
  for (const re of FIELDS) {
    const m = re.exec(errorPath);
    if (m?.[1]) return m[1];
  }
  return errorPath;
}

/** Errors grouped by the field that shows them. */
export function errorsByField(errors: readonly ConfigProblem[]): Map<string, ConfigProblem[]> {
  const out = new Map<string, ConfigProblem[]>();
  for (const e of errors) {
    const field = fieldPathOf(e.path);
    const list = out.get(field);
    if (list) list.push(e);
    else out.set(field, [e]);
  }
  return out;
}

/** A DOM id for a field's error text (aria-describedby), safe for any path. */
export function errorId(fieldPath: string): string {
  return `err-${fieldPath.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
