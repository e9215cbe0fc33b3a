// storage.sync limits as Chrome enforces them (Firefox uses the same byte and item limits, without the
// write-rate limits). A value over any of them makes the whole set() call fail, so the writer plans
// against these numbers before it writes anything.
export const QUOTA_BYTES = 102_400;
export const QUOTA_BYTES_PER_ITEM = 8_192;
export const MAX_ITEMS = 512;
export const MAX_WRITE_OPERATIONS_PER_HOUR = 1_800;
export const MAX_WRITE_OPERATIONS_PER_MINUTE = 120;

const encoder = new TextEncoder();

/** UTF-8 bytes of a string (Chrome measures sync items in bytes, not UTF-16 code units). */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** What one item costs against the quotas: its key plus its value's JSON. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + utf8Bytes(JSON.stringify(value) ?? '');
}

export type QuotaErrorKind = 'too-large' | 'rate-limited' | 'other';

/** Sorts a storage error by its message (the only thing Chrome and Firefox reliably give us). */
export function classifyStorageError(err: unknown): QuotaErrorKind {
  const msg = err instanceof Error ? err.message : String(err);
  if (/MAX_WRITE_OPERATIONS/i.test(msg)) return 'rate-limited';
  if (/QUOTA_BYTES|MAX_ITEMS|quota/i.test(msg)) return 'too-large';
  return 'other';
}
