// Replies the agent sends from X's reply dialog. X does not show such a reply in the timeline it was sent from (only
// in the thread), so until now a customer's tweet answered from the mentions timeline stayed "waiting" there until
// somebody opened its thread. What X does show: the reply dialog is opened by a tweet's own Reply button (or the "r"
// shortcut on the focused tweet), and after sending, a toast "Your post was sent · View" whose link is the new post's
// permalink. The three together say which customer tweet the brand answered, with which post, and when.
// A send counts only from a dialog that links the author of the tweet whose Reply was pressed ("Replying to @jane",
// the tweet shown above the composer; never what the agent typed): a dialog closed unsent and a new post written
// instead answers nobody. Inline reply boxes are left alone: their replies show in the thread on the page, where the
// thread reader sees them (x.ts).
// X opens the dialog at a URL of its own (/compose/post) and goes back after sending: each is a page visit of its own
// (lifecycle.ts), so what was pressed and sent is kept for the content script's life, not the visit's.
import { normHandle } from '../handles.ts';
import type { SiteContext } from '../site.ts';
import { any, PROFILE_HREF, STATUS_HREF } from './x-selectors.ts';

/** What the Reply button's tweet is, when it is a customer conversation the page tracks. */
export interface ReplyTarget {
  /** The conversation the answer goes into. */
  id: string;
  /** The customer's handle, as shown. */
  handle: string;
}

export interface SentReplies {
  /** A toast appeared (the tweet watcher hands over what matched the toast entry). */
  toast(el: Element): void;
}

/** How long after the send button the "sent" toast still belongs to that send. */
const TOAST_WITHIN_MS = 60_000;
/** X's ids are snowflakes: milliseconds since X's epoch in the bits above the 22 lowest. */
const X_EPOCH_MS = 1288834974657;

/** When the post with this id was made (exact to the millisecond), or null for an id that is not a snowflake. */
export function snowflakeTime(id: string): number | null {
  try {
    const ms = Number(BigInt(id) >> 22n) + X_EPOCH_MS;
    return ms > X_EPOCH_MS ? ms : null;
  } catch {
    return null;
  }
}

/** The tweet whose Reply the agent pressed last (its dialog may be open); kept until its toast or the next Reply. */
let replying: ReplyTarget | null = null;
/** Sent from a dialog naming that tweet's author: waiting for X's toast. */
let sent: { target: ReplyTarget; at: number } | null = null;

/** A second send within this long of one that counted is the same send (a double click, a repeated shortcut). */
const REPEAT_MS = 2000;

export function watchSentReplies(
  ctx: Pick<SiteContext, 'signal'>,
  brands: ReadonlySet<string>,
  targetOf: (article: Element) => ReplyTarget | null,
  answered: (target: ReplyTarget, reply: { statusId: string; handle: string; at: number }) => void,
  now: () => number = Date.now,
): SentReplies {
  const tweet = any('tweet');
  const composer = any('composer');

  const pressReply = (article: Element | null): void => {
    replying = article ? targetOf(article) : null;
  };
  /** Whether `dialog` links the customer's profile outside the composer (the "Replying to" line, the tweet above it). */
  const names = (dialog: Element, handle: string): boolean => {
    const links = dialog.querySelectorAll('a[href]');
    for (let i = 0; i < links.length; i++) {
      const a = links[i]!;
      if (normHandle(PROFILE_HREF.exec(a.getAttribute('href') ?? '')?.[1]) === handle && !a.closest(composer)) return true;
    }
    return false;
  };
  const send = (from: Element): void => {
    // A disabled button (nothing typed yet) sends nothing.
    if (from.closest('[disabled], [aria-disabled="true"]')) return;
    const dialog = from.closest(any('dialog'));
    const target = replying;
    if (!dialog || !target || (sent?.target === target && now() - sent.at < REPEAT_MS)) return;
    // Otherwise a new post, or a reply to another tweet: whatever toast follows answers nobody.
    sent = names(dialog, normHandle(target.handle)!) ? { target, at: now() } : null;
  };

  const opts = { capture: true, signal: ctx.signal };
  // Capture: X's own handlers cannot hide the press from us. Nothing here stops or changes the event.
  document.addEventListener(
    'click',
    (e) => {
      const el = e.target as Element | null;
      if (!el?.closest) return;
      const reply = el.closest(any('replyButton'));
      if (reply) return pressReply(reply.closest(tweet));
      const button = el.closest(any('sendButton'));
      if (button) send(button);
    },
    opts,
  );
  document.addEventListener(
    'keydown',
    (e) => {
      const el = e.target as Element | null;
      if (!el?.closest) return;
      // Ctrl/Cmd+Enter sends from the composer; "r" replies to the focused tweet (X's keyboard shortcuts).
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send(el);
      else if (e.key === 'r' && !e.ctrlKey && !e.metaKey && !e.altKey && !(el as HTMLElement).isContentEditable && !/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))
        pressReply(el.closest(tweet));
    },
    opts,
  );

  return {
    toast(el) {
      const links = el.querySelectorAll('a[href]');
      for (let i = 0; i < links.length; i++) {
        const m = STATUS_HREF.exec(links[i]!.getAttribute('href') ?? '');
        if (!m) continue;
        // The send's toast, whatever it links: a post of another account (the agent signed in as somebody else) answers nothing.
        const s = sent;
        sent = null;
        const handle = normHandle(m[1]);
        if (!s || now() - s.at > TOAST_WITHIN_MS || !handle || !brands.has(handle)) return;
        if (replying === s.target) replying = null;
        // The post's own time; the send time when the id says something implausible (not a snowflake, or not from around the send).
        const made = snowflakeTime(m[2]!);
        const at = made !== null && made > s.at - 10 * 60_000 && made < now() + 60_000 ? made : s.at;
        return answered(s.target, { statusId: m[2]!, handle: m[1]!, at });
      }
    },
  };
}
