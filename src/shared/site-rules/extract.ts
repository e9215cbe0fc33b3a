// The site-rule interpreter: what a rule finds in a document. Used by the generic adapter on live pages and by
// the rule tester on pasted HTML, so what a team sees in the tester is exactly what the extension will track.
// It never throws on a malformed rule: every problem becomes an entry in `problems` (→ health 'mismatch').
import type { SiteRule } from '../../core/types.ts';
import { roleOf } from './agent.ts';
import { conversationIdOf } from './conversation-id.ts';
import { isValidSelector, queryAll, selfOrQuery, textOf } from './dom.ts';
import { readTimestamp, type FormatParser } from './timestamp.ts';

export type ProblemCode =
  | 'invalid_selector'
  | 'invalid_pattern'
  | 'no_conversation'
  | 'no_message'
  | 'no_id'
  | 'no_role'
  | 'no_time'
  | 'several_with_url_id';

export interface Problem {
  code: ProblemCode;
  /** The rule field the problem is about, e.g. "message" or "timestamp.selector". */
  field?: string;
}

export interface RuleMessage {
  element: Element;
  /** Stable within its conversation: derived from what the message shows (no site exposes an id to rules). */
  key: string;
  role: 'customer' | 'brand';
  at: number | null;
  precisionMs: number;
  author?: string;
  text: string;
  /** Where its badge goes: into `parent`, after `after` (null = at the end). */
  parent: Element;
  after: Element | null;
}

export interface RuleConversation {
  element: Element;
  /** The regular expression's first group. */
  id: string;
  messages: RuleMessage[];
}

export interface RuleReading {
  conversations: RuleConversation[];
  problems: Problem[];
}

/** FNV-1a, base 36: short, stable ids from message content. */
export function hashText(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

const SELECTOR_FIELDS = ['conversation', 'message', 'author', 'anchor'] as const;

/** Selectors of the rule the browser cannot parse, by field name. */
export function invalidSelectors(rule: SiteRule): string[] {
  const bad: string[] = [];
  for (const f of SELECTOR_FIELDS) if (rule[f] !== undefined && !isValidSelector(rule[f])) bad.push(f);
  if (rule.timestamp && !isValidSelector(rule.timestamp.selector)) bad.push('timestamp.selector');
  if (rule.conversationId.selector !== undefined && !isValidSelector(rule.conversationId.selector)) bad.push('conversationId.selector');
  const w = rule.agentWhen;
  if (w && 'selectorMatches' in w && !isValidSelector(w.selectorMatches)) bad.push('agentWhen.selectorMatches');
  if (w && 'selector' in w && w.selector !== undefined && !isValidSelector(w.selector)) bad.push('agentWhen.selector');
  return bad;
}

function validPattern(p: string): boolean {
  try {
    new RegExp(p);
    return true;
  } catch {
    return false;
  }
}

/** Reads one conversation element; null (with problems) when it has no id. */
/** `parseFormat`: the date-format reader, needed when the rule's timestamp has a format (date-format.ts). */
export interface ReadOptions {
  parseFormat?: FormatParser;
}

export function readConversation(rule: SiteRule, element: Element, url: URL, problems: Problem[] = [], opts: ReadOptions = {}): RuleConversation | null {
  const id = conversationIdOf(element, rule.conversationId, url);
  if (!id) {
    problems.push({ code: 'no_id', field: 'conversationId' });
    return null;
  }
  // Without a message selector the conversation element is itself the one message (a list row).
  const elements = rule.message ? queryAll(element, rule.message) : [element];
  if (elements.length === 0) problems.push({ code: 'no_message', field: 'message' });
  const seen = new Map<string, number>();
  const messages: RuleMessage[] = [];
  for (const el of elements) {
    const role = roleOf(el, element, rule.agentWhen);
    if (role === null) {
      problems.push({ code: 'no_role', field: 'agentWhen' });
      continue;
    }
    const { time, element: timeEl } = readTimestamp(el, rule.timestamp, undefined, opts.parseFormat);
    if (rule.timestamp && !time) problems.push({ code: 'no_time', field: 'timestamp' });
    const author = rule.author ? textOf(selfOrQuery(el, rule.author)).slice(0, 200) : '';
    const text = textOf(el).slice(0, 2000);
    const base = hashText(`${role}|${author}|${time?.at ?? ''}|${text.slice(0, 500)}`);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const anchor = rule.anchor ? selfOrQuery(el, rule.anchor) : timeEl;
    const placed = anchor && anchor !== el && anchor.parentElement ? { parent: anchor.parentElement, after: anchor } : { parent: el, after: null };
    messages.push({
      element: el,
      key: n === 1 ? base : `${base}~${n}`,
      role,
      at: time?.at ?? null,
      precisionMs: time?.precisionMs ?? 0,
      ...(author ? { author } : {}),
      text,
      ...placed,
    });
  }
  return { element, id, messages };
}

/** Everything the rule finds under `root` (a document, or pasted HTML parsed by DOMParser). */
export function readRule(rule: SiteRule, root: ParentNode, url: URL, opts: ReadOptions = {}): RuleReading {
  const problems: Problem[] = [];
  for (const field of invalidSelectors(rule)) problems.push({ code: 'invalid_selector', field });
  if (!validPattern(rule.conversationId.pattern)) problems.push({ code: 'invalid_pattern', field: 'conversationId.pattern' });
  if (problems.length) return { conversations: [], problems };
  let elements = queryAll(root, rule.conversation);
  // Conversations nested in a matched conversation (a selector list like "main, #thread") are read once, outermost.
  elements = elements.filter((el) => !elements.some((o) => o !== el && o.contains(el)));
  if (elements.length === 0) return { conversations: [], problems: [{ code: 'no_conversation', field: 'conversation' }] };
  if (rule.conversationId.from === 'url' && elements.length > 1) {
    // One URL id cannot name several conversations: merging them would mix up two tickets' clocks.
    problems.push({ code: 'several_with_url_id', field: 'conversation' });
    elements = elements.slice(0, 1);
  }
  const conversations: RuleConversation[] = [];
  for (const el of elements) {
    const c = readConversation(rule, el, url, problems, opts);
    if (c) conversations.push(c);
  }
  return { conversations, problems };
}

/** English one-liners for health details (the tester shows localised texts by code). */
export function describeProblems(ruleId: string, problems: readonly Problem[]): string {
  const uniq = [...new Set(problems.map((p) => `${p.code}${p.field ? ` (${p.field})` : ''}`))];
  return `rule ${ruleId}: ${uniq.join(', ')}`.slice(0, 500);
}
