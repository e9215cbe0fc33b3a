// Chromium injects a manifest's content scripts only into pages loaded after the extension was installed or updated:
// an agent's X, Facebook or helpdesk tabs, open all day, would show no badges until reloaded — and after an update
// the old copy in them has retired its badges (content/lifecycle.ts). So on install and update the background
// injects the content scripts into those tabs itself; a copy still running there stands down for the new one
// (claimPage). Firefox does this natively for manifest scripts, so there this is skipped.
//
// Not webext-inject-on-install: it needs the "tabs" permission (every tab's URL). tabs.query({ url }) sees the tabs
// of hosts we hold permissions for without it, and those are the only tabs we may inject into anyway.

export interface ScriptGroup {
  matches?: string[];
  js?: string[];
  all_frames?: boolean;
}
/** A registered (custom helpdesk) content script, as scripting.getRegisteredContentScripts lists it. */
export interface RegisteredScript {
  matches?: string[];
  js?: string[];
  allFrames?: boolean;
}

export interface InjectDeps {
  /** The manifest's content_scripts. */
  groups: ScriptGroup[];
  registered(): Promise<RegisteredScript[]>;
  query(q: { url: string[] }): Promise<{ id?: number; discarded?: boolean }[]>;
  execute(tabId: number, files: string[], allFrames: boolean): Promise<unknown>;
}

/** Injects every content script into the open tabs it matches; resolves to the number of injections that worked. */
export async function injectOpenTabs(deps: InjectDeps): Promise<number> {
  const registered = await deps.registered().catch((): RegisteredScript[] => []);
  const groups = [...deps.groups, ...registered.map((s) => ({ matches: s.matches, js: s.js, all_frames: s.allFrames }))];
  let done = 0;
  await Promise.all(
    groups.map(async (g) => {
      if (!g.matches?.length || !g.js?.length) return;
      const open = await deps.query({ url: g.matches }).catch(() => []);
      await Promise.all(
        open.map(async (tab) => {
          // A discarded tab loads afresh (scripts included) when the agent comes back to it.
          if (tab.id === undefined || tab.discarded) return;
          // An error page, a tab navigating away, a host whose optional permission was withdrawn: that tab only.
          const ok = await deps.execute(tab.id, g.js!, g.all_frames ?? false).then(
            () => true,
            () => false,
          );
          if (ok) done++;
        }),
      );
    }),
  );
  return done;
}
