// Messenger inside Facebook (www.facebook.com/messages; messenger.com closed in 2026). Conversation
// `facebook:dm:<threadId>`. The thread list shows each thread's last message with a relative time ("2h")
// and "You: …" when the Page sent it; the open thread shows messages with a visually hidden sender heading
// ("You sent" / a name) but no time, so its messages carry at: null (first seen) unless the list row gave the
// same message a time. Only started when the team configured its Page (see facebook.ts): an agent's personal
// chats are none of Replyclock's business.
import { parseFbTime } from '../../core/fbtime.ts';
import { localWallClock } from '../../core/wall-clock.ts';
import type { ObservedConversation } from '../../shared/protocol.ts';
import type { LazySite, SiteContext } from '../site.ts';
import { hrefOf, pageBrands } from './facebook-brand.ts';
import { HEALTH_GRACE_MS, steadyTime, textKey } from './facebook-read.ts';
import { any, first, FB_MESSENGER, OWN_PREVIEW, OWN_SENDER, THREAD_PATH } from './facebook-selectors.ts';

export interface MessengerRow {
  threadId: string;
  name: string;
  /** The last message without its "You:" prefix. */
  last: string;
  fromPage: boolean;
  /** The row's time text ("2h"), if any. */
  time: string;
}

const THREAD_HREF = /\/messages\/(?:e2ee\/)?t\/([A-Za-z0-9_.-]{1,64})/;

/** Reads a thread-list row: its link names the thread; the texts are name, last message, time. */
export function readMessengerRow(row: Element): MessengerRow | null {
  const link = first(row, FB_MESSENGER, 'rowLink');
  const m = link && THREAD_HREF.exec(hrefOf(link));
  if (!link || !m) return null;
  // Leaf texts in order: name, preview, then "·" and the time.
  const texts = [...link.querySelectorAll('span')]
    .filter((s) => s.children.length === 0)
    .map((s) => (s.textContent ?? '').trim())
    .filter((t) => t && t !== '·');
  if (texts.length < 2) return null;
  const [name, preview] = texts as [string, string];
  const fromPage = OWN_PREVIEW.test(preview);
  return { threadId: m[1]!, name, last: preview.replace(OWN_PREVIEW, '').trim(), fromPage, time: texts[2] ?? '' };
}

export interface MessengerMessage {
  fromPage: boolean;
  sender: string;
  text: string;
  body: Element;
}

/** Reads one message row of the open thread; null for separators and rows without a message. */
export function readMessengerMessage(row: Element): MessengerMessage | null {
  const body = first(row, FB_MESSENGER, 'messageBody');
  const heading = first(row, FB_MESSENGER, 'sender');
  if (!body || !heading) return null;
  const sender = (heading.textContent ?? '').trim();
  const text = (body.textContent ?? '').trim();
  if (!sender || !text) return null;
  return { fromPage: OWN_SENDER.test(sender), sender, text, body };
}

function initMessenger(ctx: SiteContext): void {
  const origin = ctx.url.origin;
  let rows = 0;
  let messages = 0;
  const conv = (threadId: string, name: string, msg: ObservedConversation['messages'][number]): ObservedConversation => ({
    id: `facebook:dm:${threadId}`,
    platform: 'facebook',
    channel: 'dm',
    url: `${origin}/messages/t/${threadId}`,
    customer: name ? { name: name.slice(0, 200) } : {},
    messages: [msg],
  });

  ctx.observe(any(FB_MESSENGER, 'row'), (row) => {
    const r = readMessengerRow(row);
    if (!r) return; // headers and "see all" rows have no thread link
    rows++;
    const msgId = `facebook:dm:${r.threadId}:${textKey(r.last)}`;
    const time = steadyTime(msgId, r.time ? parseFbTime(r.time, Date.now(), localWallClock) : null);
    ctx.track(
      conv(r.threadId, r.fromPage ? '' : r.name, {
        id: msgId,
        role: r.fromPage ? 'brand' : 'customer',
        at: time?.at ?? null,
        firstSeenAt: ctx.firstSeen(msgId),
        precisionMs: time?.precisionMs ?? 0,
        ...(r.fromPage ? {} : { author: r.name.slice(0, 200), text: r.last.slice(0, 500) }),
      }),
      r.fromPage ? null : { parent: row, after: null, messageId: msgId },
    );
    ctx.health('ok');
  });

  const open = THREAD_PATH.exec(ctx.url.pathname)?.[1];
  if (open) {
    const seen = new Map<string, number>(); // text key → occurrences, so two "Thanks!" stay two messages
    const keyOf = new WeakMap<Element, string>();
    ctx.observe(FB_MESSENGER.log.map((log) => `${log} ${FB_MESSENGER.message[0]}`).join(', '), (row) => {
      const m = readMessengerMessage(row);
      if (!m) return;
      messages++;
      let key = keyOf.get(row);
      if (!key) {
        const base = textKey(m.text);
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        key = n === 0 ? base : `${base}.${n}`;
        keyOf.set(row, key);
      }
      const msgId = `facebook:dm:${open}:${key}`;
      const time = steadyTime(msgId, null); // the list row may have timed this message
      ctx.track(
        conv(open, m.fromPage ? '' : m.sender, {
          id: msgId,
          role: m.fromPage ? 'brand' : 'customer',
          at: time?.at ?? null,
          firstSeenAt: ctx.firstSeen(msgId),
          precisionMs: time?.precisionMs ?? 0,
          ...(m.fromPage ? {} : { author: m.sender.slice(0, 200), text: m.text.slice(0, 500) }),
        }),
        m.fromPage ? null : { parent: m.body.parentElement ?? row, after: m.body, messageId: msgId },
      );
      ctx.health('ok');
    });
  }

  ctx.later(HEALTH_GRACE_MS, () => {
    if (rows > 0 || messages > 0) return;
    if (first(document, FB_MESSENGER, 'pin')) ctx.health('empty', 'encrypted chats are locked behind a PIN');
    else ctx.health('mismatch', 'Messenger shows no thread row or message that matched');
  });
}

// Loaded by the registry (registry.ts), whose entry holds the URL test (isFacebookMessagesUrl).
export const facebookMessengerSite: LazySite = {
  init(ctx) {
    // Only for teams that configured their Page: an agent's personal chats are none of Replyclock's business.
    if (pageBrands(ctx)) initMessenger(ctx);
  },
};
