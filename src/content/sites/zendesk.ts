// Zendesk Agent Workspace (*.zendesk.com/agent/…). Ticket pages: every end-user comment gets a badge with its
// first- or next-response clock; agent replies answer it; internal notes are ignored. Several tickets stay mounted
// as tabs, so every comment is scoped to its own ticket pane and conversations never mix. Selectors live in
// zendesk-selectors.ts.
//
// Views (ticket lists): a row shows an id, a subject and a date whose meaning depends on how the view is set up
// (created, updated, requester updated…), and nothing says whether the ticket waits on an agent. A clock started
// from that date could be plainly wrong, so rows never create conversations: a row is badged only when Replyclock
// already knows the ticket from its ticket page, and then with exactly that stored clock.
import type { ConversationSnapshot, ObservedConversation, ObservedMessage } from '../../shared/protocol.ts';
import { request } from '../bridge.ts';
import type { SiteContext, SiteDefinition } from '../site.ts';
import { AGENT_PATH, TICKET_PATH, VIEW_PATH, zdAll, zdAny, zdFirst } from './zendesk-selectors.ts';

const TICKET_ID = /^\d{1,15}$/;

export interface ZendeskComment {
  ticketId: string;
  role: 'customer' | 'brand';
  /** As the page gives it (ISO 8601); part of the message id. */
  datetime: string;
  at: number;
  author: string;
  text: string;
  time: Element;
}

export type CommentRead = { ok: true; comment: ZendeskComment } | { ok: true; skip: 'note' } | { ok: false; reason: string };

/** The ticket a comment belongs to, from its mounted pane (never from the URL: other tabs stay mounted). */
export function ticketOf(el: Element): string | null {
  const pane = el.closest('div[data-side-conversations-anchor-id]');
  const id = pane?.getAttribute('data-side-conversations-anchor-id') ?? el.closest('[data-ticket-id]')?.getAttribute('data-ticket-id') ?? null;
  return id !== null && TICKET_ID.test(id.trim()) ? id.trim() : null;
}

/**
 * Reads one comment article. `fallbackTicket` (the URL's ticket) is used only when the page has no ticket panes
 * at all — the caller decides that; a comment outside a pane on a page with panes is unreadable, not guessed.
 */
export function readComment(article: Element, fallbackTicket: string | null = null): CommentRead {
  if (zdFirst(article, 'internalNote')) return { ok: true, skip: 'note' };
  const ticketId = ticketOf(article) ?? fallbackTicket;
  if (!ticketId) return { ok: false, reason: 'comment outside a ticket pane' };
  const type = zdFirst(article, 'message')?.getAttribute('type');
  if (type !== 'end-user' && type !== 'agent') return { ok: false, reason: `comment type ${JSON.stringify(type ?? null)} unknown` };
  const time = zdFirst(article, 'time');
  const datetime = time?.getAttribute('datetime')?.trim() ?? '';
  const at = Date.parse(datetime);
  if (!time || !Number.isFinite(at)) return { ok: false, reason: 'comment time unreadable' };
  return {
    ok: true,
    comment: {
      ticketId,
      role: type === 'end-user' ? 'customer' : 'brand',
      datetime,
      at,
      author: (zdFirst(article, 'sender')?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
      text: (zdFirst(article, 'content')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      time,
    },
  };
}

export function conversationId(host: string, ticketId: string): string {
  return `zendesk:${host}:${ticketId}`;
}

/** Message ids: Zendesk exposes no comment id, so ticket + exact time (+ "#n" for same-second twins). */
export function messageIds(host: string, comments: readonly ZendeskComment[]): string[] {
  const seen = new Map<string, number>();
  return comments.map((c) => {
    const base = `zendesk:${host}:${c.ticketId}@${c.datetime}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** One ticket's conversation as the page shows it, or null when it has no readable comment. */
export function ticketConversation(
  origin: URL,
  comments: readonly ZendeskComment[],
  firstSeen: (id: string) => number,
): { conv: ObservedConversation; ids: string[] } | null {
  if (comments.length === 0) return null;
  const ticketId = comments[0]!.ticketId;
  const ids = messageIds(origin.host, comments);
  const messages: ObservedMessage[] = comments.map((c, i) => ({
    id: ids[i]!,
    role: c.role,
    at: c.at,
    firstSeenAt: firstSeen(ids[i]!),
    precisionMs: 0, // datetime is exact
    ...(c.author ? { author: c.author } : {}),
    ...(c.role === 'customer' && c.text ? { text: c.text.slice(0, 500) } : {}),
  }));
  const customer = comments.find((c) => c.role === 'customer');
  return {
    conv: {
      id: conversationId(origin.host, ticketId),
      platform: 'zendesk',
      channel: 'ticket',
      url: `${origin.origin}/agent/tickets/${ticketId}`,
      customer: customer?.author ? { name: customer.author } : {},
      messages: messages.slice(-500),
    },
    ids,
  };
}

/** A view row's ticket id (from the id cell "#123", else a ticket link), or null. */
export function readRow(row: Element): { ticketId: string; subject: Element | null } | null {
  if (row.matches(zdAny('groupRow')) || zdFirst(row, 'groupRow')) return null;
  const idText = (zdFirst(row, 'rowId')?.textContent ?? '').replace(/[#\s]/g, '');
  const link = /\/agent\/tickets\/(\d{1,15})/.exec(row.querySelector('a[href*="/agent/tickets/"]')?.getAttribute('href') ?? '')?.[1];
  const ticketId = TICKET_ID.test(idText) ? idText : (link ?? null);
  return ticketId ? { ticketId, subject: zdFirst(row, 'rowSubject') } : null;
}

/** Observed form of a stored conversation, to badge a view row with exactly what is already known. */
export function fromSnapshot(snap: ConversationSnapshot): { conv: ObservedConversation; messageId: string } | null {
  const last = [...snap.messages].reverse().find((m) => m.role === 'customer');
  if (!last || snap.messages.length === 0) return null;
  return {
    conv: {
      id: snap.id,
      platform: snap.platform,
      channel: snap.channel,
      url: snap.url,
      customer: snap.customer,
      messages: snap.messages.slice(-500).map((m) => ({
        id: m.id,
        role: m.role,
        at: m.at,
        firstSeenAt: m.at,
        precisionMs: m.precisionMs,
        ...(m.author ? { author: m.author } : {}),
      })),
    },
    messageId: last.id,
  };
}

export const HEALTH_GRACE_MS = 8000;

function initTicket(ctx: SiteContext): void {
  const urlTicket = TICKET_PATH.exec(ctx.url.pathname)?.[1] ?? null;
  const dirty = new Set<string>();
  let queued = false;
  let tracked = 0;
  let unreadable = 0;

  const fallback = (): string | null => (zdFirst(document, 'ticketScope') ? null : urlTicket);

  const readTicket = (ticketId: string): void => {
    const comments: ZendeskComment[] = [];
    for (const article of zdAll(document, 'comment')) {
      const r = readComment(article, fallback());
      if (!r.ok) {
        unreadable++;
        ctx.health('mismatch', r.reason);
      } else if ('comment' in r && r.comment.ticketId === ticketId) comments.push(r.comment);
    }
    comments.sort((a, b) => a.at - b.at);
    const t = ticketConversation(ctx.url, comments, ctx.firstSeen);
    if (!t) return;
    tracked++;
    let placed = false;
    comments.forEach((c, i) => {
      if (c.role !== 'customer' || !c.time.parentElement) return;
      placed = true;
      ctx.track(t.conv, { parent: c.time.parentElement, after: c.time, messageId: t.ids[i]! });
    });
    if (!placed) ctx.track(t.conv, null);
  };

  const flush = (): void => {
    queued = false;
    if (ctx.signal.aborted) return;
    const ids = [...dirty];
    dirty.clear();
    for (const id of ids) readTicket(id);
  };

  ctx.observe(`${zdAny('comment')}, ${zdAny('time')}`, (el) => {
    const article = el.closest(zdAny('comment'));
    if (!article) return;
    const id = ticketOf(article) ?? fallback();
    if (!id) {
      unreadable++;
      ctx.health('mismatch', 'comment outside a ticket pane');
      return;
    }
    dirty.add(id);
    if (!queued) {
      queued = true;
      queueMicrotask(flush); // one read per ticket per mutation batch, however many comments arrived
    }
  });

  ctx.later(HEALTH_GRACE_MS, () => {
    const logs = zdAll(document, 'log').length;
    const comments = zdAll(document, 'comment').length;
    if (logs > 0 && comments === 0) ctx.health('mismatch', 'ticket log present but no comment matched');
    else if (tracked > 0) ctx.health('ok');
    else if (unreadable === 0) ctx.health('empty');
  });
}

function initView(ctx: SiteContext, lookup: (ids: string[]) => Promise<ConversationSnapshot[]>): void {
  const rows = new Map<string, Element>(); // conversation id → row
  let queued = false;
  const flush = (): void => {
    queued = false;
    const wanted = [...rows.keys()];
    if (wanted.length === 0 || ctx.signal.aborted) return;
    lookup(wanted.slice(0, 2000)).then(
      (snaps) => {
        for (const snap of snaps) {
          const row = rows.get(snap.id);
          const known = fromSnapshot(snap);
          if (!row?.isConnected || !known || ctx.signal.aborted) continue;
          const cell = zdFirst(row, 'rowSubject') ?? row.lastElementChild;
          if (cell) ctx.track(known.conv, { parent: cell, after: null, messageId: known.messageId });
        }
      },
      () => undefined,
    );
  };
  ctx.observe(zdAny('viewRow'), (row) => {
    const r = readRow(row);
    if (!r) return;
    rows.set(conversationId(ctx.url.host, r.ticketId), row);
    if (!queued) {
      queued = true;
      ctx.later(50, flush); // rows arrive page by page: one lookup per page
    }
  });
  ctx.later(HEALTH_GRACE_MS, () => {
    if (zdFirst(document, 'viewTable') && zdAll(document, 'viewRow').length === 0) ctx.health('mismatch', 'view table present but no row matched');
    else if (rows.size > 0) ctx.health('ok');
  });
}

export function createZendeskSite(deps: { lookup(ids: string[]): Promise<ConversationSnapshot[]> }): SiteDefinition {
  return {
    id: 'zendesk',
    matches: (url) => url.protocol === 'https:' && /^[a-z0-9-]+\.zendesk\.com$/i.test(url.hostname) && AGENT_PATH.test(url.pathname),
    init(ctx) {
      // Other tickets stay mounted under a view too, but their badges belong to the ticket page visit.
      if (VIEW_PATH.test(ctx.url.pathname)) initView(ctx, deps.lookup);
      else initTicket(ctx);
    },
  };
}

export const zendeskSite = createZendeskSite({
  lookup: async (ids) => (await request('content:lookup', { ids })).conversations,
});
