// Row keys that sort in write order: appended rows (fact deltas, a tab's reported ids) are applied in key order.
let last = 0;

/** A fixed-width key part greater than every earlier one of this worker, and than any passed to seqAtLeast. */
export function nextSeq(): string {
  last = Math.max(Date.now(), last + 1);
  return last.toString(36).padStart(10, '0');
}

/** Later keys sort after `seq`, read back from storage: a new worker whose clock is behind the last one's. */
export function seqAtLeast(seq: string): void {
  last = Math.max(last, parseInt(seq, 36) || 0);
}
