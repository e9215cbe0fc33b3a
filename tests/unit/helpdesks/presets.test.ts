// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateConfig } from '../../../src/core/config/validate.ts';
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.ts';
import { FRESHDESK, FRONT, GORGIAS, HELP_SCOUT, INTERCOM, PRESET_RULES } from '../../../src/core/sites/presets.ts';
import { presetOnHost, ruleOrigins, rulesForUrl, uncoveredMatches } from '../../../src/core/sites/rules.ts';
import { originOf, patternCovers, urlMatches } from '../../../src/core/sites/match.ts';
import { readRule } from '../../../src/shared/site-rules/extract.ts';
import { rulesSite } from '../../../src/content/sites/rules.ts';
import type { SiteRule } from '../../../src/core/types.ts';
import { fakeCtx, loadFixture, settle, type FakeCtx } from './helpers.ts';

describe('match patterns', () => {
  it('follow browser semantics: scheme, host wildcard, path with query', () => {
    expect(urlMatches('https://*.freshdesk.com/a/tickets/*', 'https://acme.freshdesk.com/a/tickets/12')).toBe(true);
    expect(urlMatches('https://*.freshdesk.com/a/tickets/*', 'https://freshdesk.com/a/tickets/12')).toBe(true);
    expect(urlMatches('https://*.freshdesk.com/a/tickets/*', 'https://acme.freshdesk.com.evil.io/a/tickets/12')).toBe(false);
    expect(urlMatches('https://*.freshdesk.com/a/tickets/*', 'http://acme.freshdesk.com/a/tickets/12')).toBe(false);
    expect(urlMatches('*://support.example.org/*', 'http://support.example.org/x')).toBe(true);
    expect(urlMatches('https://x.org/t/*?tab=1', 'https://x.org/t/5?tab=1')).toBe(true);
    expect(urlMatches('not a pattern', 'https://x.org/')).toBe(false);
    expect(urlMatches('https://x.org/*', 'not a url')).toBe(false);
  });

  it('permissions are asked per origin; rules the manifest covers need no registration', () => {
    expect(originOf('https://support.example.org/tickets/*')).toEqual(['https://support.example.org/*']);
    expect(originOf('*://support.example.org/*')).toEqual(['https://support.example.org/*', 'http://support.example.org/*']);
    expect(ruleOrigins(GORGIAS)).toEqual(['https://*.gorgias.com/*']);
    expect(patternCovers('https://*.zendesk.com/*', 'https://acme.zendesk.com/hc/*')).toBe(true);
    expect(patternCovers('https://*.zendesk.com/*', 'https://support.example.org/*')).toBe(false);
    expect(uncoveredMatches({ matches: ['https://acme.zendesk.com/hc/*', 'https://help.acme.io/*'] }, ['https://*.zendesk.com/*'])).toEqual(['https://help.acme.io/*']);
  });

  it('only enabled rules apply', () => {
    const on = { ...FRESHDESK, enabled: true };
    expect(rulesForUrl([FRESHDESK, on], 'https://acme.freshdesk.com/a/tickets/3')).toEqual([on]);
  });
});

describe('presets', () => {
  it('are valid team-config site rules, adjustable (preset: true) and off until a team enables them', () => {
    const result = validateConfig({ ...DEFAULT_CONFIG, sites: PRESET_RULES });
    expect(result.ok ? [] : result.errors).toEqual([]);
    for (const p of PRESET_RULES) expect(p).toMatchObject({ preset: true, enabled: false });
  });

  it('move to a team\'s own domain with the same selectors', () => {
    const moved = presetOnHost(FRESHDESK, 'support.example.org');
    expect(moved).toMatchObject({ id: 'freshdesk-support-example-org', matches: ['https://support.example.org/a/tickets/*'], conversation: FRESHDESK.conversation, preset: true });
    expect(validateConfig({ ...DEFAULT_CONFIG, sites: [moved] }).ok).toBe(true);
  });

  const cases: [SiteRule, string, string, ('customer' | 'brand')[]][] = [
    [FRESHDESK, 'freshdesk.html', 'https://acme.freshdesk.com/a/tickets/4711', ['customer', 'brand', 'customer']],
    [HELP_SCOUT, 'helpscout.html', 'https://secure.helpscout.net/conversation/2201/88', ['customer', 'brand']],
    [INTERCOM, 'intercom.html', 'https://app.intercom.com/a/inbox/abc/inbox/shared/all/conversation/555', ['customer', 'brand', 'customer']],
    [GORGIAS, 'gorgias.html', 'https://acme.gorgias.com/app/ticket/9090', ['customer', 'brand']],
    [FRONT, 'front.html', 'https://app.frontapp.com/open/cnv_ab12cd', ['customer', 'brand', 'customer']],
  ];
  it.each(cases)('%# %s reads its fixture: one conversation with the right roles and exact times', (rule, file, url, roles) => {
    loadFixture(`helpdesks/${file}`);
    expect(urlMatches(rule.matches[0]!, url)).toBe(true);
    const r = readRule(rule, document, new URL(url));
    expect(r.problems).toEqual([]);
    expect(r.conversations).toHaveLength(1);
    expect(r.conversations[0]!.messages.map((m) => m.role)).toEqual(roles);
    expect(r.conversations[0]!.messages.every((m) => m.at !== null && m.precisionMs === 0)).toBe(true);
  });
});

describe('the generic site-rule adapter', () => {
  let ctx: FakeCtx | null = null;
  afterEach(() => ctx?.stop());
  const URL_ = 'https://acme.freshdesk.com/a/tickets/4711';

  it('tracks what an enabled rule finds and badges the customer messages', async () => {
    loadFixture('helpdesks/freshdesk.html');
    ctx = fakeCtx(URL_, { sites: [{ ...FRESHDESK, enabled: true }] });
    expect(rulesSite.matches(new URL(URL_))).toBe(true);
    rulesSite.init(ctx);
    await settle();
    const conv = ctx.byId().get('freshdesk:acme.freshdesk.com:4711')!;
    expect(conv).toMatchObject({ platform: 'freshdesk', channel: 'ticket', url: URL_, customer: { name: 'Jane Customer' } });
    expect(conv.messages.map((m) => m.role)).toEqual(['customer', 'brand', 'customer']);
    expect(ctx.tracked.filter((t) => t.placement).length).toBeGreaterThanOrEqual(2);
    ctx.runLater();
    expect(ctx.healthReports).toEqual([{ status: 'ok' }]);
  });

  it('reads times shown as text with the rule date format (its reader is loaded only then)', async () => {
    document.body.innerHTML = `<main class="thread">
      <div class="msg" data-from="customer"><span class="when">02.03.2026 10:00</span><p>Where is my order?</p></div>
      <div class="msg" data-from="agent"><span class="when">02.03.2026 10:20</span><p>On its way.</p></div></main>`;
    const rule = {
      id: 'textdesk',
      name: 'Textdesk',
      matches: ['https://help.textdesk.example/t/*'],
      enabled: true,
      channel: 'ticket' as const,
      conversation: 'main.thread',
      message: '.msg',
      agentWhen: { attribute: 'data-from', equals: 'agent' },
      timestamp: { selector: '.when', format: 'dd.MM.yyyy HH:mm' },
      conversationId: { from: 'url' as const, pattern: '/t/(\\d+)' },
    };
    ctx = fakeCtx('https://help.textdesk.example/t/77', { sites: [rule] });
    rulesSite.init(ctx);
    await vi.waitFor(() => expect(ctx!.byId().size).toBe(1));
    const conv = [...ctx.byId().values()][0]!;
    expect(conv.messages.map((m) => [m.role, m.at, m.precisionMs])).toEqual([
      ['customer', new Date(2026, 2, 2, 10, 0).getTime(), 60_000],
      ['brand', new Date(2026, 2, 2, 10, 20).getTime(), 60_000],
    ]);
  });

  it('does nothing for a disabled rule or a page no rule covers', async () => {
    loadFixture('helpdesks/freshdesk.html');
    ctx = fakeCtx(URL_, { sites: [FRESHDESK] });
    rulesSite.init(ctx);
    await settle();
    ctx.runLater();
    expect(ctx.tracked).toEqual([]);
    expect(ctx.healthReports).toEqual([]);
  });

  it("a rule that stops matching reports 'mismatch' (the popup shows it as broken)", async () => {
    loadFixture('helpdesks/freshdesk.html');
    for (const el of document.querySelectorAll('[data-test-id]')) el.setAttribute('data-test-id', 'redesigned');
    ctx = fakeCtx(URL_, { sites: [{ ...FRESHDESK, enabled: true }] });
    rulesSite.init(ctx);
    await settle();
    ctx.runLater();
    expect(ctx.tracked).toEqual([]);
    expect(ctx.healthReports).toEqual([{ status: 'mismatch', detail: 'rule freshdesk: no_message (message)' }]);
  });

  it('an invalid selector is reported, not thrown, and other rules still run', async () => {
    loadFixture('helpdesks/freshdesk.html');
    ctx = fakeCtx(URL_, { sites: [{ ...FRESHDESK, id: 'broken', enabled: true, conversation: 'main[' }, { ...FRESHDESK, enabled: true }] });
    rulesSite.init(ctx);
    await settle();
    expect(ctx.healthReports).toContainEqual({ status: 'mismatch', detail: 'rule broken: invalid_selector (conversation)' });
    expect(ctx.byId().has('freshdesk:acme.freshdesk.com:4711')).toBe(true);
  });

  it('picks up a thread the single-page app renders later', async () => {
    document.body.innerHTML = '<div id="app"></div>';
    ctx = fakeCtx(URL_, { sites: [{ ...FRESHDESK, enabled: true }] });
    rulesSite.init(ctx);
    await settle();
    expect(ctx.tracked).toEqual([]);
    loadFixture('helpdesks/freshdesk.html');
    await settle();
    expect(ctx.byId().get('freshdesk:acme.freshdesk.com:4711')?.messages).toHaveLength(3);
  });
});
