// The options page. For now it holds the team config (status + import); more sections join here.
import { t } from '../shared/i18n.ts';
import { ConfigSection } from './ConfigSection.tsx';

export function OptionsApp() {
  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <ConfigSection />
    </main>
  );
}
