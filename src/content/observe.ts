// The one way content code finds elements. A single MutationObserver for the whole page looks only at
// ADDED subtrees (the node and its descendants) instead of re-scanning the document, so a busy,
// virtualised timeline costs work proportional to what changed. MutationObserver already delivers
// records as one microtask batch, which keeps a new tweet and its badge in the same frame.
import { BADGE_TAG } from './badge.ts';

interface Watcher {
  selector: string;
  cb: (el: Element) => void;
}

const watchers = new Set<Watcher>();
let observer: MutationObserver | null = null;

// Indexed loops over DOM lists: iterating a NodeList with for…of allocates an iterator result per node in a content
// script's world (a profile of a long scroll showed megabytes of them, and the garbage collections they cost).
function onMutations(records: MutationRecord[]): void {
  const added: Element[] = [];
  for (const r of records) {
    const nodes = r.addedNodes;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      // Our own badges arrive here too (one record each): they match no site selector, so skip them cheaply.
      if (n.nodeType === 1 && (n as Element).localName !== BADGE_TAG) added.push(n as Element);
    }
  }
  if (added.length === 0) return;
  for (const w of Array.from(watchers)) {
    // A node and its ancestor can both be in one batch: report each match once.
    const found = new Set<Element>();
    for (const el of added) {
      if (!el.isConnected) continue; // added then removed again within the batch
      if (el.matches(w.selector)) found.add(el);
      const inside = el.querySelectorAll(w.selector);
      for (let i = 0; i < inside.length; i++) found.add(inside[i]!);
    }
    for (const el of found) {
      if (!watchers.has(w)) break; // a callback aborted this watcher
      w.cb(el);
    }
  }
}

function ensureObserver(): void {
  if (observer) return;
  observer = new MutationObserver(onMutations);
  observer.observe(document, { childList: true, subtree: true });
}

function release(w: Watcher): void {
  watchers.delete(w);
  if (watchers.size === 0 && observer) {
    observer.disconnect();
    observer = null;
  }
}

/**
 * Calls `callback` for every element matching `selector` that exists now (reported at once) or is added
 * later, until `signal` aborts. The same element can be reported again if it is removed and re-inserted (a
 * virtualised cell scrolling back in), so callbacks must be idempotent.
 */
export function observe(selector: string, callback: (el: Element) => void, opts: { signal: AbortSignal }): void {
  const { signal } = opts;
  if (signal.aborted) return;
  // Deliver what older watchers have pending first, so nodes added before this call are reported to the
  // new watcher exactly once: by the scan below, not again by the observer.
  if (observer) onMutations(observer.takeRecords());
  const w: Watcher = { selector, cb: callback };
  watchers.add(w);
  ensureObserver();
  signal.addEventListener('abort', () => release(w), { once: true });
  for (const el of document.querySelectorAll(selector)) {
    if (!watchers.has(w)) return;
    callback(el);
  }
}

/** For tests: how many watchers are live. */
export function watcherCount(): number {
  return watchers.size;
}
