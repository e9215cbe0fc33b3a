// Validation of one entry of `policies` (its schedule reference is checked by validate.ts once all schedules are known).
import { CHANNELS, type Policy, type PolicyMatch, type TargetKind } from '../types.ts';
import { fields, finite, id, items, noDuplicates, numberIn, oneOf, text } from './fields.ts';
import { LIMITS } from './limits.ts';
import { type Collector, at, describe, q } from './read.ts';

export const POLICY_KEYS = [
  'id',
  'name',
  'schedule',
  'match',
  'firstResponseMinutes',
  'nextResponseMinutes',
  'resolutionMinutes',
  'warnAt',
  'calendarTargets',
] as const;
export const MATCH_KEYS = ['platforms', 'channels', 'topics', 'priorities'] as const;
const TARGET_KINDS: readonly TargetKind[] = ['firstResponse', 'nextResponse', 'resolution'];
const TARGET_KEYS = ['firstResponseMinutes', 'nextResponseMinutes', 'resolutionMinutes'] as const;

/** Platform ids are lowercase words: "x", "facebook", "zendesk" or a site rule's id. */
export const PLATFORM = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/** "/regex/flags" topic: compiles, and has no g/y flag (they make `test()` remember the previous match). */
export function checkRegexTopic(c: Collector, s: string, path: string): boolean {
  const m = /^\/(.+)\/([a-z]*)$/s.exec(s);
  if (!m) {
    c.add(path, `${q(s)} starts with "/" but is not a /regex/flags`);
    return false;
  }
  const flags = m[2] ?? '';
  if (/[gy]/.test(flags)) {
    c.add(path, `${q(s)}: the flags "g" and "y" are not allowed (they make matching depend on the previous message)`);
    return false;
  }
  try {
    new RegExp(m[1] ?? '', flags);
    return true;
  } catch (e) {
    c.add(path, `${q(s)} is not a valid regular expression: ${e instanceof Error ? e.message : 'syntax error'}`);
    return false;
  }
}

function words(c: Collector, v: unknown, path: string, each: (s: string, p: string) => boolean, max: number): string[] | null {
  const entries = items(c, v, path, LIMITS.listEntries, 'a list of text');
  if (!entries) return null;
  if (entries.length === 0) {
    // [] could mean "nothing" or "anything"; refuse the guess.
    c.add(path, 'is empty; leave the key out to match everything');
    return null;
  }
  const out: string[] = [];
  let ok = true;
  for (const [i, w] of entries) {
    const s = text(c, w, at(path, i), { max });
    if (s === null || !each(s, at(path, i))) ok = false;
    else out.push(s);
  }
  return ok ? out : null;
}

function match(c: Collector, v: unknown, path: string): PolicyMatch | null {
  const f = fields(c, v, path, MATCH_KEYS, [], 'an object ({} matches everything)');
  if (!f) return null;
  const before = c.errors.length;
  const out: PolicyMatch = {};
  if (f.has('platforms')) {
    const list = words(c, f.get('platforms'), at(path, 'platforms'), (s, p) => {
      if (PLATFORM.test(s)) return true;
      c.add(p, `${q(s)} is not a platform id (lowercase, e.g. "x", "facebook", "zendesk" or a site rule's id)`);
      return false;
    }, 64);
    if (list) out.platforms = list;
  }
  if (f.has('channels')) {
    const list = words(c, f.get('channels'), at(path, 'channels'), (s, p) => oneOf(c, s, p, CHANNELS) !== null, 16);
    if (list) out.channels = list as Policy['match']['channels'];
  }
  if (f.has('topics')) {
    const list = words(c, f.get('topics'), at(path, 'topics'), (s, p) => (s.startsWith('/') ? checkRegexTopic(c, s, p) : true), LIMITS.topic);
    if (list) out.topics = list;
  }
  if (f.has('priorities')) {
    const list = words(c, f.get('priorities'), at(path, 'priorities'), () => true, 64);
    if (list) out.priorities = list;
  }
  return c.errors.length > before ? null : out;
}

export function matchesEverything(m: PolicyMatch): boolean {
  return MATCH_KEYS.every((k) => m[k] === undefined);
}

export interface CheckedPolicy {
  value: Policy | null;
  /** The parts cross-checks need, each set when that part alone is valid. */
  id: string | null;
  schedule: string | null | undefined;
  matchesEverything: boolean;
}

export function checkPolicy(c: Collector, v: unknown, path: string): CheckedPolicy {
  const f = fields(c, v, path, POLICY_KEYS, ['id', 'schedule', 'match'], 'an object (one policy)');
  if (!f) return { value: null, id: null, schedule: undefined, matchesEverything: false };
  const before = c.errors.length;
  const out: Partial<Policy> = {};
  if (f.has('id')) out.id = id(c, f.get('id'), at(path, 'id')) ?? undefined;
  if (f.has('name')) out.name = text(c, f.get('name'), at(path, 'name'), { max: LIMITS.name }) ?? undefined;
  if (f.has('schedule')) {
    const s = f.get('schedule');
    if (s === null) out.schedule = null;
    else if (typeof s !== 'string') c.add(at(path, 'schedule'), `must be a schedule id, or null to count calendar time, not ${describe(s)}`);
    else out.schedule = s; // existence is checked against `schedules` by validate.ts
  }
  if (f.has('match')) out.match = match(c, f.get('match'), at(path, 'match')) ?? undefined;
  for (const key of TARGET_KEYS) {
    if (f.has(key)) out[key] = numberIn(c, f.get(key), at(path, key), 0, LIMITS.targetMinutes, { unit: 'minutes' }) ?? undefined;
  }
  if (f.has('warnAt')) {
    const p = at(path, 'warnAt');
    const w = finite(c, f.get('warnAt'), p);
    if (w !== null && (w <= 0 || w >= 1)) c.add(p, `must be more than 0 and less than 1 (a fraction of the target, e.g. 0.8), not ${w}`);
    else if (w !== null) out.warnAt = w;
  }
  if (f.has('calendarTargets')) {
    const p = at(path, 'calendarTargets');
    const entries = items(c, f.get('calendarTargets'), p, TARGET_KINDS.length * 2, 'a list of "firstResponse", "nextResponse", "resolution"');
    if (entries) {
      const list: TargetKind[] = [];
      const seen: [string, string][] = [];
      for (const [i, k] of entries) {
        const kind = oneOf(c, k, at(p, i), TARGET_KINDS);
        if (kind) {
          list.push(kind);
          seen.push([at(p, i), kind]);
        }
      }
      noDuplicates(c, seen, 'target');
      out.calendarTargets = list;
    }
  }
  const facts = { id: out.id ?? null, schedule: out.schedule, matchesEverything: out.match !== undefined && matchesEverything(out.match) };
  if (c.errors.length > before) return { value: null, ...facts };
  const result: Policy = {
    id: out.id as string,
    ...(out.name !== undefined && { name: out.name }),
    schedule: out.schedule as string | null,
    match: out.match as PolicyMatch,
  };
  for (const key of TARGET_KEYS) if (out[key] !== undefined) result[key] = out[key];
  if (out.warnAt !== undefined) result.warnAt = out.warnAt;
  if (out.calendarTargets !== undefined) result.calendarTargets = out.calendarTargets;
  return { value: result, ...facts };
}
