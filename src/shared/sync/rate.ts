// Keeps this context's storage.sync writes under Chrome's per-minute and per-hour write limits. Chrome
// rejects a write over the limit outright, so the writer asks first how long to wait. The limits used are
// below Chrome's own to leave room for another extension page writing at the same time.
import { MAX_WRITE_OPERATIONS_PER_HOUR, MAX_WRITE_OPERATIONS_PER_MINUTE } from './quota.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;

export class WriteBudget {
  private stamps: number[] = [];

  constructor(
    readonly perMinute = Math.floor(MAX_WRITE_OPERATIONS_PER_MINUTE * 0.8),
    readonly perHour = Math.floor(MAX_WRITE_OPERATIONS_PER_HOUR * 0.8),
  ) {}

  reset(): void {
    this.stamps = [];
  }

  record(ops: number, now: number): void {
    for (let i = 0; i < ops; i++) this.stamps.push(now);
    this.stamps = this.stamps.filter((t) => t > now - HOUR);
  }

  /** Milliseconds to wait before `ops` more writes stay within both windows (0 = now). */
  delayFor(ops: number, now: number): number {
    const inHour = this.stamps.filter((t) => t > now - HOUR);
    const inMinute = inHour.filter((t) => t > now - MINUTE);
    let wait = 0;
    if (inMinute.length + ops > this.perMinute) {
      // The oldest stamps must leave the window until enough room is free.
      const free = inMinute[inMinute.length + ops - this.perMinute - 1];
      if (free !== undefined) wait = Math.max(wait, free + MINUTE - now + 1);
    }
    if (inHour.length + ops > this.perHour) {
      const free = inHour[inHour.length + ops - this.perHour - 1];
      if (free !== undefined) wait = Math.max(wait, free + HOUR - now + 1);
    }
    return wait;
  }
}
