// A SiteContext that records what an adapter reports, for running Facebook adapters on fixture pages
// without the content runtime.
import { readFileSync } from 'node:fs';
import type { TeamConfig } from '../../../src/core/types.ts';
import type { HealthReport, ObservedConversation } from '../../../src/shared/protocol.ts';
import type { SiteContext } from '../../../src/content/site.ts';
import type { Placement } from '../../../src/content/tracker.ts';

export const FIRST_SEEN = 1_000;

export interface Recorded {
  ctx: SiteContext;
  tracked: { conv: ObservedConversation; placement: Placement | null }[];
  health: { status: HealthReport['status']; detail?: string }[];
  /** Runs the adapter's delayed health check. */
  runLater(): void;
  /** Every message reported per conversation id, merged in report order. */
  byConversation(): Map<string, ObservedConversation['messages']>;
}

export function config(facebook: string[] = ['AcmePage', '100064000000001']): TeamConfig {
  return { version: 1, schedules: [], policies: [], brands: { facebook }, sites: [] };
}

export function record(url: string, cfg: TeamConfig = config()): Recorded {
  const life = new AbortController();
  const later: (() => void)[] = [];
  const r: Recorded = {
    tracked: [],
    health: [],
    ctx: {
      url: new URL(url),
      signal: life.signal,
      config: cfg,
      observe(selector, cb) {
        for (const el of document.querySelectorAll(selector)) cb(el);
      },
      track(conv, placement) {
        r.tracked.push({ conv, placement });
      },
      firstSeen: () => FIRST_SEEN,
      health(status, detail) {
        r.health.push({ status, ...(detail ? { detail } : {}) });
      },
      later(_ms, fn) {
        later.push(fn);
      },
    },
    runLater: () => later.splice(0).forEach((f) => f()),
    byConversation() {
      const out = new Map<string, ObservedConversation['messages']>();
      for (const { conv } of r.tracked) {
        const list = out.get(conv.id) ?? [];
        for (const m of conv.messages) if (!list.some((x) => x.id === m.id)) list.push(m);
        out.set(conv.id, list);
      }
      return out;
    },
  };
  return r;
}

export function loadFixture(name: string): void {
  const html = readFileSync(`tests/fixtures/facebook/${name}`, 'utf8');
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
}
