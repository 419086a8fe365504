import { describe, expect, it } from 'vitest';
import { contains } from './expectations.ts';

describe('contains', () => {
  it('matches objects by the keys given, arrays element by element in any order, the rest by equality', () => {
    expect(contains({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } })).toBe(true);
    expect(contains({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(contains({ tags: ['x', 'y', 'z'] }, { tags: ['z', 'x'] })).toBe(true);
    expect(contains({ tags: ['x'] }, { tags: ['q'] })).toBe(false);
    expect(contains([{ id: 1, n: 'a' }, { id: 2 }], [{ id: 2 }])).toBe(true);
    expect(contains('abc', 'abc')).toBe(true);
    expect(contains('abc', 'b')).toBe(false);
    expect(contains(null, {})).toBe(false);
  });
});
