// X direct messages at x.com/i/chat. Inbox rows expose "Name, @handle, last message, time" in
// aria-description but no machine-readable time, so messages carry at: null (first seen) and the badge
// tooltip says so. Tracked only when the signed-in account is a brand: an agent's personal chats are
// none of Replyclock's business.
import type { SiteContext } from '../site.ts';
import { normHandle } from '../handles.ts';
import { any } from './x-selectors.ts';

const ROW_PREFIX = 'dm-conversation-item-';
// "You: …" in the languages we ship; anything else is the customer's message.
const OWN_PREFIX = /^(?:You|Du|Sie|Jij|Je|U|Jij):\s/i;

export interface DmRow {
  key: string;
  handle: string;
  name: string;
  last: string;
  fromBrand: boolean;
}

/** Parses an inbox row; null when the row does not have the expected shape. */
export function readDmRow(row: Element): DmRow | null {
  const key = (row.getAttribute('data-testid') ?? '').slice(ROW_PREFIX.length);
  if (!/^[\w:.-]{1,120}$/.test(key)) return null;
  const desc = row.getAttribute('aria-description') ?? '';
  const m = /^(.*?), @([A-Za-z0-9_]{1,50}), (.*), ([^,]*)$/s.exec(desc);
  if (!m) return null;
  const last = m[3]!.trim();
  return { key, name: m[1]!.trim(), handle: m[2]!, last, fromBrand: OWN_PREFIX.test(last) };
}

function hash(s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

export function signedInHandle(root: ParentNode = document): string | null {
  const sw = root.querySelector(any('accountSwitcher'));
  const m = /@([A-Za-z0-9_]{1,50})/.exec(sw?.textContent ?? '');
  return normHandle(m?.[1]);
}

export function initChat(ctx: SiteContext, brands: ReadonlySet<string>): void {
  let started = false;
  const start = (): void => {
    const me = signedInHandle();
    if (started || !me || !brands.has(me)) return;
    started = true;
    ctx.observe(any('dmRow'), (row) => {
      // Group chats (key "g…") are the team's own conversations, not customers'.
      if ((row.getAttribute('data-testid') ?? '').startsWith(`${ROW_PREFIX}g`)) return;
      const r = readDmRow(row);
      if (!r) return ctx.health('mismatch', 'chat row without the expected aria-description');
      const id = `x:dm:${r.key}`;
      const msgId = `${id}:${hash(r.last)}`;
      ctx.track(
        {
          id,
          platform: 'x',
          channel: 'dm',
          url: `${ctx.url.origin}/i/chat/${r.key.replace(/:/g, '-')}`,
          customer: { handle: r.handle, ...(r.name ? { name: r.name } : {}) },
          messages: [{ id: msgId, role: r.fromBrand ? 'brand' : 'customer', at: null, firstSeenAt: ctx.firstSeen(msgId), precisionMs: 0 }],
        },
        r.fromBrand ? null : { parent: row, after: null, messageId: msgId },
      );
      ctx.health('ok');
    });
  };
  ctx.observe(any('accountSwitcher'), start);
  ctx.later(6000, () => {
    if (!started) ctx.health('empty', 'not signed in as a brand account, or the account switcher was not found');
  });
}
