// Settings storage: the team config (shared by the team) and local settings (this browser only).
// Every reader goes through here so the storage layout stays private. Nothing invalid is ever saved: writes go
// through migrateConfig + validateConfig, and a stored value that fails validation is skipped with a reason.
//
// Where the active team config comes from, highest first (docs/admin-policy.md):
//   1. managed  — admin policy (storage.managed); its locked fields always win and cannot be saved
//   2. url      — the last good file of the team config URL this browser follows
//   3. sync     — storage.sync, chunked (src/shared/sync/chunks.ts), shared by the user's browsers
//   4. local    — storage.local copy of a save that could not go to sync (too large, rate limit, sync off);
//                 used instead of sync only while it is the newer of the two
//   5. default  — DEFAULT_CONFIG
// Local-only settings (agent name) never leave storage.local.
import browser from './browser.ts';
import { DEFAULT_CONFIG } from '../core/config/defaults.ts';
import type { TeamConfig } from '../core/types.ts';
import { checkConfig, ROOT, type ConfigProblem } from './sync/check.ts';
import { executePlan, planChunkedWrite, readChunked, MAX_OPS_PER_WRITE, type StorageAreaLike } from './sync/chunks.ts';
import { classifyStorageError } from './sync/quota.ts';
import { WriteBudget } from './sync/rate.ts';
import { sameValue } from './sync/hash.ts';
import { getSyncStatus, setSyncStatus, type SyncStatus } from './sync/status.ts';
import { CONFIG_URL_KEY, getConfigUrlState } from './sync/url-subscription.ts';
import { loadManagedPolicy, type LockableField, type ManagedPolicy } from './managed.ts';

export { getSyncStatus, onSyncStatusChanged, type SyncStatus } from './sync/status.ts';
export { LOCKABLE_FIELDS, type LockableField } from './managed.ts';

/** storage.sync: the manifest of the chunked team config (chunks live under `rc.cfg.<generation>.<n>`). */
export const CONFIG_KEY = 'rc.cfg';
/** storage.local: settings of this browser only. */
export const LOCAL_KEY = 'rc.local';
/** storage.local: {config, savedAt} of a save that could not go to storage.sync. */
export const LOCAL_CONFIG_KEY = 'rc.cfg.local';
/** storage.local: where the first version of this module kept the config; read once, removed on the next save. */
const LEGACY_CONFIG_KEY = 'rc.teamConfig';

/** Saves within this window are coalesced into one storage.sync write. */
export const SAVE_DEBOUNCE_MS = 1_000;
/** After Chrome refused a write for its rate limit, try again this much later. */
const RATE_RETRY_MS = 60_000;

export interface LocalSettings {
  /** Shown in the event log so every action traces back to a person. */
  agentName: string;
}
export const DEFAULT_LOCAL: LocalSettings = { agentName: '' };

export type ConfigSource = 'managed' | 'url' | 'sync' | 'local' | 'default';

export interface LoadedConfig {
  config: TeamConfig;
  /** Kept for existing callers: 'stored' whenever the active config is not the built-in default (see `origin`). */
  source: 'stored' | 'default';
  /** Where the active config came from ('managed' when any field comes from the admin policy). */
  origin: ConfigSource;
  /** Problems found in what was stored or deployed (skipped; the next source in line is active). */
  problems: ConfigProblem[];
  /** Top-level fields the admin locked: shown read-only, refused by saveConfig. */
  locked: LockableField[];
  /** The outcome of this browser's last save. */
  syncStatus: SyncStatus;
  /** The admin requires an agent name before the extension is used. */
  agentNameRequired: boolean;
  /** The team config URL in force (the admin's or the user's), if any. */
  configUrl: string | null;
}

export type SaveResult = { ok: true; config: TeamConfig } | { ok: false; errors: ConfigProblem[] };

interface LocalConfigCopy {
  config: unknown;
  savedAt: number;
}

function syncArea(): StorageAreaLike | null {
  return (browser.storage as { sync?: StorageAreaLike }).sync ?? null;
}

/** The last complete synced config this context read. */
let lastSynced: { config: TeamConfig; savedAt: number } | null = null;

/** The newest complete config in storage.sync, or why there is none. */
async function readSync(problems: ConfigProblem[]): Promise<{ config: TeamConfig; savedAt: number } | null> {
  const area = syncArea();
  if (!area) return null;
  let items: Record<string, unknown>;
  try {
    items = await area.get(null);
  } catch (err) {
    problems.push({ path: ROOT, message: `storage.sync could not be read: ${(err as Error).message}` });
    return null;
  }
  const read = readChunked(items, CONFIG_KEY);
  if (!read.ok) {
    if (read.reason === 'none') return null;
    // Neither the new nor the previous generation is complete (a writer that had to free space first is
    // half-way): keep what this context last read rather than flash back to the default.
    problems.push({ path: ROOT, message: 'the synced config is still arriving; using the one before it' });
    return lastSynced;
  }
  const checked = checkConfig(read.value);
  if (!checked.ok) {
    problems.push(...checked.errors.map((e) => ({ path: e.path, message: `synced config: ${e.message}` })));
    return null;
  }
  lastSynced = { config: checked.config, savedAt: read.manifest.savedAt };
  return lastSynced;
}

function readLocalCopy(raw: unknown, label: string, problems: ConfigProblem[]): { config: TeamConfig; savedAt: number } | null {
  if (raw === undefined) return null;
  const copy = raw as Partial<LocalConfigCopy> | null;
  const checked = checkConfig(copy?.config);
  if (!checked.ok) {
    problems.push(...checked.errors.map((e) => ({ path: e.path, message: `${label}: ${e.message}` })));
    return null;
  }
  return { config: checked.config, savedAt: typeof copy?.savedAt === 'number' ? copy.savedAt : 0 };
}

/** The user's own config (sources 2–5), before the admin policy is applied. */
async function loadUserConfig(policy: ManagedPolicy, problems: ConfigProblem[]): Promise<{ config: TeamConfig; source: ConfigSource; configUrl: string | null }> {
  const local = await browser.storage.local.get([LOCAL_CONFIG_KEY, LEGACY_CONFIG_KEY, CONFIG_URL_KEY]);
  const urlState = await getConfigUrlState();
  const configUrl = policy.teamConfigUrl ?? urlState.url;
  if (configUrl && urlState.lastGood && urlState.fetchedUrl === configUrl) {
    const checked = checkConfig(urlState.lastGood);
    if (checked.ok) return { config: checked.config, source: 'url', configUrl };
    problems.push(...checked.errors.map((e) => ({ path: e.path, message: `team config URL: ${e.message}` })));
  }
  const synced = await readSync(problems);
  const copy =
    readLocalCopy(local[LOCAL_CONFIG_KEY], 'config kept in this browser', problems) ??
    (local[LEGACY_CONFIG_KEY] !== undefined ? readLocalCopy({ config: local[LEGACY_CONFIG_KEY], savedAt: 0 }, 'stored config', problems) : null);
  // A local copy exists only because its save could not reach sync; it wins until a newer save (from any browser) syncs.
  if (copy && (!synced || copy.savedAt >= synced.savedAt)) return { config: copy.config, source: 'local', configUrl };
  if (synced) return { config: synced.config, source: 'sync', configUrl };
  return { config: DEFAULT_CONFIG, source: 'default', configUrl };
}

/** Puts the admin's values into the locked fields. An overlay that breaks references falls back to the admin's whole config. */
function applyPolicy(user: TeamConfig, policy: ManagedPolicy, problems: ConfigProblem[]): TeamConfig {
  const admin = policy.teamConfig;
  if (!admin || policy.locked.length === 0) return user;
  const merged: Record<string, unknown> = { ...user };
  for (const field of policy.locked) {
    if (admin[field] === undefined) delete merged[field];
    else merged[field] = admin[field];
  }
  const checked = checkConfig(merged);
  if (checked.ok) return checked.config;
  problems.push({ path: ROOT, message: 'your settings do not fit the fields your administrator locked; using the administrator’s config' });
  return admin;
}

export async function loadConfig(): Promise<LoadedConfig> {
  const problems: ConfigProblem[] = [];
  const policy = await loadManagedPolicy();
  problems.push(...policy.problems);
  const user = await loadUserConfig(policy, problems);
  const syncStatus = await getSyncStatus();
  const base = { problems, locked: policy.locked, syncStatus, agentNameRequired: policy.agentNameRequired, configUrl: user.configUrl };
  if (policy.teamConfig && (policy.locked.length > 0 || user.source === 'default')) {
    const config = user.source === 'default' ? policy.teamConfig : applyPolicy(user.config, policy, problems);
    return { ...base, config, source: 'stored', origin: 'managed' };
  }
  return { ...base, config: user.config, source: user.source === 'default' ? 'default' : 'stored', origin: user.source };
}

// ---- Saving: validate now, write debounced and within the write-rate budget ----

const budget = new WriteBudget();
let pending: { config: TeamConfig; waiters: ((r: SaveResult) => void)[] } | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let flushing: Promise<void> = Promise.resolve();

/**
 * Validates and stores; refuses (returning every problem by path) and keeps the old config if invalid, if it
 * changes a field the admin locked, or while a team config URL is in force. Saves within SAVE_DEBOUNCE_MS are
 * coalesced into one storage.sync write; the promise resolves once this config is stored (see getSyncStatus()
 * for where: synced, or kept in this browser only).
 */
export async function saveConfig(input: unknown): Promise<SaveResult> {
  const checked = checkConfig(input);
  if (!checked.ok) return checked;
  const policy = await loadManagedPolicy();
  const errors = await lockedChanges(checked.config, policy);
  if (errors.length) return { ok: false, errors };
  return new Promise<SaveResult>((resolve) => {
    if (pending) {
      pending.config = checked.config;
      pending.waiters.push(resolve);
    } else {
      pending = { config: checked.config, waiters: [resolve] };
    }
    scheduleFlush(SAVE_DEBOUNCE_MS);
  });
}

async function lockedChanges(next: TeamConfig, policy: ManagedPolicy): Promise<ConfigProblem[]> {
  const urlState = await getConfigUrlState();
  const url = policy.teamConfigUrl ?? urlState.url;
  if (url) return [{ path: ROOT, message: `settings come from the team config at ${url}; stop following it to edit them here` }];
  if (policy.locked.length === 0) return [];
  const current = (await loadConfig()).config;
  return policy.locked
    .filter((field) => !sameValue(current[field], next[field]))
    .map((field) => ({ path: field, message: 'is locked by your administrator and cannot be changed' }));
}

function scheduleFlush(delay: number): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void flushConfigWrites();
  }, delay);
}

/** Writes a pending save now instead of after the debounce (e.g. when the options page closes). */
export function flushConfigWrites(): Promise<void> {
  if (timer) {
    clearTimeout(timer);
    timer = null;
  }
  flushing = flushing.then(flushOnce, flushOnce);
  return flushing;
}

async function flushOnce(): Promise<void> {
  const job = pending;
  if (!job) return;
  const wait = budget.delayFor(MAX_OPS_PER_WRITE, Date.now());
  if (wait > 0) {
    // Over the write budget: keep the save in this browser now (so closing the page loses nothing), answer the
    // callers, and leave it pending (later saves coalesce into it) until the budget allows a sync write.
    const waiters = job.waiters;
    job.waiters = [];
    let result: SaveResult;
    try {
      result = await keepLocally(job.config, { state: 'pending', reason: 'rate-limited' });
    } catch (err) {
      result = { ok: false, errors: [{ path: ROOT, message: `could not be stored: ${(err as Error).message}` }] };
    }
    for (const resolve of waiters) resolve(result);
    scheduleFlush(wait);
    return;
  }
  pending = null;
  let result: SaveResult;
  try {
    result = await writeConfig(job.config);
  } catch (err) {
    result = { ok: false, errors: [{ path: ROOT, message: `could not be stored: ${(err as Error).message}` }] };
  }
  for (const resolve of job.waiters) resolve(result);
}

function keepLocally(config: TeamConfig, status: Omit<SyncStatus, 'messageKey' | 'at'>): Promise<SaveResult> {
  return keepLocallyAt(config, status, Date.now());
}

/** Stores the config in this browser's storage.local (it wins over an older synced one) and records why. */
async function keepLocallyAt(config: TeamConfig, status: Omit<SyncStatus, 'messageKey' | 'at'>, now: number): Promise<SaveResult> {
  const copy: LocalConfigCopy = { config, savedAt: now };
  await browser.storage.local.set({ [LOCAL_CONFIG_KEY]: copy });
  await browser.storage.local.remove(LEGACY_CONFIG_KEY);
  await setSyncStatus({ ...status, at: now });
  return { ok: true, config };
}

/** One write: to storage.sync when it fits, else to this browser's storage.local, recording which. */
async function writeConfig(config: TeamConfig): Promise<SaveResult> {
  const now = Date.now();
  const area = syncArea();
  const keepLocally = (status: Omit<SyncStatus, 'messageKey' | 'at'>): Promise<SaveResult> => keepLocallyAt(config, status, now);
  if (!area) return keepLocally({ state: 'local-only', reason: 'unavailable' });
  let plan;
  try {
    plan = planChunkedWrite(await area.get(null), CONFIG_KEY, config, now);
  } catch (err) {
    return keepLocally({ state: 'local-only', reason: 'unavailable', detail: (err as Error).message });
  }
  if (!plan.ok) return keepLocally({ state: 'local-only', reason: 'too-large', bytes: plan.bytes });
  try {
    budget.record(MAX_OPS_PER_WRITE, now);
    await executePlan(area, CONFIG_KEY, plan.plan);
  } catch (err) {
    const kind = classifyStorageError(err);
    const detail = (err as Error).message;
    if (kind === 'rate-limited') {
      // Another context used up the budget. Keep the save here now and sync it a minute later.
      const saved = await keepLocally({ state: 'pending', reason: 'rate-limited', detail, bytes: plan.plan.manifest.bytes });
      if (!pending) pending = { config, waiters: [] };
      scheduleFlush(RATE_RETRY_MS);
      return saved;
    }
    if (kind === 'too-large') return keepLocally({ state: 'local-only', reason: 'too-large', detail, bytes: plan.plan.manifest.bytes });
    return keepLocally({ state: 'local-only', reason: 'write-failed', detail });
  }
  await browser.storage.local.remove([LOCAL_CONFIG_KEY, LEGACY_CONFIG_KEY]);
  await setSyncStatus({ state: 'synced', bytes: plan.plan.manifest.bytes, at: now });
  return { ok: true, config };
}

// ---- Local-only settings ----

export async function loadLocal(): Promise<LocalSettings> {
  const got = await browser.storage.local.get(LOCAL_KEY);
  const raw = got[LOCAL_KEY] as Partial<LocalSettings> | undefined;
  return { ...DEFAULT_LOCAL, ...(raw && typeof raw === 'object' ? raw : {}) };
}

export async function saveLocal(patch: Partial<LocalSettings>): Promise<LocalSettings> {
  const next = { ...(await loadLocal()), ...patch };
  await browser.storage.local.set({ [LOCAL_KEY]: next });
  return next;
}

/** Calls back with the newly active config whenever any of its sources changes (any context, any tab). */
export function onConfigChanged(cb: (loaded: LoadedConfig) => void, signal?: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    const relevant =
      area === 'managed' ||
      (area === 'sync' && CONFIG_KEY in changes) ||
      (area === 'local' && (LOCAL_CONFIG_KEY in changes || LEGACY_CONFIG_KEY in changes || CONFIG_URL_KEY in changes));
    if (relevant) void loadConfig().then(cb);
  };
  browser.storage.onChanged.addListener(listener);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}

/** For tests: forget pending saves and the write budget of this context. */
export function resetSettingsForTests(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  pending = null;
  flushing = Promise.resolve();
  lastSynced = null;
  budget.reset();
}
