// Which pages content scripts run on: the built-in sites (src/shared/site-hosts.ts, which the
// manifest reads too), the demo page in the demo build, and the team's own helpdesk site rules.
// A `content:*` message from any other page is refused.
import type { TeamConfig } from '../core/types.ts';

import { BUILT_IN_MATCHES, DEMO_MATCHES } from '../shared/site-hosts.ts';

export { BUILT_IN_MATCHES, DEMO_MATCHES };

/** WebExtension match-pattern test ("https://*.zendesk.com/*", "*://host/path*", "<all_urls>"). */
export function matchesPattern(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return /^(https?|wss?|file|ftp):/.test(url);
  const m = /^(\*|https?|wss?|file|ftp):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const uScheme = u.protocol.slice(0, -1);
  if (scheme === '*' ? uScheme !== 'http' && uScheme !== 'https' : uScheme !== scheme) return false;
  const hostname = u.hostname.toLowerCase();
  const h = host.toLowerCase().replace(/:\d+$/, '');
  if (h !== '*') {
    if (h.startsWith('*.')) {
      const base = h.slice(2);
      if (hostname !== base && !hostname.endsWith(`.${base}`)) return false;
    } else if (hostname !== h) return false;
  }
  const escaped = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(u.pathname + u.search);
}

export function pageMatches(config: TeamConfig, demo: boolean): string[] {
  const custom = config.sites.filter((s) => s.enabled !== false).flatMap((s) => s.matches);
  return [...BUILT_IN_MATCHES, ...(demo ? DEMO_MATCHES : []), ...custom];
}

export function isPageHost(url: string | undefined, config: TeamConfig, demo: boolean): boolean {
  if (!url) return false;
  return pageMatches(config, demo).some((p) => matchesPattern(p, url));
}
