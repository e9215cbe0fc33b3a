// What importing a team config would change, computed before anything is saved, so the person
// importing sees "2 policies changed, brand @AcmeNL added" instead of trusting a file blindly.
// Pure: no browser APIs, so it is unit-tested directly.
import type { TeamConfig } from '../../core/types.ts';

export interface ListDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface ConfigDiff {
  schedules: ListDiff;
  policies: ListDiff;
  sites: ListDiff;
  /** Per platform; handles compared case-insensitively, as the extension matches them. */
  brands: { platform: string; added: string[]; removed: string[] }[];
  /** Top-level settings other than the lists above whose value differs (e.g. "notifications"). */
  settings: string[];
  /** The policy order decides which policy wins; true when the same policies now come in another order. */
  policyOrderChanged: boolean;
}

/** Stable JSON: object keys sorted, so key order in a hand-edited file is not reported as a change. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function diffById<T extends { id: string }>(before: readonly T[], after: readonly T[]): ListDiff {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  return {
    added: after.filter((item) => !old.has(item.id)).map((item) => item.id),
    removed: before.filter((item) => !now.has(item.id)).map((item) => item.id),
    changed: after.filter((item) => old.has(item.id) && canonical(old.get(item.id)) !== canonical(item)).map((item) => item.id),
  };
}

function diffBrands(before: TeamConfig['brands'], after: TeamConfig['brands']): ConfigDiff['brands'] {
  const platforms = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out: ConfigDiff['brands'] = [];
  for (const platform of platforms) {
    const old = before[platform] ?? [];
    const now = after[platform] ?? [];
    const oldKeys = new Set(old.map((h) => h.toLowerCase()));
    const nowKeys = new Set(now.map((h) => h.toLowerCase()));
    const added = now.filter((h) => !oldKeys.has(h.toLowerCase()));
    const removed = old.filter((h) => !nowKeys.has(h.toLowerCase()));
    if (added.length || removed.length) out.push({ platform, added, removed });
  }
  return out;
}

const LISTS = new Set(['version', 'schedules', 'policies', 'sites', 'brands']);

export function diffConfig(before: TeamConfig, after: TeamConfig): ConfigDiff {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !LISTS.has(k)).sort();
  const settings = keys.filter(
    (k) => canonical((before as unknown as Record<string, unknown>)[k]) !== canonical((after as unknown as Record<string, unknown>)[k]),
  );
  const oldOrder = before.policies.map((p) => p.id).filter((id) => after.policies.some((p) => p.id === id));
  const newOrder = after.policies.map((p) => p.id).filter((id) => before.policies.some((p) => p.id === id));
  return {
    schedules: diffById(before.schedules, after.schedules),
    policies: diffById(before.policies, after.policies),
    sites: diffById(before.sites, after.sites),
    brands: diffBrands(before.brands, after.brands),
    settings,
    policyOrderChanged: oldOrder.join('\u0000') !== newOrder.join('\u0000'),
  };
}

export function isEmptyDiff(d: ConfigDiff): boolean {
  const none = (l: ListDiff): boolean => !l.added.length && !l.removed.length && !l.changed.length;
  return none(d.schedules) && none(d.policies) && none(d.sites) && !d.brands.length && !d.settings.length && !d.policyOrderChanged;
}
