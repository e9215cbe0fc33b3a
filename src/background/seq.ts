// Row keys that sort in write order: appended rows (fact deltas, a tab's reported ids) are applied in key order.
let last = 0;

/** A fixed-width key part greater than every earlier one of this worker, and than earlier workers' while the clock does not go back. */
export function nextSeq(): string {
  last = Math.max(Date.now(), last + 1);
  return last.toString(36).padStart(10, '0');
}
