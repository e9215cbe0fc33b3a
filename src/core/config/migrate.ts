// Reading older or wrapped team-config files. Decision (docs/team-config.md, "Export files"): both a bare config and
// the export envelope {"format": "replyclock-team-config", "exportedAt": …, "config": {…}} are accepted everywhere a
// config is read, so a team can hand around either. Older file versions are upgraded here, before validation.
import type { TeamConfig } from '../types.ts';
import { fields } from './fields.ts';
import { type Collector, isObject, own } from './read.ts';

export const CONFIG_FORMAT = 'replyclock-team-config';

export interface ConfigEnvelope {
  format: typeof CONFIG_FORMAT;
  /** ISO 8601 time of the export, for people; never interpreted. */
  exportedAt: string;
  config: TeamConfig;
}

/** Wraps a (validated) config the way the options page writes export files. */
export function exportConfig(config: TeamConfig, exportedAt: Date): ConfigEnvelope {
  return { format: CONFIG_FORMAT, exportedAt: exportedAt.toISOString(), config };
}

/** The input is an envelope when it names a `format`; a bare config never has that key. */
function isEnvelope(input: unknown): input is object {
  return isObject(input) && own(input, 'format').kind !== 'absent';
}

/**
 * Unwraps an envelope, reporting its own problems (wrong format name, unknown keys) at their paths.
 * Returns the config part and the path prefix its errors need ("config"), or null when there is nothing to validate.
 */
export function unwrapConfig(c: Collector, input: unknown): { value: unknown; prefix: string } | null {
  if (!isEnvelope(input)) return { value: input, prefix: '' };
  const f = fields(c, input, '', ['format', 'exportedAt', 'config'], ['format', 'config'], 'an object');
  if (!f) return null;
  const format = f.get('format');
  if (format !== CONFIG_FORMAT) {
    c.add('format', `must be ${JSON.stringify(CONFIG_FORMAT)}; this is not a Replyclock team config export`);
    return null;
  }
  if (f.has('exportedAt') && typeof f.get('exportedAt') !== 'string') c.add('exportedAt', 'must be text (an ISO 8601 time)');
  if (!f.has('config')) return null;
  return { value: f.get('config'), prefix: 'config' };
}

/**
 * Turns whatever was read (bare config or export envelope, any supported version) into the current bare format.
 * Only version 1 exists, so upgrading is the identity; a broken envelope is returned as is for validateConfig to explain.
 * Future versions: add `if (version === 1) value = v1ToV2(value)` steps here, oldest first.
 */
export function migrateConfig(input: unknown): unknown {
  try {
    if (!isEnvelope(input)) return input;
    // Only our own export format is unwrapped; any other envelope stays as it is, so validateConfig refuses it at
    // `format` instead of a foreign file's `config` being taken for a team config.
    const format = own(input, 'format');
    if (format.kind !== 'value' || format.value !== CONFIG_FORMAT) return input;
    const config = own(input, 'config');
    return config.kind === 'value' ? config.value : input;
  } catch {
    return input;
  }
}
