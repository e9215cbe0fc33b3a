// The size limits of what a content script may report, and the one place that makes an observation fit them.
// protocol.ts builds its schemas from these numbers and clips each arriving observation first (fitObserved), so one
// customer with a 2,000-character display name or a 1 MB post is stored clipped instead of being refused; what
// clipping cannot mend is refused. No validation library here: content scripts load LIMITS.
import type { ObservedConversation, ObservedMessage } from './protocol.ts';

// What content scripts use is also exported on its own: a bundler inlines a lone constant, while one property read
// ships the whole LIMITS object into every page (content-script size budget).
export const URL_LIMIT = 2048;
/** A health report's detail text. */
export const DETAIL_LIMIT = 500;
/** Conversations per content:observed batch. */
export const BATCH_LIMIT = 500;

export const LIMITS = {
  id: 300,
  text: 2000,
  author: 200,
  handle: 200,
  name: 200,
  topic: 200,
  priority: 60,
  platform: 60,
  url: URL_LIMIT,
  detail: DETAIL_LIMIT,
  messages: 500,
  batch: BATCH_LIMIT,
} as const;

/** Clips to `max` UTF-16 units without splitting a surrogate pair, ending in "…" when clipped. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // a lone high surrogate would be an invalid character
  return `${s.slice(0, end)}…`;
}

function fitMessage(m: ObservedMessage): ObservedMessage {
  const out = { ...m };
  if (out.author !== undefined) out.author = clip(out.author, LIMITS.author);
  if (out.text !== undefined) out.text = clip(out.text, LIMITS.text);
  return out;
}

/**
 * The observation clipped to the limits, or null when it cannot be made valid by clipping (an id or a URL
 * too long to stand for the same thing once cut, or no message left). Messages beyond the limit: the newest
 * are kept — they decide whether the customer still waits.
 */
export function fitObserved(c: ObservedConversation): ObservedConversation | null {
  if (c.id.length > LIMITS.id || c.url.length > LIMITS.url) return null;
  const messages = c.messages.filter((m) => m.id.length > 0 && m.id.length <= LIMITS.id).slice(-LIMITS.messages).map(fitMessage);
  if (messages.length === 0) return null;
  const out: ObservedConversation = { ...c, platform: clip(c.platform, LIMITS.platform), messages, customer: {} };
  if (c.customer.handle !== undefined) out.customer.handle = clip(c.customer.handle, LIMITS.handle);
  if (c.customer.name !== undefined) out.customer.name = clip(c.customer.name, LIMITS.name);
  if (c.topic !== undefined) out.topic = clip(c.topic, LIMITS.topic);
  if (c.priority !== undefined) out.priority = clip(c.priority, LIMITS.priority);
  return out;
}
