import { describe, expect, it } from 'vitest';
import { mergeStaticDataChanges, staticDataFromDefinition, staticDataStreamName } from './workflow-static-data.ts';
import { streamCategory } from './events.ts';

describe('static data', () => {
  it('lives on a stream no workflow-<id> subscriber matches', () => {
    expect(staticDataStreamName('abc')).toBe('staticdata-abc');
    expect(streamCategory(staticDataStreamName('abc'))).toBe('staticdata');
    expect(staticDataStreamName('abc').startsWith('workflow-')).toBe(false);
  });

  it('reads what an imported definition carries: an object (copied), a JSON string, or nothing', () => {
    const raw = { global: { n: 1 } };
    const read = staticDataFromDefinition(raw);
    expect(read).toEqual(raw);
    (read.global as { n: number }).n = 2;
    expect(raw.global.n).toBe(1);
    expect(staticDataFromDefinition('{"node:Poll":{"lastId":3}}')).toEqual({ 'node:Poll': { lastId: 3 } });
    expect(staticDataFromDefinition('not json')).toEqual({});
    expect(staticDataFromDefinition('[1]')).toEqual({});
    expect(staticDataFromDefinition(null)).toEqual({});
  });

  it('merges one writer’s changes by scope onto the latest saved data', () => {
    const before = { global: { count: 1 }, 'node:Poll': { lastId: 1 } };
    // Since this writer read, another saved a new cursor for the poller.
    const latest = { global: { count: 1 }, 'node:Poll': { lastId: 7 } };
    const after = { global: { count: 2 }, 'node:Poll': { lastId: 1 } };
    expect(mergeStaticDataChanges(latest, before, after)).toEqual({ global: { count: 2 }, 'node:Poll': { lastId: 7 } });
  });

  it('adds and removes scopes, and answers undefined when nothing changed', () => {
    expect(mergeStaticDataChanges({ a: 1 }, {}, { 'node:New': { x: 1 } })).toEqual({ a: 1, 'node:New': { x: 1 } });
    expect(mergeStaticDataChanges({ gone: 1, kept: 2 }, { gone: 1 }, {})).toEqual({ kept: 2 });
    expect(mergeStaticDataChanges({ a: 1 }, { global: { x: [1] } }, { global: { x: [1] } })).toBeUndefined();
  });
});
