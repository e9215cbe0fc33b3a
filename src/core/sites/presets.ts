// Site rules for helpdesks Replyclock does not read natively, as DATA (the same format as the team config's
// `sites`). Written from shared/research/dom-notes.md: where the notes say a selector was read in a public source
// it is used as is; where they only say "class names" the selector is an educated guess, marked [I] below.
// Every preset is `preset: true` and `enabled: false`: a team copies it into its config, tests it with the rule
// tester on its own pages, adjusts what does not match and enables it. Health reports say when one stops matching.
import type { SiteRule } from '../types.ts';

export const FRESHDESK: SiteRule = {
  id: 'freshdesk',
  name: 'Freshdesk',
  matches: ['https://*.freshdesk.com/a/tickets/*'],
  enabled: false,
  channel: 'ticket',
  // One ticket per page; the id is in the URL (/a/tickets/<id>).
  conversation: 'main, #ticket-details-container',
  message: '[data-test-id="ticket-description"], [data-test-id="conversation-content"]',
  // [I] Freshdesk tells agents from customers only by class names.
  author: '[data-test-id="user-name"], .user-name, a[href*="/contacts/"], a[href*="/agents/"]',
  agentWhen: { selectorMatches: '[class*="agent"], [class*="Agent"]' },
  timestamp: { selector: 'time[datetime]', attribute: 'datetime' },
  conversationId: { from: 'url', pattern: '/a/tickets/(\\d+)' },
  preset: true,
};

export const HELP_SCOUT: SiteRule = {
  id: 'helpscout',
  name: 'Help Scout',
  matches: ['https://secure.helpscout.net/conversation/*'],
  enabled: false,
  channel: 'ticket',
  conversation: '#threads, main',
  // Legacy threads are article.thread with .customer on the customer's; the new UI has no known message hooks.
  message: 'article.thread',
  author: '.from, .name',
  agentWhen: { selectorMatches: 'article.thread:not(.customer)' },
  timestamp: { selector: 'time[datetime]', attribute: 'datetime' },
  conversationId: { from: 'url', pattern: '/conversation/(\\d+)' },
  preset: true,
};

export const INTERCOM: SiteRule = {
  id: 'intercom',
  name: 'Intercom',
  matches: ['https://app.intercom.com/a/inbox/*'],
  enabled: false,
  channel: 'chat',
  conversation: '[data-testid="conversation-stream-scroll-container"]',
  // Part groups: category 1 = customer, 3 = agent; bots (5) and system notes (20) are left out on purpose, so a
  // bot's greeting never counts as the team's reply.
  message: '[data-part-group-id][data-part-group-category="1"], [data-part-group-id][data-part-group-category="3"]',
  agentWhen: { attribute: 'data-part-group-category', equals: '3' },
  timestamp: { selector: 'time[datetime]', attribute: 'datetime' },
  conversationId: { from: 'url', pattern: '/conversation/(\\d+)' },
  preset: true,
};

export const GORGIAS: SiteRule = {
  id: 'gorgias',
  name: 'Gorgias',
  matches: ['https://*.gorgias.com/app/ticket/*', 'https://*.gorgias.com/app/views/*'],
  enabled: false,
  channel: 'ticket',
  // Older tickets may stay mounted beside the active one; with the id from the URL only the first thread is read.
  conversation: '[aria-label="Ticket thread"]',
  // [I] CSS-module classes: MessageBubble--… with a modifier for the agent's side.
  message: '[class*="MessageBubble"]',
  agentWhen: { selectorMatches: '[class*="MessageBubble--agent"], [class*="MessageBubble--fromAgent"]' },
  timestamp: { selector: 'time[datetime]', attribute: 'datetime' },
  conversationId: { from: 'url', pattern: '/app/(?:ticket|views/\\d+)/(\\d+)' },
  preset: true,
};

export const FRONT: SiteRule = {
  id: 'front',
  name: 'Front',
  matches: ['https://app.frontapp.com/*'],
  enabled: false,
  channel: 'ticket',
  // [I] Front has hashed styled-components classes only: roles and the layout are the stable hooks. Adjust first.
  conversation: '[role="main"]',
  message: '[role="article"]',
  agentWhen: { side: 'right' },
  timestamp: { selector: 'time[datetime]', attribute: 'datetime' },
  conversationId: { from: 'url', pattern: '/(cnv_[A-Za-z0-9]+)' },
  preset: true,
};

export const PRESET_RULES: readonly SiteRule[] = [FRESHDESK, HELP_SCOUT, INTERCOM, GORGIAS, FRONT];
