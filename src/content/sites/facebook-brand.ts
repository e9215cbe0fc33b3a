// Which Facebook author is the team's Page. Facebook marks nothing: we compare the author's profile link (and,
// only when the team asks for it, the shown name) with `config.brands.facebook`. Matching is exact:
//   "AcmePage", "facebook.com/AcmePage", "https://www.facebook.com/AcmePage"  → the Page's URL path (vanity),
//     case-insensitive, the whole path segment (AcmePageNL is another account);
//   "100064123456789", "id:100064123456789", "…/profile.php?id=100064123456789" → the numeric id;
//   "name:Acme Nederland" or any entry that cannot be a URL path (it holds a space) → the shown name, exactly
//     (spaces collapsed). Names are not unique on Facebook — prefer the path or id.
import type { SiteContext } from '../site.ts';

/** How long a page may take to render its conversations before health is judged. */
export const HEALTH_GRACE_MS = 6000;

export interface FbProfile {
  /** Lower-cased vanity path segment ("acmepage"), if the link has one. */
  vanity?: string;
  /** Numeric id, if the link has one. */
  id?: string;
}

export interface FbBrands {
  vanities: Set<string>;
  ids: Set<string>;
  names: Set<string>;
}

// Paths that are never a profile: the first segment of these links names a feature, not an account.
const NOT_PROFILE = new Set([
  'comment', 'comments', 'photo', 'photos', 'photo.php', 'hashtag', 'groups', 'watch', 'reel', 'reels', 'stories',
  'events', 'pages', 'posts', 'permalink.php', 'story.php', 'messages', 'marketplace', 'gaming', 'help', 'privacy',
  'policies', 'login', 'notifications', 'search', 'ads', 'business', 'video.php', 'videos', 'sharer', 'l.php', 'friends',
  'bookmarks', 'saved', 'settings', 'people',
]);
const VANITY = /^[A-Za-z0-9.]{1,80}$/;
const INVISIBLE = /\p{Cf}/u;

export const hrefOf = (a: Element): string => a.getAttribute('href') ?? '';

export const normName = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

// A comment's avatar, name and comment-id links repeat one href (a reader asks up to five times per comment): the last
// answer is kept, as a URL parse is the costliest step of reading a comment.
let lastHref: string | undefined;
let lastProfile: FbProfile | null = null;

/** The account a link points at, or null when the link is not a profile link (comment, photo, hashtag…). */
export function profileOfHref(href: string): FbProfile | null {
  if (href !== lastHref) lastProfile = parseProfile((lastHref = href));
  return lastProfile;
}

// A link on facebook.com, absolute or from the root, read by a regex: a URL parse per comment link was the costliest
// step of reading a comment. A second slash starting the path would name another host: no match, so no profile.
const OWN_LINK = /^(?:https?:\/\/(?:[\w-]+\.)*facebook\.com)?(\/(?!\/)[^?#\\]*)(?:[?#].*)?$/i;

/** Captures the first value of query parameter `key` (the query only, not the fragment). */
export const inQuery = (key: string): RegExp => new RegExp(`^[^?#]*\\?(?:[^#]*?&)??${key}=([^&#]*)`);
export const ID_PARAM = /* @__PURE__ */ inQuery('id');
/**
 * The parameter `re` captures, percent-decoded; null when absent. `unescape`, not decodeURIComponent: it never throws,
 * and the ids read here are ASCII (%3D for a base64 '=' is the escape they carry).
 */
export function param(href: string, re: RegExp): string | null {
  const v = re.exec(href)?.[1];
  return v === undefined ? null : unescape(v);
}

function parseProfile(href: string): FbProfile | null {
  const m = OWN_LINK.exec(href);
  if (!m) return null;
  const seg = m[1]!.split('/').filter(Boolean);
  if (seg[0] === 'profile.php') {
    const id = param(href, ID_PARAM);
    return id && /^\d{1,25}$/.test(id) ? { id } : null;
  }
  // /people/Jane-Doe/1000123/ and the old /pages/Acme/1234/
  if ((seg[0] === 'people' || seg[0] === 'pages') && seg[2] && /^\d{1,25}$/.test(seg[2])) return { id: seg[2] };
  // /groups/<g>/user/<id>/
  if (seg[0] === 'groups' && seg[2] === 'user' && seg[3] && /^\d{1,25}$/.test(seg[3])) return { id: seg[3] };
  if (seg.length !== 1 || NOT_PROFILE.has(seg[0]!.toLowerCase()) || !VANITY.test(seg[0]!)) return null;
  return /^\d+$/.test(seg[0]!) ? { id: seg[0] } : { vanity: seg[0]!.toLowerCase() };
}

export function brandsFrom(entries: readonly string[] | undefined): FbBrands {
  const out: FbBrands = { vanities: new Set(), ids: new Set(), names: new Set() };
  for (const raw of entries ?? []) {
    const e = raw.trim().replace(/^@/, '');
    if (!e) continue;
    if (/^name:/i.test(e)) {
      out.names.add(normName(e.slice(5)));
    } else if (/^(id:\s*)?\d{1,25}$/i.test(e)) {
      out.ids.add(e.replace(/^id:\s*/i, ''));
    } else if (/facebook\.com\//i.test(e) || e.startsWith('/')) {
      const p = profileOfHref(/^https?:/i.test(e) ? e : e.startsWith('/') ? e : `https://${e}`);
      if (p?.id) out.ids.add(p.id);
      if (p?.vanity) out.vanities.add(p.vanity);
    } else if (VANITY.test(e)) {
      out.vanities.add(e.toLowerCase());
    } else {
      out.names.add(normName(e));
    }
  }
  return out;
}

export function hasBrands(b: FbBrands): boolean {
  return b.vanities.size + b.ids.size + b.names.size > 0;
}

/** True when the author (profile link + shown name) is one of the team's Pages. */
export function isBrand(b: FbBrands, profile: FbProfile | null, name: string): boolean {
  if (profile?.vanity && b.vanities.has(profile.vanity)) return true;
  if (profile?.id && b.ids.has(profile.id)) return true;
  const n = normName(name);
  // A name hiding invisible characters is a lookalike, never the Page.
  return n !== '' && !INVISIBLE.test(name) && b.names.has(n);
}

/** The team's Pages; without one, a Page reply cannot be told from a customer's, so nothing is tracked. */
export function pageBrands(ctx: SiteContext): FbBrands | null {
  const brands = brandsFrom(ctx.config.brands.facebook);
  if (hasBrands(brands)) return brands;
  ctx.later(HEALTH_GRACE_MS, () => ctx.health('empty', 'no Facebook Page configured (brands.facebook)'));
  return null;
}

