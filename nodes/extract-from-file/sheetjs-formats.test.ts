// ODS, XLS and RTF through Extract from File and Convert to File: files written by other programs
// (odfpy, xlwt, an RTF table written by hand; see testdata/make-files.py) and the nodes' own output.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

const testFile = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url));
const fileItem = (content: Buffer, fileName: string, mimeType = 'application/octet-stream'): Item => ({
  json: {}, binary: { data: { data: content.toString('base64'), mimeType, fileName, fileExtension: fileName.split('.').pop() } },
});

async function extract(operation: string, options: Record<string, unknown>, item: Item) {
  const result = await runChain([{ name: 'X', type: 'n8n-nodes-base.extractFromFile', parameters: { operation, options } }], { items: [item] });
  return { rows: outputOf(result, 'X').map((i) => i.json), error: result.data.resultData.error };
}

async function convert(operation: string, options: Record<string, unknown>, items: Item[]) {
  const result = await runChain([{ name: 'C', type: 'n8n-nodes-base.convertToFile', typeVersion: 1.1, parameters: { operation, options } }], { items });
  return outputOf(result, 'C');
}

describe('Extract from ODS, XLS and RTF files made by other programs', () => {
  it('reads the odfpy ODS: a named sheet, typed cells, empty cells left out; the first sheet by default', async () => {
    const ods = fileItem(testFile('people.ods'), 'people.ods');
    expect((await extract('ods', { sheetName: 'People' }, ods)).rows).toEqual([{ name: 'Ada', born: 1815, admin: true }, { name: 'Grace', born: 1906.5 }]);
    expect((await extract('ods', {}, ods)).rows).toEqual([]);
    expect((await extract('ods', { sheetName: 'People', includeEmptyCells: true }, ods)).rows[1]).toEqual({ name: 'Grace', born: 1906.5, admin: '' });
  });

  it('reads the xlwt XLS: dates as serial numbers, range as A1 text or as the first row number', async () => {
    const xls = fileItem(testFile('people.xls'), 'people.xls');
    expect((await extract('xls', {}, xls)).rows).toEqual([{ name: 'Ada', born: 1815, admin: true, joined: 45352 }, { name: 'Grace', born: 1906.5 }]);
    expect((await extract('xls', { range: 'A1:B2' }, xls)).rows).toEqual([{ name: 'Ada', born: 1815 }]);
    expect((await extract('xls', { range: '1', headerRow: false }, xls)).rows).toEqual([{ row: ['Ada', 1815, true, 45352] }, { row: ['Grace', 1906.5] }]);
  });

  it('reads the rows of an RTF table', async () => {
    const rtf = fileItem(testFile('people.rtf'), 'people.rtf', 'application/rtf');
    expect((await extract('rtf', {}, rtf)).rows).toEqual([{ name: 'Ada', born: 1815, admin: true }, { name: 'Grace', born: 1906.5 }]);
  });

  it('names a missing sheet, and a file of another format', async () => {
    expect((await extract('xls', { sheetName: 'Nope' }, fileItem(testFile('people.xls'), 'people.xls'))).error?.message).toBe('Spreadsheet does not contain sheet called "Nope"!');
    const wrong = await extract('xls', { sheetName: 'Nope' }, fileItem(testFile('people.ods'), 'people.ods'));
    expect(wrong.error?.message).toBe("The file selected in 'Input Binary Field' is not in xls format");
  });
});

describe('Convert to ODS, XLS and RTF', () => {
  const items: Item[] = [{ json: { name: 'Ada', tags: ['math'], born: 1815 } }, { json: { name: 'Grace', navy: true } }];

  it('writes one file for all items, named File.<format> with its MIME type, read back the same', async () => {
    for (const [format, mimeType] of [['ods', 'application/vnd.oasis.opendocument.spreadsheet'], ['xls', 'application/vnd.ms-excel'], ['rtf', 'application/rtf']]) {
      const [file] = await convert(format, {}, items);
      expect(file.pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
      expect(file.binary!.data).toMatchObject({ fileName: `File.${format}`, fileExtension: format, mimeType });
      const content = Buffer.from(file.binary!.data.data, 'base64');
      expect((await extract(format, {}, fileItem(content, `x.${format}`))).rows).toEqual([
        { name: 'Ada', tags: '["math"]', born: 1815 },
        { name: 'Grace', navy: true },
      ]);
    }
  });

  it('follows sheetName, headerRow, fileName and compression', async () => {
    const [named] = await convert('xls', { sheetName: 'People', headerRow: false, fileName: 'people.xls' }, items);
    expect(named.binary!.data.fileName).toBe('people.xls');
    const read = await extract('xls', { sheetName: 'People', headerRow: false }, fileItem(Buffer.from(named.binary!.data.data, 'base64'), 'people.xls'));
    expect(read.rows.length).toBe(2);
    expect(read.rows[0]).toEqual({ row: ['Ada', '["math"]', 1815] });
    expect(JSON.parse(JSON.stringify(read.rows[1]))).toEqual({ row: ['Grace', null, null, true] });
    const many = Array.from({ length: 200 }, (_, i) => ({ json: { id: i, text: 'the same words again' } }));
    const [stored] = await convert('ods', {}, many);
    const [deflated] = await convert('ods', { compression: true }, many);
    expect(Buffer.from(deflated.binary!.data.data, 'base64').length).toBeLessThan(Buffer.from(stored.binary!.data.data, 'base64').length);
  });
});
