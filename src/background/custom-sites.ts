// Content scripts for helpdesks on a team's own domain (support.example.org). The manifest asks for no such host
// up front: the options page requests the rule's origins from a user gesture when the team enables the rule
// (src/options/sites/permissions.ts), and this module then registers the SAME built content script the manifest
// uses for exactly those pages. A revoked permission or a disabled/removed rule unregisters it. Registrations
// persist across browser sessions; every worker start re-syncs them with the config and granted permissions.
import { STANDALONE_CONTENT_SCRIPT } from '../shared/site-hosts.ts';
import browser from '../shared/browser.ts';
import { loadConfig, onConfigChanged } from '../shared/settings.ts';
import type { TeamConfig } from '../core/types.ts';
import { SCRIPT_PREFIX, isEnabled, originOf, scriptIdFor, uncoveredMatches } from '../core/sites/rules.ts';
import { BUILT_IN_MATCHES } from './hosts.ts';

interface Registration {
  id: string;
  matches?: string[];
  js?: string[];
  css?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  persistAcrossSessions?: boolean;
}

/** The slice of the WebExtension API this module uses (injectable for tests). */
export interface CustomSitesDeps {
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Registration[]>;
    registerContentScripts(scripts: Registration[]): Promise<void>;
    updateContentScripts(scripts: Registration[]): Promise<void>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  /**
   * The content script to register on custom domains: the self-contained build (vite.config.ts,
   * STANDALONE_CONTENT_SCRIPT), which imports nothing and so needs no web-accessible files on that domain.
   */
  contentScript(): { js: string[]; css: string[] };
}

function defaultDeps(): CustomSitesDeps {
  return {
    scripting: browser.scripting as unknown as CustomSitesDeps['scripting'],
    permissions: browser.permissions,
    contentScript() {
      return { js: [STANDALONE_CONTENT_SCRIPT], css: [] };
    },
  };
}

/** What should be registered for this config, given which origins are granted. */
export async function wantedScripts(config: TeamConfig, deps: Pick<CustomSitesDeps, 'permissions' | 'contentScript'>): Promise<Registration[]> {
  const { js, css } = deps.contentScript();
  if (js.length === 0) return [];
  const out: Registration[] = [];
  for (const rule of config.sites) {
    if (!isEnabled(rule)) continue;
    // Built-in hosts (e.g. *.zendesk.com) already get the manifest's script: registering again would inject twice.
    const matches = uncoveredMatches(rule, BUILT_IN_MATCHES);
    if (matches.length === 0) continue;
    const origins = [...new Set(matches.flatMap(originOf))];
    let granted = false;
    try {
      granted = origins.length > 0 && (await deps.permissions.contains({ origins }));
    } catch {
      granted = false; // an origin the browser refuses to reason about is treated as not granted
    }
    if (!granted) continue;
    out.push({
      id: scriptIdFor(rule),
      matches,
      js,
      ...(css.length ? { css } : {}),
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  }
  return out;
}

const same = (a: string[] | undefined, b: string[] | undefined): boolean => JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...(b ?? [])].sort());

export interface SyncResult {
  registered: string[];
  updated: string[];
  unregistered: string[];
}

async function syncNow(config: TeamConfig, deps: CustomSitesDeps): Promise<SyncResult> {
  const wanted = await wantedScripts(config, deps);
  const existing = (await deps.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(SCRIPT_PREFIX));
  const have = new Map(existing.map((s) => [s.id, s]));
  const want = new Map(wanted.map((s) => [s.id, s]));
  const result: SyncResult = { registered: [], updated: [], unregistered: [] };
  const gone = existing.filter((s) => !want.has(s.id)).map((s) => s.id);
  if (gone.length) {
    await deps.scripting.unregisterContentScripts({ ids: gone });
    result.unregistered = gone;
  }
  const fresh = wanted.filter((s) => !have.has(s.id));
  const changed = wanted.filter((s) => {
    const h = have.get(s.id);
    return h && (!same(h.matches, s.matches) || !same(h.js, s.js));
  });
  if (fresh.length) {
    await deps.scripting.registerContentScripts(fresh);
    result.registered = fresh.map((s) => s.id);
  }
  if (changed.length) {
    await deps.scripting.updateContentScripts(changed);
    result.updated = changed.map((s) => s.id);
  }
  return result;
}

// Syncs run one after another: two overlapping ones would both try to register the same id.
let queue: Promise<unknown> = Promise.resolve();

/** Makes the registered custom-domain scripts match the config's enabled rules and the granted permissions. */
export function syncCustomSiteScripts(config: TeamConfig, deps: CustomSitesDeps = defaultDeps()): Promise<SyncResult> {
  const run = queue.then(() => syncNow(config, deps));
  queue = run.catch(() => undefined);
  return run;
}

/** Call once, synchronously, at the top level of the background script. */
export function initCustomSites(deps: CustomSitesDeps = defaultDeps()): void {
  const resync = (): void => {
    void loadConfig()
      .then((loaded) => syncCustomSiteScripts(loaded.config, deps))
      .catch((err: unknown) => console.warn('Replyclock: custom site scripts not synced:', err));
  };
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  onConfigChanged((loaded) => {
    void syncCustomSiteScripts(loaded.config, deps).catch((err: unknown) => console.warn('Replyclock: custom site scripts not synced:', err));
  });
  resync();
}
