// Cheap URL tests for the three Facebook adapters. The registry imports only this file (it ships with the
// runtime on every page) and loads an adapter's code on a page it matches; keep it free of other imports.

/** Messenger inside Facebook: /messages, /messages/t/<id>, /messages/e2ee/t/<id>. */
export function isFacebookMessagesUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'www.facebook.com' && /^\/messages(?:\/|$)/.test(url.pathname);
}

/** Meta Business Suite inbox. */
export function isFacebookBusinessUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'business.facebook.com' && /^\/latest\/inbox(?:\/|$)/.test(url.pathname);
}

/** Every other www.facebook.com page: posts and their comments (feeds, permalinks, photo and video dialogs). */
export function isFacebookUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'www.facebook.com' && !isFacebookMessagesUrl(url);
}
