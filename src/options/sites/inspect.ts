// What the rule tester shows: per selector of a rule, how many elements it matches and the first matches' text;
// and what the interpreter would track. Runs on a parsed copy of the page (DOMParser: nothing executes).
import type { SiteRule } from '../../core/types.ts';
import { isValidSelector, queryAll, textOf } from '../../shared/site-rules/dom.ts';
import { readRule, type Problem, type RuleConversation } from '../../shared/site-rules/extract.ts';
import { parseWithFormat } from '../../shared/site-rules/date-format.ts';

export interface SelectorReport {
  field: string;
  selector: string;
  valid: boolean;
  count: number;
  samples: string[];
}

export interface Inspection {
  selectors: SelectorReport[];
  conversations: RuleConversation[];
  problems: Problem[];
}

/** Parses pasted HTML without running it: DOMParser documents have no scripts, no loads, no events. */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function selectorsOf(rule: SiteRule): [string, string][] {
  const out: [string, string][] = [['conversation', rule.conversation]];
  if (rule.message) out.push(['message', rule.message]);
  if (rule.author) out.push(['author', rule.author]);
  if (rule.timestamp) out.push(['timestamp.selector', rule.timestamp.selector]);
  if (rule.anchor) out.push(['anchor', rule.anchor]);
  if (rule.conversationId.selector) out.push(['conversationId.selector', rule.conversationId.selector]);
  const w = rule.agentWhen;
  if (w && 'selectorMatches' in w) out.push(['agentWhen.selectorMatches', w.selectorMatches]);
  if (w && 'selector' in w && w.selector) out.push(['agentWhen.selector', w.selector]);
  return out;
}

export function inspectRule(rule: SiteRule, doc: Document, url: URL, samples = 3): Inspection {
  const selectors = selectorsOf(rule).map(([field, selector]) => {
    const found = queryAll(doc, selector);
    return { field, selector, valid: isValidSelector(selector), count: found.length, samples: found.slice(0, samples).map((el) => textOf(el).slice(0, 120)) };
  });
  const { conversations, problems } = readRule(rule, doc, url, { parseFormat: parseWithFormat });
  return { selectors, conversations, problems };
}
