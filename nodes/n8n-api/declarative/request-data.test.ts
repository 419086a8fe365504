// displayOptions judging (show/hide, sibling and root paths, @version, _cnd conditions) and the
// merge and dot-path helpers the routing engine builds requests with.
import { describe, expect, it } from 'vitest';
import { deepMerge, isDisplayed, setPath } from './request-data.ts';

describe('isDisplayed', () => {
  const scope = { root: { resource: 'user', operation: 'get', limit: 5 }, typeVersion: 2 };
  it('needs every show key to match and no hide key to match', () => {
    expect(isDisplayed({ displayOptions: { show: { resource: ['user'], operation: ['get', 'list'] } } }, scope)).toBe(true);
    expect(isDisplayed({ displayOptions: { show: { resource: ['user'], operation: ['list'] } } }, scope)).toBe(false);
    expect(isDisplayed({ displayOptions: { show: { resource: ['user'] }, hide: { operation: ['get'] } } }, scope)).toBe(false);
    expect(isDisplayed({ displayOptions: { show: { missing: ['x'] } } }, scope)).toBe(false);
  });
  it('reads siblings first, the root through a leading slash, and the node version', () => {
    const nested = { ...scope, siblings: { operation: 'inner' } };
    expect(isDisplayed({ displayOptions: { show: { operation: ['inner'] } } }, nested)).toBe(true);
    expect(isDisplayed({ displayOptions: { show: { '/operation': ['get'] } } }, nested)).toBe(true);
    expect(isDisplayed({ displayOptions: { show: { '@version': [2] } } }, scope)).toBe(true);
    expect(isDisplayed({ displayOptions: { show: { '@version': [1] } } }, scope)).toBe(false);
  });
  it('judges _cnd conditions', () => {
    const cnd = (c: Record<string, unknown>, key = 'limit') => isDisplayed({ displayOptions: { show: { [key]: [{ _cnd: c }] } } }, scope);
    expect(cnd({ gte: 5 })).toBe(true);
    expect(cnd({ gt: 5 })).toBe(false);
    expect(cnd({ between: { from: 1, to: 9 } })).toBe(true);
    expect(cnd({ startsWith: 'us' }, 'resource')).toBe(true);
    expect(cnd({ not: 'user' }, 'resource')).toBe(false);
    expect(cnd({ gte: 2 }, '@version')).toBe(true);
  });
});

describe('request helpers', () => {
  it('sets dot paths with indexes and merges objects deeply', () => {
    const body: Record<string, unknown> = {};
    setPath(body, 'user.tags[1]', 'b');
    setPath(body, 'user.name', 'Ann');
    expect(body).toEqual({ user: { tags: [undefined, 'b'], name: 'Ann' } });
    expect(deepMerge({ qs: { a: 1 }, url: '/x' }, { qs: { b: 2 }, url: '/y', body: undefined })).toEqual({ qs: { a: 1, b: 2 }, url: '/y' });
  });
});
