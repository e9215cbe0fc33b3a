// The team config file a team lead exports and agents import (or subscribe to by URL), and the preview of what
// importing it would change. The envelope names the format so a wrong file (a conversation export, some other
// JSON) is refused with a clear reason.
import type { TeamConfig } from '../core/types.ts';
import { DEFAULT_CONFIG } from '../core/config/defaults.ts';
import { CONFIG_FORMAT, exportConfig } from '../core/config/migrate.ts';
import { checkConfig, ROOT, type ConfigProblem } from './sync/check.ts';
import { sameValue } from './sync/hash.ts';

/** Files larger than this are refused before parsing. */
export const MAX_CONFIG_FILE_CHARS = 2_000_000;

/**
 * The export file: migrate.ts's envelope {"format": "replyclock-team-config", "exportedAt": ISO, "config": {…}}, so
 * everything that reads configs (validateConfig, the URL fetcher, the CLI) reads it too. The config inside carries
 * its own `version`, which is what migrateConfig upgrades by.
 */
export function exportConfigFile(config: TeamConfig, now: Date = new Date()): string {
  return JSON.stringify(exportConfig(config, now), null, 2) + '\n';
}

export interface IdDiff {
  added: string[];
  removed: string[];
  /** Present in both with different content. */
  changed: string[];
  /** Same ids, different order (matters for policies: the first match wins). */
  reordered: boolean;
}

export interface BrandChange {
  platform: string;
  handle: string;
}

export interface ConfigPreview {
  /** True when the file holds exactly the current config. */
  unchanged: boolean;
  schedules: IdDiff;
  policies: IdDiff;
  sites: IdDiff;
  brands: { added: BrandChange[]; removed: BrandChange[] };
  /** Other top-level fields whose value differs: ratings, notifications, retentionDays. */
  other: string[];
}

export type ParsedConfigFile = { ok: true; config: TeamConfig; preview: ConfigPreview } | { ok: false; errors: ConfigProblem[] };

function diffById<T extends { id: string }>(before: T[], after: T[]): IdDiff {
  const old = new Map(before.map((x) => [x.id, x]));
  const next = new Map(after.map((x) => [x.id, x]));
  const added = after.filter((x) => !old.has(x.id)).map((x) => x.id);
  const removed = before.filter((x) => !next.has(x.id)).map((x) => x.id);
  const changed = after.filter((x) => old.has(x.id) && !sameValue(old.get(x.id), x)).map((x) => x.id);
  const keptOld = before.filter((x) => next.has(x.id)).map((x) => x.id);
  const keptNew = after.filter((x) => old.has(x.id)).map((x) => x.id);
  return { added, removed, changed, reordered: keptOld.join('\n') !== keptNew.join('\n') };
}

function brandSet(brands: Record<string, string[]>): Map<string, BrandChange> {
  const out = new Map<string, BrandChange>();
  for (const [platform, handles] of Object.entries(brands)) {
    // Handles are case-insensitive: "@Acme" and "acme" are the same account.
    for (const handle of handles) out.set(`${platform}\n${handle.replace(/^@/, '').toLowerCase()}`, { platform, handle });
  }
  return out;
}

/** What applying `next` would change versus `current`, for the options page to show before it saves. */
export function previewConfigChange(current: TeamConfig, next: TeamConfig): ConfigPreview {
  const oldBrands = brandSet(current.brands);
  const newBrands = brandSet(next.brands);
  const preview: ConfigPreview = {
    unchanged: sameValue(current, next),
    schedules: diffById(current.schedules, next.schedules),
    policies: diffById(current.policies, next.policies),
    sites: diffById(current.sites, next.sites),
    brands: {
      added: [...newBrands].filter(([k]) => !oldBrands.has(k)).map(([, b]) => b),
      removed: [...oldBrands].filter(([k]) => !newBrands.has(k)).map(([, b]) => b),
    },
    other: (['ratings', 'notifications', 'retentionDays'] as const).filter((k) => !sameValue(current[k], next[k])),
  };
  return preview;
}

/**
 * Reads a team config file (the export envelope, or a bare config as written by hand), upgrades and validates it,
 * and previews the change against `current` (the active config; the default when none is given).
 */
export function parseConfigFile(text: string, current: TeamConfig = DEFAULT_CONFIG): ParsedConfigFile {
  if (text.length > MAX_CONFIG_FILE_CHARS) return { ok: false, errors: [{ path: ROOT, message: 'file is too large for a team config' }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, errors: [{ path: ROOT, message: `not a JSON file: ${(err as Error).message}` }] };
  }
  const envelopeProblem = checkEnvelope(raw);
  if (envelopeProblem) return { ok: false, errors: [envelopeProblem] };
  const checked = checkConfig(raw);
  if (!checked.ok) return checked;
  return { ok: true, config: checked.config, preview: previewConfigChange(current, checked.config) };
}

/** migrateConfig unwraps any envelope; a file naming another format is refused here first, with the reason. */
function checkEnvelope(raw: unknown): ConfigProblem | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || !Object.hasOwn(raw, 'format')) return null;
  const { format } = raw as { format?: unknown };
  if (format !== CONFIG_FORMAT) return { path: 'format', message: `is ${JSON.stringify(format)}, not a Replyclock team config file` };
  return null;
}
