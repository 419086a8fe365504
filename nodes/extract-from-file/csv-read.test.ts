import { describe, expect, it } from 'vitest';
import { csvRows } from './csv-read.ts';

describe('csv reading', () => {
  it('keys rows by header and drops empty cells by default', () => {
    expect(csvRows('a,b\n1,\n"x,y",2\n')).toEqual([{ a: '1' }, { a: 'x,y', b: '2' }]);
    expect(csvRows('a,b\n1,', { includeEmptyCells: true })).toEqual([{ a: '1', b: '' }]);
  });

  it('honours the start line, row limit and BOM options', () => {
    expect(csvRows('junk\na\n1\n2\n3', { fromLine: 2, maxRowCount: 2 })).toEqual([{ a: '1' }, { a: '2' }]);
    expect(csvRows('\ufeffa\n1')).toEqual([{ '\ufeffa': '1' }]);
    expect(csvRows('\ufeffa\n1', { enableBOM: true })).toEqual([{ a: '1' }]);
  });

  it('returns header-less rows under `row`', () => {
    expect(csvRows('1,2', { headerRow: false, includeEmptyCells: true })).toEqual([{ row: ['1', '2'] }]);
    expect(csvRows('1,,3', { headerRow: false })).toEqual([{ row: { 0: '1', 2: '3' } }]);
  });

  it('rejects rows with the wrong number of cells', () => {
    expect(() => csvRows('a,b\n1,2,3')).toThrow('Invalid Record Length');
  });
});
