// X with the built extension in every browser driver: fixture pages served at the real x.com hostname.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browsers, type E2EHarness, sharedBrowser } from './drivers/index.ts';

const CONFIG = {
  version: 1,
  schedules: [],
  policies: [{ id: 'social', name: 'Social', schedule: null, match: {}, firstResponseMinutes: 60, nextResponseMinutes: 60 }],
  brands: { x: ['AcmeSupport', 'AcmeHelp'] },
  sites: [],
};
const STATES = ['ok', 'warning', 'breached', 'paused', 'answered', 'unknown'];
const id = (n: string): string => `x:18000000000000000${n}`;
const byConversation = (conv: string): string => `replyclock-badge[data-conversation="${conv}"]`;
const byMessage = (msg: string): string => `replyclock-badge[data-message="${msg}"]`;

// X's reply flow on a timeline, as the page script of the fixture: a tweet's Reply button opens the dialog in #layers
// at its own URL (/compose/post: "Replying to @author", composer, Reply button); sending closes it, goes back to the
// timeline's URL and shows the "Your post was sent · View" toast, whose link is the new post (its id a snowflake of
// the send time). Test ids as X ships them (see x-selectors.ts).
const REPLY_FLOW = String.raw`<div id="layers"></div><script>
  const layers = document.getElementById('layers');
  document.addEventListener('click', (e) => {
    const reply = e.target.closest('[data-testid="reply"]');
    if (reply) {
      const author = reply.closest('article').querySelector('[data-testid="User-Name"] a[href^="/"]').getAttribute('href').slice(1);
      layers.innerHTML = '<div role="dialog" aria-modal="true"><div><div>Replying to <a href="/' + author + '" role="link">@' + author + '</a></div>' +
        '<div data-testid="tweetTextarea_0" role="textbox" contenteditable="true">Sorry about that, we sent you a DM</div>' +
        '<button data-testid="tweetButton" type="button"><span>Reply</span></button></div></div>';
      history.pushState({}, '', '/compose/post');
    } else if (e.target.closest('[data-testid="tweetButton"]')) {
      const id = String(BigInt(Date.now() - 1288834974657) << 22n);
      layers.innerHTML = '';
      history.back();
      setTimeout(() => (layers.innerHTML = '<div data-testid="toast" role="alert"><div><span>Your post was sent.</span><a href="/AcmeSupport/status/' + id + '" role="link"><span>View</span></a></div></div>'), 300);
    }
  });
</script>`;

describe.each(browsers())('X (e2e, %s)', (browser) => {
  let h: E2EHarness;
  sharedBrowser(browser, CONFIG, (x) => (h = x));

  it('mentions timeline: badges on customer mentions only', async () => {
    await h.serveFixture('https://x.com/notifications/mentions', 'tests/fixtures/x/mentions.html');
    const page = await h.open('https://x.com/notifications/mentions');
    for (const n of ['01', '02', '09', '10', '11']) {
      await expect.poll(() => h.count(page, byConversation(id(n))), { timeout: 10_000 }).toBe(1);
      expect(STATES).toContain(await h.attr(page, byConversation(id(n)), 'data-state'));
    }
    // promoted, repost, brand-authored, lookalikes, quote-only mention
    for (const n of ['03', '04', '05', '06', '07', '08', '12']) {
      expect(await h.count(page, byConversation(id(n)))).toBe(0);
    }
    await expect.poll(async () => (await h.badges(page)).length).toBe(5);
    await h.screenshot(page, 'x-mentions');
    // The background stored what the page showed.
    await expect
      .poll(async () => (await h.conversations()).map((c) => c.id).sort(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([id('01'), id('02')]));
  });

  it('mentions timeline: a reply sent from the reply dialog answers the tweet there, with the post X made', async () => {
    const url = 'https://x.com/notifications/mentions';
    await h.serveHtml(url, readFileSync('tests/fixtures/x/mentions.html', 'utf8').replace('</body>', `${REPLY_FLOW}</body>`));
    const page = await h.open(url);
    const jane = byConversation(id('01'));
    await expect.poll(() => h.attr(page, jane, 'data-state'), { timeout: 10_000 }).toBe('breached');
    await h.click(page, `article:has(a[href="/jane_doe/status/${id('01').slice(2)}"]) [data-testid="reply"]`);
    await h.click(page, '[data-testid="tweetButton"]');
    await expect.poll(() => h.attr(page, jane, 'data-state'), { timeout: 10_000 }).toBe('answered');
    expect(await h.attr(page, byConversation(id('02')), 'data-state')).toBe('breached');
    await h.screenshot(page, 'x-reply-dialog');
    // Stored with the post's own id and time (its snowflake), as the thread would show it.
    const toast = (await h.attr(page, '[data-testid="toast"] a', 'href'))!;
    const post = /\/status\/(\d+)$/.exec(toast)![1]!;
    await expect
      .poll(async () => (await h.conversations()).find((c) => c.id === id('01'))?.messages.filter((m) => m.role === 'brand').map((m) => [m.id, m.at]), { timeout: 10_000 })
      .toEqual([[`x:${post}`, Number(BigInt(post) >> 22n) + 1288834974657]]);
  });

  it('status page: the brand reply makes the customer tweet answered', async () => {
    await h.serveFixture('https://x.com/jane_doe/status/1800000000000000101', 'tests/fixtures/x/status.html');
    const page = await h.open('https://x.com/jane_doe/status/1800000000000000101');
    const first = byMessage('x:1800000000000000101');
    await expect.poll(() => h.attr(page, first, 'data-state'), { timeout: 10_000 }).toBe('answered');
    expect(await h.attr(page, first, 'data-conversation')).toBe('x:1800000000000000101');
    expect(await h.attr(page, byMessage('x:1800000000000000103'), 'data-conversation')).toBe('x:1800000000000000101');
    expect(await h.count(page, byMessage('x:1800000000000000104'))).toBe(0);
    await h.screenshot(page, 'x-status');
  });
});
