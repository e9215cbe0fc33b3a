// The demo inbox behind `npm start`, in the demo build (dist/demo — the only build that runs on
// 127.0.0.1): seeded messages get badges in every state, "Reply as brand" stops a clock, the popup counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { launch, ROOT, type Harness } from './harness.ts';
import { DEMO_DIR, serveDemo } from '../../scripts/demo-server.mjs';

/** Newest source file under these paths, to tell whether dist/demo is stale. */
function newest(paths: string[]): number {
  let latest = 0;
  for (const p of paths) {
    const full = join(ROOT, p);
    if (!existsSync(full)) continue;
    const st = statSync(full);
    latest = Math.max(latest, st.isDirectory() ? newest(readdirSync(full).map((f) => join(p, f))) : st.mtimeMs);
  }
  return latest;
}

function ensureDemoBuild(): void {
  const manifest = join(ROOT, 'dist/demo/manifest.json');
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= newest(['src', 'public', 'manifest.config.ts', 'vite.config.ts'])) return;
  const built = spawnSync('npm', ['run', '--silent', 'build:demo'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build:demo failed:\n${built.stdout}\n${built.stderr}`);
}

// Seeded in demo/demo.js, oldest first: answered 9 min ago; 7 min (breached: target 5); 3.5 min (warning after 3); 1 min (ok).
const SEEDED = { 'demo:d-1001': 'answered', 'demo:d-1002': 'breached', 'demo:d-1003': 'warning', 'demo:d-1004': 'ok' };

const firstNumber = async (page: Page, testid: string): Promise<number | undefined> => {
  const text = await page.getByTestId(testid).first().textContent().catch(() => null);
  const n = /\d+/.exec(text ?? '')?.[0];
  return n === undefined ? undefined : Number(n);
};

const launchDemo = async (): Promise<Harness> => {
  const harness = await launch({ dist: 'dist/demo' });
  await harness.setConfig(JSON.parse(readFileSync(join(DEMO_DIR, 'demo-config.json'), 'utf8')));
  return harness;
};

let h: Harness;
let server: Server;
let demoUrl: string;

beforeAll(async () => {
  ensureDemoBuild();
  ({ server, url: demoUrl } = await serveDemo());
  h = await launchDemo();
}, 120000);
afterAll(async () => {
  await h?.close();
  server?.close();
});

describe('demo inbox (npm start)', () => {
  it('shows badges in every state, and "Reply as brand" answers a conversation', async () => {
    // Arrivals off: only the seeded messages, so the states are known.
    const page = await h.open(`${demoUrl}?arrivals=off`);
    for (const [id, state] of Object.entries(SEEDED)) {
      const badge = page.locator(`replyclock-badge[data-conversation="${id}"]`);
      await expect.poll(() => badge.getAttribute('data-state'), { timeout: 15000 }).toBe(state);
    }
    expect(await page.locator('replyclock-badge').count()).toBe(4);
    await expect.poll(async () => (await h.conversations()).length, { timeout: 15000 }).toBe(4);
    await h.screenshot(page, 'demo-inbox');

    const popup = await h.openPopup();
    await expect.poll(() => firstNumber(popup, 'breached'), { timeout: 15000 }).toBe(1);
    const openBefore = await firstNumber(popup, 'open');
    expect(openBefore).toBeGreaterThanOrEqual(2);
    await h.screenshot(popup, 'demo-popup');

    await page.bringToFront();
    await page.locator('article[data-rc-id="d-1004"] .demo-reply').click();
    expect(await page.locator('article[data-role="brand"][data-thread="d-1004"]').count()).toBe(1);
    await expect
      .poll(() => page.locator('replyclock-badge[data-conversation="demo:d-1004"]').getAttribute('data-state'), { timeout: 15000 })
      .toBe('answered');
    await h.screenshot(page, 'demo-inbox-replied');

    await popup.bringToFront();
    await expect.poll(() => firstNumber(popup, 'open'), { timeout: 15000 }).toBe(openBefore! - 1);
  });

  it('keeps new customer messages arriving, each with its own badge', async () => {
    // A fresh profile: the demo seeds the same ids on every load, with new times.
    const fresh = await launchDemo();
    try {
      const page = await fresh.open(`${demoUrl}?every=1`);
      // New messages go on top (above the newest seed); ids follow the four seeds.
      await page.locator('article[data-rc-id="d-1005"]').waitFor({ timeout: 15000 });
      const order = await page.locator('article.demo-msg').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.rcId));
      expect(order.indexOf('d-1005')).toBeLessThan(order.indexOf('d-1004'));
      await expect
        .poll(() => page.locator('replyclock-badge[data-conversation="demo:d-1005"]').getAttribute('data-state'), { timeout: 15000 })
        .toBe('ok');
    } finally {
      await fresh.close();
    }
  });
});
