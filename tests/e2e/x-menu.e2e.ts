// The badge's action menu on X, driven from the keyboard only, in every browser driver: focus a badge, open its
// menu (ArrowDown or Enter), choose with the arrow keys. What an agent relies on: "No reply needed" closes the
// stored conversation and every badge of it says so — the other tweet of the same thread and the same thread open in
// another tab — and "Assign to me" puts the agent's name on it. Fixture: tests/fixtures/x/status.html (Jane's tweet
// 101 and her follow-up 103 are one conversation).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsers, launchE2E, type E2EHarness, type RcPage } from './drivers/index.ts';

const CONFIG = {
  version: 1,
  schedules: [],
  policies: [{ id: 'social', name: 'Social', schedule: null, match: {}, firstResponseMinutes: 60, nextResponseMinutes: 60 }],
  brands: { x: ['AcmeSupport'] },
  sites: [],
};
const STATUS = 'https://x.com/jane_doe/status/1800000000000000101';
const CONV = 'x:1800000000000000101';
const byMessage = (n: string): string => `replyclock-badge[data-message="x:18000000000000001${n}"]`;

describe.each(browsers())('X badge menu (e2e, %s)', (browser) => {
  let h: E2EHarness;
  beforeAll(async () => {
    h = await launchE2E({ browser });
    await h.setConfig(CONFIG);
    // "Assign to me" assigns to this browser's agent name (Options → this browser).
    await h.extEvaluate(async () => {
      type Api = { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      await (g.browser ?? g.chrome)!.storage.local.set({ 'rc.local': { agentName: 'Dana' } });
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Keyboard focus on the badge's own button (what Tab would reach). */
  const focusBadge = (page: RcPage, sel: string): Promise<void> =>
    h.evaluateIn(page, (s) => (document.querySelector(s)?.shadowRoot?.querySelector('button') as HTMLElement | null)?.focus(), sel);
  /** The menu entry that has keyboard focus inside the badge, by its action. */
  const focusedAction = (page: RcPage, sel: string): Promise<string | null> =>
    h.evaluateIn(page, (s) => document.querySelector(s)?.shadowRoot?.activeElement?.getAttribute('data-action') ?? null, sel);
  const badgeText = async (page: RcPage, sel: string): Promise<string> =>
    (await h.badges(page)).find((b) => `replyclock-badge[data-message="${b.message}"]` === sel)?.text ?? '';
  const record = async () => (await h.conversations()).find((c) => c.id === CONV);

  it('keyboard: "No reply needed" excludes the conversation everywhere; "Assign to me" sets the assignee', async () => {
    await h.serveFixture(STATUS, 'tests/fixtures/x/status.html');
    const first = await h.open(STATUS);
    const other = await h.open(STATUS); // the same thread in a second tab
    for (const page of [first, other]) {
      await expect.poll(() => h.count(page, byMessage('03')), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => h.attr(page, byMessage('01'), 'data-state'), { timeout: 10_000 }).toBe('answered');
    }
    await expect.poll(async () => (await record())?.excluded, { timeout: 10_000 }).toBe(false);
    expect(await badgeText(first, byMessage('03'))).not.toContain('No reply needed');

    // Tab 1, Jane's follow-up: ArrowDown opens the menu on its first entry; ArrowDown again; Enter chooses.
    await first.bringToFront();
    await focusBadge(first, byMessage('03'));
    await h.press(first, 'ArrowDown');
    await expect.poll(() => focusedAction(first, byMessage('03')), { timeout: 5_000 }).toBe('assign');
    await h.press(first, 'ArrowDown');
    expect(await focusedAction(first, byMessage('03'))).toBe('exclude');
    await h.press(first, 'Enter');

    await expect.poll(async () => (await record())?.excluded, { timeout: 10_000 }).toBe(true);
    // Both badges of the conversation in this tab, and both in the other tab, say so.
    for (const page of [first, other]) {
      for (const n of ['01', '03']) {
        await expect.poll(() => badgeText(page, byMessage(n)), { timeout: 10_000 }).toContain('No reply needed');
        expect(await h.attr(page, byMessage(n), 'data-state')).toBe('answered');
      }
    }
    // The menu closed and gave focus back to the badge.
    expect(await h.evaluateIn(first, (s) => document.querySelector(s)?.shadowRoot?.activeElement?.className ?? null, byMessage('03'))).toBe('b');
    await h.screenshot(first, 'x-menu-excluded');

    // Tab 2, Jane's first tweet: Enter opens the menu; its first entry is now "Assign to me".
    await other.bringToFront();
    await focusBadge(other, byMessage('01'));
    await h.press(other, 'Enter');
    await expect.poll(() => focusedAction(other, byMessage('01')), { timeout: 5_000 }).toBe('assign');
    await h.press(other, 'Enter');
    await expect.poll(async () => (await record())?.assignee, { timeout: 10_000 }).toBe('Dana');
    expect((await record())?.excluded).toBe(true);
    // The tooltip (written once the badge had focus) names the assignee.
    await expect.poll(() => badgeText(other, byMessage('01')), { timeout: 10_000 }).toContain('Dana');
    await first.close();
    await other.close();
  });
});
