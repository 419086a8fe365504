import { describe, expect, it } from 'vitest';
import { prepareBinaryData, prettyBytes } from './binary-data.ts';
import { rowsToCsv } from './csv-write.ts';
import { decodeText, encodeText } from './text-encoding.ts';

describe('binary data', () => {
  it('formats sizes like n8n', () => {
    expect(prettyBytes(12)).toBe('12 B');
    expect(prettyBytes(1234)).toBe('1.23 kB');
    expect(prettyBytes(2_000_000)).toBe('2 MB');
  });

  it('builds n8n binary data with name, extension and size', () => {
    expect(prepareBinaryData(Buffer.from('hi'), 'a.txt', 'text/plain')).toEqual({
      data: 'aGk=', mimeType: 'text/plain', fileType: 'text', fileName: 'a.txt', fileExtension: 'txt', fileSize: '2 B',
    });
    expect(prepareBinaryData(Buffer.from('{}'), undefined, 'application/json')).toMatchObject({ fileExtension: 'json', fileType: 'json' });
  });
});

describe('csv writing', () => {
  it('leaves nested objects and lists empty, as SheetJS does', () => {
    expect(rowsToCsv([{ a: { b: 1 }, c: [1, 2], d: 'x' }])).toBe('a,c,d\n,,x');
  });

  it('writes headers in first-seen order and quotes when needed', () => {
    expect(rowsToCsv([{ a: 1, b: 'x,y' }, { c: true, a: 'say "hi"' }])).toBe('a,b,c\n1,"x,y",\n"say ""hi""",,TRUE');
    expect(rowsToCsv([{ a: 1, b: null }], { delimiter: ';', headerRow: false })).toBe('1;');
  });
});

describe('text encoding', () => {
  it('adds and strips a byte order mark', () => {
    const bytes = encodeText('é', 'utf8', true);
    expect([...bytes]).toEqual([0xef, 0xbb, 0xbf, 0xc3, 0xa9]);
    expect(decodeText(bytes)).toBe('é');
    expect(decodeText(bytes, 'utf8', false)).toBe('\ufeffé');
    expect(() => encodeText('x', 'koi8-r')).toThrow('not supported yet');
  });
});
