import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, csvRows } from '../../../src/reports/csv.ts';

describe('CSV export', () => {
  it('quotes cells holding commas, quotes or line breaks, doubling inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });
  it('defuses formulas: cells starting with = + - @ get a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+31 20 123')).toBe("'+31 20 123");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@AcmeSupport')).toBe("'@AcmeSupport");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a=b')).toBe('a=b');
  });
  it('writes numbers as digits and empty for null', () => {
    expect(csvRows([[1, null, 'x']])).toBe('1,,x');
  });
  it('writes each shown table under its title with CRLF rows', () => {
    const doc = csvDocument([
      { title: 'Per platform', header: ['Platform', 'Conversations'], rows: [['X', '3']] },
      { title: 'Breaches', header: ['Conversation'], rows: [['@ann, late']] },
    ]);
    expect(doc).toBe('Per platform\r\nPlatform,Conversations\r\nX,3\r\n\r\nBreaches\r\nConversation\r\n"\'@ann, late"\r\n');
  });
});
