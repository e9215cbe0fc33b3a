// Reading one Facebook comment (div[role=article]) without touching the runtime: id, parent, author, text and
// time. Strict like the X reader: a comment whose id or author cannot be read gets no badge (and the page
// reports 'mismatch'); a time that cannot be read falls back to first-seen (at: null), never a guess.
import { findFbTime, parseFbTime, type FbTime } from '../../core/fbtime.ts';
import type { WallClock } from '../../core/wall-clock.ts';
import { hrefOf, inQuery, param, profileOfHref, type FbProfile } from './facebook-brand.ts';
import { any, FB_COMMENTS } from './facebook-selectors.ts';

export interface FbComment {
  article: Element;
  /** This comment's id (a reply's own id). */
  id: string;
  /** The top-level comment a reply answers; null for a top-level comment. */
  parentId: string | null;
  profile: FbProfile | null;
  name: string;
  text: string;
  time: FbTime | null;
  /** The link showing the time: the badge goes right after it. */
  timeLink: Element;
}

export type CommentResult = { ok: true; comment: FbComment } | { ok: false; reason: string };

export { HEALTH_GRACE_MS } from './facebook-brand.ts';

// Relative times drift with every re-read ("2h" read at 10:00 and at 10:40): keep the first reading of a message
// while later ones agree with it, so a clock does not jump on each re-render.
const readings = new Map<string, FbTime>();

export function steadyTime(messageId: string, r: FbTime | null): FbTime | null {
  const old = readings.get(messageId);
  if (!r) return old ?? null;
  if (old && old.precisionMs <= r.precisionMs && Math.abs(old.at - r.at) <= old.precisionMs + r.precisionMs) return old;
  readings.set(messageId, r);
  return r;
}

/** A short stable key for a message that has no id on the page (its text). */
export function textKey(s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

const ID = /^[A-Za-z0-9_=-]{1,120}$/;

/**
 * Facebook writes comment ids either as numbers ("1111", "123_1111") or as base64 of "comment:<post>_<id>".
 * Both name the same comment: decode so one comment never becomes two conversations.
 */
export function normCommentId(raw: string | null): string | null {
  if (!raw || !ID.test(raw)) return null;
  if (/^[\d_]+$/.test(raw)) return raw;
  try {
    const m = /^comment:(\d{1,25}_\d{1,25})$/.exec(atob(raw.replace(/-/g, '+').replace(/_/g, '/')));
    if (m) return m[1]!;
  } catch {
    /* not base64: keep as shown */
  }
  return raw;
}

// Joined once, not once per comment.
export const COMMENT = /* @__PURE__ */ any(FB_COMMENTS, 'comment');
export const ID_LINK = /* @__PURE__ */ any(FB_COMMENTS, 'idLink');
const PROFILE_LINK = /* @__PURE__ */ any(FB_COMMENTS, 'profileLink');
const TEXT = /* @__PURE__ */ any(FB_COMMENTS, 'text');

/** Elements of `article` that are its own, not those of replies nested inside it. */
export function ownAll(article: Element, css: string): Element[] {
  // Walked by index: spreading a NodeList allocates an iterator result per node in a content script's world.
  return Array.prototype.filter.call(article.querySelectorAll(css), (el: Element) => el.closest(COMMENT) === article) as Element[];
}

// A URLSearchParams per link was a tenth of a Facebook comment's reading time: the ids are read by regex (param).
const COMMENT_ID = /* @__PURE__ */ inQuery('comment_id');
const REPLY_ID = /* @__PURE__ */ inQuery('reply_comment_id');

/** The finer of two readings (a tooltip's full date beats "2h"). */
function finer(a: FbTime | null, b: FbTime | null): FbTime | null {
  if (!a) return b;
  if (!b) return a;
  return b.precisionMs < a.precisionMs ? b : a;
}

/** `idLinks`: the article's own comment-id links (`ownAll(article, ID_LINK)`; none: an unreadable id). */
export function readComment(article: Element, now: number, clock: WallClock, idLinks: Element[]): CommentResult {
  let id: string | null = null;
  let parentId: string | null = null;
  for (const a of idLinks) {
    const href = hrefOf(a);
    const reply = normCommentId(param(href, REPLY_ID));
    const top = normCommentId(param(href, COMMENT_ID));
    if (reply) {
      [id, parentId] = [reply, top];
      break;
    }
    id ??= top;
  }
  if (!id) return { ok: false, reason: 'unreadable comment id' };
  // A reply whose links carry only its own id: the comment it is nested in is its parent.
  if (!parentId) {
    const outer = article.parentElement?.closest(COMMENT);
    const outerLink = outer ? ownAll(outer, ID_LINK)[0] : undefined;
    const outerId = outerLink ? normCommentId(param(hrefOf(outerLink), COMMENT_ID)) : null;
    if (outerId && outerId !== id) parentId = outerId;
  }
  if (parentId === id) parentId = null;

  let profile: FbProfile | null = null;
  let name = '';
  for (const a of ownAll(article, PROFILE_LINK)) {
    const p = profileOfHref(hrefOf(a));
    if (!p) continue;
    profile ??= p;
    const shown = (a.textContent ?? '').trim();
    if (shown && (p.id === profile.id && p.vanity === profile.vanity)) {
      name = shown;
      break;
    }
  }
  if (!profile) return { ok: false, reason: 'comment author link not found' };

  // The time link is the id link that is not a profile link (it points at the post); else the last one.
  const timeLink = idLinks.find((a) => !profileOfHref(hrefOf(a))) ?? idLinks[idLinks.length - 1]!;
  let time: FbTime | null = null;
  for (const label of [timeLink.getAttribute('title'), timeLink.getAttribute('aria-label'), timeLink.textContent]) {
    if (label) time = finer(time, parseFbTime(label, now, clock));
  }
  time = finer(time, findFbTime(article.getAttribute('aria-label') ?? '', now, clock));

  const textEl = ownAll(article, TEXT)[0];
  return {
    ok: true,
    comment: { article, id, parentId, profile, name, text: (textEl?.textContent ?? '').trim(), time, timeLink },
  };
}
