// The instrument panel both synthetic pages of the content bench carry (x-timeline.ts, fb-comments.ts), as page
// script: `window.__bench` records when each item was inserted, the moment its badge appears (a main-world
// MutationObserver sees the content script's insertion in the same mutation-observer checkpoint) and long tasks.
// A page adds `b.list` (the selector items go into) and `b.item(i, now)` → [html, message id of its badge].

export const INSTRUMENT = String.raw`
  const b = (window.__bench = { inserted: {}, badged: {}, long: [], appendMs: [], cells: 0 });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) b.long.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  new MutationObserver((records) => {
    const t = performance.now();
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeName === 'REPLYCLOCK-BADGE') { const id = n.getAttribute('data-message'); if (id && !(id in b.badged)) b.badged[id] = t; }
    }
  }).observe(document, { childList: true, subtree: true });
  /** Appends one batch in one DOM operation (as React commits), then keeps the newest \`keep\` items mounted. */
  b.addBatch = (size, keep) => {
    const list = document.querySelector(b.list);
    const now = Date.now();
    let html = '';
    const ids = [];
    for (let k = 0; k < size; k++) { const [h, id] = b.item(b.cells++, now); html += h; ids.push(id); }
    const tpl = document.createElement('template');
    tpl.innerHTML = html;
    const t = performance.now();
    list.append(tpl.content);
    for (const id of ids) b.inserted[id] = t;
    while (list.children.length > keep) list.firstElementChild.remove();
    b.appendMs.push(performance.now() - t);
  };
  b.scroll = async (batches, size, keep, gapMs) => {
    const from = performance.now();
    for (let k = 0; k < batches; k++) {
      b.addBatch(size, keep);
      await new Promise((r) => setTimeout(r, gapMs));
    }
    return { from, to: performance.now() };
  };
`;

export interface PageBench {
  inserted: Record<string, number>;
  badged: Record<string, number>;
  long: { start: number; duration: number }[];
  /** The page's own synchronous insert + virtualisation per batch. */
  appendMs: number[];
}

/** Per item, insertion → its badge (ms), and how many never got one. */
export function latencies(b: Pick<PageBench, 'inserted' | 'badged'>): { delays: number[]; missing: number } {
  const delays: number[] = [];
  let missing = 0;
  for (const [id, t] of Object.entries(b.inserted)) {
    const badged = b.badged[id];
    if (badged === undefined) missing++;
    else delays.push(badged - t);
  }
  return { delays, missing };
}
