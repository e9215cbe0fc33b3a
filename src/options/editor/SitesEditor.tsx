// Custom site rules (config.sites): on/off, remove, and the rule tester to check and edit each rule before saving.
import type { SiteRule } from '../../core/types.ts';
import { t } from '../../shared/i18n.ts';
import { RuleTester } from '../sites/RuleTester.tsx';
import { askForAccessOnEnable, SiteAccess } from '../sites/SiteAccess.tsx';
import { freshId, type Draft } from './draft.ts';
import { FieldErrors } from './fields.tsx';
import type { Update } from './HoursEditor.tsx';

/** A starting point for a new rule; the tester shows what it matches before it is saved. */
function newRule(taken: readonly string[]): SiteRule {
  return {
    id: freshId('site', taken),
    name: 'Helpdesk',
    matches: ['https://support.example.com/tickets/*'],
    conversation: '.ticket',
    message: '.message',
    conversationId: { from: 'url', pattern: '/tickets/(\\d+)' },
  };
}

export function SitesEditor({ draft, update }: { draft: Draft; update: Update }) {
  return (
    <div data-testid="sites-editor">
      <p class="muted">{t('options_sites_help')}</p>
      {draft.sites.length === 0 ? <p class="muted">{t('options_sites_none')}</p> : null}
      <ul class="sites">
        {draft.sites.map((rule, i) => (
          <li class="panel" key={`${i}-${rule.id}`} data-testid={`site-${i}`}>
            <div class="policy-head">
              <label class="check">
                <input
                  type="checkbox"
                  checked={rule.enabled !== false}
                  data-testid="site-enabled"
                  onChange={(e) => {
                    // Switching a rule on asks for its hosts now, inside this click (the only moment browsers allow it).
                    if (e.currentTarget.checked) askForAccessOnEnable(rule);
                    update((d) => {
                      const r = d.sites[i];
                      if (!r) return;
                      // "enabled" is left out when on, its documented default.
                      if (e.currentTarget.checked) delete r.enabled;
                      else r.enabled = false;
                    });
                  }}
                />
                <strong>{rule.name || rule.id}</strong>
              </label>
              <button type="button" class="small danger" aria-label={t('options_site_remove', rule.name || rule.id)} onClick={() => update((d) => void d.sites.splice(i, 1))}>
                {t('options_remove')}
              </button>
            </div>
            <p class="muted small">{rule.matches.join(' · ')}</p>
            {rule.enabled !== false ? <SiteAccess rule={rule} /> : null}
            <FieldErrors path={`sites[${i}]`} />
            <details>
              <summary>{t('options_site_test')}</summary>
              <RuleTester rule={rule} onRuleChange={(next) => update((d) => void (d.sites[i] = next))} />
            </details>
          </li>
        ))}
      </ul>
      <FieldErrors path="sites" />
      <button type="button" data-testid="site-add" onClick={() => update((d) => void d.sites.push(newRule(d.sites.map((s) => s.id))))}>
        {t('options_site_add')}
      </button>
    </div>
  );
}
