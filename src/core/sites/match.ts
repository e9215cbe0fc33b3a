// WebExtension match patterns, tested purely (no browser API), so the content script, the background and the
// rule tester agree on which pages a site rule applies to. Semantics follow Chromium's: "*" scheme means http
// or https, "*.host" includes host itself, and the path part is matched against path + query.

interface Pattern {
  scheme: string;
  host: string;
  path: string;
}

const PATTERN = /^(\*|https?):\/\/([^/]*)(\/.*)$/;

function parse(pattern: string): Pattern | null {
  const m = PATTERN.exec(pattern);
  if (!m) return null;
  return { scheme: m[1]!, host: m[2]!.toLowerCase().replace(/:\d+$/, ''), path: m[3]! };
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** Does `url` fall under the match pattern (e.g. "https://*.freshdesk.com/a/tickets/*")? Never throws. */
export function urlMatches(pattern: string, url: string | URL): boolean {
  const p = parse(pattern);
  if (!p) return false;
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  const scheme = u.protocol.slice(0, -1);
  if (p.scheme === '*' ? scheme !== 'http' && scheme !== 'https' : scheme !== p.scheme) return false;
  const host = u.hostname.toLowerCase();
  if (p.host !== '*') {
    if (p.host.startsWith('*.')) {
      const base = p.host.slice(2);
      if (host !== base && !host.endsWith(`.${base}`)) return false;
    } else if (host !== p.host) return false;
  }
  return globToRegExp(p.path).test(u.pathname + u.search);
}

/**
 * The origin patterns a pattern needs host permission for ("https://support.example.org/*"). Host permissions are
 * per origin, so the path is dropped; a "*" scheme asks for both http and https.
 */
export function originOf(pattern: string): string[] {
  const p = parse(pattern);
  if (!p) return [];
  const schemes = p.scheme === '*' ? ['https', 'http'] : [p.scheme];
  return schemes.map((s) => `${s}://${p.host}/*`);
}

/** True when every page `inner` matches is also matched by `outer` (used to skip rules the manifest already covers). */
export function patternCovers(outer: string, inner: string): boolean {
  const o = parse(outer);
  const i = parse(inner);
  if (!o || !i) return false;
  if (o.scheme !== '*' && o.scheme !== i.scheme) return false;
  const hostOk =
    o.host === '*' ||
    o.host === i.host ||
    (o.host.startsWith('*.') && (i.host === o.host.slice(2) || i.host.endsWith(o.host.slice(1))));
  if (!hostOk) return false;
  // Paths: a glob covers another when it is "/*" or literally the same.
  return o.path === '/*' || o.path === i.path;
}
