import { describe, expect, it } from 'vitest';
import { flattenObject, rowsToHtml } from './sheet-html.ts';

const page = (rows: string) => `<html><head><meta charset="utf-8"/><title>SheetJS Table Export</title></head><body><table>${rows}</table></body></html>`;

describe('items as a SheetJS HTML table', () => {
  it('writes a header row of keys and one typed cell per value', () => {
    expect(rowsToHtml([{ a: 1, b: 'x' }])).toBe(
      page('<tr><td data-t="s" data-v="a" id="sjs-A1">a</td><td data-t="s" data-v="b" id="sjs-B1">b</td></tr>' +
        '<tr><td data-t="n" data-v="1" id="sjs-A2">1</td><td data-t="s" data-v="x" id="sjs-B2">x</td></tr>'),
    );
  });

  it('leaves the header out when asked, escapes markup and marks padded or multi-line text', () => {
    expect(rowsToHtml([{ a: ' <b>\n' }], { headerRow: false })).toBe(
      page('<tr><td data-t="s" data-v=" &lt;b&gt;<br/>" id="sjs-A1" xml:space="preserve"> &lt;b&gt;<br/></td></tr>'),
    );
  });

  it('names columns past Z as spreadsheets do', () => {
    const row = Object.fromEntries(Array.from({ length: 27 }, (_, i) => [`k${i}`, i]));
    expect(rowsToHtml([row], { headerRow: false })).toContain('<td data-t="n" data-v="26" id="sjs-AA1">26</td>');
  });

  it('flattens nested objects and lists into dotted keys', () => {
    expect(flattenObject({ a: { b: 1, c: [2, { d: 3 }] }, e: {}, f: null })).toEqual({ 'a.b': 1, 'a.c.0': 2, 'a.c.1.d': 3, f: null });
  });
});
