// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('../../../src/content/api.ts', () => import('./fake-browser.ts'));
import { classify, readTweet, replyingTo, type XTweet } from '../../../src/content/sites/x.ts';
import { readDmRow, signedInHandle } from '../../../src/content/sites/x-chat.ts';
import { brandSet } from '../../../src/content/handles.ts';

const brands = brandSet(['AcmeSupport', 'AcmeHelp']);
function load(name: string): void {
  document.documentElement.innerHTML = readFileSync(`tests/fixtures/x/${name}`, 'utf8').replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/, '');
}
function tweets(): XTweet[] {
  return [...document.querySelectorAll('article[data-testid="tweet"]')].map((a) => {
    const r = readTweet(a);
    if (!r.ok) throw new Error(r.reason);
    return r.tweet;
  });
}

describe('X extraction: mentions timeline', () => {
  beforeEach(() => load('mentions.html'));

  it('reads status id, handle, name and the tweet time of every tweet', () => {
    const t = tweets();
    expect(t).toHaveLength(12);
    expect(t[0]).toMatchObject({ statusId: '1800000000000000001', handle: 'jane_doe', name: 'Jane Doe', at: Date.parse('2026-03-02T09:10:00.000Z') });
  });

  it('classifies conversations, brand tweets, promoted, reposts and lookalikes', () => {
    const kinds = Object.fromEntries(tweets().map((t) => [t.statusId.slice(-2), classify(t, brands)]));
    expect(kinds).toEqual({
      '01': 'conversation', // @AcmeSupport in the text
      '02': 'conversation', // "Replying to @AcmeSupport" only
      '03': 'other', // @AcmeSupportUK
      '04': 'other', // @AcmeSupport_
      '05': 'other', // zero-width / joiner disguised handles
      '06': 'promoted',
      '07': 'repost',
      '08': 'brand',
      '09': 'conversation',
      '10': 'conversation', // lower-case
      '11': 'conversation', // second brand handle
      '12': 'other', // only the QUOTED tweet mentions the brand
    });
  });

  it('a customer tweet with a video is no ad, though X wraps its player in the promoted marker', () => {
    const [jane] = document.querySelectorAll('article[data-testid="tweet"]');
    const text = jane!.querySelector('[data-testid="tweetText"]')!;
    text.insertAdjacentHTML('afterend', '<div data-testid="placementTracking"><div data-testid="videoPlayer"><video></video></div></div>');
    expect(classify(tweets()[0]!, brands)).toBe('conversation');
    // A marker around no media inside a tweet is an ad's (as is one around the whole tweet: tweet 06 above).
    text.insertAdjacentHTML('afterend', '<div data-testid="placementTracking"><span>Ad</span></div>');
    expect(classify(tweets()[0]!, brands)).toBe('promoted');
  });

  it("takes the tweet's own time, not the quoted tweet's", () => {
    const carol = tweets().find((t) => t.handle === 'carol')!;
    expect(carol.at).toBe(Date.parse('2026-03-02T09:40:00.000Z'));
    expect(carol.timeLink.getAttribute('href')).toBe('/carol/status/1800000000000000009');
  });

  it('reports a tweet whose time link is gone as unreadable instead of guessing', () => {
    const a = document.querySelector('article[data-testid="tweet"]')!;
    a.querySelector('a[href*="/status/"]')!.replaceWith(document.createElement('span'));
    expect(readTweet(a)).toMatchObject({ ok: false });
  });
});

describe('X extraction: status pages', () => {
  it('reads the brand reply and the replying-to line', () => {
    load('status.html');
    const [c1, b, c2, other] = tweets();
    expect(classify(c1!, brands)).toBe('conversation');
    expect(classify(b!, brands)).toBe('brand');
    expect(replyingTo(b!)).toEqual(['jane_doe']);
    expect(replyingTo(c2!)).toEqual(['acmesupport']);
    expect(classify(other!, brands)).toBe('other');
  });

  it('works with German labels', () => {
    load('status-de.html');
    const kinds = tweets().map((t) => classify(t, brands));
    expect(kinds).toEqual(['conversation', 'brand', 'conversation', 'repost']);
  });
});

describe('X chat inbox', () => {
  it('reads rows and the signed-in account', () => {
    load('chat.html');
    expect(signedInHandle()).toBe('acmesupport');
    const rows = [...document.querySelectorAll('[data-testid^="dm-conversation-item-"]')].map(readDmRow);
    expect(rows[0]).toMatchObject({ key: '111:222', handle: 'jane_doe', name: 'Jane Doe', last: 'my parcel is lost', fromBrand: false });
    expect(rows[1]).toMatchObject({ key: '111:333', handle: 'bob_k', fromBrand: true });
    expect(rows[2]).toBeNull();
  });
});
