import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake } from './fake-browser.ts';
import { bigConfig, withBrand } from './configs.ts';
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.ts';
import { readChunked } from '../../../src/shared/sync/chunks.ts';

vi.mock('../../../src/shared/browser.ts', async () => ({ default: (await import('./fake-browser.ts')).fake.browser }));

const settings = await import('../../../src/shared/settings.ts');
const { loadConfig, saveConfig, loadLocal, saveLocal, onConfigChanged, getSyncStatus, resetSettingsForTests, CONFIG_KEY, LOCAL_CONFIG_KEY } = settings;

/** Saves and lets the debounce run out. */
async function save(input: unknown) {
  const p = saveConfig(input);
  await vi.runAllTimersAsync();
  return p;
}

function syncSnapshot(): Record<string, unknown> {
  return Object.fromEntries([...fake.sync.data].map(([k, v]) => [k, JSON.parse(v)]));
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') });
  fake.reset();
  resetSettingsForTests();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('storage.sync backing', () => {
  it('starts from the default config', async () => {
    const loaded = await loadConfig();
    expect(loaded).toMatchObject({ config: DEFAULT_CONFIG, source: 'default', origin: 'default', locked: [], problems: [] });
    expect(loaded.syncStatus.state).toBe('idle');
  });

  it('a large config is split across sync keys and read back exactly', async () => {
    const config = bigConfig(60_000);
    expect(await save(config)).toEqual({ ok: true, config });
    const chunkKeys = [...fake.sync.data.keys()].filter((k) => k.startsWith(`${CONFIG_KEY}.`));
    expect(chunkKeys.length).toBeGreaterThan(7);
    const loaded = await loadConfig();
    expect(loaded.config).toEqual(config);
    expect(loaded).toMatchObject({ source: 'stored', origin: 'sync' });
    expect(await getSyncStatus()).toMatchObject({ state: 'synced', messageKey: 'settings_sync_synced' });
  });

  it('a config too large for storage.sync is kept in this browser and says so', async () => {
    const small = withBrand('acme');
    await save(small);
    const huge = bigConfig(120_000);
    expect((await save(huge)).ok).toBe(true);
    const loaded = await loadConfig();
    expect(loaded.origin).toBe('local');
    expect(loaded.config).toEqual(huge);
    expect(loaded.syncStatus).toMatchObject({ state: 'local-only', reason: 'too-large', messageKey: 'settings_sync_local_only_too_large' });
    // The synced copy other browsers read is intact, not half-overwritten.
    const synced = readChunked(syncSnapshot(), CONFIG_KEY);
    expect(synced.ok && synced.value).toEqual(small);

    // Once the config fits again it syncs, and the local copy is dropped.
    const fits = withBrand('back');
    await save(fits);
    expect((await loadConfig()).origin).toBe('sync');
    expect(fake.local.data.has(LOCAL_CONFIG_KEY)).toBe(false);
  });

  it('a newer save from another browser wins over an older local-only copy', async () => {
    await save(bigConfig(120_000));
    vi.advanceTimersByTime(60_000);
    // Simulate the other browser by writing through this module after forgetting its state.
    const local = fake.local.data.get(LOCAL_CONFIG_KEY)!;
    const other = withBrand('otherbrowser');
    expect((await save(other)).ok).toBe(true);
    fake.local.data.set(LOCAL_CONFIG_KEY, local);
    const loaded = await loadConfig();
    expect(loaded.problems).toEqual([]);
    expect(loaded.origin).toBe('sync');
    expect(loaded.config).toEqual(other);
  });

  it('coalesces a burst of saves into one sync write and keeps the last', async () => {
    const promises = Array.from({ length: 300 }, (_, i) => saveConfig(withBrand(`burst${i}`)));
    await vi.runAllTimersAsync();
    const results = await Promise.all(promises);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.sync.writeLog.length).toBeLessThanOrEqual(4);
    expect((await loadConfig()).config).toEqual(withBrand('burst299'));
  });

  it('sustained saves stay under the write-rate limits and end up synced', async () => {
    let last = DEFAULT_CONFIG;
    // One save every 1.1 s for 5 minutes: without budgeting that is ~160 writes a minute, over Chrome's 120.
    for (let i = 0; i < 270; i++) {
      last = withBrand(`steady${i}`);
      void saveConfig(last);
      await vi.advanceTimersByTimeAsync(1_100);
      const status = await getSyncStatus();
      expect(['synced', 'pending']).toContain(status.state);
      expect(status.detail).toBeUndefined();
    }
    await vi.runAllTimersAsync();
    const loaded = await loadConfig();
    expect(loaded.config).toEqual(last);
    expect(loaded.origin).toBe('sync');
    expect(loaded.syncStatus.state).toBe('synced');
    expect(fake.sync.writeStamps.length).toBeGreaterThan(20);
  });

  it('when another context used up the write budget, keeps the save locally and syncs it a minute later', async () => {
    fake.sync.writeStamps = Array.from({ length: 120 }, () => Date.now());
    const config = withBrand('later');
    const saving = saveConfig(config);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await saving).toEqual({ ok: true, config });
    let loaded = await loadConfig();
    expect(loaded.config).toEqual(config);
    expect(loaded.origin).toBe('local');
    expect(loaded.syncStatus).toMatchObject({ state: 'pending', reason: 'rate-limited' });
    await vi.advanceTimersByTimeAsync(61_000);
    loaded = await loadConfig();
    expect(loaded.origin).toBe('sync');
    expect(loaded.syncStatus.state).toBe('synced');
  });

  it('never saves invalid input: returns problems by path and keeps the old config', async () => {
    const good = withBrand('good');
    await save(good);
    const before = syncSnapshot();
    const bad = { ...good, policies: [{ id: 'p', schedule: 'nope', match: {}, firstResponseMinutes: -5 }] };
    const result = await save(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.some((e) => e.path.startsWith('policies'))).toBe(true);
    expect(syncSnapshot()).toEqual(before);
    expect((await loadConfig()).config).toEqual(good);
  });

  it('skips a stored value that fails validation and reports why', async () => {
    fake.local.data.set(LOCAL_CONFIG_KEY, JSON.stringify({ config: { version: 1, schedules: 'x' }, savedAt: 1 }));
    const loaded = await loadConfig();
    expect(loaded.origin).toBe('default');
    expect(loaded.problems.length).toBeGreaterThan(0);
  });

  it('reads a config stored by the first storage.local version and moves it on the next save', async () => {
    fake.local.data.set('rc.teamConfig', JSON.stringify(withBrand('legacy')));
    expect((await loadConfig()).config).toEqual(withBrand('legacy'));
    await save(withBrand('moved'));
    expect(fake.local.data.has('rc.teamConfig')).toBe(false);
    expect((await loadConfig()).origin).toBe('sync');
  });

  it('keeps the agent name in this browser only', async () => {
    await saveLocal({ agentName: 'Ilse' });
    expect(await loadLocal()).toEqual({ agentName: 'Ilse' });
    expect(JSON.stringify([...fake.sync.data.values()])).not.toContain('Ilse');
  });

  it('notifies listeners when the synced config changes', async () => {
    const seen: string[][] = [];
    const ctl = new AbortController();
    onConfigChanged((loaded) => seen.push(loaded.config.brands.x ?? []), ctl.signal);
    await save(withBrand('first'));
    await vi.runAllTimersAsync();
    expect(seen.at(-1)).toEqual(['first']);
    ctl.abort();
    await save(withBrand('second'));
    await vi.runAllTimersAsync();
    expect(seen.at(-1)).toEqual(['first']);
  });
});
