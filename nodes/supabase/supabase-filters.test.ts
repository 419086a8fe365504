import { describe, expect, it } from 'vitest';
import { allConditionsQuery, conditionList, equalsQuery } from './supabase-filters.ts';

describe('Supabase PostgREST filters', () => {
  const conditions = [
    { keyName: 'age', condition: 'gte', keyValue: '18' },
    { keyName: 'bio', condition: 'fullText', searchFunction: 'wfts', keyValue: 'cat dog' },
    { keyName: 'name', condition: 'ilike', keyValue: '*ann*' },
  ];

  it('all conditions become one query parameter per column', () => {
    expect(allConditionsQuery(conditions)).toEqual([['age', 'gte.18'], ['bio', 'wfts.cat dog'], ['name', 'ilike.*ann*']]);
  });

  it('any condition becomes a parenthesized list for or/and', () => {
    expect(conditionList(conditions)).toBe('(age.gte.18,bio.wfts.cat dog,name.ilike.*ann*)');
  });

  it('row:get compares each column for equality', () => {
    expect(equalsQuery([{ keyName: 'id', keyValue: 7 }, { keyName: 'id', keyValue: 8 }])).toEqual([['id', 'eq.8']]);
  });
});
