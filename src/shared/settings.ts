// Settings storage: the team config (shared by the team) and local settings (this browser only).
// Every reader goes through here so the storage layout can change (storage.sync chunking, team
// config URL, admin policy) without touching callers. Nothing invalid is ever saved: writes go
// through validateConfig, and a stored value that fails validation falls back to the default
// and reports why instead of breaking the extension.
import browser from './browser.ts';
import { validateConfig } from '../core/config/validate.ts';
import { DEFAULT_CONFIG } from '../core/config/defaults.ts';
import type { TeamConfig } from '../core/types.ts';

export const CONFIG_KEY = 'rc.teamConfig';
export const LOCAL_KEY = 'rc.local';

export interface LocalSettings {
  /** Shown in the event log so every action traces back to a person. */
  agentName: string;
}
export const DEFAULT_LOCAL: LocalSettings = { agentName: '' };

export interface LoadedConfig {
  config: TeamConfig;
  /** Where the active config came from. */
  source: 'stored' | 'default';
  /** Problems found in what was stored (then the default is active). */
  problems: { path: string; message: string }[];
}

export async function loadConfig(): Promise<LoadedConfig> {
  const got = await browser.storage.local.get(CONFIG_KEY);
  const raw = got[CONFIG_KEY];
  if (raw === undefined) return { config: DEFAULT_CONFIG, source: 'default', problems: [] };
  const result = validateConfig(raw);
  if (result.ok) return { config: result.config, source: 'stored', problems: [] };
  return { config: DEFAULT_CONFIG, source: 'default', problems: result.errors };
}

/** Validates and stores; refuses (returning every problem by path) and keeps the old config if invalid. */
export async function saveConfig(input: unknown): Promise<{ ok: true; config: TeamConfig } | { ok: false; errors: { path: string; message: string }[] }> {
  const result = validateConfig(input);
  if (!result.ok) return result;
  await browser.storage.local.set({ [CONFIG_KEY]: result.config });
  return { ok: true, config: result.config };
}

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

/** Calls back with the newly active config whenever it changes in storage (any context, any tab). */
export function onConfigChanged(cb: (loaded: LoadedConfig) => void, signal?: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && CONFIG_KEY in changes) void loadConfig().then(cb);
  };
  browser.storage.onChanged.addListener(listener);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
