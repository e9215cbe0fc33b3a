// A synthetic X mentions timeline for the content-script bench: the real DOM structure of X's cells
// (tests/fixtures/x/mentions.html), generated in the page by the page's own script, in batches as when
// scrolling, virtualised like X (old cells leave the DOM). The page also instruments itself: insertion
// times, the moment each badge appears (a main-world MutationObserver sees the content script's
// insertion in the same mutation-observer checkpoint), and long tasks.

/** Page-side script. `window.__bench` is the page's instrument panel. */
const PAGE_SCRIPT = String.raw`
(() => {
  const b = (window.__bench = { inserted: {}, badged: {}, long: [], appendMs: [], cells: 0 });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) b.long.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  new MutationObserver((records) => {
    const t = performance.now();
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeName === 'REPLYCLOCK-BADGE') { const id = n.getAttribute('data-message'); if (id && !(id in b.badged)) b.badged[id] = t; }
    }
  }).observe(document, { childList: true, subtree: true });
  const cell = (i, now) => {
    const id = String(1900000000000000000n + BigInt(i));
    const h = 'customer' + i;
    const at = new Date(now - (i % 50) * 60000).toISOString();
    return '<div data-testid="cellInnerDiv" style="transform: translateY(' + i * 200 + 'px); position: absolute; width: 100%;"><div><div>' +
      '<article data-testid="tweet" role="article" tabindex="0" aria-labelledby="id-' + id + '">' +
      '<div data-testid="Tweet-User-Avatar"><div data-testid="UserAvatar-Container-' + h + '"><a href="/' + h + '" role="link" tabindex="-1"><img alt="" src="data:,"></a></div></div>' +
      '<div data-testid="User-Name"><div><a href="/' + h + '" role="link"><div dir="ltr"><span><span>Customer ' + i + '</span></span></div></a></div><div><div><a href="/' + h + '" role="link" tabindex="-1"><div dir="ltr"><span>@' + h + '</span></div></a></div><div dir="ltr" aria-hidden="true"><span>·</span></div><div><a href="/' + h + '/status/' + id + '" role="link" aria-label="now"><time datetime="' + at + '">now</time></a></div></div></div>' +
      '<div data-testid="caret" aria-haspopup="menu" role="button" aria-label="More"></div>' +
      '<div data-testid="tweetText" lang="en" dir="auto"><span>Hi </span><a href="/AcmeSupport" role="link" dir="ltr">@AcmeSupport</a><span> my order #' + i + ' never arrived, can you check?</span></div>' +
      '<div role="group" aria-label="4 replies, 9 reposts, 83 likes"><button data-testid="reply" type="button"></button><button data-testid="retweet" type="button"></button><button data-testid="like" type="button"></button><button data-testid="bookmark" type="button"></button></div>' +
      '</article></div></div></div>';
  };
  /** Appends one batch of cells in one DOM operation (as React commits), keeps the newest \`keep\` cells. */
  b.addBatch = (size, keep) => {
    const list = document.querySelector('.list');
    const now = Date.now();
    let html = '';
    const ids = [];
    for (let k = 0; k < size; k++) { const i = b.cells++; html += cell(i, now); ids.push('x:' + String(1900000000000000000n + BigInt(i))); }
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
})();
`;

export function timelineHtml(): string {
  return `<!doctype html>
<html lang="en" dir="ltr"><head><meta charset="utf-8"><title>Notifications / X</title>
<style>body{font-family:sans-serif;margin:0} [data-testid=primaryColumn]{width:600px;margin:auto} article{padding:12px;border-bottom:1px solid #eee} .list{position:relative;min-height:2400px}</style></head>
<body><div id="react-root"><div><header role="banner"><nav><button data-testid="SideNav_AccountSwitcher_Button" type="button"><span>Acme Support</span><span>@AcmeSupport</span></button></nav></header>
<main role="main"><div data-testid="primaryColumn"><section role="region"><div aria-label="Timeline: Notifications"><div class="list"></div></div></section></div></main></div></div>
<script>${PAGE_SCRIPT}</script></body></html>`;
}

export interface PageBench {
  inserted: Record<string, number>;
  badged: Record<string, number>;
  long: { start: number; duration: number }[];
  /** The page's own synchronous insert + virtualisation per batch. */
  appendMs: number[];
}
