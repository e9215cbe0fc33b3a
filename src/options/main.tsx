import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n.ts';
import { OptionsApp } from './OptionsApp.tsx';

document.documentElement.lang = uiLanguage();
document.title = t('options_title');
render(<OptionsApp />, document.getElementById('app')!);
