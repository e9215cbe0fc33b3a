// The team config editor: a working copy (draft) of the active config, validated on every keystroke with the
// same validateConfig a config file goes through; each problem is shown at the field its path names, Save stays
// disabled while anything is invalid, and only the validated (normalised) config is ever saved.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TeamConfig } from '../../core/types.ts';
import { validateConfig } from '../../core/config/validate.ts';
import { t } from '../../shared/i18n.ts';
import { flushConfigWrites, saveConfig, type LoadedConfig, type LockableField } from '../../shared/settings.ts';
import type { ConfigProblem } from '../../shared/sync/check.ts';
import { sameValue } from '../../shared/sync/hash.ts';
import { ErrorList } from '../import/ErrorList.tsx';
import { BrandsEditor } from './BrandsEditor.tsx';
import { cloneDraft, edited, type Draft } from './draft.ts';
import { EditorSection, ErrorsContext } from './fields.tsx';
import { HoursEditor } from './HoursEditor.tsx';
import { NotificationsEditor, RetentionEditor } from './NotificationsEditor.tsx';
import { errorsByField } from './paths.ts';
import { PoliciesEditor } from './PoliciesEditor.tsx';
import { SitesEditor } from './SitesEditor.tsx';

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'refused'; errors: ConfigProblem[] }
  | { kind: 'failed'; message: string };

export interface ConfigEditorProps {
  loaded: LoadedConfig;
  /** Called with the config once it is stored. */
  onSaved?: (config: TeamConfig) => void;
}

export function ConfigEditor({ loaded, onSaved }: ConfigEditorProps) {
  const [base, setBase] = useState<TeamConfig>(loaded.config);
  const [draft, setDraft] = useState<Draft>(() => cloneDraft(loaded.config));
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  // Edits apply synchronously to the latest draft, so several edits in one event (or a caller reading a result
  // computed inside its edit) never work on a stale copy.
  const current = useRef(draft);
  current.current = draft;

  // Another tab, a synced browser or an import changed the active config: follow it unless there are unsaved edits.
  useEffect(() => {
    if (sameValue(loaded.config, base)) return;
    if (sameValue(current.current, base)) {
      const next = cloneDraft(loaded.config);
      current.current = next;
      setDraft(next);
    }
    setBase(loaded.config);
  }, [loaded.config]);

  const validation = useMemo(() => validateConfig(draft), [draft]);
  const dirty = !sameValue(draft, base);
  const errors = validation.ok ? [] : validation.errors;
  const byField = useMemo(() => errorsByField(saveState.kind === 'refused' ? [...errors, ...saveState.errors] : errors), [errors, saveState]);

  // A URL subscription replaces the whole config, so saveConfig refuses every edit while one is in force.
  const fromUrl = loaded.configUrl !== null;
  const isLocked = (field: LockableField): boolean => fromUrl || loaded.locked.includes(field);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent): void => {
      if (!dirty) return;
      e.preventDefault();
      e.returnValue = '';
    };
    // A save still inside its debounce is written before the page goes away.
    const flush = (): void => void flushConfigWrites();
    addEventListener('beforeunload', warn);
    addEventListener('pagehide', flush);
    return () => {
      removeEventListener('beforeunload', warn);
      removeEventListener('pagehide', flush);
    };
  }, [dirty]);

  const update = (edit: (d: Draft) => void): void => {
    const next = edited(current.current, edit);
    current.current = next;
    setDraft(next);
    if (saveState.kind !== 'saving') setSaveState({ kind: 'idle' });
  };

  const save = async (): Promise<void> => {
    if (!validation.ok) return;
    setSaveState({ kind: 'saving' });
    try {
      const result = await saveConfig(validation.config);
      if (!result.ok) {
        setSaveState({ kind: 'refused', errors: result.errors });
        return;
      }
      setBase(result.config);
      const next = cloneDraft(result.config);
      current.current = next;
      setDraft(next);
      setSaveState({ kind: 'saved' });
      onSaved?.(result.config);
    } catch (err) {
      setSaveState({ kind: 'failed', message: String((err as Error)?.message ?? err) });
    }
  };

  const discard = (): void => {
    const next = cloneDraft(base);
    current.current = next;
    setDraft(next);
    setSaveState({ kind: 'idle' });
  };

  const status = !validation.ok
    ? t('options_save_invalid', String(errors.length))
    : saveState.kind === 'saving'
      ? t('options_save_saving')
      : dirty
        ? t('options_save_unsaved')
        : saveState.kind === 'saved'
          ? t('options_save_saved')
          : t('options_save_clean');

  return (
    <ErrorsContext.Provider value={byField}>
      <div class="config-editor" data-testid="config-editor" data-dirty={dirty ? 'true' : 'false'} data-valid={validation.ok ? 'true' : 'false'}>
        {fromUrl ? (
          <p class="locked" data-testid="editor-from-url">
            <span aria-hidden="true">🔒 </span>
            {t('options_editor_from_url', loaded.configUrl ?? '')}
          </p>
        ) : null}
        <EditorSection id="brands" title={t('options_brands_heading')} locked={isLocked('brands')}>
          <BrandsEditor draft={draft} update={update} />
        </EditorSection>
        <EditorSection id="hours" title={t('options_hours_heading')} locked={isLocked('schedules')}>
          <HoursEditor draft={draft} update={update} />
        </EditorSection>
        <EditorSection id="policies" title={t('options_policies_heading')} locked={isLocked('policies')}>
          <PoliciesEditor draft={draft} update={update} />
        </EditorSection>
        <EditorSection id="sites" title={t('options_sites_heading')} locked={isLocked('sites')}>
          <SitesEditor draft={draft} update={update} />
        </EditorSection>
        <EditorSection id="notifications" title={t('options_notify_heading')} locked={isLocked('notifications')}>
          <NotificationsEditor draft={draft} update={update} />
        </EditorSection>
        <EditorSection id="retention" title={t('options_retention_heading')} locked={isLocked('retentionDays')}>
          <RetentionEditor draft={draft} update={update} />
        </EditorSection>

        <div class="save-bar" role="region" aria-label={t('options_save_region')}>
          <p role="status" aria-live="polite" data-testid="save-status" data-state={!validation.ok ? 'invalid' : dirty ? 'unsaved' : saveState.kind}>
            {dirty && validation.ok ? <span class="dot" aria-hidden="true">● </span> : null}
            {status}
          </p>
          {!validation.ok ? (
            <details class="refused" data-testid="save-problems">
              <summary>{t('options_save_problems')}</summary>
              <ErrorList errors={errors} testid="save-errors" />
            </details>
          ) : null}
          {saveState.kind === 'refused' ? (
            <div class="refused" data-testid="save-refused">
              <p>{t('options_save_refused')}</p>
              <ErrorList errors={saveState.errors} testid="save-refused-errors" />
            </div>
          ) : null}
          {saveState.kind === 'failed' ? <p class="refused">{t('options_import_save_failed', saveState.message)}</p> : null}
          <div class="actions">
            <button type="button" class="primary" data-testid="config-save" disabled={!validation.ok || !dirty || saveState.kind === 'saving' || fromUrl} onClick={() => void save()}>
              {t('options_save')}
            </button>
            <button type="button" data-testid="config-discard" disabled={!dirty || saveState.kind === 'saving'} onClick={discard}>
              {t('options_discard')}
            </button>
          </div>
        </div>
      </div>
    </ErrorsContext.Provider>
  );
}
