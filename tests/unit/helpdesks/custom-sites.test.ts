import { describe, expect, it, vi } from 'vitest';
vi.mock('../../../src/shared/browser.ts', () => import('../content/fake-browser.ts'));
import { syncCustomSiteScripts, type CustomSitesDeps } from '../../../src/background/custom-sites.ts';
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.ts';
import { presetOnHost } from '../../../src/core/sites/rules.ts';
import { FRESHDESK } from '../../../src/core/sites/presets.ts';
import type { SiteRule, TeamConfig } from '../../../src/core/types.ts';

type Reg = { id: string; matches?: string[]; js?: string[] };

function fakeDeps(granted: string[], existing: Reg[] = []) {
  const registered = new Map(existing.map((r) => [r.id, r]));
  const deps: CustomSitesDeps = {
    scripting: {
      getRegisteredContentScripts: vi.fn(async () => [...registered.values()]),
      registerContentScripts: vi.fn(async (list) => {
        for (const s of list) {
          if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          registered.set(s.id, s);
        }
      }),
      updateContentScripts: vi.fn(async (list) => {
        for (const s of list) registered.set(s.id, s);
      }),
      unregisterContentScripts: vi.fn(async (f) => {
        for (const id of f?.ids ?? []) registered.delete(id);
      }),
    },
    permissions: { contains: vi.fn(async ({ origins }) => origins.every((o: string) => granted.includes(o))) },
    contentScript: () => ({ js: ['assets/index.ts-loader-abc.js'], css: [] }),
  };
  return { deps, registered, granted };
}

const custom: SiteRule = { ...presetOnHost(FRESHDESK, 'support.example.org', 'exampledesk'), enabled: true };
const config = (sites: SiteRule[]): TeamConfig => ({ ...DEFAULT_CONFIG, sites });

describe('custom-domain content scripts', () => {
  it('registers the manifest content script for an enabled rule whose origin is granted, persistent and per rule', async () => {
    const f = fakeDeps(['https://support.example.org/*']);
    const r = await syncCustomSiteScripts(config([custom]), f.deps);
    expect(r.registered).toEqual(['rc-site-exampledesk']);
    expect(f.registered.get('rc-site-exampledesk')).toEqual({
      id: 'rc-site-exampledesk',
      matches: ['https://support.example.org/a/tickets/*'],
      js: ['assets/index.ts-loader-abc.js'],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  });

  it('registers nothing without the permission, for a disabled rule, or for hosts the manifest already covers', async () => {
    const f = fakeDeps([]);
    await syncCustomSiteScripts(config([custom]), f.deps);
    const g = fakeDeps(['https://support.example.org/*', 'https://*.zendesk.com/*']);
    await syncCustomSiteScripts(config([{ ...custom, enabled: false }, { ...custom, id: 'zd-help', matches: ['https://acme.zendesk.com/hc/*'] }]), g.deps);
    expect(f.registered.size + g.registered.size).toBe(0);
  });

  it('unregisters cleanly when the permission is revoked or the rule is disabled, and leaves foreign scripts alone', async () => {
    const f = fakeDeps(['https://support.example.org/*'], [{ id: 'someone-else', matches: ['https://a.io/*'] }]);
    await syncCustomSiteScripts(config([custom]), f.deps);
    f.granted.length = 0; // permissions.onRemoved → resync
    const r = await syncCustomSiteScripts(config([custom]), f.deps);
    expect(r.unregistered).toEqual(['rc-site-exampledesk']);
    expect([...f.registered.keys()]).toEqual(['someone-else']);
    f.granted.push('https://support.example.org/*');
    await syncCustomSiteScripts(config([custom]), f.deps);
    const off = await syncCustomSiteScripts(config([{ ...custom, enabled: false }]), f.deps);
    expect(off.unregistered).toEqual(['rc-site-exampledesk']);
  });

  it('updates a registration whose patterns changed, and overlapping syncs never register twice', async () => {
    const f = fakeDeps(['https://support.example.org/*']);
    await Promise.all([syncCustomSiteScripts(config([custom]), f.deps), syncCustomSiteScripts(config([custom]), f.deps)]);
    expect(f.deps.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    const moved = { ...custom, matches: ['https://support.example.org/tickets/*'] };
    const r = await syncCustomSiteScripts(config([moved]), f.deps);
    expect(r.updated).toEqual(['rc-site-exampledesk']);
    expect(f.registered.get('rc-site-exampledesk')?.matches).toEqual(['https://support.example.org/tickets/*']);
  });
});
