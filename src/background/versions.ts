// Frozen policy + schedule pairs. A conversation points at the version that applied when it was first
// detected, so editing a policy later never rewrites how past conversations were measured.
import type { OpeningHours, Policy } from '../core/types.ts';
import type { ReplyclockDb } from '../shared/db.ts';
import type { PolicyVersion } from '../shared/records.ts';

/** JSON with object keys sorted, so the same policy always hashes the same whatever the key order. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

/** 64-bit FNV-1a-style hash as 16 hex digits: identical content → identical key, across restarts. */
export function stableHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export function versionKey(policy: Policy, schedule: OpeningHours | null): string {
  return stableHash(stableStringify({ policy, schedule }));
}

/** Stores the pair if new (inside the caller's transaction) and returns its key. */
export async function freezeVersion(db: ReplyclockDb, policy: Policy, schedule: OpeningHours | null, now: number): Promise<PolicyVersion> {
  const key = versionKey(policy, schedule);
  const existing = await db.versions.get(key);
  if (existing) return existing;
  const version: PolicyVersion = { key, policy: structuredClone(policy), schedule: schedule ? structuredClone(schedule) : null, createdAt: now };
  await db.versions.add(version);
  return version;
}

/** Reads versions once per batch; conversations share a handful of versions. */
export class VersionCache {
  private readonly cache = new Map<string, PolicyVersion | null>();
  constructor(private readonly db: ReplyclockDb) {}
  async get(key: string | null): Promise<PolicyVersion | null> {
    if (!key) return null;
    if (this.cache.has(key)) return this.cache.get(key) ?? null;
    const v = (await this.db.versions.get(key)) ?? null;
    this.cache.set(key, v);
    return v;
  }
  /** Reads every not-yet-cached key in one bulkGet. */
  async preload(keys: Iterable<string | null>): Promise<void> {
    const want = [...new Set([...keys].filter((k): k is string => k !== null && !this.cache.has(k)))];
    if (want.length === 0) return;
    const rows = await this.db.versions.bulkGet(want);
    want.forEach((k, i) => this.cache.set(k, rows[i] ?? null));
  }
  /**
   * A preloaded version, synchronously. Loops inside a transaction use this: thousands of awaits on already-settled
   * cache hits let Chromium's IndexedDB transaction commit under Dexie ("Transaction committed too early").
   */
  peek(key: string | null): PolicyVersion | null {
    return key ? (this.cache.get(key) ?? null) : null;
  }
  remember(v: PolicyVersion): void {
    this.cache.set(v.key, v);
  }
}
