// The `browser` namespace everywhere: Firefox has it natively (the polyfill passes it through);
// in Chromium the polyfill wraps `chrome.*` in promises.
import browser from 'webextension-polyfill';
export default browser;
export type { Runtime, Tabs, Storage } from 'webextension-polyfill';
