import { describe, expect, it } from 'vitest';
import { aggregate, aggregateAndSplit, fieldGetter, flattenToItems, normalizeFieldName, type Row } from './summarize.ts';
import { summarizeLegacy } from './summarize-legacy.ts';

const get = fieldGetter(false);
const rows: Row[] = [
  { g: 2, v: 3, s: 'x', _itemIndex: 0 },
  { g: 1, v: '', s: null, _itemIndex: 1 },
  { g: 2, v: 1, s: 'x', _itemIndex: 2 },
];

describe('summarize aggregations', () => {
  it('computes each aggregation, skipping empty values unless asked', () => {
    expect(aggregate(rows, { aggregation: 'sum', field: 'v' }, get)).toBe(4);
    expect(aggregate(rows, { aggregation: 'average', field: 'v' }, get)).toBe(2);
    expect(aggregate(rows, { aggregation: 'min', field: 'v' }, get)).toBe(1);
    expect(aggregate(rows, { aggregation: 'max', field: 'nope' }, get)).toBeNull();
    expect(aggregate(rows, { aggregation: 'count', field: 's' }, get)).toBe(2);
    expect(aggregate(rows, { aggregation: 'count', field: 's', includeEmpty: true }, get)).toBe(3);
    expect(aggregate(rows, { aggregation: 'count', field: 's', includeEmpty: true }, get, false)).toBe(2);
    expect(aggregate(rows, { aggregation: 'countUnique', field: 's' }, get)).toBe(1);
    expect(aggregate(rows, { aggregation: 'append', field: 's', includeEmpty: true }, get)).toEqual(['x', null, 'x']);
    expect(aggregate(rows, { aggregation: 'concatenate', field: 'v', separateBy: ', ' }, get)).toBe('3, 1');
  });

  it('names output fields without brackets, spaces or dots', () => {
    expect(normalizeFieldName('sum_a.b c["d"]')).toBe('sum_a_b_cd');
  });

  it('keeps group value types from v1.1 and pairs each group with its items', () => {
    const result = aggregateAndSplit(['g'], rows, [{ aggregation: 'count', field: 'v' }], {}, get, false);
    expect(flattenToItems(result)).toEqual([
      { json: { count_v: 2, g: 2 }, pairedItem: [{ item: 0 }, { item: 2 }] },
      { json: { count_v: 0, g: 1 }, pairedItem: [{ item: 1 }] },
    ]);
  });

  it('orders legacy (Item Lists) groups as object keys, as strings', () => {
    const items = summarizeLegacy(rows, ['g'], [{ aggregation: 'sum', field: 'v' }], {}, get);
    expect(items.map((item) => item.json)).toEqual([{ g: '1', sum_v: 0 }, { g: '2', sum_v: 4 }]);
  });
});
