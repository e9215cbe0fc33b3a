// Issue 7: "export and re-import round-trips exactly". A team config with every kind of field is exported from
// the options page, another config is applied, and importing the exported file brings back exactly the first
// config (and the badges that go with it). Runs in every browser driver (drivers/index.ts).
import { describe, expect, it } from 'vitest';
import { browsers, type E2EHarness, type RcPage, sharedBrowser } from './drivers/index.ts';
import { CONVERSATION, MENTIONS_URL, mentionPage } from './foundation-fixture.ts';

const FULL = {
  version: 1,
  schedules: [
    {
      id: 'office',
      name: 'Office hours',
      timeZone: 'Europe/Amsterdam',
      week: { mon: [['09:00', '12:00'], ['13:00', '17:30']], fri: [['22:00', '06:00']] },
      holidays: ['2026-12-25', '--01-01'],
      exceptions: [{ date: '2026-12-24', hours: [['09:00', '13:00']], note: 'Christmas Eve' }, { date: '2026-12-31', hours: [] }],
    },
  ],
  policies: [
    { id: 'vip', name: 'VIP', schedule: null, match: { priorities: ['vip'], topics: ['refund', '/order\\s+#\\d+/i'] }, firstResponseMinutes: 15, warnAt: 0.5 },
    { id: 'social', name: 'Social', schedule: null, match: {}, firstResponseMinutes: 60, resolutionMinutes: 1440, calendarTargets: ['resolution'] },
  ],
  brands: { x: ['AcmeSupport'], facebook: ['Acme'] },
  sites: [],
  notifications: { enabled: true, leadMinutes: 5, quietWhenClosed: false },
  retentionDays: 90,
};
const OTHER = { version: 1, schedules: [], policies: [{ id: 'all', schedule: null, match: {}, firstResponseMinutes: 60 }], brands: { x: ['SomeoneElse'] }, sites: [] };

const tid = (id: string): string => `[data-testid="${id}"]`;

describe.each(browsers())('team config file: export and re-import (%s)', (browser) => {
  let h: E2EHarness;
  sharedBrowser(browser, undefined, (x) => (h = x));

  async function exportFile(options: RcPage): Promise<string> {
    return (await h.download(options, tid('export-config'))).content;
  }

  async function importFile(options: RcPage, name: string, text: string): Promise<void> {
    await h.setInputFiles(options, tid('import-config'), { name, mimeType: 'application/json', content: text });
    // The preview list is empty (so invisible) when nothing would change; the Apply button is always there.
    await h.waitFor(options, tid('import-config-apply'));
  }

  it('round-trips exactly', async () => {
    const applied = await h.setConfig(FULL);
    const options = await h.openOptions();
    const exported = await exportFile(options);
    const file = JSON.parse(exported) as { format: string; config: unknown };
    expect(file.format).toBe('replyclock-team-config');
    expect(file.config).toEqual(applied);

    // Choosing the exported file right away: nothing would change.
    await importFile(options, 'replyclock-team-config.json', exported);
    expect(await h.count(options, `${tid('import-config-preview')} li`)).toBe(0);
    expect(await h.text(options, '.preview')).toContain('matches the active configuration');
    await h.click(options, tid('import-config-cancel'));
    await options.close();

    // Another team's config, with a page open that shows (then loses, then regains) a badge.
    await h.serveHtml(MENTIONS_URL, mentionPage(5));
    const x = await h.open(MENTIONS_URL);
    const badge = `replyclock-badge[data-conversation="${CONVERSATION}"]`;
    await h.waitFor(x, badge, { timeout: 15000 });
    await h.setConfig(OTHER);
    await h.waitForGone(x, badge, { timeout: 15000 });

    const back = await h.openOptions();
    await importFile(back, 'replyclock-team-config.json', exported);
    expect(await h.text(back, tid('diff-brands'))).toContain('AcmeSupport');
    await h.click(back, tid('import-config-apply'));
    await h.waitFor(back, tid('import-config-applied'), { timeout: 20000 });
    await h.waitFor(x, badge, { timeout: 15000 });

    // The config in effect is the exported one, byte for byte once the export time is set aside.
    const reexported = await exportFile(back);
    const strip = (text: string): string => text.replace(/"exportedAt": "[^"]*"/, '"exportedAt": ""');
    expect(strip(reexported)).toBe(strip(exported));
    // The editors show it unchanged: nothing to save.
    expect(await h.attr(back, tid('save-status'), 'data-state')).not.toBe('unsaved');
    await h.screenshot(back, 'options-config-roundtrip');
    await back.close();
    await x.close();
  });
});
