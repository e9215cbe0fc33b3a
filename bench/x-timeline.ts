// A synthetic X mentions timeline for the content-script bench: the real DOM structure of X's cells
// (tests/fixtures/x/mentions.html), generated in the page by the page's own script, in batches as when
// scrolling, virtualised like X (old cells leave the DOM). The page instruments itself (page-instrument.ts).
import { INSTRUMENT } from './page-instrument.ts';

export type { PageBench } from './page-instrument.ts';

/** Page-side script. `window.__bench` is the page's instrument panel. */
const PAGE_SCRIPT = String.raw`
(() => {${INSTRUMENT}
  b.list = '.list';
  b.item = (i, now) => {
    const id = String(1900000000000000000n + BigInt(i));
    const h = 'customer' + i;
    const at = new Date(now - (i % 50) * 60000).toISOString();
    return ['<div data-testid="cellInnerDiv" style="transform: translateY(' + i * 200 + 'px); position: absolute; width: 100%;"><div><div>' +
      '<article data-testid="tweet" role="article" tabindex="0" aria-labelledby="id-' + id + '">' +
      '<div data-testid="Tweet-User-Avatar"><div data-testid="UserAvatar-Container-' + h + '"><a href="/' + h + '" role="link" tabindex="-1"><img alt="" src="data:,"></a></div></div>' +
      '<div data-testid="User-Name"><div><a href="/' + h + '" role="link"><div dir="ltr"><span><span>Customer ' + i + '</span></span></div></a></div><div><div><a href="/' + h + '" role="link" tabindex="-1"><div dir="ltr"><span>@' + h + '</span></div></a></div><div dir="ltr" aria-hidden="true"><span>·</span></div><div><a href="/' + h + '/status/' + id + '" role="link" aria-label="now"><time datetime="' + at + '">now</time></a></div></div></div>' +
      '<div data-testid="caret" aria-haspopup="menu" role="button" aria-label="More"></div>' +
      '<div data-testid="tweetText" lang="en" dir="auto"><span>Hi </span><a href="/AcmeSupport" role="link" dir="ltr">@AcmeSupport</a><span> my order #' + i + ' never arrived, can you check?</span></div>' +
      '<div role="group" aria-label="4 replies, 9 reposts, 83 likes"><button data-testid="reply" type="button"></button><button data-testid="retweet" type="button"></button><button data-testid="like" type="button"></button><button data-testid="bookmark" type="button"></button></div>' +
      '</article></div></div></div>', 'x:' + id];
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
