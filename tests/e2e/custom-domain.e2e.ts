// A helpdesk on the team's own domain (support.example.org), read through a site rule. The store manifest has no
// access to that host: the options page asks for it from a user gesture, which a headless test cannot click
// through (Chromium's permission prompt is native UI). So this test loads a COPY of the built extension whose
// manifest lists the host under host_permissions — the state right after the user said yes — and proves the rest:
// the background registers the self-contained content script for the rule's pages (scripting API, per rule id,
// persistent), the page gets a badge, and disabling the rule unregisters the script. Custom domains get no
// web-accessible files, so no site can probe for the extension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, ROOT, type Harness } from './harness.ts';
import { FRESHDESK } from '../../src/core/sites/presets.ts';
import { presetOnHost, urlMatches } from '../../src/core/sites/rules.ts';
import { STANDALONE_CONTENT_SCRIPT } from '../../src/shared/site-hosts.ts';

const HOST = 'support.example.org';
const URL_ = `https://${HOST}/a/tickets/4711`;
const RULE = { ...presetOnHost(FRESHDESK, HOST, 'exampledesk'), enabled: true };
const config = (enabled: boolean) => ({
  version: 1,
  schedules: [],
  policies: [{ id: 'all', schedule: null, match: {}, firstResponseMinutes: 60, nextResponseMinutes: 60 }],
  brands: {},
  sites: [{ ...RULE, enabled }],
});

type Registered = { id: string; matches?: string[]; js?: string[]; persistAcrossSessions?: boolean }[];

let h: Harness;
let dist: string;
beforeAll(async () => {
  const built = resolve(ROOT, process.env.REPLYCLOCK_DIST ?? 'dist/chrome');
  dist = mkdtempSync(join(tmpdir(), 'replyclock-granted-'));
  cpSync(built, dist, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push(`https://${HOST}/*`); // "granted" — see the note at the top
  writeFileSync(join(dist, 'manifest.json'), JSON.stringify(manifest, null, 2));
  h = await launch({ dist });
});
afterAll(async () => {
  await h?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

const registered = (): Promise<Registered> =>
  h.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Registered> } } }).chrome;
    return api.scripting.getRegisteredContentScripts();
  });

describe('custom helpdesk domain through a site rule', () => {
  it('the custom-domain content script is self-contained and no file is web-accessible on other sites', () => {
    // A registered script that imported chunks from the extension would need those chunks web-accessible on every
    // https site, which would let any site detect Replyclock. The standalone build imports nothing instead.
    const standalone = readFileSync(join(dist, STANDALONE_CONTENT_SCRIPT), 'utf8');
    expect(standalone).not.toMatch(/\bimport\s*\(|^\s*import\s/m);
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { web_accessible_resources?: { matches?: string[] }[] };
    const covered = (manifest.web_accessible_resources ?? []).some((w) => (w.matches ?? []).some((m) => urlMatches(m, URL_) || m === '<all_urls>'));
    expect(covered).toBe(false);
  });

  it('registers the self-contained content script for the enabled rule and badges the page', async () => {
    expect(await registered()).toEqual([]);
    await h.setConfig(config(true));
    await expect.poll(async () => (await registered()).map((s) => s.id), { timeout: 15000 }).toEqual(['rc-site-exampledesk']);
    const [reg] = await registered();
    expect(reg).toMatchObject({ matches: [`https://${HOST}/a/tickets/*`], js: [STANDALONE_CONTENT_SCRIPT], persistAcrossSessions: true });

    await h.serveFixture(URL_, 'tests/fixtures/helpdesks/freshdesk.html');
    const page = await h.open(URL_);
    const conv = `exampledesk:${HOST}:4711`;
    const badges = page.locator(`replyclock-badge[data-conversation="${conv}"]`);
    await expect.poll(() => badges.count(), { timeout: 15000 }).toBe(2);
    await expect.poll(() => badges.last().getAttribute('data-state'), { timeout: 15000 }).toBe('breached');
    await h.screenshot(page, 'custom-domain-freshdesk');
    await expect.poll(async () => (await h.conversations()).find((c) => c.id === conv)?.platform, { timeout: 15000 }).toBe('exampledesk');
  });

  it('disabling the rule unregisters the script: the page is no longer read', async () => {
    await h.setConfig(config(false));
    await expect.poll(async () => (await registered()).length, { timeout: 15000 }).toBe(0);
    const page = await h.open(URL_);
    await page.waitForTimeout(1500); // nothing should appear; give a script that wrongly ran time to badge
    expect(await page.locator('replyclock-badge').count()).toBe(0);
  });
});
