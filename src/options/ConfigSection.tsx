// The team config file section: which config is active, where it comes from (and what was skipped and why),
// plus import and export of the team config file.
import { exportConfigFile } from '../shared/config-file.ts';
import { t } from '../shared/i18n.ts';
import type { LoadedConfig } from '../shared/settings.ts';
import { downloadText } from './download.ts';
import { ErrorList } from './import/ErrorList.tsx';
import { ImportConfig } from './import/ImportConfig.tsx';

function originText(loaded: LoadedConfig): string {
  switch (loaded.origin) {
    case 'managed':
      return t('options_config_origin_managed');
    case 'url':
      return t('options_config_origin_url', loaded.configUrl ?? '');
    case 'sync':
      return t('options_config_origin_sync');
    case 'local':
      return t('options_config_origin_local');
    default:
      return t('options_config_source_default');
  }
}

function ActiveConfig({ loaded }: { loaded: LoadedConfig }) {
  const { config } = loaded;
  const brands = Object.entries(config.brands)
    .filter(([, handles]) => handles.length > 0)
    .map(([platform, handles]) => `${platform}: ${handles.join(', ')}`);
  return (
    <div class="panel" data-testid="config-active" data-source={loaded.source} data-origin={loaded.origin}>
      <p>{originText(loaded)}</p>
      <p data-testid="config-brands">{brands.length ? t('options_config_brands', brands.join(' · ')) : t('options_config_brands_none')}</p>
      <p class="muted">
        {t('options_config_summary', [String(config.schedules.length), String(config.policies.length), String(config.sites.length)])}
      </p>
      {loaded.locked.length ? <p class="muted">{t('options_config_locked', loaded.locked.join(', '))}</p> : null}
      {loaded.problems.length ? (
        <div class="refused">
          <p>{t('options_config_problems')}</p>
          <ErrorList errors={loaded.problems} />
        </div>
      ) : null}
    </div>
  );
}

export function ConfigSection({ loaded, refresh }: { loaded: LoadedConfig | null; refresh: () => void }) {
  return (
    <section aria-labelledby="config-heading">
      <h2 id="config-heading">{t('options_config_heading')}</h2>
      <p>{t('options_config_intro')}</p>
      {loaded ? <ActiveConfig loaded={loaded} /> : null}
      <ImportConfig onApplied={refresh} />
      {loaded ? (
        <div class="actions">
          <button
            type="button"
            data-testid="export-config"
            // The active (saved) config, not unsaved edits: the file is what teammates will run with.
            onClick={() => downloadText('replyclock-team-config.json', 'application/json', exportConfigFile(loaded.config))}
          >
            {t('options_export_config')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
