// One manifest for both browsers. BROWSER=firefox switches the background to event-page scripts and
// adds the gecko settings; DEMO=1 (npm start only) adds the localhost demo page. Store builds never
// carry localhost access.
import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };
import { BUILT_IN_MATCHES, DEMO_MATCHES } from './src/shared/site-hosts.ts';

export const isFirefox = process.env.BROWSER === 'firefox';
export const isDemo = process.env.DEMO === '1';


const matches = isDemo ? [...BUILT_IN_MATCHES, ...DEMO_MATCHES] : BUILT_IN_MATCHES;
/** Where the content script runs. vite.config.ts (contentScripts) builds it and adds it to the manifest. */
export const contentMatches = [...matches];

export default defineManifest({
  manifest_version: 3,
  name: '__MSG_extName__',
  short_name: 'Replyclock',
  description: '__MSG_extDescription__',
  version: pkg.version,
  default_locale: 'en',
  icons: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
  action: {
    default_popup: 'src/popup/index.html',
    default_title: '__MSG_extName__',
    default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
  },
  options_ui: { page: 'src/options/index.html', open_in_tab: true },
  // Admin policy: locked settings deployed by IT (docs/admin-policy.md).
  storage: { managed_schema: 'managed_schema.json' },
  permissions: ['storage', 'alarms', 'notifications', 'scripting', 'unlimitedStorage'],
  host_permissions: matches,
  optional_host_permissions: ['https://*/*'],
  // content_scripts and their web_accessible_resources: added by vite.config.ts (contentScripts), which builds the
  // content script apart from the pages and the background (content-script size budget).
  ...(isFirefox
    ? {
        background: { scripts: ['src/background/index.ts'], type: 'module' },
        browser_specific_settings: {
          gecko: {
            id: 'replyclock@replyclock.app',
            strict_min_version: '140.0',
            data_collection_permissions: { required: ['none'] },
          },
        },
      }
    : { background: { service_worker: 'src/background/index.ts', type: 'module' }, minimum_chrome_version: '124' }),
} as Parameters<typeof defineManifest>[0]);
