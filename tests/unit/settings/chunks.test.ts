import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { executePlan, planChunkedWrite, readChunked, splitJson, chunkKey } from '../../../src/shared/sync/chunks.ts';
import { QUOTA_BYTES_PER_ITEM, itemBytes } from '../../../src/shared/sync/quota.ts';
import { makeFakeBrowser } from './fake-browser.ts';
import { bigConfig } from './configs.ts';

const BASE = 'rc.cfg';

describe('splitJson', () => {
  it('re-joins to exactly the input and keeps every item within QUOTA_BYTES_PER_ITEM', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30_000 }), (text) => {
        const json = JSON.stringify({ text });
        const slices = splitJson(json, BASE, 'g1');
        expect(slices.join('')).toBe(json);
        slices.forEach((s, n) => expect(itemBytes(chunkKey(BASE, 'g1', n), s)).toBeLessThanOrEqual(QUOTA_BYTES_PER_ITEM));
      }),
      { numRuns: 60 },
    );
  });

  it('never splits inside a surrogate pair', () => {
    const json = JSON.stringify('😀'.repeat(5000));
    for (const s of splitJson(json, BASE, 'g')) expect(s).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });
});

describe('chunked storage in a quota-enforcing storage.sync', () => {
  it('writes a 60 KB value across several keys and reads it back exactly', async () => {
    const { sync } = makeFakeBrowser();
    const value = bigConfig(60_000);
    const planned = planChunkedWrite(await sync.get(null), BASE, value, 1);
    if (!planned.ok) throw new Error('should fit');
    await executePlan(sync, BASE, planned.plan);
    expect(planned.plan.manifest.chunks).toBeGreaterThan(7);
    const read = readChunked(await sync.get(null), BASE);
    expect(read.ok && read.value).toEqual(value);
  });

  it('a reader between the chunk write and the manifest write still gets the previous generation', async () => {
    const { sync } = makeFakeBrowser();
    const first = bigConfig(20_000, 'first');
    const second = bigConfig(20_000, 'second');
    const p1 = planChunkedWrite({}, BASE, first, 1);
    if (!p1.ok) throw new Error('fits');
    await executePlan(sync, BASE, p1.plan);

    const seen: unknown[] = [];
    sync.beforeWrite = () => {
      // Runs before every write of the second save: what would a reader see right now?
      const snapshot = Object.fromEntries([...sync.data].map(([k, v]) => [k, JSON.parse(v)]));
      const read = readChunked(snapshot, BASE);
      seen.push(read.ok ? read.value : 'nothing');
    };
    const p2 = planChunkedWrite(await sync.get(null), BASE, second, 2);
    if (!p2.ok) throw new Error('fits');
    await executePlan(sync, BASE, p2.plan);
    sync.beforeWrite = null;

    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const value of seen) expect([first, second]).toContainEqual(value);
    const final = readChunked(await sync.get(null), BASE);
    expect(final.ok && final.value).toEqual(second);
    // The old generation is gone once the pointer moved.
    expect([...sync.data.keys()].filter((k) => k.startsWith(`${BASE}.${p1.plan.manifest.generation}.`))).toEqual([]);
  });

  it('a writer that crashes after the chunks leaves the previous generation readable, and the next write cleans up', async () => {
    const { sync } = makeFakeBrowser();
    const first = bigConfig(20_000, 'first');
    const p1 = planChunkedWrite({}, BASE, first, 1);
    if (!p1.ok) throw new Error('fits');
    await executePlan(sync, BASE, p1.plan);

    sync.beforeWrite = (op, keys) => {
      if (op === 'set' && keys.includes(BASE)) throw new Error('crash');
    };
    const p2 = planChunkedWrite(await sync.get(null), BASE, bigConfig(20_000, 'lost'), 2);
    if (!p2.ok) throw new Error('fits');
    await expect(executePlan(sync, BASE, p2.plan)).rejects.toThrow('crash');
    sync.beforeWrite = null;
    const read = readChunked(await sync.get(null), BASE);
    expect(read.ok && read.value).toEqual(first);

    const third = bigConfig(20_000, 'third');
    const p3 = planChunkedWrite(await sync.get(null), BASE, third, 3);
    if (!p3.ok) throw new Error('fits');
    expect(p3.plan.orphans.length).toBe(p2.plan.manifest.chunks);
    await executePlan(sync, BASE, p3.plan);
    const keys = [...sync.data.keys()].filter((k) => k !== BASE);
    expect(keys.length).toBe(p3.plan.manifest.chunks);
  });

  it('a manifest that arrived before all of its chunks (sync order) falls back to the previous generation', async () => {
    const { sync } = makeFakeBrowser();
    const first = bigConfig(20_000, 'first');
    const p1 = planChunkedWrite({}, BASE, first, 1);
    if (!p1.ok) throw new Error('fits');
    await executePlan(sync, BASE, p1.plan);
    const p2 = planChunkedWrite(await sync.get(null), BASE, bigConfig(20_000, 'second'), 2);
    if (!p2.ok) throw new Error('fits');
    // Another device: the new manifest and only the first new chunk have arrived; old chunks are still here.
    const [firstChunk] = Object.entries(p2.plan.chunks);
    sync.poke({ [firstChunk![0]]: firstChunk![1], [BASE]: p2.plan.manifest });
    const read = readChunked(await sync.get(null), BASE);
    expect(read.ok && read.usedPrevious).toBe(true);
    expect(read.ok && read.value).toEqual(first);
  });

  it('a corrupted chunk is detected by the hash, never parsed into a wrong config', async () => {
    const { sync } = makeFakeBrowser();
    const p = planChunkedWrite({}, BASE, bigConfig(20_000), 1);
    if (!p.ok) throw new Error('fits');
    await executePlan(sync, BASE, p.plan);
    const key = chunkKey(BASE, p.plan.manifest.generation, 1);
    sync.poke({ [key]: (JSON.parse(sync.data.get(key)!) as string).replace('0', '1') });
    expect(readChunked(await sync.get(null), BASE)).toEqual({ ok: false, reason: 'incomplete' });
  });

  it('refuses a value that cannot fit storage.sync at all', () => {
    const planned = planChunkedWrite({}, BASE, bigConfig(110_000), 1);
    expect(planned.ok).toBe(false);
  });

  it('frees the old generation first when old and new do not fit side by side', async () => {
    const { sync } = makeFakeBrowser();
    const p1 = planChunkedWrite({}, BASE, bigConfig(60_000, 'first'), 1);
    if (!p1.ok) throw new Error('fits');
    await executePlan(sync, BASE, p1.plan);
    const second = bigConfig(60_000, 'second');
    const p2 = planChunkedWrite(await sync.get(null), BASE, second, 2);
    if (!p2.ok) throw new Error('fits alone');
    expect(p2.plan.removeOldFirst).toBe(true);
    await executePlan(sync, BASE, p2.plan);
    const read = readChunked(await sync.get(null), BASE);
    expect(read.ok && read.value).toEqual(second);
  });
});
