// Follow the team config file at an https URL: the browser asks for access to that host first (from the click,
// as permission prompts require), then the background fetches it; this shows when it last did and what went wrong.
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import {
  checkConfigUrl,
  clearConfigUrl,
  getConfigUrlState,
  onConfigUrlStateChanged,
  setConfigUrl,
  subscriptionOrigin,
  type ConfigUrlState,
} from '../shared/sync/url-subscription.ts';
import { formatDateTime } from '../ui/format.ts';

export function ConfigUrl({ adminUrl }: { adminUrl: string | null }) {
  const [state, setState] = useState<ConfigUrlState | null>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  useEffect(() => {
    void getConfigUrlState().then((s) => {
      setState(s);
      setText(s.url ?? '');
    });
    const stop = new AbortController();
    onConfigUrlStateChanged(setState, stop.signal);
    return () => stop.abort();
  }, []);
  if (!state) return null;

  // The admin's URL (policy) wins over the user's own; it cannot be changed here.
  const byAdmin = adminUrl !== null && adminUrl !== state.url;
  const subscribe = (): void => {
    const origin = subscriptionOrigin(text);
    if (!origin || !checkConfigUrl(text).ok) {
      setProblem(t('settings_url_error_not_https'));
      return;
    }
    setProblem('');
    // No await before this call: the permission prompt must come straight from the click.
    browser.permissions.request({ origins: [origin] }).then(
      async (granted) => {
        if (!granted) {
          setProblem(t('options_url_permission_denied'));
          return;
        }
        const r = await setConfigUrl(text);
        if (!r.ok) setProblem(t('settings_url_error_not_https'));
      },
      (err: unknown) => setProblem(String((err as Error)?.message ?? err)),
    );
  };

  const shown = byAdmin ? adminUrl : state.url;
  return (
    <section aria-labelledby="url-heading" data-testid="section-config-url">
      <h2 id="url-heading">
        {t('options_url_heading')}
        {byAdmin ? <span aria-hidden="true"> 🔒</span> : null}
      </h2>
      <p class="muted">{t('options_url_help')}</p>
      {byAdmin ? (
        <p class="locked" data-testid="locked-note">
          <span aria-hidden="true">🔒 </span>
          {t('options_locked_admin')}
        </p>
      ) : null}
      <div class="row">
        <label class="field grow">
          <span>{t('options_url_label')}</span>
          <input type="url" value={byAdmin ? (adminUrl ?? '') : text} disabled={byAdmin} placeholder="https://intranet.example.com/replyclock.json" data-testid="config-url" onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="button" class="primary" disabled={byAdmin || !text.trim() || text.trim() === state.url} data-testid="config-url-subscribe" onClick={subscribe}>
          {t('options_url_subscribe')}
        </button>
        {state.url && !byAdmin ? (
          <button type="button" data-testid="config-url-unsubscribe" onClick={() => void clearConfigUrl().then(() => setText(''))}>
            {t('options_url_unsubscribe')}
          </button>
        ) : null}
      </div>
      {problem ? (
        <p class="refused" role="alert" data-testid="config-url-problem">
          {problem}
        </p>
      ) : null}
      {shown ? (
        <ul class="url-status" data-testid="config-url-status">
          <li>{state.lastFetched ? t('options_url_last_fetched', formatDateTime(state.lastFetched)) : t('options_url_not_fetched')}</li>
          {state.lastError ? (
            <li class="refused" data-testid="config-url-error">
              {t(state.lastError.messageKey)}
              {state.lastError.detail ? ` (${state.lastError.detail})` : ''} · {formatDateTime(state.lastError.at)}
            </li>
          ) : null}
          {state.lastError && state.lastGoodAt ? <li>{t('options_url_using_last_good', formatDateTime(state.lastGoodAt))}</li> : null}
        </ul>
      ) : null}
    </section>
  );
}
