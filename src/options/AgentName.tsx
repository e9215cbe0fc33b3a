// "You": the agent name this browser records in the event log. Local to this browser, never synced; the admin
// may require it.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { loadLocal, saveLocal } from '../shared/settings.ts';

export function AgentName({ required }: { required: boolean }) {
  const [name, setName] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    void loadLocal().then((l) => {
      setName(l.agentName);
      setSaved(l.agentName);
    });
  }, []);
  if (name === null) return null;
  const missing = required && name.trim() === '';
  const commit = async (): Promise<void> => {
    const value = name.trim();
    if (value === saved || (required && !value)) return;
    const next = await saveLocal({ agentName: value });
    setSaved(next.agentName);
  };
  return (
    <section aria-labelledby="you-heading" data-testid="section-you">
      <h2 id="you-heading">{t('options_you_heading')}</h2>
      <div class="field">
        <label>
          <span>
            {t('options_agent_name')}
            {required ? <span aria-hidden="true"> *</span> : null}
          </span>
          <input
            type="text"
            value={name}
            required={required}
            autoComplete="name"
            data-testid="agent-name"
            aria-invalid={missing ? 'true' : undefined}
            aria-describedby="agent-name-help"
            onInput={(e) => setName(e.currentTarget.value)}
            onBlur={() => void commit()}
            onKeyDown={(e) => e.key === 'Enter' && void commit()}
          />
        </label>
        <span id="agent-name-help" class={missing ? 'field-errors' : 'muted small'} data-testid={missing ? 'agent-name-required' : undefined}>
          {missing ? t('options_agent_name_required') : t('options_agent_name_help')}
        </span>
        {saved && saved === name.trim() ? <span class="done small" data-testid="agent-name-saved"> {t('options_agent_name_saved')}</span> : null}
      </div>
    </section>
  );
}
