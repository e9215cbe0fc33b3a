// URL tests for the built-in sites. They live apart from the adapters so that the registry (always loaded) can
// decide which adapter to fetch without loading any adapter's code.
const X_HOST = /^(?:www\.|mobile\.)?(?:x|twitter)\.com$/;

export function isXUrl(url: URL): boolean {
  return url.protocol === 'https:' && X_HOST.test(url.hostname);
}

const CHAT_PATH = /^\/i\/chat(?:\/|$)/;

/** X direct messages (inbox and threads): a different adapter from the tweet pages. */
export function isXChatUrl(url: URL): boolean {
  return isXUrl(url) && CHAT_PATH.test(url.pathname);
}

/** The localhost demo inbox, in the demo build only: store builds never read localhost pages. */
export function isDemoUrl(url: URL): boolean {
  return __RC_DEMO__ && url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
}

/** Zendesk Agent Workspace on the team's own *.zendesk.com subdomain. */
export function isZendeskAgentUrl(url: URL): boolean {
  return url.protocol === 'https:' && /^[a-z0-9-]+\.zendesk\.com$/i.test(url.hostname) && /^\/agent(?:\/|$)/.test(url.pathname);
}

/** Any web page: site rules decide from the team config (which a URL test cannot see) whether one applies. */
export function isAnyWebUrl(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:';
}
