// validateConfig: the single gate every team config passes before Replyclock uses or stores it.
// It never throws, names every problem by path, and returns a fresh normalised copy (docs/team-config.md, "Validation").
import type { RatingCategory, RatingThresholds, TeamConfig } from '../types.ts';
import { type CheckedPolicy, checkPolicy, PLATFORM } from './check-policy.ts';
import { checkSchedule } from './check-schedule.ts';
import { checkSite } from './check-site.ts';
import { CONFIG_VERSION } from './defaults.ts';
import { bool, fields, items, noDuplicates, numberIn, text } from './fields.ts';
import { LIMITS } from './limits.ts';
import { unwrapConfig } from './migrate.ts';
import { type ConfigError, Collector, ROOT_PATH, at, describe, didYouMean, isObject, keysOf, own, q } from './read.ts';

export type { ConfigError } from './read.ts';
export type ConfigResult = { ok: true; config: TeamConfig } | { ok: false; errors: ConfigError[] };

export const ROOT_KEYS = ['version', 'schedules', 'policies', 'brands', 'sites', 'ratings', 'notifications', 'retentionDays'] as const;
const RATING_CATEGORIES: readonly RatingCategory[] = ['social', 'email', 'chat'];
const RATING_LEVELS = ['stellar', 'aboveAverage', 'average', 'belowAverage'] as const;

/**
 * Checks `version` before anything else. Returns false only for a file from a newer build: that is reported alone,
 * since its other keys may be new rather than wrong. Other version problems are reported alongside the rest.
 */
function checkVersion(c: Collector, root: object, path: string): boolean {
  const p = at(path, 'version');
  const r = own(root, 'version');
  if (r.kind === 'bad') c.add(p, r.why);
  else if (r.kind === 'absent') c.add(p, `is missing; add "version": ${CONFIG_VERSION}`);
  else if (typeof r.value !== 'number' || !Number.isInteger(r.value)) {
    c.add(p, `must be a whole number (${CONFIG_VERSION} for this format), not ${describe(r.value)}`);
  } else if (r.value > CONFIG_VERSION) {
    c.add(p, `this file was made by a newer Replyclock (file version ${r.value}; this build understands up to version ${CONFIG_VERSION}). Update Replyclock to use it.`);
    return false;
  } else if (r.value < 1) c.add(p, `${r.value} is not a Replyclock config version (this build reads version ${CONFIG_VERSION})`);
  return true;
}

function list<T>(c: Collector, v: unknown, path: string, max: number, what: string, each: (v: unknown, p: string) => T | null): T[] | null {
  const entries = items(c, v, path, max, what);
  if (!entries) return null;
  const out: T[] = [];
  for (const [i, e] of entries) {
    const got = each(e, at(path, i));
    if (got !== null) out.push(got);
  }
  return out;
}

/** Brands: the team's own accounts per platform. A leading "@" and surrounding spaces are dropped (people paste "@Acme"). */
function checkBrands(c: Collector, v: unknown, path: string): Record<string, string[]> | null {
  const what = 'an object of platform → list of account names, like {"x": ["AcmeSupport"]}';
  if (!isObject(v)) {
    c.add(path, `must be ${what}, not ${describe(v)}`);
    return null;
  }
  const keys = keysOf(v);
  if (keys === null) {
    c.add(path, 'could not be read');
    return null;
  }
  if (keys.length > LIMITS.platforms) {
    c.add(path, `has ${keys.length} platforms; at most ${LIMITS.platforms} are allowed`);
    return null;
  }
  const before = c.errors.length;
  const out: Record<string, string[]> = {};
  for (const platform of keys) {
    const p = at(path, platform);
    if (!PLATFORM.test(platform)) {
      c.add(p, `${q(platform)} is not a platform id (lowercase, e.g. "x", "facebook", "zendesk" or a site rule's id)`);
      continue;
    }
    const r = own(v, platform);
    if (r.kind === 'bad') {
      c.add(p, r.why);
      continue;
    }
    if (r.kind === 'absent') continue;
    const handles = list(c, r.value, p, LIMITS.listEntries, 'a list of account names', (h, hp) => {
      const s = text(c, h, hp, { max: LIMITS.handle });
      if (s === null) return null;
      const handle = s.trim().replace(/^@/, '').trim();
      if (handle === '') {
        c.add(hp, 'must not be empty');
        return null;
      }
      if (platform === 'x' && !/^[A-Za-z0-9_]{1,15}$/.test(handle)) {
        c.add(hp, `${q(s)} is not an X handle (1–15 letters, digits or "_", without "@")`);
        return null;
      }
      return handle;
    });
    if (!handles) continue;
    // Handles compare case-insensitively, so "AcmeNL" and "acmenl" are the same account.
    noDuplicates(c, handles.map((h, i) => [at(p, i), h.toLowerCase()]), 'account');
    // Platform ids passed PLATFORM (no "__proto__"), but define the property anyway so no key can reach a setter.
    Object.defineProperty(out, platform, { value: handles, enumerable: true, writable: true, configurable: true });
  }
  return c.errors.length > before ? null : out;
}

function checkRatings(c: Collector, v: unknown, path: string): TeamConfig['ratings'] | null {
  const f = fields(c, v, path, RATING_CATEGORIES, [], 'an object with keys "social", "email", "chat"');
  if (!f) return null;
  const before = c.errors.length;
  const out: Partial<Record<RatingCategory, RatingThresholds>> = {};
  for (const cat of RATING_CATEGORIES) {
    if (!f.has(cat)) continue;
    const p = at(path, cat);
    const levels = fields(c, f.get(cat), p, RATING_LEVELS, RATING_LEVELS, 'an object of minutes: stellar, aboveAverage, average, belowAverage');
    if (!levels) continue;
    const t: Partial<RatingThresholds> = {};
    for (const l of RATING_LEVELS) {
      if (levels.has(l)) t[l] = numberIn(c, levels.get(l), at(p, l), 0, LIMITS.targetMinutes, { unit: 'minutes' }) ?? undefined;
    }
    // Each level is "faster than its limit", so limits must grow from stellar to belowAverage.
    for (let i = 1; i < RATING_LEVELS.length; i++) {
      const [lo, hi] = [RATING_LEVELS[i - 1]!, RATING_LEVELS[i]!];
      const [a, b] = [t[lo], t[hi]];
      if (a !== undefined && b !== undefined && b <= a) c.add(at(p, hi), `must be more than ${lo} (${a}), not ${b}`);
    }
    out[cat] = t as RatingThresholds;
  }
  return c.errors.length > before ? null : out;
}

function checkNotifications(c: Collector, v: unknown, path: string): TeamConfig['notifications'] | null {
  const f = fields(c, v, path, ['enabled', 'leadMinutes', 'quietWhenClosed'], [], 'an object like {"enabled": true, "leadMinutes": 10}');
  if (!f) return null;
  const before = c.errors.length;
  const out: NonNullable<TeamConfig['notifications']> = {};
  if (f.has('enabled')) out.enabled = bool(c, f.get('enabled'), at(path, 'enabled')) ?? undefined;
  if (f.has('leadMinutes')) {
    out.leadMinutes = numberIn(c, f.get('leadMinutes'), at(path, 'leadMinutes'), 0, LIMITS.leadMinutes, { inclusiveMin: true, unit: 'minutes' }) ?? undefined;
  }
  if (f.has('quietWhenClosed')) out.quietWhenClosed = bool(c, f.get('quietWhenClosed'), at(path, 'quietWhenClosed')) ?? undefined;
  return c.errors.length > before ? null : out;
}

interface Ids {
  path: string;
  id: string | null;
}

/** Cross-field rules that need every list read: unique ids, schedule references, unreachable policies. */
function crossChecks(c: Collector, schedules: Ids[] | null, policies: (CheckedPolicy & { path: string })[] | null, sites: Ids[] | null): void {
  const ids = (list: Ids[]): [string, string][] => list.flatMap((e) => (e.id === null ? [] : [[at(e.path, 'id'), e.id] as [string, string]]));
  if (schedules) noDuplicates(c, ids(schedules), 'schedule id');
  if (sites) noDuplicates(c, ids(sites), 'site id');
  if (!policies) return;
  noDuplicates(c, ids(policies), 'policy id');
  // Only when every schedule id could be read, or a reference to an unreadable one would be reported wrongly.
  const known = schedules && schedules.every((s) => s.id !== null) ? schedules.map((s) => s.id as string) : null;
  let catchAll: string | undefined;
  for (const p of policies) {
    if (typeof p.schedule === 'string' && known && !known.includes(p.schedule)) {
      const names = known.length ? `schedules are ${known.map(q).join(', ')}` : 'there are no schedules';
      c.add(at(p.path, 'schedule'), `no schedule has id ${q(p.schedule)} (${names}; use null to count calendar time)${didYouMean(p.schedule, known)}`);
    }
    // Policies are tried in order and the first match wins, so anything after a catch-all never applies.
    if (catchAll !== undefined) c.add(p.path, `can never apply: ${catchAll} comes first and matches everything ("match": {})`);
    else if (p.matchesEverything) catchAll = p.path;
  }
}

/** Runs `each` on every readable entry of a list, keeping each entry's path. */
function checkAll<T>(c: Collector, v: unknown, path: string, max: number, what: string, each: (v: unknown, p: string) => T): (T & { path: string })[] | null {
  const entries = items(c, v, path, max, what);
  if (!entries) return null;
  return entries.map(([i, e]) => ({ ...each(e, at(path, i)), path: at(path, i) }));
}

function values<T>(list: { value: T | null }[] | null): T[] | null {
  if (!list) return null;
  const out: T[] = [];
  for (const e of list) if (e.value !== null) out.push(e.value);
  return out.length === list.length ? out : null;
}

function checkConfig(c: Collector, v: unknown, path: string): TeamConfig | null {
  const what = 'a team config object (see docs/team-config.md)';
  if (!isObject(v)) {
    c.add(path, `must be ${what}, not ${describe(v)}`);
    return null;
  }
  if (!checkVersion(c, v, path)) return null;
  // `version` is known (so not "unknown") but was checked above, so it is not required again here.
  const f = fields(c, v, path, ROOT_KEYS, ['schedules', 'policies'], what);
  if (!f) return null;

  const sp = at(path, 'schedules');
  const schedules = f.has('schedules') ? checkAll(c, f.get('schedules'), sp, LIMITS.schedules, 'a list of schedules', (s, p) => checkSchedule(c, s, p)) : null;
  const pp = at(path, 'policies');
  const policies = f.has('policies') ? checkAll(c, f.get('policies'), pp, LIMITS.policies, 'a list of policies', (e, p) => checkPolicy(c, e, p)) : null;
  if (policies && policies.length === 0) c.add(pp, 'is empty; without a policy no conversation gets a clock');
  const sites = f.has('sites') ? checkAll(c, f.get('sites'), at(path, 'sites'), LIMITS.sites, 'a list of site rules', (e, p) => checkSite(c, e, p)) : [];

  const brands = f.has('brands') ? checkBrands(c, f.get('brands'), at(path, 'brands')) : {};
  const ratings = f.has('ratings') ? checkRatings(c, f.get('ratings'), at(path, 'ratings')) : undefined;
  const notifications = f.has('notifications') ? checkNotifications(c, f.get('notifications'), at(path, 'notifications')) : undefined;
  const retentionDays = f.has('retentionDays')
    ? numberIn(c, f.get('retentionDays'), at(path, 'retentionDays'), 1, LIMITS.retentionDays, { inclusiveMin: true, integer: true, unit: 'days' })
    : undefined;

  crossChecks(c, schedules, policies, sites);
  const [scheduleList, policyList, siteList] = [values(schedules), values(policies), values(sites)];
  if (c.errors.length > 0 || !scheduleList || !policyList || !brands || !siteList) return null;

  // `brands` and `sites` may be left out of a file; they default to {} and [] (documented). Nothing else is filled in.
  const config: TeamConfig = { version: CONFIG_VERSION, schedules: scheduleList, policies: policyList, brands, sites: siteList };
  if (ratings) config.ratings = ratings;
  if (notifications) config.notifications = notifications;
  if (typeof retentionDays === 'number') config.retentionDays = retentionDays;
  return config;
}

/**
 * Checks a team config (bare, or the export envelope) and returns a fresh, normalised deep copy, or every problem by
 * path. Never throws, whatever `input` is.
 */
export function validateConfig(input: unknown): ConfigResult {
  const c = new Collector();
  try {
    const unwrapped = unwrapConfig(c, input);
    if (unwrapped) {
      const config = checkConfig(c, unwrapped.value, unwrapped.prefix);
      if (config && c.errors.length === 0) return { ok: true, config };
    }
  } catch (e) {
    // Defence in depth: the readers never throw, but a bug here must not take the extension down with it.
    c.add(ROOT_PATH, `could not be checked (${e instanceof Error ? e.message : 'unexpected value'})`);
  }
  if (c.errors.length === 0) c.add(ROOT_PATH, 'is not a valid team config');
  return { ok: false, errors: c.result() };
}

export { formatConfigErrors } from './format.ts';
