import { describe, expect, it } from 'vitest';
import { brandSet, mentionedHandles, normHandle } from '../../../src/content/handles.ts';

describe('exact brand handle matching', () => {
  const brands = brandSet(['AcmeSupport', '@AcmeHelp']);
  const hits = (text: string) => mentionedHandles(text).filter((h) => brands.has(h));

  it('matches case-insensitively and several handles', () => {
    expect(hits('hi @acmesupport and @ACMEHELP')).toEqual(['acmesupport', 'acmehelp']);
  });
  it('needs the whole handle', () => {
    expect(hits('@AcmeSupportUK @AcmeSupport_ @AcmeSupport2')).toEqual([]);
  });
  it('rejects handles disguised with invisible characters', () => {
    for (const text of ['@AcmeSupport\u200B hi', '@\u200BAcmeSupport', '\u200E@AcmeSupport', '@Acme\u200DSupport', '@AcmeSupport\u2066']) {
      expect(hits(text), JSON.stringify(text)).toEqual([]);
    }
  });
  it('ignores e-mail addresses but accepts punctuation around a mention', () => {
    expect(hits('mail help@AcmeSupport')).toEqual([]);
    expect(hits('(@AcmeSupport), thanks')).toEqual(['acmesupport']);
  });
  it('normalises configured handles and refuses non-handles', () => {
    expect(normHandle('@Acme_1')).toBe('acme_1');
    expect(normHandle('Acme\u200BSupport')).toBeNull();
    expect([...brandSet([' AcmeSupport ', 'bad handle'])]).toEqual(['acmesupport']);
  });
});
