import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '@/lib/dashboard/csv';

describe('dashboard CSV', () => {
  it('quotes every cell and doubles quotes, with CRLF lines', () => {
    expect(toCsv(['name', 'n'], [['Ann "Annie" Lee, PT', 3], [null, 0]])).toBe('"name","n"\r\n"Ann ""Annie"" Lee, PT","3"\r\n"","0"\r\n');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const payload of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(payload)).toMatch(/^"'/);
    }
    expect(csvCell('Plain =name')).toBe('"Plain =name"');
    expect(csvCell(-5)).toBe('"-5"');
  });
});
