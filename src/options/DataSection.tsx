// The conversation records this browser keeps: export them (JSON or CSV) or delete everything after a confirmation.
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { request } from '../shared/messaging.ts';
import { downloadText } from './download.ts';

export function DataSection() {
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');

  const exportAs = async (format: 'json' | 'csv'): Promise<void> => {
    try {
      const file = await request('ui:export', { format });
      downloadText(file.filename, file.mime, file.body);
      setNote(t('options_data_exported', file.filename));
    } catch (err) {
      setNote(t('options_data_failed', String((err as Error)?.message ?? err)));
    }
  };

  const deleteAll = async (): Promise<void> => {
    setConfirming(false);
    try {
      const { deleted } = await request('ui:delete-all', { confirm: true });
      setNote(t('options_data_deleted', String(deleted)));
    } catch (err) {
      setNote(t('options_data_failed', String((err as Error)?.message ?? err)));
    }
  };

  return (
    <section aria-labelledby="data-heading" data-testid="section-data">
      <h2 id="data-heading">{t('options_data_heading')}</h2>
      <p class="muted">{t('options_data_help')}</p>
      <div class="actions">
        <button type="button" data-testid="data-export-json" onClick={() => void exportAs('json')}>
          {t('options_data_export_json')}
        </button>
        <button type="button" data-testid="data-export-csv" onClick={() => void exportAs('csv')}>
          {t('options_data_export_csv')}
        </button>
        <button type="button" class="danger" data-testid="data-delete" onClick={() => setConfirming(true)}>
          {t('options_data_delete')}
        </button>
      </div>
      {confirming ? (
        <div class="panel confirm" role="alertdialog" aria-labelledby="delete-confirm-text" data-testid="data-delete-confirm">
          <p id="delete-confirm-text">{t('options_data_delete_confirm')}</p>
          <div class="actions">
            <button type="button" class="danger" data-testid="data-delete-yes" onClick={() => void deleteAll()}>
              {t('options_data_delete_yes')}
            </button>
            <button type="button" data-testid="data-delete-no" autoFocus onClick={() => setConfirming(false)}>
              {t('options_import_cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {note ? (
        <p role="status" data-testid="data-note">
          {note}
        </p>
      ) : null}
    </section>
  );
}
