// One large JSON value stored across several storage.sync items so no item exceeds QUOTA_BYTES_PER_ITEM.
//
// Layout for base key "rc.cfg":
//   rc.cfg.<generation>.<n>  string slices of the value's JSON, n = 0…chunks-1
//   rc.cfg                   the manifest {generation, chunks, hash, bytes, savedAt, previous?} — written LAST
// A writer puts every chunk of a fresh generation first, then moves the manifest, then removes the old
// generation. So a reader that sees the new manifest before all its chunks arrived (sync delivers keys in any
// order, a writer may crash half-way) finds a hash mismatch and falls back to `previous`, whose chunks are
// still there; it never assembles half a config.
import { QUOTA_BYTES, QUOTA_BYTES_PER_ITEM, MAX_ITEMS, itemBytes, utf8Bytes } from './quota.ts';
import { hashText } from './hash.ts';

/** The subset of a browser.storage area this module needs (lets tests pass fakes). */
export interface StorageAreaLike {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface GenerationRef {
  generation: string;
  chunks: number;
  /** hashText of the whole JSON. */
  hash: string;
  /** UTF-8 bytes of the whole JSON. */
  bytes: number;
}

export interface ChunkManifest extends GenerationRef {
  v: 1;
  /** Epoch ms of the save, so a newer local-only copy can be told from an older synced one. */
  savedAt: number;
  /** The generation this one replaced; its chunks may still be readable while the new ones propagate. */
  previous?: GenerationRef;
}

export function chunkKey(base: string, generation: string, n: number): string {
  return `${base}.${generation}.${n}`;
}

export function newGeneration(now: number): string {
  return now.toString(36) + Math.random().toString(36).slice(2, 6);
}

/** Bytes a JSON-encoded string spends on one code point (quotes excluded). */
function escapedBytes(cp: string): number {
  return utf8Bytes(JSON.stringify(cp)) - 2;
}

/**
 * Splits `json` into slices whose items (key + JSON string value) each fit `perItem` bytes. Splits only between
 * code points, so every slice is well-formed text.
 */
export function splitJson(json: string, base: string, generation: string, perItem = QUOTA_BYTES_PER_ITEM): string[] {
  const slices: string[] = [];
  let current = '';
  let currentBytes = 0;
  // The key of the last chunk is the longest; budget for a 4-digit index so every key fits.
  const budget = perItem - utf8Bytes(chunkKey(base, generation, 9999)) - 2;
  if (budget < 8) throw new Error('chunk budget too small');
  for (const cp of json) {
    const cost = escapedBytes(cp);
    if (currentBytes + cost > budget) {
      slices.push(current);
      current = '';
      currentBytes = 0;
    }
    current += cp;
    currentBytes += cost;
  }
  if (current || slices.length === 0) slices.push(current);
  return slices;
}

export type ReadResult =
  | { ok: true; value: unknown; manifest: ChunkManifest; usedPrevious: boolean }
  | { ok: false; reason: 'none' | 'incomplete' };

function isRef(x: unknown): x is GenerationRef {
  const r = x as GenerationRef | null;
  return (
    !!r &&
    typeof r === 'object' &&
    typeof r.generation === 'string' &&
    Number.isInteger(r.chunks) &&
    r.chunks > 0 &&
    typeof r.hash === 'string'
  );
}

function assemble(items: Record<string, unknown>, base: string, ref: GenerationRef): { ok: true; value: unknown } | { ok: false } {
  let json = '';
  for (let n = 0; n < ref.chunks; n++) {
    const part = items[chunkKey(base, ref.generation, n)];
    if (typeof part !== 'string') return { ok: false };
    json += part;
  }
  if (hashText(json) !== ref.hash) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch {
    return { ok: false };
  }
}

/** Reads the newest complete generation out of a snapshot of the area (one get(null), so it is consistent). */
export function readChunked(items: Record<string, unknown>, base: string): ReadResult {
  const manifest = items[base];
  if (manifest === undefined) return { ok: false, reason: 'none' };
  if (!isRef(manifest)) return { ok: false, reason: 'incomplete' };
  const m = manifest as ChunkManifest;
  const current = assemble(items, base, m);
  if (current.ok) return { ok: true, value: current.value, manifest: m, usedPrevious: false };
  if (isRef(m.previous)) {
    const prev = assemble(items, base, m.previous);
    if (prev.ok) return { ok: true, value: prev.value, manifest: m, usedPrevious: true };
  }
  return { ok: false, reason: 'incomplete' };
}

export interface WritePlan {
  manifest: ChunkManifest;
  chunks: Record<string, string>;
  /** Stray chunks of aborted writes: unreferenced, safe to remove first. */
  orphans: string[];
  /** Chunks of the generation the manifest points at now; removed after the manifest moves. */
  oldChunks: string[];
  /** Old and new do not fit side by side: remove the old generation before writing (readers briefly see none). */
  removeOldFirst: boolean;
  /** Bytes the whole sync area holds after the write. */
  totalBytes: number;
}

export type PlanResult = { ok: true; plan: WritePlan } | { ok: false; reason: 'too-large'; bytes: number; totalBytes: number };

/** Decides what to write, or that it cannot fit storage.sync at all. Pure: takes a snapshot of the area. */
export function planChunkedWrite(
  items: Record<string, unknown>,
  base: string,
  value: unknown,
  now: number,
  generation = newGeneration(now),
): PlanResult {
  const json = JSON.stringify(value);
  const slices = splitJson(json, base, generation);
  const chunks: Record<string, string> = {};
  slices.forEach((s, n) => (chunks[chunkKey(base, generation, n)] = s));

  const old = items[base];
  const oldRef = isRef(old) ? (old as ChunkManifest) : undefined;
  const oldChunks = oldRef ? Array.from({ length: oldRef.chunks }, (_, n) => chunkKey(base, oldRef.generation, n)) : [];
  const ours = (k: string): boolean => k === base || k.startsWith(base + '.');
  const orphans = Object.keys(items).filter((k) => ours(k) && k !== base && !oldChunks.includes(k));

  let otherBytes = 0;
  let otherItems = 0;
  for (const [k, v] of Object.entries(items)) {
    if (ours(k)) continue;
    otherBytes += itemBytes(k, v);
    otherItems++;
  }
  const oldChunkBytes = oldChunks.reduce((sum, k) => (k in items ? sum + itemBytes(k, items[k]) : sum), 0);
  const bytes = utf8Bytes(json);
  const hash = hashText(json);
  const manifest: ChunkManifest = { v: 1, generation, chunks: slices.length, hash, bytes, savedAt: now };
  const newChunkBytes = Object.entries(chunks).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
  const withPrevious = oldRef
    ? { ...manifest, previous: { generation: oldRef.generation, chunks: oldRef.chunks, hash: oldRef.hash, bytes: oldRef.bytes } }
    : manifest;
  const totalBytes = otherBytes + newChunkBytes + itemBytes(base, withPrevious);
  const totalItems = otherItems + slices.length + 1;
  if (totalBytes > QUOTA_BYTES || totalItems > MAX_ITEMS) return { ok: false, reason: 'too-large', bytes, totalBytes };

  const oldManifestBytes = oldRef ? itemBytes(base, oldRef) : 0;
  const peakBytes = otherBytes + oldChunkBytes + oldManifestBytes + newChunkBytes;
  const peakItems = otherItems + oldChunks.length + (oldRef ? 1 : 0) + slices.length;
  const removeOldFirst = peakBytes > QUOTA_BYTES || peakItems > MAX_ITEMS;
  return {
    ok: true,
    plan: {
      manifest: removeOldFirst ? manifest : withPrevious,
      chunks,
      orphans,
      oldChunks: oldChunks.filter((k) => k in items),
      removeOldFirst,
      totalBytes: removeOldFirst ? otherBytes + newChunkBytes + itemBytes(base, manifest) : totalBytes,
    },
  };
}

/** The most write operations one executePlan() spends (for rate budgeting). */
export const MAX_OPS_PER_WRITE = 4;

/** Carries out a plan in the crash-safe order. Returns the number of write operations spent. */
export async function executePlan(area: StorageAreaLike, base: string, plan: WritePlan): Promise<number> {
  let ops = 0;
  const early = [...plan.orphans, ...(plan.removeOldFirst ? plan.oldChunks : [])];
  if (early.length) {
    await area.remove(early);
    ops++;
  }
  await area.set(plan.chunks);
  ops++;
  await area.set({ [base]: plan.manifest });
  ops++;
  if (!plan.removeOldFirst && plan.oldChunks.length) {
    await area.remove(plan.oldChunks);
    ops++;
  }
  return ops;
}
