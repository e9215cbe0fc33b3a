// Whether this browser may read a site rule's pages. Custom helpdesk domains are optional host permissions,
// granted only from a click (browsers refuse permission requests outside a user gesture); once granted, the
// background registers the content script for the rule's pages, and removing access unregisters it.
import { useEffect, useState } from 'preact/hooks';
import type { SiteRule } from '../../core/types.ts';
import { ruleOrigins } from '../../core/sites/rules.ts';
import { t } from '../../shared/i18n.ts';
import { hasSiteAccess, requestSiteAccess, revokeSiteAccess } from './permissions.ts';

export function SiteAccess({ rule }: { rule: Pick<SiteRule, 'matches'> }) {
  const [granted, setGranted] = useState<boolean | null>(null);
  const key = rule.matches.join(' ');
  useEffect(() => {
    let live = true;
    void hasSiteAccess(rule).then((g) => live && setGranted(g));
    return () => void (live = false);
  }, [key]);
  const origins = ruleOrigins(rule).join(', ');
  if (granted === null) return null;
  return (
    <p class="small" data-testid="site-access" data-granted={String(granted)}>
      {granted ? `✓ ${t('options_site_access_granted', origins)} ` : `! ${t('options_site_access_missing', origins)} `}
      {granted ? (
        <button type="button" class="small" onClick={() => void revokeSiteAccess(rule).then(() => hasSiteAccess(rule)).then(setGranted)}>
          {t('options_site_access_revoke')}
        </button>
      ) : (
        <button type="button" class="small" data-testid="site-access-request" onClick={() => void requestSiteAccess(rule).then(setGranted, () => setGranted(false))}>
          {t('options_site_access_request')}
        </button>
      )}
    </p>
  );
}

/** Called straight from the click that switches a rule on: asks for its hosts inside that user gesture. */
export function askForAccessOnEnable(rule: Pick<SiteRule, 'matches'>): void {
  void requestSiteAccess(rule).catch(() => false);
}
