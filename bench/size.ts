// Content-script size per page: what a page of each site loads — the runtime (content/runtime.js) and that site's
// adapter (content/<site>.js; the others are never fetched there) — gzipped file by file (as served from disk nothing is
// compressed, but gzip is the common yardstick for "how much code"). The measurement is scripts/content-size.mjs,
// on a private build of the current source. Budget 15 KB per page (issue 5: X; issue 9: Facebook, "the same").
import { BUDGET_BYTES, measureContentSize } from '../scripts/content-size.mjs';
import type { BenchRow } from './types.ts';

const BUDGET_KB = BUDGET_BYTES / 1024;

export async function run(): Promise<BenchRow[]> {
  const rows = await measureContentSize({ browser: 'chrome' });
  return rows.map((r): BenchRow => {
    const kb = r.bytes / 1024;
    if (r.site === '(runtime only)') {
      return { section: 'size', name: `shared by every page (the runtime, ${r.files.length} file${r.files.length === 1 ? '' : 's'})`, value: kb, unit: 'KB', reference: '', referenceValue: null, ratio: null };
    }
    return {
      section: 'size',
      name: `content script on a ${r.site} page, gzipped (${r.files.length} files)`,
      value: kb,
      unit: 'KB',
      reference: 'budget',
      referenceValue: BUDGET_KB,
      ratio: kb / BUDGET_KB,
      target: `≤ ${BUDGET_KB} KB`,
      pass: r.bytes <= BUDGET_BYTES,
    };
  });
}
