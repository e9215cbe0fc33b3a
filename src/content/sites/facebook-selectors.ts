// Every selector Replyclock uses on Facebook, one data table per surface, fallbacks tried in order (first
// match wins). Facebook's classes are generated and change often: when it changes, edit only these tables;
// health reports say which surface stopped matching. Notes live in comments (free for the size budget).
//
// Test pages — comments: https://www.facebook.com/AcmePage/posts/pfbid02abc, https://www.facebook.com/permalink.php?story_fbid=1&id=2,
//   https://www.facebook.com/photo/?fbid=1 (post dialog); Messenger: https://www.facebook.com/messages/t/1234567890;
//   Business Suite: https://business.facebook.com/latest/inbox/all?asset_id=1&mailbox_id=1&selected_item_id=100&thread_type=FB_MESSAGE

/** Page post comments (www.facebook.com). */
export const FB_COMMENTS = {
  /** A comment or reply: role=article with a localised aria-label; replies nest inside their parent. */
  comment: ['div[role="article"][aria-label]', 'div[role="article"]'],
  /** Links carrying the comment id (the time link); a reply's carries reply_comment_id too. */
  idLink: ['a[href*="comment_id="]'],
  /** Profile links; the first whose path is not a comment/photo/hashtag link is the author. */
  profileLink: ['a[role="link"][href]', 'a[href]'],
  /** Comment text. (No `abbr[data-utime]`: that exact time was the pre-2020 layout's, gone since; times are read from text.) */
  text: ['div[dir="auto"]', 'span[dir="auto"]'],
  /** The post itself (a post with no comments is legitimately empty). */
  post: ['[role="article"]', '[data-ad-preview="message"]'],
} as const satisfies Record<string, readonly string[]>;

/** Messenger inside Facebook (www.facebook.com/messages). */
export const FB_MESSENGER = {
  /** Thread list: rows of a grid inside the navigation. */
  row: ['[role="navigation"] [role="grid"] [role="row"]', '[role="grid"] [role="row"]'],
  /** The row's link; its href names the thread (/messages/t/<threadId>). */
  rowLink: ['a[role="link"][href*="/messages/"][href*="/t/"]', 'a[href*="/messages/t/"]'],
  /** The open thread's message log and its messages. */
  log: ['[role="main"] [role="log"]', '[role="log"]'],
  message: ['[role="row"]'],
  messageBody: ['[role="gridcell"] div[dir="auto"]', '[role="gridcell"]'],
  /** Visually hidden sender heading: "You sent" or the person's name. */
  sender: ['h5', '[role="gridcell"] span[class*="visually"]'],
  /** End-to-end encrypted chats ask for a PIN before showing anything. */
  pin: ['input[autocomplete="one-time-code"]', 'input[inputmode="numeric"][maxlength="6"]', '[aria-label*="PIN"]'],
} as const satisfies Record<string, readonly string[]>;

/** Meta Business Suite inbox (business.facebook.com/latest/inbox). Classes only — the most volatile table. */
export const FB_BUSINESS = {
  /** Thread rows in the list. */
  row: ['div._4k8w', '[role="grid"] [role="row"]'],
  /** Preview of the last message; "You: …" when the Page sent it. */
  preview: ['div._4k8y', '[data-testid*="preview"]'],
  /** Customer name in the row. */
  name: ['div._4k8x', '[data-testid*="name"]', 'span[dir="auto"]'],
  /** Time of the last message in the row ("2h", "Yesterday"). */
  time: ['div._4k8z', 'abbr', 'time'],
  /** Link or attribute naming the thread: selected_item_id=<id> in an href, or a data attribute. */
  rowLink: ['a[href*="selected_item_id="]', '[data-item-id]', '[data-thread-id]'],
  /** The selected row (its id is the URL's selected_item_id). */
  selected: ['[aria-selected="true"]', '[aria-current="true"]', '._4k8w._4k8v'],
  /** The open thread: present means the inbox loaded. */
  thread: ['div[aria-label*="Message list container"]', 'div[aria-label*="Nachrichtenliste"]', 'div[aria-label*="Berichtenlijst"]'],
  /** The inbox frame itself: present without rows = the row selector broke (or the inbox is empty). */
  inbox: ['[role="main"]', '#mount_0_0'],
} as const satisfies Record<string, readonly string[]>;

export type SelectorTable = Record<string, readonly string[]>;

/** The entry's selectors joined, for observe() and closest(). */
export function any<T extends SelectorTable>(table: T, key: keyof T): string {
  return table[key]!.join(', ');
}

/** First element matched by the first selector of the entry that matches anything. */
export function first<T extends SelectorTable>(root: ParentNode, table: T, key: keyof T): Element | null {
  for (const css of table[key]!) {
    const found = root.querySelector(css);
    if (found) return found;
  }
  return null;
}

/** Pages whose comments we read: posts, permalinks, photos and videos (and any page showing a comment link). */
export const POST_PAGE = /^\/(?:[^/]+\/(?:posts|videos|photos)\/|permalink\.php|story\.php|photo(?:\.php|\/)|watch|reel\/|groups\/[^/]+\/(?:posts|permalink)\/)/;
export const THREAD_PATH = /^\/messages\/(?:e2ee\/)?t\/([A-Za-z0-9_.-]{1,64})/;

/** Own-language prefixes of the Page's last message in previews: "You:", "Du:", "Jij:", "Je:", "U:", "Sie:". */
export const OWN_PREVIEW = /^(?:You|Du|Sie|Jij|Je|U)\s*:/i;
/** The hidden sender heading of the Page's own messages. */
export const OWN_SENDER = /^(?:You sent|You replied|Du hast gesendet|Du hast geantwortet|Sie haben gesendet|Je hebt verzonden|Je hebt gestuurd|Jij hebt verzonden|U hebt verzonden)\b/i;
