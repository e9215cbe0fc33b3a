// Zendesk Agent Workspace in a real browser, served at its real hostname: end-user comments get badges, the
// agent's reply answers the first, the internal note is ignored, and two mounted tickets stay apart.
// Runs in every browser driver (drivers/index.ts).
import { describe, expect, it } from 'vitest';
import { browsers, type E2EHarness, sharedBrowser } from './drivers/index.ts';

const CONFIG = {
  version: 1,
  schedules: [],
  policies: [{ id: 'tickets', name: 'Tickets', schedule: null, match: { platforms: ['zendesk'] }, firstResponseMinutes: 60, nextResponseMinutes: 60 }],
  brands: {},
  sites: [],
};

describe.each(browsers())('Zendesk ticket pages (%s)', (browser) => {
  let h: E2EHarness;
  sharedBrowser(browser, CONFIG, (x) => (h = x));

  it('badges end-user comments (answered, then overdue), ignores the internal note, stores the ticket', async () => {
    const url = 'https://acme.zendesk.com/agent/tickets/123';
    await h.serveFixture(url, 'tests/fixtures/zendesk/ticket.html');
    const page = await h.open(url);
    const conv = 'zendesk:acme.zendesk.com:123';
    const badges = `replyclock-badge[data-conversation="${conv}"]`;
    await expect.poll(() => h.count(page, badges), { timeout: 15000 }).toBe(2);
    const first = `replyclock-badge[data-message="${conv}@2026-03-02T09:00:00Z"]`;
    const last = `replyclock-badge[data-message="${conv}@2026-03-02T11:00:00Z"]`;
    await expect.poll(() => h.attr(page, first, 'data-state'), { timeout: 15000 }).toBe('answered');
    await expect.poll(() => h.attr(page, last, 'data-state'), { timeout: 15000 }).toBe('breached');
    // The badge sits right after the comment's own time, and none inside the internal note.
    expect(await h.attr(page, `*:has(+ ${last})`, 'datetime')).toBe('2026-03-02T11:00:00Z');
    expect(await h.count(page, 'article:has([data-test-id="omni-log-internal-note-tag"]) replyclock-badge')).toBe(0);
    await h.screenshot(page, 'zendesk-ticket');

    await expect.poll(async () => (await h.conversations()).find((c) => c.id === conv)?.messages.length, { timeout: 15000 }).toBe(3);
    const record = (await h.conversations()).find((c) => c.id === conv)!;
    expect(record).toMatchObject({ platform: 'zendesk', channel: 'ticket' });
    expect(record.messages.map((m) => m.role)).toEqual(['customer', 'brand', 'customer']);
  });

  it('keeps two mounted tickets apart although their comments share a time', async () => {
    const url = 'https://beta.zendesk.com/agent/tickets/123';
    await h.serveFixture(url, 'tests/fixtures/zendesk/two-tickets.html');
    const page = await h.open(url);
    const a = '[data-side-conversations-anchor-id="123"] replyclock-badge';
    const b = '[data-ticket-id="456"] replyclock-badge';
    await expect.poll(() => h.attr(page, a, 'data-conversation'), { timeout: 15000 }).toBe('zendesk:beta.zendesk.com:123');
    await expect.poll(() => h.attr(page, b, 'data-conversation'), { timeout: 15000 }).toBe('zendesk:beta.zendesk.com:456');
    // 123 was answered; 456 (same customer time, no reply) is overdue.
    await expect.poll(() => h.attr(page, a, 'data-state'), { timeout: 15000 }).toBe('answered');
    await expect.poll(() => h.attr(page, b, 'data-state'), { timeout: 15000 }).toBe('breached');
    await expect
      .poll(async () => (await h.conversations()).filter((c) => c.id.startsWith('zendesk:beta.')).map((c) => [c.id, c.messages.length]).sort(), { timeout: 15000 })
      .toEqual([
        ['zendesk:beta.zendesk.com:123', 2],
        ['zendesk:beta.zendesk.com:456', 1],
      ]);
  });
});
