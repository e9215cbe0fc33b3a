// Which Facebook account a link names, and whether it is the team's Page: exact on the whole path segment or id,
// never a lookalike on another host.
import { describe, expect, it } from 'vitest';
import { brandsFrom, inQuery, isBrand, param, profileOfHref } from '../../../src/content/sites/facebook-brand.ts';

describe('profileOfHref', () => {
  it.each([
    ['https://www.facebook.com/AcmePage', { vanity: 'acmepage' }],
    ['https://www.facebook.com/jane.doe.5?comment_id=Y29t&__cft__[0]=AZX&__tn__=R%5D-R', { vanity: 'jane.doe.5' }],
    ['/AcmePage/', { vanity: 'acmepage' }],
    ['https://web.facebook.com/AcmePage#top', { vanity: 'acmepage' }],
    ['http://facebook.com/AcmePage', { vanity: 'acmepage' }],
    ['HTTPS://WWW.FACEBOOK.COM/AcmePage', { vanity: 'acmepage' }],
    ['https://www.facebook.com/100064000000001', { id: '100064000000001' }],
    ['https://www.facebook.com/profile.php?id=100064000000001&__tn__=-UC%2CP-R', { id: '100064000000001' }],
    ['/profile.php?sk=about&id=42', { id: '42' }],
    ['/profile.php?id=42&id=43', { id: '42' }], // the first, as URLSearchParams.get
    ['/profile.php?uid=7&id=42#id=43', { id: '42' }], // a whole key in the query, never the fragment's
    ['https://www.facebook.com/people/Jane-Doe/100012345/', { id: '100012345' }],
    ['https://www.facebook.com/groups/acme/user/100012345/', { id: '100012345' }],
  ])('%s names an account', (href, want) => {
    expect(profileOfHref(href)).toEqual(want);
  });

  it.each([
    'https://www.facebook.com/AcmePage/posts/pfbid02abc?comment_id=1',
    'https://www.facebook.com/photo.php?fbid=1',
    'https://www.facebook.com/hashtag/acme',
    'https://www.facebook.com/profile.php?id=abc',
    'https://www.facebook.com/profile.php',
    'https://www.facebook.com/profile.php?uid=42',
    'https://www.facebook.com/profile.php#id=42',
    'https://www.facebook.com/',
    'https://evil.example/AcmePage',
    'https://facebook.com.evil.example/AcmePage',
    'https://notfacebook.com/AcmePage',
    '//evil.example/AcmePage',
    '//AcmePage',
    '/\\evil.example',
    '/AcmePage\\evil.example',
    'javascript:alert(1)',
    '',
  ])('%s names no account', (href) => {
    expect(profileOfHref(href)).toBeNull();
  });

  it('answers the same for a link asked twice in a row and for the one before it', () => {
    const a = 'https://www.facebook.com/jane.doe.5?comment_id=1';
    const b = 'https://www.facebook.com/AcmePage/posts/pfbid02abc?comment_id=1';
    expect([profileOfHref(a), profileOfHref(a), profileOfHref(b), profileOfHref(a)]).toEqual([{ vanity: 'jane.doe.5' }, { vanity: 'jane.doe.5' }, null, { vanity: 'jane.doe.5' }]);
  });
});

describe('a query parameter read by regex (what URLSearchParams.get would say, for ids)', () => {
  const url = (query: string): string => `https://www.facebook.com/AcmePage/posts/pfbid02abc${query}`;
  it.each([
    ['?comment_id=1_2', 'comment_id', '1_2'],
    ['?reply_comment_id=3&comment_id=1_2', 'comment_id', '1_2'],
    ['?comment_id=1_2&reply_comment_id=3', 'reply_comment_id', '3'],
    ['?comment_id=Y29tbWVudDox%3D%3D&__tn__=R', 'comment_id', 'Y29tbWVudDox=='],
    ['?comment_id=1&comment_id=2', 'comment_id', '1'],
    ['?comment_id=', 'comment_id', ''],
    ['?x=1#y&comment_id=2', 'comment_id', null],
    ['#?comment_id=2', 'comment_id', null],
    ['?reply_comment_id=3', 'comment_id', null],
    ['?xcomment_id=3', 'comment_id', null],
    ['', 'comment_id', null],
  ])('%s: %s', (query, key, want) => {
    expect(param(url(query), inQuery(key))).toBe(want);
    if (want !== null) expect(param(url(query), inQuery(key))).toBe(new URL(url(query)).searchParams.get(key));
  });
});

describe('the team Page', () => {
  const brands = brandsFrom(['AcmePage', 'facebook.com/AcmeNL', 'id:100064000000001', 'https://www.facebook.com/profile.php?id=42', 'name:Acme Deutschland']);

  it('takes vanities, ids and names from every spelling the config allows', () => {
    expect([...brands.vanities].sort()).toEqual(['acmenl', 'acmepage']);
    expect([...brands.ids].sort()).toEqual(['100064000000001', '42']);
    expect([...brands.names]).toEqual(['Acme Deutschland']);
  });

  it('matches the whole path segment or id, and a shown name only when configured, exactly', () => {
    expect(isBrand(brands, profileOfHref('https://www.facebook.com/acmepage?__tn__=R'), 'Acme')).toBe(true);
    expect(isBrand(brands, profileOfHref('https://www.facebook.com/AcmePageUK'), 'Acme')).toBe(false);
    expect(isBrand(brands, profileOfHref('/profile.php?id=100064000000001'), '')).toBe(true);
    expect(isBrand(brands, null, 'Acme  Deutschland')).toBe(true);
    expect(isBrand(brands, null, 'Acme\u200bDeutschland')).toBe(false);
    expect(isBrand(brands, null, 'Acme Deutschland\u200b')).toBe(false);
  });
});
