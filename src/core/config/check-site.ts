// Validation of one entry of `sites` (a declarative helpdesk rule). Selectors can only be checked for shape here:
// src/core is pure, so there is no DOM to parse them with; the content script reports a selector that fails.
import { CHANNELS, type SiteRule } from '../types.ts';
import { bool, fields, id, items, oneOf, text } from './fields.ts';
import { LIMITS } from './limits.ts';
import { type Collector, at, isObject, q } from './read.ts';

export const SITE_KEYS = [
  'id',
  'name',
  'matches',
  'enabled',
  'channel',
  'conversation',
  'message',
  'author',
  'agentWhen',
  'timestamp',
  'conversationId',
  'anchor',
  'preset',
] as const;

/**
 * Browser match patterns limited to web pages: scheme "*", "http" or "https"; host "*", "*.example.com" or
 * "example.com" with an optional port; a path starting with "/" (may use "*").
 */
const MATCH_PATTERN = /^(\*|https?):\/\/(\*|(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*)(:\d{1,5})?\/[^\s]*$/;

export function isMatchPattern(s: string): boolean {
  return MATCH_PATTERN.test(s);
}

function selector(c: Collector, v: unknown, path: string): string | null {
  return text(c, v, path, { max: LIMITS.selector });
}

/** How many capture groups a pattern has (an empty alternative makes it match "" so exec never returns null). */
function groupCount(re: RegExp): number {
  return (new RegExp(`${re.source}|`).exec('')?.length ?? 1) - 1;
}

function agentWhen(c: Collector, v: unknown, path: string): SiteRule['agentWhen'] | null {
  // Which of the four shapes is meant is decided by its distinctive key.
  const shapes = [
    { key: 'attribute', keys: ['attribute', 'equals', 'selector'], required: ['attribute', 'equals'] },
    { key: 'textPrefix', keys: ['textPrefix', 'selector'], required: ['textPrefix'] },
    { key: 'side', keys: ['side'], required: ['side'] },
    { key: 'selectorMatches', keys: ['selectorMatches'], required: ['selectorMatches'] },
  ] as const;
  const hint = 'an object with "attribute" + "equals", "textPrefix", "side" or "selectorMatches"';
  let shape: (typeof shapes)[number] | undefined;
  if (isObject(v)) {
    for (const s of shapes) {
      try {
        if (Object.prototype.hasOwnProperty.call(v, s.key)) {
          shape = s;
          break;
        }
      } catch {
        break;
      }
    }
  }
  if (!shape) {
    c.add(path, `must be ${hint}`);
    return null;
  }
  const f = fields(c, v, path, shape.keys, shape.required, hint);
  if (!f) return null;
  const before = c.errors.length;
  const out: Record<string, string> = {};
  for (const k of shape.keys) {
    if (!f.has(k)) continue;
    const p = at(path, k);
    const val = k === 'side' ? oneOf(c, f.get(k), p, ['left', 'right'] as const) : text(c, f.get(k), p, { max: LIMITS.selector, empty: k === 'equals' });
    if (val !== null) out[k] = val;
  }
  return c.errors.length > before ? null : (out as SiteRule['agentWhen']);
}

function timestamp(c: Collector, v: unknown, path: string): SiteRule['timestamp'] | null {
  const f = fields(c, v, path, ['selector', 'attribute', 'format'], ['selector'], 'an object like {"selector": "time", "attribute": "datetime"}');
  if (!f) return null;
  const before = c.errors.length;
  const out: Record<string, string> = {};
  for (const k of ['selector', 'attribute', 'format']) {
    if (f.has(k)) {
      const val = text(c, f.get(k), at(path, k), { max: LIMITS.selector });
      if (val !== null) out[k] = val;
    }
  }
  return c.errors.length > before ? null : (out as SiteRule['timestamp']);
}

function conversationId(c: Collector, v: unknown, path: string): SiteRule['conversationId'] | null {
  const f = fields(c, v, path, ['from', 'selector', 'attribute', 'pattern'], ['from', 'pattern'], 'an object like {"from": "url", "pattern": "/tickets/(\\\\d+)"}');
  if (!f) return null;
  const before = c.errors.length;
  const out: Partial<SiteRule['conversationId']> = {};
  if (f.has('from')) out.from = oneOf(c, f.get('from'), at(path, 'from'), ['attribute', 'href', 'url'] as const) ?? undefined;
  for (const k of ['selector', 'attribute'] as const) {
    if (f.has(k)) out[k] = text(c, f.get(k), at(path, k), { max: LIMITS.selector }) ?? undefined;
  }
  if (out.from === 'attribute' && !f.has('attribute')) c.add(at(path, 'attribute'), 'is missing (needed when "from" is "attribute")');
  if (f.has('pattern')) {
    const p = at(path, 'pattern');
    const s = text(c, f.get('pattern'), p, { max: LIMITS.pattern });
    if (s !== null) {
      try {
        const re = new RegExp(s);
        if (groupCount(re) < 1) c.add(p, `${q(s)} has no group: put the id part in (parentheses)`);
        else out.pattern = s;
      } catch (e) {
        c.add(p, `${q(s)} is not a valid regular expression: ${e instanceof Error ? e.message : 'syntax error'}`);
      }
    }
  }
  if (c.errors.length > before) return null;
  return {
    from: out.from as SiteRule['conversationId']['from'],
    ...(out.selector !== undefined && { selector: out.selector }),
    ...(out.attribute !== undefined && { attribute: out.attribute }),
    pattern: out.pattern as string,
  };
}

/** The checked rule (null when it has problems) and its id when that part alone is valid, for cross-checks. */
export function checkSite(c: Collector, v: unknown, path: string): { value: SiteRule | null; id: string | null } {
  const f = fields(c, v, path, SITE_KEYS, ['id', 'name', 'matches', 'conversation', 'conversationId'], 'an object (one site rule)');
  if (!f) return { value: null, id: null };
  const before = c.errors.length;
  const out: Partial<SiteRule> = {};
  if (f.has('id')) out.id = id(c, f.get('id'), at(path, 'id')) ?? undefined;
  if (f.has('name')) out.name = text(c, f.get('name'), at(path, 'name'), { max: LIMITS.name }) ?? undefined;
  if (f.has('matches')) {
    const p = at(path, 'matches');
    const entries = items(c, f.get('matches'), p, LIMITS.matchesPerSite, 'a list of match patterns like "https://*.example.com/path*"');
    if (entries) {
      if (entries.length === 0) c.add(p, 'is empty; list the pages the rule applies to, like "https://*.example.com/tickets/*"');
      const list: string[] = [];
      for (const [i, m] of entries) {
        const s = text(c, m, at(p, i), { max: LIMITS.selector });
        if (s === null) continue;
        if (!isMatchPattern(s)) c.add(at(p, i), `${q(s)} is not a match pattern like "https://*.example.com/path*"`);
        else list.push(s);
      }
      out.matches = list;
    }
  }
  if (f.has('enabled')) out.enabled = bool(c, f.get('enabled'), at(path, 'enabled')) ?? undefined;
  if (f.has('channel')) out.channel = oneOf(c, f.get('channel'), at(path, 'channel'), CHANNELS) ?? undefined;
  for (const k of ['conversation', 'message', 'author', 'anchor'] as const) {
    if (f.has(k)) out[k] = selector(c, f.get(k), at(path, k)) ?? undefined;
  }
  if (f.has('agentWhen')) out.agentWhen = agentWhen(c, f.get('agentWhen'), at(path, 'agentWhen')) ?? undefined;
  if (f.has('timestamp')) out.timestamp = timestamp(c, f.get('timestamp'), at(path, 'timestamp')) ?? undefined;
  if (f.has('conversationId')) out.conversationId = conversationId(c, f.get('conversationId'), at(path, 'conversationId')) ?? undefined;
  if (f.has('preset')) out.preset = bool(c, f.get('preset'), at(path, 'preset')) ?? undefined;
  if (c.errors.length > before) return { value: null, id: out.id ?? null };
  // Rebuild in the documented key order, leaving absent optional keys absent.
  const result: Record<string, unknown> = {};
  for (const k of SITE_KEYS) if (out[k] !== undefined) result[k] = out[k];
  return { value: result as unknown as SiteRule, id: out.id ?? null };
}
