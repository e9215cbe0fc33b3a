// The options page: the person (agent name), the team config editors with one Save, the team config URL, the
// team config file (import/export) and this browser's data. The active config is loaded once here and followed
// as it changes (another tab, a synced browser, the admin, an import).
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { loadConfig, onConfigChanged, type LoadedConfig } from '../shared/settings.ts';
import { AgentName } from './AgentName.tsx';
import { ConfigSection } from './ConfigSection.tsx';
import { ConfigUrl } from './ConfigUrl.tsx';
import { DataSection } from './DataSection.tsx';
import { ConfigEditor } from './editor/ConfigEditor.tsx';
import { SyncStatusLine } from './SyncStatusLine.tsx';

export function OptionsApp() {
  const [loaded, setLoaded] = useState<LoadedConfig | null>(null);
  const refresh = (): void => void loadConfig().then(setLoaded);

  useEffect(() => {
    refresh();
    const stop = new AbortController();
    onConfigChanged(setLoaded, stop.signal);
    return () => stop.abort();
  }, []);

  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <SyncStatusLine />
      {loaded ? <AgentName required={loaded.agentNameRequired} /> : null}
      {loaded ? <ConfigEditor loaded={loaded} onSaved={refresh} /> : null}
      {loaded ? <ConfigUrl adminUrl={loaded.configUrl} /> : null}
      <ConfigSection loaded={loaded} refresh={refresh} />
      <DataSection />
    </main>
  );
}
