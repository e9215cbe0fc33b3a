// Host access for a site rule on the team's own domain. Browsers grant optional host permissions only inside a
// user gesture, so `requestSiteAccess` must be called straight from a click handler (no await before it). The
// background (custom-sites.ts) notices the grant and registers the content script for the rule's pages.
import browser from '../../shared/browser.ts';
import type { SiteRule } from '../../core/types.ts';
import { ruleOrigins } from '../../core/sites/rules.ts';

export function requestSiteAccess(rule: Pick<SiteRule, 'matches'>): Promise<boolean> {
  return browser.permissions.request({ origins: ruleOrigins(rule) });
}

export function hasSiteAccess(rule: Pick<SiteRule, 'matches'>): Promise<boolean> {
  return browser.permissions.contains({ origins: ruleOrigins(rule) }).catch(() => false);
}

/** Gives the access back; the background unregisters the rule's script on permissions.onRemoved. */
export function revokeSiteAccess(rule: Pick<SiteRule, 'matches'>): Promise<boolean> {
  return browser.permissions.remove({ origins: ruleOrigins(rule) });
}
