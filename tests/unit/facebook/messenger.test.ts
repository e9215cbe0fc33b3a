// @vitest-environment happy-dom
// Messenger at www.facebook.com/messages and the Meta Business Suite inbox, in English, German and Dutch.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { facebookMessengerSite, readMessengerRow } from '../../../src/content/sites/facebook-messenger.ts';
import { facebookBusinessSite } from '../../../src/content/sites/facebook-business.ts';
import { config, loadFixture, record } from './helpers.ts';

const NOW = Date.parse('2026-03-12T14:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const THREAD = 'https://www.facebook.com/messages/t/1234567890';
const INBOX = 'https://business.facebook.com/latest/inbox/all?asset_id=100064000000001&mailbox_id=222&selected_item_id=100&thread_type=FB_MESSAGE';

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe.each(['en', 'de', 'nl'])('Messenger (%s)', (lang) => {
  beforeEach(() => loadFixture(`messenger-${lang}.html`));
  const run = (url = THREAD, cfg = config()) => {
    const r = record(url, cfg);
    facebookMessengerSite.init(r.ctx);
    return r;
  };

  it('tracks every thread row as a dm; "You:" rows are answered, others wait with a badge', () => {
    const r = run();
    const rows = r.tracked.filter((t) => t.conv.id !== 'facebook:dm:1234567890' || t.placement?.parent.getAttribute('role') === 'row');
    const byId = new Map(rows.map((t) => [t.conv.id, t]));
    expect([...byId.keys()]).toEqual(['facebook:dm:1234567890', 'facebook:dm:2345678901', 'facebook:dm:3456789012']);
    for (const t of rows) expect(t.conv).toMatchObject({ platform: 'facebook', channel: 'dm' });
    expect(byId.get('facebook:dm:2345678901')!.conv.messages[0]).toMatchObject({ role: 'brand', at: NOW - DAY, precisionMs: 12 * HOUR });
    expect(byId.get('facebook:dm:2345678901')!.placement).toBeNull();
    expect(byId.get('facebook:dm:3456789012')!.conv.messages[0]).toMatchObject({ role: 'customer', at: NOW - 5 * MIN, precisionMs: 30_000 });
    expect(byId.get('facebook:dm:3456789012')!.conv.url).toBe('https://www.facebook.com/messages/t/3456789012');
  });

  it('reads the open thread: senders from the hidden heading, the row time for the last message', () => {
    const msgs = run().byConversation().get('facebook:dm:1234567890')!;
    expect(msgs.map((m) => m.role)).toEqual(['customer', 'customer', 'brand', 'customer']);
    // The list row's last message and the thread's last message are one message, timed by the row ("2h").
    const timed = msgs.filter((m) => m.at !== null);
    expect(timed).toHaveLength(1);
    expect(timed[0]).toMatchObject({ at: NOW - 2 * HOUR, precisionMs: 30 * MIN });
    expect(new Set(msgs.map((m) => m.id)).size).toBe(4);
  });

  it('does not read a separator or a "see all" row as a message', () => {
    expect(readMessengerRow(document.querySelectorAll('[role="grid"] [role="row"]')[3]!)).toBeNull();
  });

  it('reports ok', () => {
    expect(run().health).toContainEqual({ status: 'ok' });
  });

  it('tracks no chat without a configured Page (personal chats are not ours)', () => {
    expect(run(THREAD, config([])).tracked).toEqual([]);
  });
});

describe('Messenger health', () => {
  it("the encrypted-chat PIN screen is 'empty', not 'mismatch'", () => {
    loadFixture('messenger-pin.html');
    const r = record(THREAD);
    facebookMessengerSite.init(r.ctx);
    r.runLater();
    expect(r.health).toEqual([{ status: 'empty', detail: expect.stringContaining('PIN') }]);
  });

  it("a Messenger page where nothing matches is a 'mismatch'", () => {
    document.body.innerHTML = '<div role="navigation"><div class="x1abc">Jane Doe</div></div><div role="main"></div>';
    const r = record(THREAD);
    facebookMessengerSite.init(r.ctx);
    r.runLater();
    expect(r.health).toEqual([{ status: 'mismatch', detail: expect.any(String) }]);
  });
});

describe.each(['en', 'de', 'nl'])('Business Suite inbox (%s)', (lang) => {
  beforeEach(() => loadFixture(`business-${lang}.html`));
  const run = () => {
    const r = record(INBOX, config([]));
    facebookBusinessSite.init(r.ctx);
    return r;
  };

  it('tracks rows by thread id (link or, for the open row, the URL); "You:" means answered', () => {
    const r = run();
    const byId = new Map(r.tracked.map((t) => [t.conv.id, t]));
    expect([...byId.keys()]).toEqual(['facebook:bs:100', 'facebook:bs:200', 'facebook:bs:300']);
    expect(byId.get('facebook:bs:100')!.conv).toMatchObject({ channel: 'dm', customer: { name: 'Jane Doe' } });
    expect(byId.get('facebook:bs:100')!.conv.messages[0]).toMatchObject({ role: 'customer', at: NOW - 2 * HOUR, precisionMs: 30 * MIN });
    expect(byId.get('facebook:bs:100')!.placement).not.toBeNull();
    expect(byId.get('facebook:bs:200')!.conv.messages[0]!.role).toBe('brand');
    expect(byId.get('facebook:bs:200')!.placement).toBeNull();
    // A comment thread is public.
    expect(byId.get('facebook:bs:300')!.conv).toMatchObject({ channel: 'public' });
    expect(byId.get('facebook:bs:300')!.conv.url).toContain('selected_item_id=300');
  });

  it('gives no badge to a row whose id cannot be found, rather than inventing one', () => {
    expect(run().tracked.some((t) => t.conv.customer.name === 'Dan Brown')).toBe(false);
  });

  it("the inbox of a Page the team configured by id counts; another Page's inbox (an agency's other client) does not", () => {
    const ours = record(INBOX, config(['AcmePage', '100064000000001']));
    facebookBusinessSite.init(ours.ctx);
    expect(ours.tracked.map((t) => t.conv.id)).toContain('facebook:bs:100');
    const other = record(INBOX.replace('asset_id=100064000000001', 'asset_id=555'), config(['AcmePage', '100064000000001']));
    facebookBusinessSite.init(other.ctx);
    other.runLater();
    expect(other.tracked).toEqual([]);
    expect(other.health).toEqual([{ status: 'empty', detail: 'the inbox of a Page not in brands.facebook (555)' }]);
    // Configured by name only: no id to compare the inbox's with, so it counts.
    const byName = record(INBOX.replace('asset_id=100064000000001', 'asset_id=555'), config(['AcmePage']));
    facebookBusinessSite.init(byName.ctx);
    expect(byName.tracked.length).toBeGreaterThan(0);
  });

  it("rows that stopped matching are a 'mismatch'", () => {
    for (const row of document.querySelectorAll('._4k8w')) row.className = 'x1new';
    const r = run();
    r.runLater();
    expect(r.health).toEqual([{ status: 'mismatch', detail: expect.any(String) }]);
  });
});

describe('which adapter a URL gets', () => {
  it('splits www.facebook.com/messages, the Business Suite inbox and every other Facebook page', async () => {
    const { isFacebookBusinessUrl, isFacebookMessagesUrl, isFacebookUrl } = await import('../../../src/content/sites/facebook-urls.ts');
    const u = (s: string) => new URL(s);
    expect(isFacebookMessagesUrl(u(THREAD))).toBe(true);
    expect(isFacebookMessagesUrl(u('https://www.facebook.com/messages/e2ee/t/1'))).toBe(true);
    expect(isFacebookUrl(u(THREAD))).toBe(false);
    expect(isFacebookUrl(u('https://www.facebook.com/AcmePage/posts/pfbid02abc'))).toBe(true);
    expect(isFacebookUrl(u('https://www.facebook.com.evil.example/AcmePage'))).toBe(false);
    expect(isFacebookUrl(u('http://www.facebook.com/AcmePage'))).toBe(false);
    expect(isFacebookBusinessUrl(u(INBOX))).toBe(true);
    expect(isFacebookBusinessUrl(u('https://business.facebook.com/latest/home'))).toBe(false);
  });
});
