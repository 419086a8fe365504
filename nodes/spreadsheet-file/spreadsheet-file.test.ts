import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

const node = (name: string, typeVersion: number, parameters: Record<string, unknown>) => ({ name, type: 'n8n-nodes-base.spreadsheetFile', typeVersion, parameters });
const rows = [{ json: { name: 'Ann', age: 31, ok: true } }, { json: { name: 'Bob', city: 'Oslo' } }];

describe('Spreadsheet File', () => {
  it('writes items as an xlsx file that exceljs reads back, and reads it into the same rows', async () => {
    const result = await runChain([
      node('Write', 2, { operation: 'toFile', fileFormat: 'xlsx', options: { sheetName: 'People' } }),
      node('Read', 2, { options: { sheetName: 'People' } }),
    ], { items: rows });
    const [file] = outputOf(result, 'Write');
    expect(file.pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
    expect(file.binary!.data).toMatchObject({ fileName: 'spreadsheet.xlsx', fileExtension: 'xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.binary!.data.data, 'base64') as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('People')!.getRow(1).values).toEqual([undefined, 'name', 'age', 'ok', 'city']);
    expect(outputOf(result, 'Read').map((item) => item.json)).toEqual([{ name: 'Ann', age: 31, ok: true }, { name: 'Bob', city: 'Oslo' }]);
  });

  it('v1 reads a CSV file by its type; headerRow false gives {row: [...]}; empty cells kept when asked', async () => {
    const csv = { data: Buffer.from('a,b\n1,\n3,4\n').toString('base64'), mimeType: 'text/csv', fileExtension: 'csv' };
    const plain = outputOf(await runChain([node('Read', 1, {})], { items: [{ json: {}, binary: { data: csv } }] }), 'Read');
    expect(plain).toEqual([{ json: { a: '1' }, pairedItem: { item: 0 } }, { json: { a: '3', b: '4' }, pairedItem: { item: 0 } }]);
    const withEmpty = outputOf(await runChain([node('Read', 1, { options: { includeEmptyCells: true } })], { items: [{ json: {}, binary: { data: csv } }] }), 'Read');
    expect(withEmpty[0].json).toEqual({ a: '1', b: '' });
    const noHeader = outputOf(await runChain([node('Read', 2, { fileFormat: 'csv', options: { headerRow: false } })], { items: [{ json: {}, binary: { data: csv } }] }), 'Read');
    expect(noHeader[2].json).toEqual({ row: { 0: '3', 1: '4' } });
  });

  it('writes CSV', async () => {
    const csv = outputOf(await runChain([node('Write', 1, { operation: 'toFile', fileFormat: 'csv', options: { fileName: 'out.csv' } })], { items: rows }), 'Write');
    expect(Buffer.from(csv[0].binary!.data.data, 'base64').toString('utf8')).toBe('\ufeffname,age,ok,city\nAnn,31,TRUE,\nBob,,,Oslo');
  });

  it('writes ODS, XLS (the default) and RTF and reads each back, found by its extension', async () => {
    for (const fileFormat of ['ods', undefined, 'rtf']) {
      const result = await runChain([node('Write', 2, { operation: 'toFile', ...(fileFormat ? { fileFormat } : {}) }), node('Read', 1, {})], { items: rows });
      const [file] = outputOf(result, 'Write');
      expect(file.binary!.data.fileName).toBe(`spreadsheet.${fileFormat ?? 'xls'}`);
      expect(outputOf(result, 'Read').map((item) => item.json)).toEqual([{ name: 'Ann', age: 31, ok: true }, { name: 'Bob', city: 'Oslo' }]);
    }
  });

  it('reads an ODS file written by odfpy, chosen by MIME type, from a named sheet', async () => {
    const ods = { data: readFileSync(new URL('../extract-from-file/testdata/people.ods', import.meta.url)).toString('base64'), mimeType: 'application/vnd.oasis.opendocument.spreadsheet' };
    const read = outputOf(await runChain([node('Read', 1, { options: { sheetName: 'People', headerRow: false } })], { items: [{ json: {}, binary: { data: ods } }] }), 'Read');
    expect(read.map((item) => item.json)).toEqual([{ row: ['name', 'born', 'admin'] }, { row: ['Ada', 1815, true] }, { row: ['Grace', 1906.5] }]);
  });

  it('names a missing sheet', async () => {
    const written = await runChain([node('Write', 2, { operation: 'toFile', fileFormat: 'xlsx' }), node('Read', 2, { options: { sheetName: 'Nope' } })], { items: rows });
    expect(written.data.resultData.error?.message).toBe('Spreadsheet does not contain sheet called "Nope"!');
  });
});
