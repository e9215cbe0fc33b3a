// On install and update, tabs already open on our sites get the content scripts (Chromium injects manifest scripts
// only into pages loaded afterwards): every matching tab, the custom helpdesks' registered scripts too, and one tab
// that cannot be scripted costs no other tab its badges.
import { describe, expect, it } from 'vitest';
import { injectOpenTabs, type InjectDeps } from '../../../src/background/inject-open-tabs.ts';

const TABS: Record<string, { id?: number; discarded?: boolean }[]> = {
  'https://x.com/*': [{ id: 1 }, { id: 2, discarded: true }],
  'https://www.facebook.com/*': [{ id: 3 }, { id: 4 }],
  'https://help.acme.example/*': [{ id: 5 }],
};

function deps(over: Partial<InjectDeps> = {}): { deps: InjectDeps; runs: [number, string[], boolean][] } {
  const runs: [number, string[], boolean][] = [];
  return {
    runs,
    deps: {
      groups: [{ matches: ['https://x.com/*', 'https://www.facebook.com/*'], js: ['content/runtime.js'] }, { matches: [], js: ['unused.js'] }],
      registered: async () => [{ matches: ['https://help.acme.example/*'], js: ['content/standalone.js'], allFrames: true }],
      query: async ({ url }) => url.flatMap((u) => TABS[u] ?? []),
      execute: async (tabId, files, allFrames) => void runs.push([tabId, files, allFrames]),
      ...over,
    },
  };
}

describe('injectOpenTabs', () => {
  it('injects every open, loaded tab of a matching site with its group’s files; discarded tabs load their own later', async () => {
    const { deps: d, runs } = deps();
    expect(await injectOpenTabs(d)).toBe(4);
    expect(runs.sort((a, b) => a[0] - b[0])).toEqual([
      [1, ['content/runtime.js'], false],
      [3, ['content/runtime.js'], false],
      [4, ['content/runtime.js'], false],
      [5, ['content/standalone.js'], true],
    ]);
  });

  it('a tab that cannot be scripted, or a failed query, costs the other tabs nothing', async () => {
    const { deps: d, runs } = deps({
      execute: async (tabId, files, allFrames) => {
        if (tabId === 3) throw new Error('Cannot access contents of the page');
        runs.push([tabId, files, allFrames]);
      },
      registered: async () => {
        throw new Error('scripting unavailable');
      },
    });
    expect(await injectOpenTabs(d)).toBe(2);
    expect(runs.map((r) => r[0]).sort()).toEqual([1, 4]);

    const failing = deps({ query: async ({ url }) => (url.includes('https://help.acme.example/*') ? Promise.reject(new Error('no')) : url.flatMap((u) => TABS[u] ?? [])) });
    expect(await injectOpenTabs(failing.deps)).toBe(3);
  });
});
