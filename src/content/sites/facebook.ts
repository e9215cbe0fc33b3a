// Facebook page post comments (www.facebook.com). Messenger (facebook-messenger.ts) and the Business Suite
// inbox (facebook-business.ts) are separate adapters, each its own chunk; every selector is in facebook-selectors.ts.
//
// Comments: a customer's top-level comment opens the conversation `facebook:<comment id>`; the replies under it
// belong to it — the Page's reply answers it, a later customer reply starts a next-response clock. Under one of
// the Page's own comments, the first customer reply opens the conversation. Only posts of the team's Page count:
// an agent reading someone else's post sees no badges.
import { localWallClock } from '../../core/wall-clock.ts';
import type { ObservedConversation, ObservedMessage } from '../../shared/protocol.ts';
import type { LazySite, SiteContext } from '../site.ts';
import { hrefOf, ID_PARAM, isBrand, pageBrands, param, profileOfHref, type FbBrands } from './facebook-brand.ts';
import { COMMENT, HEALTH_GRACE_MS, ID_LINK, ownAll, readComment, steadyTime, type FbComment } from './facebook-read.ts';
import { first, FB_COMMENTS, POST_PAGE } from './facebook-selectors.ts';

/** An http(s) link to the comment without Facebook's tracking parameters (__cft__, __tn__). */
export function cleanUrl(href: string, base: string): string {
  let url: string;
  try {
    // Facebook's links are absolute https URLs: only others (or odd ones) need a URL parse (a tenth of reading a comment).
    url = /^https:\/\/[\w.-]+\/\S*$/.test(href) ? href : new URL(href, base).href;
  } catch {
    return base;
  }
  if (!/^https?:/.test(url)) return base;
  const hash = url.indexOf('#') >>> 0; // none: 2^32 - 1
  const q = url.indexOf('?');
  if (q < 0 || q > hash) return url;
  const kept = url
    .slice(q + 1, hash)
    .split('&')
    .filter((p) => p && !p.startsWith('__'));
  return url.slice(0, q) + (kept.length ? `?${kept.join('&')}` : '') + url.slice(hash);
}

/** Is the page the team's Page (its posts, or ?id=)? */
function urlIsBrand(url: URL, brands: FbBrands): boolean {
  const seg = url.pathname.split('/').filter(Boolean)[0] ?? '';
  const byPath = seg && !seg.endsWith('.php') ? profileOfHref(`/${seg}`) : null;
  const pageId = param(url.search, ID_PARAM);
  return isBrand(brands, byPath ?? (pageId && /^\d+$/.test(pageId) ? { id: pageId } : null), '');
}

/** Where the URL does not name the team's Page (a feed, a post dialog): is the post's author, named by its header link, the Page? */
export function postAuthorIsBrand(article: Element, brands: FbBrands): boolean {
  // The nearest enclosing article that is not itself a comment (has no comment-id links of its own).
  let post: Element | null | undefined = article;
  do post = post.parentElement?.closest('[role="article"]');
  while (post && ownAll(post, ID_LINK).length > 0);
  const scope: ParentNode = post ?? article.closest('[role="dialog"]') ?? document;
  for (const a of scope.querySelectorAll('h2 a[href], h3 a[href], h4 a[href], strong a[href]')) {
    const inComment = a.closest(COMMENT);
    if (inComment && inComment !== post) continue;
    const p = profileOfHref(hrefOf(a));
    if (p) return isBrand(brands, p, a.textContent ?? '');
  }
  return false;
}

interface Thread {
  conv: string | null;
  /** The top-level comment's time: its replies cannot be older. */
  topAt: number | null;
}

function initComments(ctx: SiteContext, brands: FbBrands): void {
  const threads = new Map<string, Thread>();
  // Does the post these comments belong to come from the team's Page? By URL (once per visit), else by its author.
  const brandUrl = urlIsBrand(ctx.url, brands);
  let comments = 0;
  let tracked = 0;

  const handle = (article: Element): void => {
    // A post article holds comment links only inside its comments: it is not a comment itself.
    const idLinks = ownAll(article, ID_LINK);
    if (idLinks.length === 0) return;
    comments++;
    const r = readComment(article, Date.now(), localWallClock, idLinks);
    if (!r.ok) return ctx.health('mismatch', r.reason);
    const c: FbComment = r.comment;
    if (!brandUrl && !postAuthorIsBrand(article, brands)) return;
    const fromBrand = isBrand(brands, c.profile, c.name);
    const top = c.parentId ?? c.id;
    let th = threads.get(top);
    if (!th) threads.set(top, (th = { conv: null, topAt: null }));
    const msgId = `facebook:${c.id}`;
    let at = steadyTime(msgId, c.time);
    if (!c.parentId) th.topAt = at?.at ?? null;
    if (!fromBrand) th.conv = c.parentId ? (th.conv ?? msgId) : msgId;
    if (!th.conv) return; // the Page's own comment, with no customer reply (yet)
    // A reply is shown after the comment it answers: never let a coarse "1 d" put it before its parent.
    if (at && c.parentId && th.topAt !== null && at.at <= th.topAt) at = { ...at, at: th.topAt + 1 };
    const msg: ObservedMessage = {
      id: msgId,
      role: fromBrand ? 'brand' : 'customer',
      at: at?.at ?? null,
      firstSeenAt: ctx.firstSeen(msgId),
      precisionMs: at?.precisionMs ?? 0,
      ...(c.name ? { author: c.name } : {}), // names are clipped once for every site, where observations arrive (protocol.ts)
      ...(!fromBrand && c.text ? { text: c.text.slice(0, 500) } : {}),
    };
    const handleOf = c.profile?.vanity ?? c.profile?.id;
    const conv: ObservedConversation = {
      id: th.conv,
      platform: 'facebook',
      channel: 'public',
      url: cleanUrl(hrefOf(c.timeLink), ctx.url.href),
      customer: fromBrand ? {} : { ...(handleOf ? { handle: handleOf } : {}), ...(c.name ? { name: c.name } : {}) },
      messages: [msg],
    };
    tracked++;
    ctx.track(conv, fromBrand ? null : { parent: c.timeLink.parentElement ?? article, after: c.timeLink, messageId: msgId });
    ctx.health('ok');
  };
  ctx.observe(COMMENT, handle);

  ctx.later(HEALTH_GRACE_MS, () => {
    if (tracked > 0 || comments > 0) return; // 'ok' or 'mismatch' already said, or only other people's posts
    // Labelled articles are comments (posts are aria-labelledby), and comment links are in comments: either one on
    // the page, yet no comment read = the selectors no longer match (not a post without comments).
    if (document.querySelector(`${FB_COMMENTS.comment[0]}, ${ID_LINK}`)) return ctx.health('mismatch', 'comments found but none read');
    if (!POST_PAGE.test(ctx.url.pathname)) return; // feeds and profiles may hold no comments at all
    if (!first(document, FB_COMMENTS, 'post')) ctx.health('mismatch', 'post page without a post or comment');
    else ctx.health('empty', 'no comments on this post');
  });
}

// Loaded by the registry (registry.ts), whose entry holds the URL test (isFacebookUrl).
export const facebookSite: LazySite = {
  init(ctx) {
    const brands = pageBrands(ctx);
    if (brands) initComments(ctx, brands);
  },
};
