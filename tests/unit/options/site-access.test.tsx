// @vitest-environment happy-dom
// Enabling a site rule for a helpdesk on its own domain asks for that host permission at that moment (inside the
// click), and the rule shows whether access was granted, with a button to ask again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { SiteRule, TeamConfig } from '../../../src/core/types.ts';
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.ts';
import type { LoadedConfig } from '../../../src/shared/settings.ts';

vi.mock('../../../src/shared/i18n.ts', () => import('./i18n-mock.ts'));
const perms = vi.hoisted(() => ({
  granted: new Set<string>(),
  request: vi.fn(async ({ origins }: { origins: string[] }) => {
    for (const o of origins) perms.granted.add(o);
    return true;
  }),
  contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => perms.granted.has(o))),
  remove: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => perms.granted.delete(o))),
}));
vi.mock('../../../src/shared/browser.ts', () => ({ default: { permissions: perms } }));
vi.mock('../../../src/shared/settings.ts', () => ({
  saveConfig: vi.fn(async (c: unknown) => ({ ok: true as const, config: c })),
  flushConfigWrites: vi.fn(async () => undefined),
}));

const { ConfigEditor } = await import('../../../src/options/editor/ConfigEditor.tsx');

const RULE: SiteRule = {
  id: 'desk',
  name: 'Our desk',
  matches: ['https://support.example.org/tickets/*'],
  enabled: false,
  conversation: '.ticket',
  message: '.message',
  conversationId: { from: 'url', pattern: '/tickets/(\\d+)' },
};

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  perms.granted.clear();
  perms.request.mockClear();
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount(config: TeamConfig): Promise<void> {
  const loaded = { config, source: 'stored', origin: 'sync', problems: [], locked: [], syncStatus: { state: 'idle', messageKey: 'x', at: 0 }, agentNameRequired: false, configUrl: null } as unknown as LoadedConfig;
  await act(async () => {
    render(<ConfigEditor loaded={loaded} />, root);
  });
}

describe('site rule host access', () => {
  it('asks for exactly the rule’s origins in the click that enables it, then shows access as granted', async () => {
    await mount({ ...structuredClone(DEFAULT_CONFIG), sites: [RULE] } as TeamConfig);
    const toggle = root.querySelector<HTMLInputElement>('[data-testid="site-enabled"]')!;
    expect(toggle.checked).toBe(false);
    expect(root.querySelector('[data-testid="site-access"]')).toBeNull();
    await act(async () => toggle.click());
    expect(perms.request).toHaveBeenCalledTimes(1);
    expect(perms.request).toHaveBeenCalledWith({ origins: ['https://support.example.org/*'] });
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(root.querySelector('[data-testid="site-access"]')?.getAttribute('data-granted')).toBe('true');
  });

  it('an enabled rule without access says so and can ask again; disabling never asks', async () => {
    await mount({ ...structuredClone(DEFAULT_CONFIG), sites: [{ ...RULE, enabled: true }] } as TeamConfig);
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    const line = root.querySelector('[data-testid="site-access"]')!;
    expect(line.getAttribute('data-granted')).toBe('false');
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="site-access-request"]')!.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(root.querySelector('[data-testid="site-access"]')?.getAttribute('data-granted')).toBe('true');
    perms.request.mockClear();
    await act(async () => root.querySelector<HTMLInputElement>('[data-testid="site-enabled"]')!.click());
    expect(perms.request).not.toHaveBeenCalled();
  });
});
