// Turns a chosen file into either a validated TeamConfig with the preview of what applying it would change, or
// the full list of problems by path. Nothing here saves; the caller shows the preview first. parseConfigFile
// applies what saveConfig applies (older versions upgraded, then validateConfig), so the preview never promises
// what saving refuses; the two problems a person most often hits (wrong file size, not JSON) get localised text.
import { parseConfigFile, type ConfigPreview } from '../../shared/config-file.ts';
import type { TeamConfig } from '../../core/types.ts';
import { t } from '../../shared/i18n.ts';

/** A team config is a few KB; anything this big is the wrong file. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export type ReadResult =
  | { ok: true; config: TeamConfig; preview: ConfigPreview }
  | { ok: false; errors: { path: string; message: string }[] };

export async function readConfigFile(file: Blob, current: TeamConfig): Promise<ReadResult> {
  if (file.size > MAX_CONFIG_BYTES) return { ok: false, errors: [{ path: '', message: t('options_import_too_large') }] };
  const text = await file.text();
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, errors: [{ path: '', message: t('options_import_not_json', (err as Error).message) }] };
  }
  return parseConfigFile(text, current);
}
