// The tiny X page and config the foundation and options-import e2e tests share: one mention of the
// brand in X's timeline structure (shared/research/dom-notes.md), with its time relative to now.

export const STATUS_ID = '1790000000000000001';
export const CONVERSATION = `x:${STATUS_ID}`;
export const MENTIONS_URL = 'https://x.com/notifications/mentions';

/** Calendar time and a 60-minute first-response target: a tweet 5 minutes old is `ok` whatever the day or hour. */
export const FOUNDATION_CONFIG = {
  version: 1,
  schedules: [],
  policies: [{ id: 'social', name: 'Social', schedule: null, match: {}, firstResponseMinutes: 60 }],
  brands: { x: ['AcmeSupport'] },
  sites: [],
};

/** One mention in X's timeline structure (shared/research/dom-notes.md), `minutesAgo` old. */
export function mentionPage(minutesAgo: number): string {
  const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mentions / X</title></head><body>
<main role="main"><div data-testid="primaryColumn"><section aria-label="Timeline: Mentions"><div style="position: relative; min-height: 600px">
  <div data-testid="cellInnerDiv" style="transform: translateY(0px); position: absolute; width: 100%">
    <div><div>
      <article data-testid="tweet" role="article" tabindex="0">
        <div data-testid="Tweet-User-Avatar"><div data-testid="UserAvatar-Container-jane"><a href="/jane">avatar</a></div></div>
        <div data-testid="User-Name">
          <div><a href="/jane" role="link"><div dir="ltr"><span><span>Jane Doe</span></span></div></a></div>
          <div><a href="/jane" role="link" tabindex="-1"><span>@jane</span></a><span>·</span>
            <a href="/jane/status/${STATUS_ID}" aria-label="5 minutes ago" role="link"><time datetime="${at}">5m</time></a></div>
        </div>
        <div data-testid="caret" aria-haspopup="menu" role="button">…</div>
        <div data-testid="tweetText" lang="en" dir="auto"><span>@AcmeSupport my order #4411 never arrived, can you help?</span></div>
        <div role="group" aria-label="0 replies, 0 reposts, 1 like">
          <button data-testid="reply">Reply</button><button data-testid="retweet">Repost</button><button data-testid="like">Like</button>
        </div>
      </article>
    </div></div>
  </div>
</div></section></div></main></body></html>`;
}
