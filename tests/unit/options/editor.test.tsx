// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { TeamConfig } from '../../../src/core/types.ts';
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.ts';
import type { LoadedConfig } from '../../../src/shared/settings.ts';

vi.mock('../../../src/shared/i18n.ts', () => import('./i18n-mock.ts'));
vi.mock('../../../src/shared/browser.ts', () => ({ default: {} }));
const settings = vi.hoisted(() => ({
  saveConfig: vi.fn(async (c: unknown) => ({ ok: true as const, config: c })),
  flushConfigWrites: vi.fn(async () => undefined),
}));
vi.mock('../../../src/shared/settings.ts', () => settings);

const { ConfigEditor } = await import('../../../src/options/editor/ConfigEditor.tsx');

let root: HTMLElement;
const $ = <T extends Element = HTMLElement>(sel: string, from: ParentNode = root): T => {
  const el = from.querySelector<T>(sel);
  if (!el) throw new Error(`missing ${sel}`);
  return el;
};
const $$ = (sel: string, from: ParentNode = root): HTMLElement[] => [...from.querySelectorAll<HTMLElement>(sel)];
const saveButton = (): HTMLButtonElement => $<HTMLButtonElement>('[data-testid="config-save"]');

function loadedWith(config: TeamConfig, extra: Partial<LoadedConfig> = {}): LoadedConfig {
  return {
    config,
    source: 'stored',
    origin: 'sync',
    problems: [],
    locked: [],
    syncStatus: { state: 'idle', messageKey: 'settings_sync_idle', at: 0 },
    agentNameRequired: false,
    configUrl: null,
    ...extra,
  };
}

async function mount(loaded: LoadedConfig): Promise<void> {
  await act(async () => {
    render(<ConfigEditor loaded={loaded} />, root);
  });
}

async function type(el: Element, value: string): Promise<void> {
  await act(async () => {
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(el: Element): Promise<void> {
  await act(async () => {
    (el as HTMLElement).click();
  });
}

/** The Monday interval row of the first schedule, by its config path. */
const mondayRow = (j: number): HTMLElement => $(`[data-testid="interval"][data-path="schedules[0].week.mon[${j}]"]`);

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  settings.saveConfig.mockClear();
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('team config editor: validation as you type', () => {
  it('shows "25:00" as an error at that interval, disables Save, and saves nothing', async () => {
    await mount(loadedWith(DEFAULT_CONFIG));
    expect(saveButton().disabled).toBe(true); // nothing changed yet

    await type($('[data-testid="interval-start"]', mondayRow(0)), '25:00');

    const error = $('[data-testid="field-error"]', mondayRow(0));
    expect(error.dataset.for).toBe('schedules[0].week.mon[0]');
    expect(error.textContent).toContain('"25:00" is not a time of day');
    expect($('[data-testid="interval-start"]', mondayRow(0)).getAttribute('aria-invalid')).toBe('true');
    // Only that interval is marked; Tuesday is fine.
    expect($$('[data-testid="field-error"]').map((e) => e.dataset.for)).toEqual(['schedules[0].week.mon[0]']);
    expect(saveButton().disabled).toBe(true);
    expect($('[data-testid="save-status"]').dataset.state).toBe('invalid');

    await click(saveButton());
    expect(settings.saveConfig).not.toHaveBeenCalled();

    // Fixing it clears the error and enables Save.
    await type($('[data-testid="interval-start"]', mondayRow(0)), '08:00');
    expect($$('[data-testid="field-error"]')).toEqual([]);
    expect(saveButton().disabled).toBe(false);
    expect($('[data-testid="save-status"]').textContent).toContain('Unsaved changes');
  });

  it('accepts an overnight interval, shows it running into the next day, and saves it', async () => {
    await mount(loadedWith(DEFAULT_CONFIG));
    const sat = $('[data-testid="day-sat"]');
    expect(sat.textContent).toContain('Closed');
    await click($('[data-testid="interval-add"]', sat));
    const row = $('[data-testid="interval"]', sat);
    await type($('[data-testid="interval-start"]', row), '22:00');
    await type($('[data-testid="interval-end"]', row), '06:00');

    expect($('[data-testid="overnight"]', row).textContent).toBe('→ next day');
    expect($$('[data-testid="field-error"]')).toEqual([]);
    expect(saveButton().disabled).toBe(false);

    await click(saveButton());
    expect(settings.saveConfig).toHaveBeenCalledTimes(1);
    const saved = settings.saveConfig.mock.calls[0]![0] as TeamConfig;
    expect(saved.schedules[0]!.week.sat).toEqual([['22:00', '06:00']]);
    expect($('[data-testid="save-status"]').textContent).toContain('Saved');
    expect(saveButton().disabled).toBe(true);
  });

  it('shows an overnight interval that runs into the next day’s hours as an overlap at that day', async () => {
    await mount(loadedWith(DEFAULT_CONFIG));
    // Monday 09–17 exists; a Sunday 22:00–10:00 runs into it.
    const sun = $('[data-testid="day-sun"]');
    await click($('[data-testid="interval-add"]', sun));
    await type($('[data-testid="interval-start"]', sun), '22:00');
    await type($('[data-testid="interval-end"]', sun), '10:00');
    const error = $('[data-testid="field-error"]', mondayRow(0));
    expect(error.textContent).toContain('runs past midnight');
    expect(saveButton().disabled).toBe(true);
  });

  it('shows a bad minutes value at that target field', async () => {
    await mount(loadedWith(DEFAULT_CONFIG));
    const policy = $('[data-testid="policy-0"]');
    await type($('[data-testid="policy-firstResponse"]', policy), 'soon');
    const error = $('[data-testid="field-error"]', policy);
    expect(error.dataset.for).toBe('policies[0].firstResponseMinutes');
    expect(saveButton().disabled).toBe(true);
  });

  it('maps a broken /regex/ topic to the topics field', async () => {
    await mount(loadedWith(DEFAULT_CONFIG));
    const policy = $('[data-testid="policy-0"]');
    await type($('[data-testid="policy-topics"]', policy), 'refund\n/(unclosed/');
    expect($('[data-testid="field-error"]', policy).dataset.for).toBe('policies[0].match.topics');
  });
});

describe('team config editor: edits', () => {
  it('reorders policies and saves them in the new order', async () => {
    const config: TeamConfig = {
      ...structuredClone(DEFAULT_CONFIG),
      policies: [
        { id: 'vip', schedule: null, match: { priorities: ['vip'] }, firstResponseMinutes: 15 },
        { id: 'social', schedule: 'office', match: { platforms: ['x'] }, firstResponseMinutes: 60 },
        { id: 'rest', schedule: 'office', match: {}, firstResponseMinutes: 240 },
      ],
    };
    await mount(loadedWith(config));
    await click($('[data-testid="policy-down"]', $('[data-testid="policy-0"]')));
    expect($$('[data-testid^="policy-"][data-policy-id]').map((e) => e.dataset.policyId)).toEqual(['social', 'vip', 'rest']);
    expect($<HTMLButtonElement>('[data-testid="policy-up"]', $('[data-testid="policy-0"]')).disabled).toBe(true);

    // Moving the catch-all up makes the policy after it unreachable: reported, not saved.
    await click($('[data-testid="policy-up"]', $('[data-testid="policy-2"]')));
    expect($('[data-testid="field-error"]', $('[data-testid="policy-2"]')).textContent).toContain('can never apply');
    expect(saveButton().disabled).toBe(true);
    await click($('[data-testid="policy-down"]', $('[data-testid="policy-1"]')));

    await click(saveButton());
    const saved = settings.saveConfig.mock.calls[0]![0] as TeamConfig;
    expect(saved.policies.map((p) => p.id)).toEqual(['social', 'vip', 'rest']);
  });

  it('imports holidays from an .ics file and lists what it skipped', async () => {
    await mount(loadedWith(DEFAULT_CONFIG));
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'SUMMARY:Kingsday',
      'DTSTART;VALUE=DATE:20260427',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'SUMMARY:Christmas',
      'DTSTART;VALUE=DATE:20261225',
      'RRULE:FREQ=YEARLY',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'SUMMARY:Team meeting',
      'DTSTART:20260310T090000Z',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const input = $<HTMLInputElement>('[data-testid="holidays-ics"]');
    const file = new File([ics], 'holidays.ics', { type: 'text/calendar' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });

    expect($$('[data-testid="holiday"]').map((e) => e.dataset.path)).toHaveLength(2);
    expect($('[data-testid="holidays"]').textContent).toContain('2026-04-27');
    expect($('[data-testid="ics-result"]').textContent).toContain('2 holidays added from holidays.ics');
    expect($('[data-testid="ics-skipped"]').textContent).toContain('Team meeting');

    await click(saveButton());
    const saved = settings.saveConfig.mock.calls[0]![0] as TeamConfig;
    expect([...saved.schedules[0]!.holidays!].sort()).toEqual(['--12-25', '2026-04-27']);
  });

  it('adds and removes brand handles as chips, normalising "@" on save', async () => {
    await mount(loadedWith(DEFAULT_CONFIG));
    const x = $('[data-testid="brands-x"]');
    await type($('[data-testid="brand-input-x"]', x), '@AcmeSupport');
    await click($('[data-testid="brand-add-x"]', x));
    expect($$('[data-testid="brand-chip"]', x).map((e) => e.textContent)).toEqual(['@AcmeSupport×']);
    await type($('[data-testid="brand-input-x"]', x), 'not a handle!');
    await click($('[data-testid="brand-add-x"]', x));
    expect($('[data-testid="field-error"]', x).dataset.for).toBe('brands.x');
    expect(saveButton().disabled).toBe(true);
    // Remove the bad ones (the input split "not a handle!" into three entries).
    for (let i = 0; i < 3; i++) await click($$('[data-testid="brand-chip"] button', x).at(-1)!);
    await click(saveButton());
    expect((settings.saveConfig.mock.calls[0]![0] as TeamConfig).brands).toEqual({ x: ['AcmeSupport'] });
  });
});

describe('team config editor: locked and read-only', () => {
  it('disables the fields the administrator locked, with a lock and "Set by your administrator"', async () => {
    await mount(loadedWith(DEFAULT_CONFIG, { origin: 'managed', locked: ['schedules', 'brands'] }));
    const hours = $('[data-testid="section-hours"]');
    expect(hours.dataset.locked).toBe('true');
    expect($<HTMLFieldSetElement>('fieldset', hours).disabled).toBe(true);
    expect($('[data-testid="locked-note"]', hours).textContent).toContain('Set by your administrator');
    expect($('[data-testid="section-brands"]').dataset.locked).toBe('true');
    // Policies are not locked: editable.
    const policies = $('[data-testid="section-policies"]');
    expect(policies.dataset.locked).toBe('false');
    expect($<HTMLFieldSetElement>('fieldset', policies).disabled).toBe(false);
    expect(policies.querySelector('[data-testid="locked-note"]')).toBeNull();
  });

  it('makes everything read-only while a team config URL is in force', async () => {
    await mount(loadedWith(DEFAULT_CONFIG, { origin: 'url', configUrl: 'https://intranet.example.com/rc.json' }));
    expect($('[data-testid="editor-from-url"]').textContent).toContain('https://intranet.example.com/rc.json');
    for (const s of $$('[data-testid^="section-"]')) expect(s.dataset.locked).toBe('true');
    expect(saveButton().disabled).toBe(true);
  });

  it('shows saveConfig refusals by field and keeps the edits', async () => {
    settings.saveConfig.mockResolvedValueOnce({ ok: false, errors: [{ path: 'policies', message: 'is locked by your administrator and cannot be changed' }] } as never);
    await mount(loadedWith(DEFAULT_CONFIG));
    await type($('[data-testid="policy-name"]', $('[data-testid="policy-0"]')), 'Social care');
    await click(saveButton());
    expect($('[data-testid="save-refused"]').textContent).toContain('is locked by your administrator');
    expect($('[data-testid="save-status"]').dataset.state).toBe('unsaved');
  });
});
