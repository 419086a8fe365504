import { describe, expect, it } from 'vitest';
import { flattenKeys, pickPaths } from './flatten.ts';
import { getPath, hasPath, setPath, toPath, unsetPath } from './path.ts';

describe('field paths (lodash semantics)', () => {
  it('splits dots and brackets, quoted keys included', () => {
    expect(toPath('a.b[0].c')).toEqual(['a', 'b', '0', 'c']);
    expect(toPath('a["x.y"].z')).toEqual(['a', 'x.y', 'z']);
    expect(toPath('.a')).toEqual(['', 'a']);
  });

  it('uses an existing dotted key as is', () => {
    expect(getPath({ 'a.b': 1, a: { b: 2 } }, 'a.b')).toBe(1);
    expect(getPath({ a: { b: 2 } }, 'a.b')).toBe(2);
    expect(getPath({ a: [{ b: 3 }] }, 'a[0].b')).toBe(3);
    expect(getPath({ a: null }, 'a.b')).toBeUndefined();
  });

  it('creates objects, or arrays before numeric segments, when setting', () => {
    expect(setPath({}, 'a.b', 1)).toEqual({ a: { b: 1 } });
    expect(setPath({}, 'a.0.b', 1)).toEqual({ a: [{ b: 1 }] });
    expect(setPath({ a: 5 }, 'a.b', 1)).toEqual({ a: { b: 1 } });
    expect(setPath({}, '__proto__.polluted', 1)).toEqual({});
  });

  it('unsets nested keys and checks presence', () => {
    const value = { a: { b: 1, c: 2 } };
    unsetPath(value, 'a.b');
    expect(value).toEqual({ a: { c: 2 } });
    expect(hasPath(value, 'a.c')).toBe(true);
    expect(hasPath(value, 'a.b')).toBe(false);
  });

  it('flattens to dotted leaf paths, dropping empty containers', () => {
    expect(flattenKeys({ a: { b: 1 }, c: [2, { d: null }], e: {}, f: [] })).toEqual({ 'a.b': 1, 'c.0': 2, 'c.1.d': null });
  });

  it('picks nested paths into nested objects', () => {
    expect(pickPaths({ a: { b: 1, c: 2 }, d: 3 }, ['a.b', 'd', 'x'])).toEqual({ a: { b: 1 }, d: 3 });
  });
});
