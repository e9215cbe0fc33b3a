// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
vi.mock('../../../src/shared/browser.ts', () => import('../content/fake-browser.ts'));
import { createZendeskSite, readComment, readRow, ticketOf, zendeskSite } from '../../../src/content/sites/zendesk.ts';
import type { ConversationSnapshot } from '../../../src/shared/protocol.ts';
import { fakeCtx, loadFixture, settle, type FakeCtx } from './helpers.ts';

const TICKET_URL = 'https://acme.zendesk.com/agent/tickets/123';
const CONV = 'zendesk:acme.zendesk.com:123';
let ctx: FakeCtx | null = null;
afterEach(() => ctx?.stop());

async function run(url: string, site = zendeskSite): Promise<FakeCtx> {
  ctx = fakeCtx(url);
  site.init(ctx);
  await settle();
  return ctx;
}

describe('Zendesk: which pages', () => {
  it('runs on agent pages of *.zendesk.com only', () => {
    const m = (u: string) => zendeskSite.matches(new URL(u));
    expect(m(TICKET_URL)).toBe(true);
    expect(m('https://acme.zendesk.com/agent/filters/360000000001')).toBe(true);
    expect(m('https://acme.zendesk.com/hc/en-us/articles/1')).toBe(false);
    expect(m('https://acme.zendesk.com.evil.example/agent/tickets/1')).toBe(false);
    expect(m('http://acme.zendesk.com/agent/tickets/1')).toBe(false);
  });
});

describe('Zendesk: reading comments', () => {
  it('reads role, exact time, author and text, and recognises internal notes', () => {
    loadFixture('zendesk/ticket.html');
    const reads = [...document.querySelectorAll('article[data-test-id="omni-log-comment-item"]')].map((a) => readComment(a));
    expect(reads.map((r) => (r.ok ? ('skip' in r ? 'note' : r.comment.role) : 'error'))).toEqual(['customer', 'brand', 'note', 'customer']);
    const first = reads[0]!;
    expect(first.ok && 'comment' in first && first.comment).toMatchObject({
      ticketId: '123',
      at: Date.parse('2026-03-02T09:00:00Z'),
      author: 'Jane Customer',
      text: 'My order arrived broken. Please help.',
    });
  });

  it('refuses to guess: an unknown comment type or a missing time is unreadable', () => {
    loadFixture('zendesk/ticket.html');
    const a = document.querySelector('article[data-test-id="omni-log-comment-item"]')!;
    a.querySelector('[data-test-id="omni-log-item-message"]')!.setAttribute('type', 'system');
    expect(readComment(a)).toMatchObject({ ok: false });
    const b = document.querySelectorAll('article[data-test-id="omni-log-comment-item"]')[1]!;
    b.querySelector('time')!.setAttribute('datetime', 'yesterday');
    expect(readComment(b)).toMatchObject({ ok: false });
  });
});

describe('Zendesk: ticket page', () => {
  it('tracks the ticket with its customer and agent comments, ignoring the internal note', async () => {
    loadFixture('zendesk/ticket.html');
    const c = await run(TICKET_URL);
    const conv = c.byId().get(CONV)!;
    expect(conv).toMatchObject({ platform: 'zendesk', channel: 'ticket', url: TICKET_URL, customer: { name: 'Jane Customer' } });
    expect(conv.messages.map((m) => [m.id, m.role])).toEqual([
      ['zendesk:acme.zendesk.com:123@2026-03-02T09:00:00Z', 'customer'],
      ['zendesk:acme.zendesk.com:123@2026-03-02T09:30:00Z', 'brand'],
      ['zendesk:acme.zendesk.com:123@2026-03-02T11:00:00Z', 'customer'],
    ]);
    expect(conv.messages.every((m) => m.precisionMs === 0 && m.at !== null)).toBe(true);
    // The script-like text stays text.
    expect(conv.messages[2]!.role === 'customer' && conv.messages[2]!.text).toContain('<img src=x onerror=alert(1)>');
  });

  it("badges each customer comment right after its own time, and never the agent's or the note", async () => {
    loadFixture('zendesk/ticket.html');
    const c = await run(TICKET_URL);
    const placed = c.tracked.filter((t) => t.placement).map((t) => t.placement!);
    expect(new Set(placed.map((p) => p.messageId))).toEqual(
      new Set(['zendesk:acme.zendesk.com:123@2026-03-02T09:00:00Z', 'zendesk:acme.zendesk.com:123@2026-03-02T11:00:00Z']),
    );
    for (const p of placed) {
      expect(p.after?.nodeName).toBe('TIME');
      expect(p.after?.parentNode).toBe(p.parent);
    }
    c.runLater();
    expect(c.healthReports).toContainEqual({ status: 'ok' });
  });

  it('keeps two mounted tickets apart even when their comments share a time', async () => {
    loadFixture('zendesk/two-tickets.html');
    const c = await run(TICKET_URL);
    const convs = c.byId();
    expect([...convs.keys()].sort()).toEqual(['zendesk:acme.zendesk.com:123', 'zendesk:acme.zendesk.com:456']);
    expect(convs.get('zendesk:acme.zendesk.com:456')!.messages.map((m) => m.author)).toEqual(['Bob Buyer']);
    expect(convs.get('zendesk:acme.zendesk.com:456')!.url).toBe('https://acme.zendesk.com/agent/tickets/456');
    expect(convs.get(CONV)!.messages.map((m) => m.author)).toEqual(['Jane Customer', 'Sam Agent']);
  });

  it('reads a comment added later (live update) into the same ticket', async () => {
    loadFixture('zendesk/ticket.html');
    const c = await run(TICKET_URL);
    const log = document.querySelector('[data-side-conversations-anchor-id="123"] [data-test-id="omni-log-container"]')!;
    const clone = log.querySelector('article:last-of-type')!.cloneNode(true) as Element;
    clone.querySelector('time')!.setAttribute('datetime', '2026-03-02T12:00:00Z');
    log.append(clone);
    await settle();
    expect(c.byId().get(CONV)!.messages.map((m) => m.at)).toContain(Date.parse('2026-03-02T12:00:00Z'));
  });

  it('uses the URL ticket only on a page without ticket panes; a stray comment beside panes is not guessed', async () => {
    loadFixture('zendesk/ticket.html');
    const article = document.querySelector('article')!;
    expect(ticketOf(article)).toBe('123');
    // No panes at all: the single ticket on screen is the URL's.
    document.body.innerHTML = `<div data-test-id="omni-log-container">${article.outerHTML}</div>`;
    let c = await run('https://acme.zendesk.com/agent/tickets/77');
    expect([...c.byId().keys()]).toEqual(['zendesk:acme.zendesk.com:77']);
    c.stop();
    // Panes exist, but this comment sits outside them: mismatch, no conversation.
    loadFixture('zendesk/ticket.html');
    document.body.append(article.cloneNode(true));
    c = await run(TICKET_URL);
    expect(c.healthReports).toContainEqual({ status: 'mismatch', detail: 'comment outside a ticket pane' });
    expect([...c.byId().keys()]).toEqual([CONV]);
  });

  it("reports 'mismatch' when the log is there but the comment selector finds nothing", async () => {
    loadFixture('zendesk/ticket.html');
    for (const a of document.querySelectorAll('article')) a.setAttribute('data-test-id', 'renamed-comment');
    const c = await run(TICKET_URL);
    c.runLater();
    expect(c.tracked).toHaveLength(0);
    expect(c.healthReports).toEqual([{ status: 'mismatch', detail: 'ticket log present but no comment matched' }]);
  });
});

describe('Zendesk: views', () => {
  const VIEW_URL = 'https://acme.zendesk.com/agent/filters/360000000001';

  it('reads ticket rows and skips group-by rows', () => {
    loadFixture('zendesk/view.html');
    const rows = [...document.querySelectorAll('tr')].map(readRow).filter((r) => r !== null);
    expect(rows.map((r) => r.ticketId)).toEqual(['123', '456', '789']);
  });

  it('badges only rows whose ticket is already known, with the stored clock; unknown tickets get no invented timer', async () => {
    loadFixture('zendesk/view.html');
    const snap: ConversationSnapshot = {
      id: CONV,
      platform: 'zendesk',
      channel: 'ticket',
      url: TICKET_URL,
      customer: { name: 'Jane Customer' },
      messages: [
        { id: `${CONV}@2026-03-02T09:00:00Z`, role: 'customer', at: Date.parse('2026-03-02T09:00:00Z'), precisionMs: 0 },
        { id: `${CONV}@2026-03-02T09:30:00Z`, role: 'brand', at: Date.parse('2026-03-02T09:30:00Z'), precisionMs: 0 },
        { id: `${CONV}@2026-03-02T11:00:00Z`, role: 'customer', at: Date.parse('2026-03-02T11:00:00Z'), precisionMs: 0 },
      ],
      pauses: [],
      excluded: false,
      assignee: null,
      policyId: null,
      policy: null,
      schedule: null,
      clock: null,
      computedAt: 0,
    };
    const lookup = vi.fn(async (ids: string[]) => (ids.includes(CONV) ? [snap] : []));
    const c = await run(VIEW_URL, createZendeskSite({ lookup }));
    c.runLater(); // the batched lookup
    await settle();
    expect(lookup).toHaveBeenCalledWith(['zendesk:acme.zendesk.com:123', 'zendesk:acme.zendesk.com:456', 'zendesk:acme.zendesk.com:789']);
    expect(c.tracked).toHaveLength(1);
    const t = c.tracked[0]!;
    expect(t.conv.messages.map((m) => m.at)).toEqual(snap.messages.map((m) => m.at));
    expect(t.placement?.messageId).toBe(`${CONV}@2026-03-02T11:00:00Z`);
    expect(t.placement?.parent.getAttribute('data-test-id')).toBe('ticket-table-cells-subject');
  });
});
