// X direct messages at x.com/i/chat: the inbox list and an open thread (/i/chat/<uidA-uidB>). A registry entry of
// its own (id 'x'), so chat pages do not load the tweet adapter and timelines do not load this one.
// Neither inbox rows nor thread messages carry a machine-readable time (rows: "Name, @handle, last message, 22:08"
// in aria-description; threads: "22:08" text and day separators), so every message has at: null — the runtime
// uses the first time this browser saw it, and the badge tooltip says so. The sender of a thread message is told
// by its bubble's side (own messages sit at the inline end). Tracked only when the signed-in account is a brand:
// an agent's personal chats are none of Replyclock's business. Chat selectors live here, in one table; tweet
// selectors are in x-selectors.ts.
import type { ObservedConversation, ObservedMessage } from '../../shared/protocol.ts';
import type { SiteContext, SiteDefinition } from '../site.ts';
import { isXChatUrl } from '../site-urls.ts';

export const XCHAT = {
  /** Shows the signed-in handle. Every page. */
  accountSwitcher: '[data-testid="SideNav_AccountSwitcher_Button"]',
  /** Inbox row; suffix = conversation key ("uidA:uidB", "g…" for groups). https://x.com/i/chat */
  dmRow: '[data-testid^="dm-conversation-item-"]',
  /** Open thread: header (names the other person), message list, one message. https://x.com/i/chat/111-222 */
  dmHeader: '[data-testid="dm-conversation-header"]',
  dmList: '[data-testid="dm-message-list"]',
  dmMessage: '[data-testid^="message-"]:not([data-testid^="message-text-"])',
  /** Any chat structure (inbox panel, list, scroller): with entries in it but no row or message read = selectors broke. */
  dmAny: '[data-testid^="dm-"]',
} as const;

export const CHAT_THREAD_PATH = /^\/i\/chat\/(\d{1,25})-(\d{1,25})\/?$/;
const ROW_PREFIX = 'dm-conversation-item-';
const MSG_ID = /^message-([\w-]{1,80})$/;
// "You: …" in the languages we ship; anything else is the customer's message.
const OWN_PREFIX = /^(?:You|Du|Sie|Jij|Je|U|Jij):\s/i;
const HANDLE = /^[A-Za-z0-9_]{1,50}$/;

/** Brand handles as lower-case plain handles (the tweet adapter's handles.ts is not loaded on chat pages). */
export function chatBrands(ctx: Pick<SiteContext, 'config'>): Set<string> {
  const out = new Set<string>();
  for (const raw of [...(ctx.config.brands.x ?? []), ...(ctx.config.brands.twitter ?? [])]) {
    const h = raw.trim().replace(/^@/, '');
    if (HANDLE.test(h)) out.add(h.toLowerCase());
  }
  return out;
}

/**
 * One id per one-to-one chat, whichever way X spells it: the inbox row's test id says "uidA:uidB", the thread's
 * route "/i/chat/uidA-uidB", and nothing documents that both list the two users in the same order. The pair is
 * sorted numerically, so the row and the open thread of one chat are always the same conversation. Group keys
 * ("g…") pass through.
 */
export function dmKey(raw: string): string {
  const m = /^(\d{1,25})[:-](\d{1,25})$/.exec(raw);
  if (!m) return raw;
  const [a, b] = [BigInt(m[1]!), BigInt(m[2]!)];
  return a <= b ? `${a}:${b}` : `${b}:${a}`;
}

export interface DmRow {
  key: string;
  handle: string;
  name: string;
  last: string;
  fromBrand: boolean;
}

/** Parses an inbox row; null when the row does not have the expected shape. */
export function readDmRow(row: Element): DmRow | null {
  const raw = (row.getAttribute('data-testid') ?? '').slice(ROW_PREFIX.length);
  if (!/^[\w:.-]{1,120}$/.test(raw)) return null;
  const key = dmKey(raw);
  const desc = row.getAttribute('aria-description') ?? '';
  const m = /^(.*?), @([A-Za-z0-9_]{1,50}), (.*), ([^,]*)$/s.exec(desc);
  if (!m) return null;
  const last = m[3]!.trim();
  return { key, name: m[1]!.trim(), handle: m[2]!, last, fromBrand: OWN_PREFIX.test(last) };
}

export interface DmMessage {
  /** The uuid of `message-<uuid>`. */
  uuid: string;
  fromBrand: boolean;
  text: string;
}

/** True when the bubble sits at the inline end of the list (own messages), by layout or, without layout, by style. */
function atInlineEnd(msg: Element, list: Element): boolean {
  const rtl = getComputedStyle(list).direction === 'rtl';
  const box = list.getBoundingClientRect();
  const bubble = (msg.querySelector('[data-testid^="message-text-"]') ?? msg).getBoundingClientRect();
  if (box.width > 0 && bubble.width > 0 && bubble.width < box.width) {
    const mid = bubble.left + bubble.width / 2;
    return rtl ? mid < box.left + box.width / 2 : mid > box.left + box.width / 2;
  }
  // No layout (hidden tab before first paint, tests): the row's flex alignment says the same.
  for (let el: Element | null = msg; el && el !== list; el = el.parentElement) {
    const s = getComputedStyle(el);
    if (/(?:flex-)?end|right/.test(`${s.justifyContent} ${s.alignSelf} ${s.alignItems}`)) return true;
  }
  return false;
}

/** Reads one thread message; null without the expected test id. */
export function readDmMessage(msg: Element, list: Element): DmMessage | null {
  const m = MSG_ID.exec(msg.getAttribute('data-testid') ?? '');
  if (!m) return null;
  const text = (msg.querySelector(`[data-testid="message-text-${m[1]}"]`)?.textContent ?? '').trim();
  return { uuid: m[1]!, fromBrand: atInlineEnd(msg, list), text };
}

function hash(s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

export function signedInHandle(root: ParentNode = document): string | null {
  const sw = root.querySelector(XCHAT.accountSwitcher);
  const m = /@([A-Za-z0-9_]{1,50})/.exec(sw?.textContent ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

function conversation(ctx: SiteContext, key: string, handle: string | null, name: string, msg: ObservedMessage): ObservedConversation {
  return {
    id: `x:dm:${key}`,
    platform: 'x',
    channel: 'dm',
    url: `${ctx.url.origin}/i/chat/${key.replace(/:/g, '-')}`,
    customer: { ...(handle ? { handle } : {}), ...(name ? { name } : {}) },
    messages: [msg],
  };
}

function message(ctx: SiteContext, id: string, fromBrand: boolean, text: string): ObservedMessage {
  return {
    id,
    role: fromBrand ? 'brand' : 'customer',
    at: null,
    firstSeenAt: ctx.firstSeen(id),
    precisionMs: 0,
    ...(!fromBrand && text ? { text: text.slice(0, 500) } : {}),
  };
}

function watchInbox(ctx: SiteContext): void {
  ctx.observe(XCHAT.dmRow, (row) => {
    // Group chats (key "g…") are the team's own conversations, not customers'.
    if ((row.getAttribute('data-testid') ?? '').startsWith(`${ROW_PREFIX}g`)) return;
    const r = readDmRow(row);
    if (!r) return ctx.health('mismatch', 'chat row without the expected aria-description');
    const msg = message(ctx, `x:dm:${r.key}:${hash(r.last)}`, r.fromBrand, '');
    ctx.track(conversation(ctx, r.key, r.handle, r.name, msg), r.fromBrand ? null : { parent: row, after: null, messageId: msg.id });
    ctx.health('ok');
  });
}

function watchThread(ctx: SiteContext, key: string): void {
  ctx.observe(XCHAT.dmMessage, (el) => {
    const list = el.closest(XCHAT.dmList);
    if (!list) return;
    const m = readDmMessage(el, list);
    if (!m) return ctx.health('mismatch', 'chat message without message-<id>');
    const header = document.querySelector(XCHAT.dmHeader);
    const handle = /@([A-Za-z0-9_]{1,50})/.exec(header?.textContent ?? '')?.[1] ?? null;
    const msg = message(ctx, `x:dm:${key}:${m.uuid}`, m.fromBrand, m.text);
    ctx.track(conversation(ctx, key, handle, '', msg), m.fromBrand ? null : { parent: el, after: null, messageId: msg.id });
    ctx.health('ok');
  });
}

function init(ctx: SiteContext): void {
  const brands = chatBrands(ctx);
  const thread = CHAT_THREAD_PATH.exec(ctx.url.pathname);
  let started = false;
  ctx.observe(XCHAT.accountSwitcher, () => {
    const me = signedInHandle();
    if (started || !me || !brands.has(me)) return;
    started = true;
    // The inbox list stays beside an open thread on wide screens: read both.
    watchInbox(ctx);
    if (thread) watchThread(ctx, dmKey(`${thread[1]}:${thread[2]}`));
  });
  ctx.later(6000, () => {
    if (!started) return ctx.health('empty', 'not signed in as a brand account, or the account switcher was not found');
    if (document.querySelector(`${XCHAT.dmRow}, ${XCHAT.dmList} ${XCHAT.dmMessage}`)) return; // said per row and message
    // Chat structure with entries in it (rows are links; a thread's list holds messages), yet none matched: broken.
    // Without entries: an empty inbox, or a chat locked by its passcode screen (/i/chat/pin).
    const full = [...document.querySelectorAll(XCHAT.dmAny)].some((el) => el.querySelector('[role="link"]') || (el.matches(XCHAT.dmList) && el.childElementCount));
    if (full) ctx.health('mismatch', 'chats on the page, but no row or message matched');
    else ctx.health('empty', 'no chats on this page');
  });
}

export const xChatSite: SiteDefinition = { id: 'x', matches: isXChatUrl, init };
