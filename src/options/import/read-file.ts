// Turns a chosen file into either a validated TeamConfig or the full list of problems by path.
// Nothing here saves; the caller shows a preview first. checkConfig is what saveConfig applies too
// (older config versions upgraded, then validateConfig), so the preview never promises what saving refuses.
import { checkConfig } from '../../shared/sync/check.ts';
import type { TeamConfig } from '../../core/types.ts';
import { t } from '../../shared/i18n.ts';

/** A team config is a few KB; anything this big is the wrong file. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export type ReadResult =
  | { ok: true; config: TeamConfig }
  | { ok: false; errors: { path: string; message: string }[] };

export async function readConfigFile(file: Blob): Promise<ReadResult> {
  if (file.size > MAX_CONFIG_BYTES) return { ok: false, errors: [{ path: '', message: t('options_import_too_large') }] };
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch (err) {
    return { ok: false, errors: [{ path: '', message: t('options_import_not_json', (err as Error).message) }] };
  }
  return checkConfig(data);
}
