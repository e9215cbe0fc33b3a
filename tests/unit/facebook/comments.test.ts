// @vitest-environment happy-dom
// Page post comments in English, German and Dutch: which comments get badges, which Page replies answer them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseFbTime } from '../../../src/core/fbtime.ts';
import { localWallClock } from '../../../src/core/wall-clock.ts';
import { zoneWallClock } from '../../../src/core/zone-clock.ts';
import { cleanUrl, facebookSite } from '../../../src/content/sites/facebook.ts';
import { ID_LINK, normCommentId, ownAll, readComment } from '../../../src/content/sites/facebook-read.ts';
import { config, FIRST_SEEN, loadFixture, record } from './helpers.ts';

const NOW = Date.parse('2026-03-12T14:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const POST = 'https://www.facebook.com/AcmePage/posts/pfbid02abc';

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('the link stored with a comment', () => {
  it.each([
    ['drops tracking parameters, keeps the rest in order', `${POST}?comment_id=abc%3D&__cft__[0]=AZX&reply_comment_id=9&__tn__=R%5D-R`, `${POST}?comment_id=abc%3D&reply_comment_id=9`],
    ['drops the question mark with the last parameter', `${POST}?__cft__[0]=AZX&__tn__=R`, POST],
    ['keeps a fragment', `${POST}?__tn__=R&comment_id=1#c`, `${POST}?comment_id=1#c`],
    ['a question mark inside the fragment is not a query', `${POST}#a?__tn__=R`, `${POST}#a?__tn__=R`],
    ['resolves a relative link against the page', '/AcmePage/posts/pfbid02abc?comment_id=1&__tn__=R', `${POST}?comment_id=1`],
    ['never stores a script link: the page instead', 'javascript:alert(1)', 'https://www.facebook.com/AcmePage'],
  ])('%s', (_what, href, want) => {
    expect(cleanUrl(href, 'https://www.facebook.com/AcmePage')).toBe(want);
  });
});

describe.each(['en', 'de', 'nl'])('comments on a Page post (%s)', (lang) => {
  beforeEach(() => loadFixture(`post-${lang}.html`));

  function run(url = POST, cfg = config()) {
    const r = record(url, cfg);
    facebookSite.init(r.ctx);
    return r;
  }

  it('puts a badge on every customer comment and reply, none on the Page or the post', () => {
    const r = run();
    const badged = r.tracked.filter((t) => t.placement).map((t) => t.placement!.messageId);
    expect(badged).toEqual([
      'facebook:1234567890_1111', // Jane's comment (base64 id decoded)
      'facebook:3333', // Jane's follow-up after the Page's answer
      'facebook:4444', // Bob
      'facebook:6666', // Carol, under the Page's own comment
      'facebook:7777', // lookalike "Acme Nederland" at another URL
      'facebook:8888', // Dan, unreadable time
    ]);
    // The badge sits right after the time link.
    for (const t of r.tracked.filter((x) => x.placement)) {
      expect(t.placement!.after).not.toBeNull();
      expect((t.placement!.after as Element).getAttribute('href')).toContain('comment_id=');
      expect(t.placement!.parent).toBe((t.placement!.after as Element).parentElement);
    }
  });

  it('groups a thread into the top-level comment\'s conversation: customer, Page answer, customer follow-up', () => {
    const convs = run().byConversation();
    expect([...convs.keys()]).toEqual(['facebook:1234567890_1111', 'facebook:4444', 'facebook:6666', 'facebook:7777', 'facebook:8888']);
    const jane = convs.get('facebook:1234567890_1111')!;
    expect(jane.map((m) => [m.id, m.role])).toEqual([
      ['facebook:1234567890_1111', 'customer'],
      ['facebook:2222', 'brand'],
      ['facebook:3333', 'customer'],
    ]);
    expect(jane.map((m) => m.at)).toEqual([NOW - 2 * HOUR, NOW - HOUR, NOW - 30 * MIN]);
    expect(jane.map((m) => m.precisionMs)).toEqual([30 * MIN, 30 * MIN, 30_000]);
    // The Page's own comment opens nothing by itself; Carol's reply under it does.
    expect(convs.get('facebook:6666')!.map((m) => m.role)).toEqual(['customer']);
    expect(convs.has('facebook:5555')).toBe(false);
  });

  it('reports channel, customer, text and a permalink without tracking parameters', () => {
    const r = run();
    const jane = r.tracked.find((t) => t.conv.id === 'facebook:1234567890_1111')!.conv;
    expect(jane).toMatchObject({ platform: 'facebook', channel: 'public', customer: { handle: 'jane.doe.77', name: 'Jane Doe' } });
    expect(jane.url).toBe(`${POST}?comment_id=Y29tbWVudDoxMjM0NTY3ODkwXzExMTE%3D`);
    expect(jane.messages[0]!.text).toContain('#1234');
    const bob = r.tracked.find((t) => t.conv.id === 'facebook:4444')!.conv;
    expect(bob.customer).toEqual({ handle: '100012345678901', name: 'Bob Smith' });
  });

  it('prefers the time link\'s full-date tooltip over "5m"', () => {
    const bob = run().byConversation().get('facebook:4444')![0]!;
    expect(bob.precisionMs).toBe(30_000);
    expect(bob.at).toBe(parseFbTime(lang === 'en' ? '11 March 2026 at 14:55' : lang === 'de' ? '11. März 2026 um 14:55' : '11 maart 2026 om 14:55', NOW, localWallClock)!.at);
  });

  it('reads "Yesterday at 14:05" in the local zone, ±30 s', () => {
    const carol = run().byConversation().get('facebook:6666')![0]!;
    expect(carol).toMatchObject({ at: parseFbTime('Yesterday at 14:05', NOW, localWallClock)!.at, precisionMs: 30_000 });
  });

  it('falls back to first-seen (at: null) when the time cannot be read', () => {
    const dan = run().byConversation().get('facebook:8888')![0]!;
    expect(dan).toMatchObject({ at: null, firstSeenAt: FIRST_SEEN, precisionMs: 0 });
  });

  it('says the page is ok', () => {
    expect(run().health).toContainEqual({ status: 'ok' });
  });

  it("ignores comments on someone else's post", () => {
    const r = run('https://www.facebook.com/SomeoneElse/posts/pfbid09xyz', config(['AcmeOther']));
    expect(r.tracked).toEqual([]);
  });

  it('tracks nothing without a configured Page (a Page reply could not be told apart) and says why', () => {
    const r = run(POST, config([]));
    expect(r.tracked).toEqual([]);
    r.runLater();
    expect(r.health).toEqual([{ status: 'empty', detail: expect.stringContaining('brands.facebook') }]);
  });
});

describe('brand matching is exact and configurable', () => {
  beforeEach(() => loadFixture('post-en.html'));
  const roles = (brands: string[]) => {
    const r = record(POST, config(brands));
    facebookSite.init(r.ctx);
    return Object.fromEntries(r.tracked.flatMap((t) => t.conv.messages.map((m) => [m.id, m.role])));
  };

  it('by the Page URL, in any case and as a full address', () => {
    for (const b of ['AcmePage', 'acmepage', 'https://www.facebook.com/AcmePage', 'facebook.com/AcmePage/']) {
      expect(roles([b])['facebook:2222']).toBe('brand');
    }
  });

  it('a name alone is matched only when asked for, and then also matches a lookalike — URLs are safer', () => {
    // "Acme Nederland" holds a space: it can only be a name.
    const byName = roles(['name:Acme Nederland', 'AcmePage']);
    expect(byName['facebook:7777']).toBeUndefined(); // taken for the Page's own comment: no badge
    const byUrl = roles(['AcmePage']);
    expect(byUrl['facebook:7777']).toBe('customer');
  });

  it('AcmePageNL is not AcmePage', () => {
    expect(roles(['AcmePageNL'])['facebook:2222']).toBeUndefined(); // not the owner's post: nothing tracked
  });
});

describe('reading one comment', () => {
  beforeEach(() => loadFixture('post-en.html'));
  const articles = () => [...document.querySelectorAll('div[role="article"][aria-label]')];

  it("takes a reply's own id and its parent from reply_comment_id / comment_id", () => {
    const r = readComment(articles()[1]!, NOW, zoneWallClock('UTC'), ownAll(articles()[1]!, ID_LINK));
    expect(r).toMatchObject({ ok: true, comment: { id: '2222', parentId: '1234567890_1111', name: 'Acme Nederland', profile: { vanity: 'acmepage' } } });
  });

  it('takes the author from the first profile link, not a hashtag link', () => {
    const r = readComment(articles()[3]!, NOW, zoneWallClock('UTC'), ownAll(articles()[3]!, ID_LINK));
    expect(r).toMatchObject({ ok: true, comment: { id: '4444', profile: { id: '100012345678901' }, name: 'Bob Smith' } });
  });

  it('reports a comment without a comment link or author as unreadable', () => {
    const a = articles()[3]!;
    for (const l of a.querySelectorAll('a[href*="profile.php"]')) l.remove();
    expect(readComment(a, NOW, zoneWallClock('UTC'), ownAll(a, ID_LINK))).toEqual({ ok: false, reason: 'comment author link not found' });
    for (const l of a.querySelectorAll('a')) l.remove();
    expect(readComment(a, NOW, zoneWallClock('UTC'), ownAll(a, ID_LINK))).toMatchObject({ ok: false });
  });

  it('nested replies without reply_comment_id take the enclosing comment as parent', () => {
    const reply = articles()[1]!;
    for (const l of reply.querySelectorAll('a')) l.setAttribute('href', (l.getAttribute('href') ?? '').replace('comment_id=1234567890_1111&reply_comment_id=2222', 'comment_id=2222'));
    expect(readComment(reply, NOW, zoneWallClock('UTC'), ownAll(reply, ID_LINK))).toMatchObject({ ok: true, comment: { id: '2222', parentId: '1234567890_1111' } });
  });

  it('decodes base64 comment ids and keeps numeric ones', () => {
    expect(normCommentId('Y29tbWVudDoxMjM0NTY3ODkwXzExMTE=')).toBe('1234567890_1111');
    expect(normCommentId('1111')).toBe('1111');
    expect(normCommentId('not an id!')).toBeNull();
  });

  it('a reply never lands before the comment it answers', () => {
    // The reply says "1 d" (coarse), the comment "2h": the reply is clamped to just after the comment.
    const reply = articles()[1]!;
    reply.setAttribute('aria-label', 'Reply by Acme Nederland 1 day ago');
    reply.querySelector('ul a')!.textContent = '1d';
    const r = record(POST, config());
    facebookSite.init(r.ctx);
    const jane = r.byConversation().get('facebook:1234567890_1111')!;
    expect(jane[1]!.at).toBe(jane[0]!.at! + 1);
  });
});

describe('health on post pages', () => {
  it("a post without comments is 'empty'; a post page without any post is 'mismatch'", () => {
    loadFixture('post-en.html');
    document.querySelector('.comments')!.remove();
    let r = record(POST);
    facebookSite.init(r.ctx);
    r.runLater();
    expect(r.health).toEqual([{ status: 'empty', detail: 'no comments on this post' }]);
    document.body.innerHTML = '<div role="main"><div>Something else</div></div>';
    r = record(POST);
    facebookSite.init(r.ctx);
    r.runLater();
    expect(r.health).toEqual([{ status: 'mismatch', detail: expect.any(String) }]);
  });

  it("comments that are no longer role=article (their links still there) are a 'mismatch', not a post without comments", () => {
    loadFixture('post-en.html');
    for (const a of document.querySelectorAll('.comments [role="article"]')) a.setAttribute('role', 'group');
    const r = record(POST);
    facebookSite.init(r.ctx);
    r.runLater();
    expect(r.health).toEqual([{ status: 'mismatch', detail: 'comments found but none read' }]);
  });

  it("comments whose id links changed are a 'mismatch'", () => {
    loadFixture('post-en.html');
    for (const a of document.querySelectorAll('.comments a')) a.setAttribute('href', (a.getAttribute('href') ?? '').replace(/comment_id=/g, 'cid='));
    const r = record(POST);
    facebookSite.init(r.ctx);
    r.runLater();
    expect(r.health.map((h) => h.status)).toContain('mismatch');
  });
});
