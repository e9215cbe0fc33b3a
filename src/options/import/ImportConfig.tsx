// Import a team config file: choose → preview (or every problem by path) → confirm → saved via
// saveConfig. A refused file changes nothing. Open pages follow the new config through storage
// change events, so no reload is needed after applying.
import { useState } from 'preact/hooks';
import type { TeamConfig } from '../../core/types.ts';
import { t } from '../../shared/i18n.ts';
import { loadConfig, saveConfig } from '../../shared/settings.ts';
import type { ConfigPreview } from '../../shared/config-file.ts';
import { DiffView } from './DiffView.tsx';
import { ErrorList } from './ErrorList.tsx';
import { readConfigFile } from './read-file.ts';

type Step =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'refused'; name: string; errors: { path: string; message: string }[] }
  | { kind: 'preview'; name: string; config: TeamConfig; diff: ConfigPreview }
  | { kind: 'applied'; name: string }
  | { kind: 'failed'; message: string };

export function ImportConfig({ onApplied }: { onApplied: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const choose = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    // Cleared so choosing the same (now fixed) file again fires another change event.
    input.value = '';
    if (!file) return;
    setStep({ kind: 'reading', name: file.name });
    const current = await loadConfig();
    const read = await readConfigFile(file, current.config);
    if (!read.ok) {
      setStep({ kind: 'refused', name: file.name, errors: read.errors });
      return;
    }
    setStep({ kind: 'preview', name: file.name, config: read.config, diff: read.preview });
  };

  const apply = async (name: string, config: TeamConfig): Promise<void> => {
    try {
      const saved = await saveConfig(config);
      if (!saved.ok) {
        setStep({ kind: 'refused', name, errors: saved.errors });
        return;
      }
      setStep({ kind: 'applied', name });
      onApplied();
    } catch (err) {
      setStep({ kind: 'failed', message: t('options_import_save_failed', String((err as Error)?.message ?? err)) });
    }
  };

  return (
    <div class="import">
      <label class="file" data-testid="import-label">
        <span>{t('options_import_label')}</span>
        <input
          type="file"
          accept="application/json,.json"
          data-testid="import-config"
          onChange={(e) => void choose(e.currentTarget)}
        />
      </label>
      <p class="muted">{t('options_import_help')}</p>

      <div role="status" aria-live="polite">
        {step.kind === 'reading' ? <p>{t('options_import_reading', step.name)}</p> : null}
        {step.kind === 'refused' ? (
          <div class="panel refused" data-testid="import-config-refused">
            <p>{t('options_import_refused', step.name)}</p>
            <ErrorList errors={step.errors} />
          </div>
        ) : null}
        {step.kind === 'preview' ? (
          <div class="panel preview">
            <p>{step.diff.unchanged ? t('options_import_no_changes', step.name) : t('options_import_preview', step.name)}</p>
            <DiffView diff={step.diff} />
            <div class="actions">
              <button type="button" class="primary" data-testid="import-config-apply" onClick={() => void apply(step.name, step.config)}>
                {t('options_import_apply')}
              </button>
              <button type="button" data-testid="import-config-cancel" onClick={() => setStep({ kind: 'idle' })}>
                {t('options_import_cancel')}
              </button>
            </div>
          </div>
        ) : null}
        {step.kind === 'applied' ? (
          <p class="done" data-testid="import-config-applied">
            {t('options_import_applied', step.name)}
          </p>
        ) : null}
        {step.kind === 'failed' ? <p class="refused">{step.message}</p> : null}
      </div>
    </div>
  );
}
