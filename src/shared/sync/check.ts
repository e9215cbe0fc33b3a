// The one way settings code turns untrusted input (a stored value, a file, a policy) into a TeamConfig:
// upgrade older versions first (migrateConfig), then validate. Nothing unvalidated is ever used or saved.
import { validateConfig } from '../../core/config/validate.ts';
import { migrateConfig } from '../../core/config/migrate.ts';
import type { TeamConfig } from '../../core/types.ts';

export interface ConfigProblem {
  path: string;
  message: string;
}

export type CheckResult = { ok: true; config: TeamConfig } | { ok: false; errors: ConfigProblem[] };

/** Path used for problems that concern the whole config rather than one field (matches validateConfig's). */
export const ROOT = '(root)';

export function checkConfig(raw: unknown): CheckResult {
  let migrated: unknown;
  try {
    migrated = migrateConfig(raw);
  } catch (err) {
    return { ok: false, errors: [{ path: ROOT, message: err instanceof Error ? err.message : String(err) }] };
  }
  const result = validateConfig(migrated);
  return result.ok ? { ok: true, config: result.config } : { ok: false, errors: result.errors };
}
