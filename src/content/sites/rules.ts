// The generic adapter: reads any helpdesk through the team's declarative site rules (config `sites`). It is last
// in the registry and accepts every page the content script runs on; the rules in the config decide whether
// anything happens (the content script only runs on built-in hosts and on custom domains whose rule the team
// enabled and granted — see background/custom-sites.ts).
import type { SiteRule } from '../../core/types.ts';
import { rulesForUrl } from '../../core/sites/rules.ts';
import type { ObservedConversation, ObservedMessage } from '../../shared/protocol.ts';
import type { SiteContext, SiteDefinition } from '../site.ts';
import { describeProblems, invalidSelectors, readRule, type ReadOptions, type RuleConversation } from '../../shared/site-rules/extract.ts';
import { isValidSelector } from '../../shared/site-rules/dom.ts';

/** Time for a single-page helpdesk to render its thread before an empty match counts as broken. */
export const HEALTH_GRACE_MS = 8000;

/** Conversation ids are namespaced by rule and host: two teams' helpdesks never share ids. */
export function conversationKey(rule: SiteRule, url: URL, id: string): string {
  return `${rule.id}:${url.host}:${id}`.slice(0, 300);
}

/** What the background stores for one conversation the rule found. */
export function toObserved(rule: SiteRule, url: URL, c: RuleConversation, firstSeen: (id: string) => number): ObservedConversation | null {
  if (c.messages.length === 0) return null;
  const key = conversationKey(rule, url, c.id);
  const messages: ObservedMessage[] = c.messages.slice(-500).map((m) => {
    const id = `${key}:${m.key}`;
    return {
      id,
      role: m.role,
      at: m.at,
      firstSeenAt: firstSeen(id),
      precisionMs: m.precisionMs,
      ...(m.author ? { author: m.author } : {}),
      ...(m.role === 'customer' && m.text ? { text: m.text.slice(0, 500) } : {}),
    };
  });
  const customer = c.messages.find((m) => m.role === 'customer');
  return {
    id: key,
    platform: rule.id,
    channel: rule.channel ?? 'ticket',
    url: rule.conversationId.from === 'url' ? `${url.origin}${url.pathname}${url.search}` : url.href,
    customer: customer?.author ? { name: customer.author } : {},
    messages,
  };
}

function initRule(ctx: SiteContext, rule: SiteRule, opts: ReadOptions): void {
  const bad = invalidSelectors(rule);
  if (bad.length) {
    ctx.health('mismatch', describeProblems(rule.id, bad.map((field) => ({ code: 'invalid_selector', field }))));
    return;
  }
  let tracked = 0;
  let queued = false;
  const read = (): void => {
    queued = false;
    if (ctx.signal.aborted) return;
    const { conversations } = readRule(rule, document, ctx.url, opts);
    for (const c of conversations) {
      const conv = toObserved(rule, ctx.url, c, ctx.firstSeen);
      if (!conv) continue;
      tracked++;
      let placed = false;
      c.messages.forEach((m, i) => {
        if (m.role !== 'customer') return;
        placed = true;
        ctx.track(conv, { parent: m.parent, after: m.after, messageId: conv.messages[i]?.id ?? '' });
      });
      if (!placed) ctx.track(conv, null);
    }
  };
  // Re-read the whole rule once per mutation batch: helpdesk threads are small, and a full read keeps the
  // url-id rule (one conversation per page) and nested selector lists exact.
  const schedule = (): void => {
    if (queued) return;
    queued = true;
    queueMicrotask(read);
  };
  ctx.observe(rule.conversation, schedule);
  if (rule.message && isValidSelector(rule.message)) ctx.observe(rule.message, schedule);

  ctx.later(HEALTH_GRACE_MS, () => {
    const { conversations, problems } = readRule(rule, document, ctx.url, opts);
    const messages = conversations.reduce((n, c) => n + c.messages.length, 0);
    if (messages === 0 || problems.length) ctx.health('mismatch', describeProblems(rule.id, problems.length ? problems : [{ code: 'no_message' }]));
    else if (tracked > 0) ctx.health('ok');
  });
}

function start(ctx: SiteContext, rules: SiteRule[], opts: ReadOptions): void {
  if (ctx.signal.aborted) return;
  for (const rule of rules) {
    try {
      initRule(ctx, rule, opts);
    } catch (err) {
      ctx.health('mismatch', `rule ${rule.id}: ${String(err)}`.slice(0, 500));
    }
  }
}

function init(ctx: SiteContext): void {
  const rules = rulesForUrl(ctx.config.sites, ctx.url);
  // date-fns' format reader (~10 KB gzipped) is fetched only when a rule here reads times with a format.
  if (!rules.some((r) => r.timestamp?.format)) return start(ctx, rules, {});
  import('../../shared/site-rules/date-format.ts').then(
    ({ parseWithFormat }) => start(ctx, rules, { parseFormat: parseWithFormat }),
    (err: unknown) => ctx.health('mismatch', `date format reader failed to load: ${String(err)}`.slice(0, 500)),
  );
}

export const rulesSite: SiteDefinition = {
  id: 'rules',
  // Which rule applies needs the config, which init() gets: accept every web page here and let init decide.
  matches: (url) => url.protocol === 'https:' || url.protocol === 'http:',
  init,
};
