// Unit tests of the pure grid conversions: column letters, header keys, lookups and locators.
import { describe, expect, it } from 'vitest';
import { columnLetter, columnNumber, lookupRows, rowsAbove, rowsToObjects, sheetReferenceOf, spreadsheetIdOf } from './sheets-data.ts';

describe('sheets data', () => {
  it('converts column letters both ways', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(['A', 'Z', 'AA', 'AZ', 'AAA'].map(columnNumber)).toEqual([1, 26, 27, 52, 703]);
  });

  it('keys rows by the header, naming unnamed columns col_<index> and filling missing cells with empty text', () => {
    expect(rowsToObjects([['a', '', 'c'], [1], [2, 'x', 3, 4]], 1, 2)).toEqual([
      { row_number: 2, a: 1, col_1: '', c: '', col_3: '' },
      { row_number: 3, a: 2, col_1: 'x', c: 3, col_3: 4 },
    ]);
  });

  it('looks rows up by text equality, with AND/OR and first-or-all', () => {
    const rows = [{ n: 'a', v: 1 }, { n: 'b', v: 2 }, { n: 'a', v: 2 }];
    expect(lookupRows(rows, ['n', 'v'], [{ lookupColumn: 'n', lookupValue: 'a' }], 'AND', true)).toHaveLength(2);
    expect(lookupRows(rows, ['n', 'v'], [{ lookupColumn: 'n', lookupValue: 'a' }, { lookupColumn: 'v', lookupValue: '2' }], 'AND', true)).toEqual([{ n: 'a', v: 2 }]);
    expect(lookupRows(rows, ['n', 'v'], [{ lookupColumn: 'n', lookupValue: 'b' }, { lookupColumn: 'v', lookupValue: 1 }], 'OR', true)).toHaveLength(2);
    expect(lookupRows(rows, ['n', 'v'], [{ lookupColumn: 'n', lookupValue: 'a' }], 'AND', false)).toEqual([{ n: 'a', v: 1 }]);
    expect(() => lookupRows(rows, ['n'], [{ lookupColumn: 'zz', lookupValue: 1 }], 'AND', true)).toThrow('The column "zz" could not be found');
  });

  it('reads the document and sheet locators in every mode n8n stores', () => {
    expect(spreadsheetIdOf({ mode: 'url', value: 'https://docs.google.com/spreadsheets/d/1Ab-_x/edit#gid=5' })).toBe('1Ab-_x');
    expect(spreadsheetIdOf({ mode: 'id', value: ' 1Ab ' })).toBe('1Ab');
    expect(sheetReferenceOf({ mode: 'list', value: 'gid=0' })).toEqual({ gid: '0' });
    expect(sheetReferenceOf({ mode: 'list', value: 1234 })).toEqual({ gid: '1234' });
    expect(sheetReferenceOf({ mode: 'url', value: 'https://docs.google.com/spreadsheets/d/1Ab/edit#gid=99' })).toEqual({ gid: '99' });
    expect(sheetReferenceOf({ mode: 'name', value: 'Sheet1' })).toEqual({ title: 'Sheet1' });
    expect(sheetReferenceOf({ mode: 'list', value: 'Leads' })).toEqual({ title: 'Leads' });
  });

  it('counts the rows above an A1 range', () => {
    expect([rowsAbove('A:Z'), rowsAbove('B3:D'), rowsAbove('$C$10:E12')]).toEqual([0, 2, 9]);
  });
});
