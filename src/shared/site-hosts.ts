// The one list of pages Replyclock's content script runs on out of the box. The manifest
// (manifest.config.ts) and the background's sender check both read it, so they cannot drift apart.
// Custom helpdesk domains are not here: they are asked for at run time (optional host permissions).

export const BUILT_IN_MATCHES = [
  'https://x.com/*',
  'https://twitter.com/*',
  'https://www.facebook.com/*',
  'https://business.facebook.com/*',
  'https://*.zendesk.com/*',
];

/** Only in the `npm start` demo build; store builds never carry localhost access. */
export const DEMO_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];

/** The self-contained content script registered on custom helpdesk domains (built by vite.config.ts). */
export const STANDALONE_CONTENT_SCRIPT = 'content-standalone.js';
