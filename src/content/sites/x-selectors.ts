// Every selector Replyclock uses on X, in one table, with fallbacks (tried in order) and pages to test
// them on. When X changes its DOM, this is the only file to edit; health reports say which entry failed.
// Each entry: selectors tried in order (first match wins), why we need it, and pages to check it on.
// Documentation lives in comments so it costs the content script's size budget nothing.
// Test pages — timelines: https://x.com/notifications/mentions, https://x.com/home, https://x.com/search?q=%40AcmeSupport;
// status: https://x.com/jane_doe/status/1800000000000000001. Chat (direct messages) selectors are in x-chat.ts.
export const X = {
  /** Column that should hold tweets; present with no tweet matched = the tweet selector broke. Timelines, status. */
  primaryColumn: ['div[data-testid="primaryColumn"]', 'main[role="main"]'],
  /** One tweet (the focal tweet of a status page has tabindex=-1). Timelines, status. */
  tweet: ['article[data-testid="tweet"]', 'article[role="article"][tabindex]'],
  /** Author block: display-name link, then @handle and the time link; the badge goes after the time link. */
  userName: ['[data-testid="User-Name"]'],
  /** The tweet's own time: a <time> whose PARENT is the status permalink (a quoted tweet's time is not in a link). */
  statusTime: ['a[href*="/status/"] > time[datetime]'],
  /** Tweet text; the first is the tweet's own, a later one belongs to a quoted tweet. */
  tweetText: ['[data-testid="tweetText"]'],
  /** A quoted tweet card inside a tweet: its author, time and mentions are not the outer tweet's. */
  quoted: ['div[role="link"]'],
  /** "X reposted" / "Pinned": reposts of others and pinned tweets are not new conversations. Home, profiles. */
  socialContext: ['[data-testid="socialContext"]'],
  /** Promoted tweets (ads): the marker around the tweet, or inside it around no media. Home, search. */
  promoted: ['[data-testid="placementTracking"]'],
  /** Video players: X wraps them in the promoted marker too, so a marker around one does not make a tweet an ad. */
  media: ['[data-testid="videoPlayer"]', '[data-testid="videoComponent"]', 'video'],
  /** A tweet's Reply button (its action bar): opens the reply dialog for that tweet. Timelines, status. */
  replyButton: ['[data-testid="reply"]'],
  /** The reply (or new post) dialog; it names whom it replies to ("Replying to @jane"). Opened from timelines. */
  dialog: ['[role="dialog"]'],
  /** The dialog's send button ("Reply" / "Post"); inline boxes on status pages are tweetButtonInline, not watched. */
  sendButton: ['[data-testid="tweetButton"]'],
  /** The composer's text box: what the agent typed names nobody the dialog replies to. */
  composer: ['[data-testid^="tweetTextarea_"]'],
  /** "Your post was sent · View": its link is the new post's permalink. After any send. */
  toast: ['[data-testid="toast"]'],
  /** The toast's link, watched too: a toast whose link is drawn after it, or a toast element X reuses. */
  toastLink: ['[data-testid="toast"] a[href*="/status/"]'],
} as const satisfies Record<string, readonly string[]>;

export type XSelector = keyof typeof X;

/** The entry's selectors joined, for observe() and querySelectorAll. */
export function any(key: XSelector): string {
  return X[key].join(', ');
}

export function first(root: ParentNode, key: XSelector): Element | null {
  for (const css of X[key]) {
    const found = root.querySelector(css);
    if (found) return found;
  }
  return null;
}

export function all(root: ParentNode, key: XSelector): Element[] {
  for (const css of X[key]) {
    const found = root.querySelectorAll(css);
    if (found.length) return [...found];
  }
  return [];
}

/** A profile link's href: /<handle>. */
export const PROFILE_HREF = /^\/([A-Za-z0-9_]{1,50})\/?$/;
/** A status permalink's href (relative, or absolute on x.com / twitter.com): handle, status id. */
export const STATUS_HREF = /^(?:https?:\/\/(?:x|twitter)\.com)?\/([A-Za-z0-9_]{1,50})\/status\/(\d{1,25})/;
/** Status pages: /<handle>/status/<id>. */
export const STATUS_PATH = /^\/([A-Za-z0-9_]{1,50})\/status\/(\d{1,25})/;
/** Pages that should show tweets: the health check expects tweets there after a grace period. */
export const TWEET_PAGES = /^\/(home|notifications(?:\/mentions)?|search|explore|[A-Za-z0-9_]{1,50}(?:\/(with_replies|status\/\d+))?)\/?$/;
