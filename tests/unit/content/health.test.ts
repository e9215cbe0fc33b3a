// @vitest-environment happy-dom
// The runtime's health reports per page visit: each distinct status once, and once something on the page was read,
// one item that cannot be (a deleted account's comment, an odd card) does not turn the page into "detection does
// not match" — while a page where nothing was read yet still says so at once.
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/content/api.ts', () => import('./fake-browser.ts'));
vi.mock('../../../src/content/bridge.ts', () => import('./fake-bridge.ts'));
import { calls } from './fake-bridge.ts';
import { startRuntime } from '../../../src/content/runtime.ts';
import type { SiteContext, SiteDefinition } from '../../../src/content/site.ts';

let life: AbortController | null = null;
afterEach(() => {
  life?.abort();
  calls.length = 0;
});

/** Runs a one-off adapter that reports `script` and returns the statuses the background was sent. */
async function reports(script: (ctx: SiteContext) => void): Promise<string[]> {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://health.example/page');
  const site: SiteDefinition = { id: 'probe', matches: (u) => u.hostname === 'health.example', init: script };
  life = (await startRuntime([site])).life;
  await vi.waitFor(() => expect(calls.some((c) => c.type === 'content:health')).toBe(true));
  await new Promise((r) => setTimeout(r, 10));
  return calls.filter((c) => c.type === 'content:health').map((c) => {
    const r = (c.payload as { report: { status: string; detail?: string } }).report;
    return r.detail ? `${r.status}: ${r.detail}` : r.status;
  });
}

describe('health per page visit', () => {
  it('sends each distinct status once', async () => {
    expect(await reports((ctx) => ['ok', 'ok', 'empty', 'ok'].forEach((s) => ctx.health(s as 'ok')))).toEqual(['ok', 'empty']);
  });

  it('a mismatch while nothing was read is sent; a later ok sets the page right', async () => {
    expect(
      await reports((ctx) => {
        ctx.health('mismatch', 'author link not found');
        ctx.health('ok');
      }),
    ).toEqual(['mismatch: author link not found', 'ok']);
  });

  it('after an ok, one unreadable item does not flag the page', async () => {
    expect(
      await reports((ctx) => {
        ctx.health('ok');
        ctx.health('mismatch', 'author link not found');
      }),
    ).toEqual(['ok']);
  });
});
