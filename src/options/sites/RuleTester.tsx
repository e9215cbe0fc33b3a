// The rule tester: run a site rule on pasted HTML (parsed, never executed) or on a snapshot of an open tab, and
// see what each selector matches and which conversations would be tracked — before the rule is saved.
import { useState } from 'preact/hooks';
import browser from '../../shared/browser.ts';
import { t } from '../../shared/i18n.ts';
import { validateConfig } from '../../core/config/validate.ts';
import { DEFAULT_CONFIG } from '../../core/config/defaults.ts';
import { ruleMatchesUrl } from '../../core/sites/rules.ts';
import type { SiteRule } from '../../core/types.ts';
import { inspectRule, parseHtml, type Inspection } from './inspect.ts';

export interface RuleTesterProps {
  rule: SiteRule;
  /** Called with the edited rule once it validates (the options page decides when to save). */
  onRuleChange?: (rule: SiteRule) => void;
}

function checkRule(text: string): { rule: SiteRule } | { errors: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { errors: [String(e instanceof Error ? e.message : e)] };
  }
  const r = validateConfig({ ...DEFAULT_CONFIG, sites: [raw] });
  if (!r.ok) return { errors: r.errors.map((e) => `${e.path}: ${e.message}`) };
  return { rule: r.config.sites[0]! };
}

/** The open tab's DOM as HTML, read with scripting (needs the rule's host permission). */
async function tabHtml(rule: SiteRule): Promise<{ html: string; url: string } | null> {
  const tabs = await browser.tabs.query({ url: rule.matches });
  const tab = tabs.find((x) => x.active) ?? tabs[0];
  if (tab?.id === undefined || !tab.url) return null;
  const [res] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: () => document.documentElement.outerHTML });
  return typeof res?.result === 'string' ? { html: res.result, url: tab.url } : null;
}

export function RuleTester({ rule, onRuleChange }: RuleTesterProps) {
  const [ruleText, setRuleText] = useState(() => JSON.stringify(rule, null, 2));
  const [url, setUrl] = useState('');
  const [html, setHtml] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [result, setResult] = useState<{ inspection: Inspection; rule: SiteRule; url: URL } | null>(null);

  const current = (): SiteRule | null => {
    const c = checkRule(ruleText);
    if ('errors' in c) {
      setErrors(c.errors);
      setResult(null);
      return null;
    }
    setErrors([]);
    onRuleChange?.(c.rule);
    return c.rule;
  };

  const run = (r: SiteRule, page: string, at: string): void => {
    let u: URL;
    try {
      u = new URL(at || 'https://example.invalid/');
    } catch {
      u = new URL('https://example.invalid/');
    }
    setNote(at && !ruleMatchesUrl(r, u) ? t('tester_url_mismatch') : '');
    setResult({ inspection: inspectRule(r, parseHtml(page), u), rule: r, url: u });
  };

  const onPasted = (): void => {
    const r = current();
    if (r) run(r, html, url);
  };

  const onTab = (): void => {
    const r = current();
    if (!r) return;
    tabHtml(r).then(
      (got) => {
        if (!got) return setNote(t('tester_no_tab'));
        setUrl(got.url);
        run(r, got.html, got.url);
      },
      (err: unknown) => setNote(t('tester_tab_failed', String(err instanceof Error ? err.message : err))),
    );
  };

  const insp = result?.inspection;
  return (
    <section class="rule-tester" data-testid="rule-tester">
      <h3>{t('tester_title')}</h3>
      <label>
        {t('tester_rule')}
        <textarea rows={12} spellcheck={false} value={ruleText} onInput={(e) => setRuleText(e.currentTarget.value)} data-testid="tester-rule" />
      </label>
      <label>
        {t('tester_url')}
        <input type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} data-testid="tester-url" />
      </label>
      <label>
        {t('tester_html')}
        <textarea rows={8} spellcheck={false} value={html} onInput={(e) => setHtml(e.currentTarget.value)} data-testid="tester-html" />
      </label>
      <div class="buttons">
        <button type="button" onClick={onPasted} data-testid="tester-run">
          {t('tester_run')}
        </button>
        <button type="button" onClick={onTab} data-testid="tester-run-tab">
          {t('tester_run_tab')}
        </button>
      </div>
      {errors.length > 0 && (
        <div class="errors" role="alert" data-testid="tester-errors">
          {t('tester_rule_invalid')}
          <ul>
            {errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {note && <p role="status">{note}</p>}
      {insp && result && (
        <div data-testid="tester-result">
          <h4>{t('tester_selectors')}</h4>
          <ul data-testid="tester-selectors">
            {insp.selectors.map((s) => (
              <li key={s.field} data-field={s.field} data-count={s.count}>
                <code>{s.field}</code> <code>{s.selector}</code> — {s.valid ? t('tester_matches', String(s.count)) : t('tester_invalid_selector')}
                {s.samples.length > 0 && (
                  <ul>
                    {s.samples.map((x, i) => (
                      <li key={i}>{x}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {result.rule.agentWhen && 'side' in result.rule.agentWhen && <p>{t('tester_side_note')}</p>}
          {insp.problems.length > 0 && (
            <ul class="errors" data-testid="tester-problems">
              {[...new Map(insp.problems.map((p) => [`${p.code}|${p.field ?? ''}`, p])).values()].map((p) => (
                <li key={`${p.code}|${p.field ?? ''}`} data-code={p.code}>
                  {t(`problem_${p.code}`, p.field ?? '')}
                </li>
              ))}
            </ul>
          )}
          <h4>{t('tester_conversations', String(insp.conversations.length))}</h4>
          <ul data-testid="tester-conversations">
            {insp.conversations.map((c) => (
              <li key={c.id} data-id={c.id}>
                <code>{`${result.rule.id}:${result.url.host}:${c.id}`}</code>
                <ol>
                  {c.messages.map((m) => (
                    <li key={m.key} data-role={m.role}>
                      {m.role === 'brand' ? t('tester_role_brand') : t('tester_role_customer')}
                      {m.author ? ` · ${m.author}` : ''} · {m.at === null ? t('tester_time_unknown') : new Date(m.at).toLocaleString()} · {m.text.slice(0, 80)}
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
