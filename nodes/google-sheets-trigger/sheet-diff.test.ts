// Comparing two sheet states as n8n's Google Sheets Trigger does.
import { describe, expect, it } from 'vitest';
import { compareSheets, rowsToJson } from './sheet-diff.ts';

const before = [['name', 'age'], ['Ann', 31], ['Bob', 42, '']];
const base = { keyRow: 1, includeInOutput: 'new', columnsToWatch: [], dataStartIndex: 0 };

describe('compareSheets', () => {
  it('ignores trailing empty cells the API leaves out, and reports the old version when asked', () => {
    const after = [['name', 'age'], ['Ann', 32], ['Bob', 42]];
    expect(compareSheets(before, after, { ...base, event: 'rowUpdate', includeInOutput: 'old' })).toEqual([{ row_number: 2, name: 'Ann', age: 31 }]);
    expect(compareSheets(before, after, { ...base, event: 'rowUpdate' })).toEqual([{ row_number: 2, name: 'Ann', age: 32 }]);
  });

  it('leaves deleted rows out and does not change its inputs', () => {
    const after = [['name', 'age'], ['Ann', 31]];
    const copy = JSON.parse(JSON.stringify(before));
    expect(compareSheets(before, after, { ...base, event: 'anyUpdate' })).toEqual([]);
    expect(before).toEqual(copy);
  });

  it('keys rows by the header, an empty or falsy cell as an empty string', () => {
    expect(rowsToJson([['x', 0, null]], ['a', 'b', 'c'])).toEqual([{ a: 'x', b: '', c: '' }]);
  });
});
