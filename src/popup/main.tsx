import { render } from 'preact';
import { uiLanguage } from '../shared/i18n.ts';
import { setFormatLanguage } from '../ui/format.ts';
import { Popup } from './Popup.tsx';

setFormatLanguage(uiLanguage());
document.documentElement.lang = uiLanguage();
render(<Popup />, document.getElementById('app')!);
