// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SiteRule } from '../../../src/core/types.ts';
import { readRule } from '../../../src/shared/site-rules/extract.ts';
import { roleOf } from '../../../src/shared/site-rules/agent.ts';
import { parseMachineTime, precisionOf, readTimestamp } from '../../../src/shared/site-rules/timestamp.ts';
import { parseWithFormat } from '../../../src/shared/site-rules/date-format.ts';
import { conversationIdOf } from '../../../src/shared/site-rules/conversation-id.ts';

function html(s: string): Element {
  document.body.innerHTML = s;
  return document.body.firstElementChild!;
}

const URL_ = new URL('https://support.example.org/tickets/42?tab=1');

const base: SiteRule = {
  id: 'example',
  name: 'Example desk',
  matches: ['https://support.example.org/tickets/*'],
  conversation: '.thread',
  message: '.msg',
  author: '.who',
  conversationId: { from: 'url', pattern: '/tickets/(\\d+)' },
};

describe('agent-vs-customer predicates', () => {
  it('attribute equals, on the message or on an element inside it', () => {
    const m = html('<div class="msg" data-from="agent"><span class="who" data-kind="staff">Sam</span></div>');
    expect(roleOf(m, document.body, { attribute: 'data-from', equals: 'agent' })).toBe('brand');
    expect(roleOf(m, document.body, { attribute: 'data-from', equals: 'customer' })).toBe('customer');
    expect(roleOf(m, document.body, { attribute: 'data-kind', equals: 'staff', selector: '.who' })).toBe('brand');
    expect(roleOf(m, document.body, { attribute: 'data-kind', equals: 'staff', selector: '.nothing' })).toBe('customer');
  });

  it('text prefix such as "You:", case-insensitive, on the message or a part of it', () => {
    const m = html('<div class="row"><span class="preview">  you: we shipped it</span></div>');
    expect(roleOf(m, document.body, { textPrefix: 'You:' })).toBe('brand');
    expect(roleOf(m, document.body, { textPrefix: 'You:', selector: '.preview' })).toBe('brand');
    const c = html('<div class="row"><span class="preview">Youssef: hello</span></div>');
    expect(roleOf(c, document.body, { textPrefix: 'You:' })).toBe('customer');
  });

  it('bubble side, from layout hints when the page is not laid out', () => {
    const box = html('<div><div id="l" style="align-self: flex-start">a</div><div id="r" style="margin-left:auto">b</div></div>');
    const left = box.querySelector('#l')!;
    const right = box.querySelector('#r')!;
    expect(roleOf(right, box, { side: 'right' })).toBe('brand');
    expect(roleOf(left, box, { side: 'right' })).toBe('customer');
    expect(roleOf(left, box, { side: 'left' })).toBe('brand');
    // No layout and no hint: the side is unknown, so the role is unknown rather than guessed.
    expect(roleOf(html('<div><p>x</p></div>').firstElementChild!, document.body, { side: 'right' })).toBeNull();
  });

  it('selector matches the message itself or something inside it', () => {
    const m = html('<div class="msg msg--agent"><i class="x"></i></div>');
    expect(roleOf(m, document.body, { selectorMatches: '.msg--agent' })).toBe('brand');
    expect(roleOf(m, document.body, { selectorMatches: 'i.x' })).toBe('brand');
    expect(roleOf(m, document.body, { selectorMatches: '.msg--customer' })).toBe('customer');
    expect(roleOf(m, document.body, { selectorMatches: '[[[' })).toBeNull();
  });

  it('no predicate: every message is the customer\'s (first-response clocks, never a false "answered")', () => {
    expect(roleOf(html('<div></div>'), document.body, undefined)).toBe('customer');
  });
});

describe('timestamps', () => {
  const ref = new Date(2026, 2, 10, 12, 0);

  it('reads text with a format in the local zone', () => {
    expect(parseWithFormat(' 02.03.2026  09:05 ', 'dd.MM.yyyy HH:mm', ref)).toBe(new Date(2026, 2, 2, 9, 5).getTime());
    expect(parseWithFormat('Mar 2, 2026 9:05 PM', 'MMM d, yyyy h:mm a', ref)).toBe(new Date(2026, 2, 2, 21, 5).getTime());
  });

  it('reads German and Dutch month names with the same format', () => {
    expect(parseWithFormat('2. März 2026 10:00', 'd. MMMM yyyy HH:mm', ref)).toBe(new Date(2026, 2, 2, 10, 0).getTime());
    expect(parseWithFormat('2 maart 2026 10:00', 'd MMMM yyyy HH:mm', ref)).toBe(new Date(2026, 2, 2, 10, 0).getTime());
  });

  it('returns null for text that does not fit, and for a malformed format (never throws)', () => {
    expect(parseWithFormat('yesterday', 'dd.MM.yyyy HH:mm', ref)).toBeNull();
    expect(parseWithFormat('02.03.2026', 'YYYY-DD', ref)).toBeNull();
    expect(parseWithFormat('02.03.1899 10:00', 'dd.MM.yyyy HH:mm', ref)).toBeNull();
  });

  it('reads ISO 8601 and epoch attributes; does not guess at free text', () => {
    expect(parseMachineTime('2026-03-02T09:00:00Z')).toEqual({ at: Date.parse('2026-03-02T09:00:00Z'), precisionMs: 0 });
    expect(parseMachineTime('1772442000')).toEqual({ at: 1772442000000, precisionMs: 1000 });
    expect(parseMachineTime('1772442000123')).toEqual({ at: 1772442000123, precisionMs: 0 });
    expect(parseMachineTime('March 2nd')).toBeNull();
  });

  it('precision follows the smallest unit the format shows', () => {
    expect(precisionOf('dd.MM.yyyy HH:mm')).toBe(60_000);
    expect(precisionOf('dd.MM.yyyy HH:mm:ss')).toBe(1000);
    expect(precisionOf("dd.MM.yyyy 'um' HH")).toBe(3_600_000);
    expect(precisionOf('MMM d, yyyy')).toBe(86_400_000);
  });

  it('reads by the rule: attribute, or element text with a format', () => {
    const m = html('<div><span class="t" title="2026-03-02T09:00:00Z">02.03.2026 10:00</span></div>');
    expect(readTimestamp(m, { selector: '.t', attribute: 'title' }).time?.at).toBe(Date.parse('2026-03-02T09:00:00Z'));
    expect(readTimestamp(m, { selector: '.t', format: 'dd.MM.yyyy HH:mm' }, ref, parseWithFormat).time?.at).toBe(new Date(2026, 2, 2, 10, 0).getTime());
    // Without the format reader (not loaded) a format is never guessed at.
    expect(readTimestamp(m, { selector: '.t', format: 'dd.MM.yyyy HH:mm' }, ref).time).toBeNull();
    expect(readTimestamp(m, { selector: '.none' }).time).toBeNull();
  });
});

describe('conversation ids', () => {
  it('first group of the pattern over an attribute, a link or the URL', () => {
    const row = html('<div class="row" data-key="conv-981"><a href="/tickets/77/view">open</a></div>');
    expect(conversationIdOf(row, { from: 'attribute', attribute: 'data-key', pattern: 'conv-(\\d+)' }, URL_)).toBe('981');
    expect(conversationIdOf(row, { from: 'href', pattern: '/tickets/(\\d+)' }, URL_)).toBe('77');
    expect(conversationIdOf(row, { from: 'url', pattern: '/tickets/(\\d+)' }, URL_)).toBe('42');
    expect(conversationIdOf(row, { from: 'url', pattern: '/orders/(\\d+)' }, URL_)).toBeNull();
    expect(conversationIdOf(row, { from: 'url', pattern: '(((' }, URL_)).toBeNull();
  });
});

describe('reading a page with a rule', () => {
  const page = `<main>
    <div class="thread">
      <div class="msg" data-from="customer"><b class="who">Jane</b><time datetime="2026-03-02T09:00:00Z">x</time>Hello</div>
      <div class="msg" data-from="agent"><b class="who">Sam</b><time datetime="2026-03-02T09:10:00Z">x</time>Hi</div>
      <div class="msg" data-from="customer"><b class="who">Jane</b><time datetime="2026-03-02T09:20:00Z">x</time>Thanks</div>
    </div></main>`;
  const rule: SiteRule = { ...base, agentWhen: { attribute: 'data-from', equals: 'agent' }, timestamp: { selector: 'time', attribute: 'datetime' } };

  it('finds the conversation, its messages with roles, times and authors, and where badges go', () => {
    document.body.innerHTML = page;
    const r = readRule(rule, document, URL_);
    expect(r.problems).toEqual([]);
    expect(r.conversations).toHaveLength(1);
    const c = r.conversations[0]!;
    expect(c.id).toBe('42');
    expect(c.messages.map((m) => [m.role, m.author, m.at])).toEqual([
      ['customer', 'Jane', Date.parse('2026-03-02T09:00:00Z')],
      ['brand', 'Sam', Date.parse('2026-03-02T09:10:00Z')],
      ['customer', 'Jane', Date.parse('2026-03-02T09:20:00Z')],
    ]);
    expect(c.messages[0]!.after?.nodeName).toBe('TIME');
    expect(new Set(c.messages.map((m) => m.key)).size).toBe(3);
  });

  it('message keys stay the same when the page re-renders or loads older messages above', () => {
    document.body.innerHTML = page;
    const before = readRule(rule, document, URL_).conversations[0]!.messages.map((m) => m.key);
    document.body.innerHTML = page.replace('<div class="thread">', '<div class="thread"><div class="msg" data-from="customer"><b class="who">Jane</b><time datetime="2026-03-01T09:00:00Z">x</time>Older</div>');
    const after = readRule(rule, document, URL_).conversations[0]!.messages.map((m) => m.key);
    expect(after.slice(1)).toEqual(before);
  });

  it('list rows without a message selector: each row is one message; "You:" previews are the team\'s', () => {
    document.body.innerHTML = `<ul>
      <li class="row"><a href="/inbox/t/1001">Jane</a><span class="p">Where is my order?</span></li>
      <li class="row"><a href="/inbox/t/1002">Bob</a><span class="p">You: sent the label</span></li></ul>`;
    const r = readRule(
      { ...base, conversation: 'li.row', message: undefined, agentWhen: { textPrefix: 'You:', selector: '.p' }, conversationId: { from: 'href', pattern: '/t/(\\d+)' } },
      document,
      URL_,
    );
    expect(r.conversations.map((c) => [c.id, c.messages.map((m) => m.role)])).toEqual([
      ['1001', ['customer']],
      ['1002', ['brand']],
    ]);
  });

  it('several conversations with an id from the URL: reads only the first, and says so', () => {
    document.body.innerHTML = page + page;
    const r = readRule(rule, document, URL_);
    expect(r.conversations).toHaveLength(1);
    expect(r.problems).toContainEqual({ code: 'several_with_url_id', field: 'conversation' });
  });

  it('reports what does not match instead of inventing: no conversation, no id, invalid selector', () => {
    document.body.innerHTML = page;
    expect(readRule({ ...rule, conversation: '.gone' }, document, URL_).problems).toEqual([{ code: 'no_conversation', field: 'conversation' }]);
    expect(readRule({ ...rule, conversationId: { from: 'url', pattern: '/orders/(\\d+)' } }, document, URL_)).toEqual({
      conversations: [],
      problems: [{ code: 'no_id', field: 'conversationId' }],
    });
    expect(readRule({ ...rule, message: 'div[' }, document, URL_).problems).toEqual([{ code: 'invalid_selector', field: 'message' }]);
  });

  it('malformed rules never throw', () => {
    document.body.innerHTML = page;
    const sel = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('.msg', 'time', 'div[', ':has(', '>>', '', '*', 'a:nth-child(', '#'));
    fc.assert(
      fc.property(sel, sel, sel, fc.string({ maxLength: 15 }), fc.option(fc.string({ maxLength: 15 }), { nil: undefined }), fc.constantFrom('url', 'href', 'attribute'), (conv, msg, ts, pattern, format, from) => {
        const bad = {
          ...base,
          conversation: conv,
          message: msg,
          timestamp: { selector: ts, ...(format !== undefined ? { format } : {}) },
          agentWhen: { selectorMatches: msg },
          conversationId: { from, attribute: 'data-x', pattern },
        } as SiteRule;
        const r = readRule(bad, document, URL_);
        expect(Array.isArray(r.conversations)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
