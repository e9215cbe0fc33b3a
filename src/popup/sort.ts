// Ordering of the popup's waiting list. The background already sends it sorted, but the popup
// re-sorts so the order a manager relies on ("who breaches next?") cannot drift from the wording.
import type { WaitingItem } from '../shared/summary.ts';

/** Closest to (or furthest past) breach first; items without a deadline (paused, closed) last. */
export function sortByTimeToBreach(items: readonly WaitingItem[]): WaitingItem[] {
  const key = (w: WaitingItem): number => w.dueAt ?? (w.remainingMinutes === null ? Infinity : Number.MAX_SAFE_INTEGER);
  return [...items].sort((a, b) => {
    const ka = a.state === 'paused' ? Infinity : key(a);
    const kb = b.state === 'paused' ? Infinity : key(b);
    if (ka !== kb) return ka < kb ? -1 : 1;
    return (a.remainingMinutes ?? Infinity) - (b.remainingMinutes ?? Infinity) || a.id.localeCompare(b.id);
  });
}

/** Only http(s) links are opened from the popup: a stored URL came from a web page. */
export function isOpenableUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
