// Every site Replyclock reads, declared with its URL predicate. Order matters: the first match wins.
// Adapters load lazily (dynamic import → their own chunk): the content script on any page carries the shared
// runtime and only the adapter whose `matches` accepts the page (content-script size budget, `node
// scripts/content-size.mjs`). `matches` must therefore stay cheap and must not import the adapter module.
import type { SiteDefinition, SiteEntry } from './site.ts';
import { isAnyWebUrl, isDemoUrl, isXChatUrl, isXUrl, isZendeskAgentUrl } from './site-urls.ts';
import { isFacebookBusinessUrl, isFacebookMessagesUrl, isFacebookUrl } from './sites/facebook-urls.ts';

export const SITES: readonly SiteEntry[] = [
  // Same site, two adapters: direct messages share nothing with tweets, so neither page loads the other's code.
  { id: 'x', matches: isXChatUrl, load: () => import('./sites/x-chat.ts').then((m) => m.xChatSite) },
  { id: 'x', matches: isXUrl, load: () => import('./sites/x.ts').then((m) => m.xSite) },
  // Facebook: Messenger and Business Suite before the general facebook.com test, which also accepts them.
  { id: 'facebook', matches: isFacebookMessagesUrl, load: () => import('./sites/facebook-messenger.ts').then((m) => m.facebookMessengerSite) },
  { id: 'facebook', matches: isFacebookBusinessUrl, load: () => import('./sites/facebook-business.ts').then((m) => m.facebookBusinessSite) },
  { id: 'facebook', matches: isFacebookUrl, load: () => import('./sites/facebook.ts').then((m) => m.facebookSite) },
  { id: 'zendesk', matches: isZendeskAgentUrl, load: () => import('./sites/zendesk.ts').then((m) => m.zendeskSite) },
  // Store builds leave the demo entry (and its chunk) out entirely.
  ...(__RC_DEMO__ ? [{ id: 'demo', matches: isDemoUrl, load: () => import('./sites/demo.ts').then((m) => m.demoSite) }] : []),
  // Team-written site rules accept every page they were injected into and must stay last.
  { id: 'rules', matches: isAnyWebUrl, load: () => import('./sites/rules.ts').then((m) => m.rulesSite) },
];

export type SiteSource = SiteDefinition | SiteEntry;
