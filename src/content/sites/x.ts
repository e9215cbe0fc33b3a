// X (x.com, twitter.com): which tweets are customer conversations, and which brand tweets answer them.
// Selectors live in x-selectors.ts. Reading is strict: a tweet whose author or own time cannot be read
// gets no badge (and the page reports 'mismatch') rather than a wrong timer.
import type { ObservedConversation, ObservedMessage } from '../../shared/protocol.ts';
import { brandSet, handleOfLink, mentionedHandles, normHandle } from '../handles.ts';
import type { SiteContext, SiteDefinition } from '../site.ts';
import { isXChatUrl, isXUrl } from '../site-urls.ts';
import { any, all, first, PROFILE_HREF, STATUS_HREF, STATUS_PATH, TWEET_PAGES, X, type XSelector } from './x-selectors.ts';
import { watchSentReplies } from './x-sent-replies.ts';

export interface XTweet {
  article: Element;
  statusId: string;
  /** As shown (original case). */
  handle: string;
  name: string;
  at: number;
  text: string;
  /** The status permalink wrapping the tweet's own <time>: the badge goes right after it. */
  timeLink: Element;
  /** Lower-cased handles mentioned in the tweet's own text. */
  mentions: string[];
  /** What replyingTo() reads the "Replying to @…" line from. */
  userName: Element;
  textEl: Element | null;
  quotes: NodeListOf<Element>;
  /** replyingTo()'s answer, once asked for. */
  replying?: string[];
  promoted: boolean;
  /** Has a social context line: a repost by someone else, or pinned. */
  social: boolean;
}

export type ReadResult = { ok: true; tweet: XTweet } | { ok: false; reason: string };


const QUOTED = any('quoted');
const PROMOTED = any('promoted');
const MEDIA = any('media');

/** An ad: wrapped in the promoted marker, or holding one that wraps no video (a customer's video tweet is no ad). */
function isPromoted(article: Element): boolean {
  if (article.closest(PROMOTED)) return true;
  const inner = article.querySelectorAll(PROMOTED);
  for (let i = 0; i < inner.length; i++) if (!inner[i]!.querySelector(MEDIA)) return true;
  return false;
}

// Reading runs for every tweet of a scrolling timeline inside the mutation callback, before the badge can show, so it
// makes few DOM calls (each costs microseconds from a content script's world) and walks lists by index (for…of over
// a NodeList allocates per node there).

/** Inside one of the article's quoted tweets (`quotes`: its quote cards, found once per read)? */
function inQuote(el: Element, quotes: NodeListOf<Element>): boolean {
  for (let i = 0; i < quotes.length; i++) if (quotes[i]!.contains(el)) return true;
  return false;
}

/** The first element of the entry's first matching selector that is the article's own (not a quoted tweet's). */
function own(article: Element, key: XSelector, quotes: NodeListOf<Element>): Element | null {
  if (quotes.length === 0) return first(article, key); // nothing to skip: the table's own first match
  for (const css of X[key]) {
    const found = article.querySelectorAll(css);
    for (let i = 0; i < found.length; i++) if (!inQuote(found[i]!, quotes)) return found[i]!;
    if (found.length) return null;
  }
  return null;
}

/** Reads one tweet article. */
export function readTweet(article: Element): ReadResult {
  const quotes = article.querySelectorAll(QUOTED);
  const userName = own(article, 'userName', quotes);
  if (!userName) return { ok: false, reason: 'User-Name not found in tweet' };
  let profile: Element | undefined;
  let handle: string | undefined;
  const links = userName.querySelectorAll('a[href]');
  for (let i = 0; i < links.length && !handle; i++) {
    handle = PROFILE_HREF.exec(links[i]!.getAttribute('href') ?? '')?.[1];
    if (handle) profile = links[i];
  }
  if (!handle) return { ok: false, reason: 'author handle not found in User-Name' };
  const time = own(article, 'statusTime', quotes);
  const timeLink = time?.parentElement;
  if (!time || !timeLink) return { ok: false, reason: 'status time link not found' };
  const link = STATUS_HREF.exec(timeLink.getAttribute('href') ?? '');
  if (!link) return { ok: false, reason: 'status id not found in time link' };
  // The permalink names the author: if it does not, we picked the wrong link.
  if (link[1]!.toLowerCase() !== handle.toLowerCase()) return { ok: false, reason: 'time link author differs from User-Name' };
  const at = Date.parse(time.getAttribute('datetime') ?? '');
  if (!Number.isFinite(at)) return { ok: false, reason: 'unreadable datetime' };
  const textEl = own(article, 'tweetText', quotes);
  const text = textEl?.textContent ?? '';
  return {
    ok: true,
    tweet: {
      article,
      statusId: link[2]!,
      handle,
      name: (profile?.textContent ?? '').trim(),
      at,
      text,
      timeLink,
      mentions: mentionedHandles(text),
      userName,
      textEl,
      quotes,
      promoted: isPromoted(article),
      social: own(article, 'socialContext', quotes) !== null,
    },
  };
}

/**
 * Lower-cased handles of the tweet's "Replying to @…" line. Read the first time it is asked for: a dozen DOM calls per
 * tweet, and a brand mention in the text usually decides without it.
 */
export function replyingTo(tw: XTweet): string[] {
  if (tw.replying) return tw.replying;
  const out: string[] = [];
  const anchors = tw.article.querySelectorAll('a[href^="/"]');
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i]!;
    // The cheap test first: only a link to a profile can name who the tweet replies to.
    if (!PROFILE_HREF.test(a.getAttribute('href') ?? '')) continue;
    if (tw.userName.contains(a) || tw.textEl?.contains(a) || inQuote(a, tw.quotes)) continue;
    const h = handleOfLink(a);
    if (h) out.push(h);
  }
  return (tw.replying = out);
}

export type TweetKind = 'conversation' | 'brand' | 'promoted' | 'repost' | 'other';

export function classify(tw: XTweet, brands: ReadonlySet<string>): TweetKind {
  if (tw.promoted) return 'promoted';
  if (tw.social) return 'repost';
  const author = normHandle(tw.handle);
  if (author && brands.has(author)) return 'brand';
  if (tw.mentions.some((h) => brands.has(h)) || replyingTo(tw).some((h) => brands.has(h))) return 'conversation';
  return 'other';
}

/**
 * Status id → conversation id, learned on conversation pages and kept for the life of this content script (across
 * SPA visits). A timeline shows no thread id: there a tweet is its own conversation (`x:<status id>`) unless this
 * tab has seen it in its thread — a follow-up read on a conversation page first keeps that thread's id when the
 * agent goes back to the timeline. The background merges the other order (follow-up stored alone first, thread
 * seen later) by message id, so either way it is stored once.
 */
const threadOf = new Map<string, string>();

/** True when conversation id `a` names an older tweet than `b` (status ids grow with time; same length = same era). */
function older(a: string, b: string): boolean {
  return a.length !== b.length ? a.length < b.length : a < b;
}

/** One customer's part of the thread shown on a conversation page. */
interface Thread {
  /** `x:<status id>` of the customer's oldest tweet in the thread: stable whatever order X renders the thread in. */
  id: string;
  customer: Map<string, XTweet>;
  brand: Map<string, XTweet>;
}

function message(ctx: SiteContext, tw: Pick<XTweet, 'statusId' | 'at' | 'handle' | 'text'>, role: 'customer' | 'brand'): ObservedMessage {
  const id = `x:${tw.statusId}`;
  return {
    id,
    role,
    at: tw.at,
    firstSeenAt: ctx.firstSeen(id),
    precisionMs: 0, // <time datetime> is exact to the second
    author: tw.handle,
    ...(role === 'customer' && tw.text ? { text: tw.text.slice(0, 500) } : {}),
  };
}

const HEALTH_GRACE_MS = 6000;

function init(ctx: SiteContext): void {
  const path = ctx.url.pathname;
  const brands = brandSet([...(ctx.config.brands.x ?? []), ...(ctx.config.brands.twitter ?? [])]);
  if (isXChatUrl(ctx.url)) return; // direct messages: x-chat.ts (its own registry entry)
  const onStatusPage = STATUS_PATH.test(path);
  const threads = new Map<string, Thread>(); // customer handle → their part of this page's thread
  let lastCustomer: string | null = null;
  let read = 0; // tweets read (only "any?" matters: a count, not a set of ids growing with every tweet)
  let conversations = 0;
  let unreadable = 0;

  const conv = (id: string, tw: Pick<XTweet, 'statusId' | 'handle' | 'name'>, msg: ObservedMessage, customer: boolean): ObservedConversation => ({
    id,
    platform: 'x',
    channel: 'public',
    url: `${ctx.url.origin}/${tw.handle}/status/${tw.statusId}`,
    customer: customer ? { handle: tw.handle, ...(tw.name ? { name: tw.name } : {}) } : {},
    messages: [msg],
  });

  /** What the tweet is to the team: a customer's conversation (a follow-up in a thread they started counts even without naming the brand again). */
  const kindOf = (tw: XTweet): TweetKind => {
    const kind = classify(tw, brands);
    return kind === 'other' && onStatusPage && threads.has(tw.handle.toLowerCase()) ? 'conversation' : kind;
  };
  /** A timeline tweet is its own conversation unless this tab has seen it in its thread (threadOf). */
  const idOf = (tw: XTweet): string => threadOf.get(tw.statusId) ?? `x:${tw.statusId}`;

  const handleArticle = (article: Element): void => {
    const r = readTweet(article);
    if (!r.ok) {
      unreadable++;
      ctx.health('mismatch', r.reason);
      return;
    }
    const tw = r.tweet;
    read++;
    const kind = kindOf(tw);
    const author = tw.handle.toLowerCase();
    if (kind === 'conversation') {
      conversations++;
      if (onStatusPage) return customerInThread(tw, author);
      // Only conversation pages teach threadOf anything: a timeline tweet's own id is the default.
      trackCustomer(idOf(tw), tw);
    } else if (kind === 'brand' && onStatusPage) {
      // A brand tweet in the thread answers the customers it replies to (or the last one above it).
      const targets = replyingTo(tw).filter((h) => threads.has(h));
      if (targets.length === 0 && lastCustomer) targets.push(lastCustomer);
      // Drawn before any tweet it could answer (the brand's reply is this page's focal tweet, the thread above it
      // comes a moment later): it waits for that tweet (customerInThread).
      if (targets.length === 0) waiting.add(tw);
      for (const h of new Set(targets)) answer(h, tw);
    }
  };

  const answer = (author: string, reply: XTweet): void => {
    const t = threads.get(author)!;
    t.brand.set(reply.statusId, reply);
    ctx.track(conv(t.id, reply, message(ctx, reply, 'brand'), false), null);
  };
  const waiting = new Set<XTweet>();

  const trackCustomer = (id: string, tw: XTweet): void => {
    const msg = message(ctx, tw, 'customer');
    const placement = tw.timeLink.isConnected ? { parent: tw.timeLink.parentElement!, after: tw.timeLink, messageId: msg.id } : null;
    ctx.track(conv(id, tw, msg, true), placement);
  };

  // X often renders a conversation page's focal tweet first (from its cache) and the tweets above it a moment
  // later. The customer's follow-up must not name the conversation just because it arrived first: the thread
  // takes the id of the customer's OLDEST tweet, and when an older one turns up, what was tracked under the
  // younger id moves over (its badge is replaced in place; the background merges the stored record).
  const customerInThread = (tw: XTweet, author: string): void => {
    const own = threadOf.get(tw.statusId) ?? `x:${tw.statusId}`;
    let t = threads.get(author);
    let moved = false;
    if (!t) threads.set(author, (t = { id: own, customer: new Map(), brand: new Map() }));
    else if (older(own, t.id)) {
      t.id = own;
      moved = true;
    }
    t.customer.set(tw.statusId, tw);
    lastCustomer = author;
    const ids = moved ? [...t.customer.keys()] : [tw.statusId];
    for (const s of ids) threadOf.set(s, t.id);
    trackCustomer(t.id, tw);
    // A waiting brand reply answers this customer if it names them, or (as when drawn in order: the last customer above
    // it) names no customer of this thread and is drawn below this tweet.
    for (const reply of waiting) {
      const named = replyingTo(reply);
      const answers =
        named.includes(author) ||
        (!named.some((h) => threads.has(h)) && tw.article.compareDocumentPosition(reply.article) & Node.DOCUMENT_POSITION_FOLLOWING);
      if (!answers) continue;
      answer(author, reply);
      if (named.every((h) => threads.has(h))) waiting.delete(reply); // every customer it names has been drawn
    }
    if (!moved) return;
    for (const [s, other] of t.customer) if (s !== tw.statusId) trackCustomer(t.id, other);
    for (const reply of t.brand.values()) answer(author, reply);
  };

  // A new cell matches three times (the article, its User-Name, its time) and a batch brings dozens of cells:
  // collect the articles of one mutation batch and read each once, right after the batch (a microtask, so the
  // badge still lands in the frame that shows the tweet).
  const tweetSel = any('tweet');
  const pending = new Set<Element>();
  const flush = (): void => {
    const batch = [...pending];
    pending.clear();
    for (const article of batch) {
      if (ctx.signal.aborted) return;
      if (!article.isConnected) continue;
      try {
        handleArticle(article);
      } catch (err) {
        ctx.health('mismatch', `tweet failed: ${String(err)}`); // one odd tweet must not cost the rest their badges
      }
    }
  };
  // Replies sent from the reply dialog (x-sent-replies.ts): answered with the brand's post, as a thread would show it.
  const sentReplies = watchSentReplies(
    ctx,
    brands,
    (article) => {
      const r = readTweet(article);
      return r.ok && kindOf(r.tweet) === 'conversation' ? { id: idOf(r.tweet), handle: r.tweet.handle } : null;
    },
    (target, sent) => {
      const reply = { ...sent, text: '', name: '' };
      ctx.track(conv(target.id, reply, message(ctx, reply, 'brand'), false), null);
    },
  );
  const toastSel = any('toast');
  ctx.observe(`${tweetSel}, ${any('userName')}, ${any('statusTime')}, ${toastSel}, ${any('toastLink')}`, (el) => {
    // Only the tweet selectors match <article> elements: no need to look up from one.
    const article = el.localName === 'article' ? el : el.closest(tweetSel);
    // (No toast is inside a tweet: the test costs tweets nothing. A toast and its link can both arrive: the first use counts.)
    if (!article) {
      const toast = el.closest(toastSel);
      if (toast) sentReplies.toast(toast);
      return;
    }
    if (pending.size === 0) queueMicrotask(flush);
    pending.add(article);
  });

  ctx.later(HEALTH_GRACE_MS, () => {
    if (!TWEET_PAGES.test(path) || !first(document, 'primaryColumn')) return;
    const tweets = all(document, 'tweet').length;
    if (tweets === 0 && read === 0) ctx.health('mismatch', 'primaryColumn present but no tweet matched');
    else if (read === 0 && unreadable > 0) ctx.health('mismatch', 'tweets found but User-Name/time did not match');
    else if (conversations > 0) ctx.health('ok');
    else ctx.health('empty', brands.size === 0 ? 'no X brand handles configured' : undefined);
  });
}

export const xSite: SiteDefinition = {
  id: 'x',
  matches: isXUrl,
  init,
};
