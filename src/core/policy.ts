// Which service-level policy applies to a conversation, and which opening hours it counts in.
import type { Channel, OpeningHours, Platform, Policy, TeamConfig } from './types.ts';

/** What a policy's `match` is tested against. */
export interface PolicySubject {
  platform: Platform;
  channel: Channel;
  priority?: string | null;
  topic?: string | null;
  /** First customer message text; only searched, never rendered. */
  text?: string | null;
}

type TopicTest = (s: string) => boolean;

interface CompiledMatch {
  platforms: Set<string> | null;
  channels: Set<string> | null;
  priorities: Set<string> | null;
  topics: TopicTest[] | null;
}

// Policies are plain JSON objects from the team config that are treated as immutable once loaded,
// so compiling their topic regexes once per object is safe and keeps matching cheap for every page scan.
const compiled = new WeakMap<Policy, CompiledMatch>();

const REGEX_ENTRY = /^\/(.*)\/([a-z]*)$/s;

/**
 * A topic entry is either "/source/flags" (a regular expression) or a keyword matched as a whole word,
 * case-insensitively ("refund" matches "Refund please" but not "refunded").
 * Returns null for an entry that cannot be compiled: it simply never matches (validation reports it).
 */
export function compileTopic(entry: string): TopicTest | null {
  const rx = REGEX_ENTRY.exec(entry);
  if (rx && entry.length > 2) {
    // Global/sticky flags make RegExp.test stateful (lastIndex), which would make matching depend on call history.
    const flags = (rx[2] ?? '').replace(/[gy]/g, '');
    try {
      const re = new RegExp(rx[1] ?? '', flags);
      return (s) => re.test(s);
    } catch {
      return null;
    }
  }
  const keyword = entry.trim();
  if (keyword === '') return null;
  // Only syntax characters may be escaped under the `u` flag ("\-" would be a SyntaxError).
  const escaped = keyword.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  // "Whole word": no letter, digit or underscore directly before or after, in any script (so "café" and "Prüfung" work).
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'iu');
  return (s) => re.test(s);
}

// An empty list is treated like a missing key (no restriction) rather than "matches nothing":
// a policy that can never match is almost certainly an editing slip, and validation can warn about it.
function lowerSet(list: readonly string[] | undefined): Set<string> | null {
  if (!list || list.length === 0) return null;
  return new Set(list.map((s) => String(s).toLowerCase()));
}

function compile(policy: Policy): CompiledMatch {
  let c = compiled.get(policy);
  if (c) return c;
  const m = policy.match ?? {};
  let topics: TopicTest[] | null = null;
  if (m.topics && m.topics.length > 0) {
    topics = [];
    for (const t of m.topics) {
      const test = typeof t === 'string' ? compileTopic(t) : null;
      if (test) topics.push(test);
    }
  }
  c = {
    platforms: lowerSet(m.platforms),
    channels: lowerSet(m.channels),
    priorities: lowerSet(m.priorities),
    topics,
  };
  compiled.set(policy, c);
  return c;
}

function inSet(set: Set<string> | null, value: string | null | undefined): boolean {
  if (set === null) return true;
  return value != null && set.has(String(value).toLowerCase());
}

/** True when every key the policy's `match` gives is satisfied by the conversation. */
export function policyMatches(policy: Policy, c: PolicySubject): boolean {
  const m = compile(policy);
  if (!inSet(m.platforms, c.platform)) return false;
  if (!inSet(m.channels, c.channel)) return false;
  if (!inSet(m.priorities, c.priority)) return false;
  if (m.topics !== null) {
    // Topics listed but none compiled (all invalid) leaves an empty list: the policy matches nothing, as documented.
    const topic = c.topic ?? '';
    const text = c.text ?? '';
    for (const test of m.topics) {
      if ((topic !== '' && test(topic)) || (text !== '' && test(text))) return true;
    }
    return false;
  }
  return true;
}

/** The first policy, in config order, whose `match` fits the conversation; `match: {}` matches everything. */
export function matchPolicy(policies: readonly Policy[], c: PolicySubject): Policy | null {
  for (const p of policies) {
    if (policyMatches(p, c)) return p;
  }
  return null;
}

/**
 * The opening hours a policy counts in; null means calendar time (the policy says `schedule: null`).
 * A schedule id that does not exist also yields null: validation rejects such configs, and counting
 * calendar time is the safe fallback (a clock that runs too fast warns early rather than too late).
 */
export function scheduleFor(config: Pick<TeamConfig, 'schedules'>, policy: Policy): OpeningHours | null {
  if (policy.schedule == null) return null;
  for (const s of config.schedules) {
    if (s.id === policy.schedule) return s;
  }
  return null;
}
