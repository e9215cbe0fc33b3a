// Test doubles for helpdesk adapters: a SiteContext that records what the adapter tracks and reports, with the
// real observe() (happy-dom MutationObserver) and `later` callbacks run on demand.
import { readFileSync } from 'node:fs';
import type { TeamConfig } from '../../../src/core/types.ts';
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.ts';
import type { ObservedConversation } from '../../../src/shared/protocol.ts';
import { observe } from '../../../src/content/observe.ts';
import type { SiteContext } from '../../../src/content/site.ts';
import type { Placement } from '../../../src/content/tracker.ts';

export function loadFixture(path: string): void {
  const html = readFileSync(`tests/fixtures/${path}`, 'utf8');
  document.documentElement.innerHTML = html.replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/, '');
}

export function fixtureHtml(path: string): string {
  return readFileSync(`tests/fixtures/${path}`, 'utf8');
}

export interface FakeCtx extends SiteContext {
  tracked: { conv: ObservedConversation; placement: Placement | null }[];
  healthReports: { status: string; detail?: string }[];
  runLater(): void;
  stop(): void;
  /** Latest tracked state per conversation id. */
  byId(): Map<string, ObservedConversation>;
}

export function fakeCtx(url: string, config: Partial<TeamConfig> = {}): FakeCtx {
  const ctl = new AbortController();
  const pending: (() => void)[] = [];
  const seen = new Map<string, number>();
  const ctx: FakeCtx = {
    url: new URL(url),
    signal: ctl.signal,
    config: { ...DEFAULT_CONFIG, ...config },
    observe: (selector, cb) => observe(selector, cb, { signal: ctl.signal }),
    tracked: [],
    healthReports: [],
    track(conv, placement) {
      ctx.tracked.push({ conv, placement });
    },
    firstSeen(id) {
      if (!seen.has(id)) seen.set(id, 1_700_000_000_000 + seen.size);
      return seen.get(id)!;
    },
    health(status, detail) {
      ctx.healthReports.push({ status, ...(detail ? { detail } : {}) });
    },
    later(_ms, fn) {
      pending.push(fn);
    },
    runLater() {
      for (const fn of pending.splice(0)) fn();
    },
    stop: () => ctl.abort(),
    byId() {
      const m = new Map<string, ObservedConversation>();
      for (const t of ctx.tracked) m.set(t.conv.id, t.conv);
      return m;
    },
  };
  return ctx;
}

/** Lets observe()'s microtask and the adapters' batched reads run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
}
