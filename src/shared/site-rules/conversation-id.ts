// A conversation's id by the rule: a regular expression's first group over an attribute, a link's href or the
// page URL. Patterns come from the team config; an invalid one yields no id (and a health report), never a throw.
import type { SiteRule } from '../../core/types.ts';
import { selfOrQuery } from './dom.ts';

const compiled = new Map<string, RegExp | null>();

export function compile(pattern: string): RegExp | null {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern);
    } catch {
      re = null;
    }
    if (compiled.size > 200) compiled.clear();
    compiled.set(pattern, re);
  }
  return re;
}

/** Ids end up in storage keys and URLs: keep them short and plain. */
const PLAIN = /^[^\s]{1,200}$/;

export function idFrom(source: string | null | undefined, pattern: string): string | null {
  if (!source) return null;
  const re = compile(pattern);
  const m = re?.exec(source);
  const id = m?.[1];
  return id && PLAIN.test(id) ? id : null;
}

/** The raw text the rule's pattern runs over, for the rule tester to show. */
export function idSource(conversation: Element, spec: SiteRule['conversationId'], url: URL): string | null {
  if (spec.from === 'url') return url.href;
  const el = spec.selector ? selfOrQuery(conversation, spec.selector) : conversation;
  if (!el) return null;
  if (spec.from === 'href') {
    const link = el.closest('a[href]') ?? (el.matches('a[href]') ? el : el.querySelector('a[href]'));
    const href = link?.getAttribute('href');
    if (!href) return null;
    try {
      return new URL(href, url).href; // relative links resolve against the page, as the browser would
    } catch {
      return href;
    }
  }
  return spec.attribute ? el.getAttribute(spec.attribute) : null;
}

export function conversationIdOf(conversation: Element, spec: SiteRule['conversationId'], url: URL): string | null {
  return idFrom(idSource(conversation, spec, url), spec.pattern);
}
