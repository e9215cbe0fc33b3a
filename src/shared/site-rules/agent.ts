// Who wrote a message, by the rule's agent-vs-customer predicate. Without a predicate every message counts as the
// customer's: a rule for a list of incoming items then still gets first-response clocks, never a false "answered".
import type { SiteRule } from '../../core/types.ts';
import { isValidSelector, selfOrQuery, textOf } from './dom.ts';

export type Side = 'left' | 'right';

/** Which side of its conversation a message bubble sits on: layout first, inline style hints when not laid out. */
export function sideOf(message: Element, container: Element): Side | null {
  const m = message.getBoundingClientRect();
  const c = container.getBoundingClientRect();
  if (m.width > 0 && c.width > 0 && m.width < c.width) {
    const mid = m.left + m.width / 2;
    return mid > c.left + c.width / 2 ? 'right' : 'left';
  }
  // Pasted HTML in the rule tester and unrendered nodes have no layout: read the usual "push right" styles.
  for (let el: Element | null = message; el && el !== container; el = el.parentElement) {
    const s = (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
    if (/margin-left:auto|align-self:(flex-)?end|float:right|text-align:right|justify-content:(flex-)?end/.test(s)) return 'right';
    if (/margin-right:auto|align-self:(flex-)?start|float:left|text-align:left|justify-content:(flex-)?start/.test(s)) return 'left';
  }
  return m.width > 0 || c.width > 0 ? 'left' : null;
}

/** 'brand' when the predicate says the team wrote it, 'customer' otherwise; null when the predicate cannot tell. */
export function roleOf(message: Element, container: Element, when: SiteRule['agentWhen']): 'brand' | 'customer' | null {
  if (!when) return 'customer';
  if ('attribute' in when) {
    const target = when.selector ? selfOrQuery(message, when.selector) : message;
    if (when.selector && !isValidSelector(when.selector)) return null;
    const value = target?.getAttribute(when.attribute);
    return value !== null && value !== undefined && value.trim() === when.equals ? 'brand' : 'customer';
  }
  if ('textPrefix' in when) {
    if (when.selector && !isValidSelector(when.selector)) return null;
    const target = when.selector ? selfOrQuery(message, when.selector) : message;
    return textOf(target).toLowerCase().startsWith(when.textPrefix.trim().toLowerCase()) ? 'brand' : 'customer';
  }
  if ('side' in when) {
    const side = sideOf(message, container);
    if (side === null) return null;
    return side === when.side ? 'brand' : 'customer';
  }
  if ('selectorMatches' in when) {
    if (!isValidSelector(when.selectorMatches)) return null;
    return selfOrQuery(message, when.selectorMatches) ? 'brand' : 'customer';
  }
  return null;
}
