import { describe, expect, it } from 'vitest';
import { parameterValue, resolveNodeParameters } from './node-parameters.ts';
import type { NodeProperty } from './node-properties.ts';

const prop = (p: Partial<NodeProperty> & Pick<NodeProperty, 'name' | 'type' | 'default'>): NodeProperty => ({ displayName: p.name, ...p });

// Shaped like Merge v2: `combinationMode` exists only in combine mode.
const merge = {
  name: 'n8n-nodes-base.merge',
  properties: [
    prop({ name: 'mode', type: 'options', default: 'append', options: [{ name: 'Append', value: 'append' }, { name: 'Combine', value: 'combine' }] }),
    prop({ name: 'combinationMode', type: 'options', default: 'mergeByFields', displayOptions: { show: { mode: ['combine'] } } }),
    prop({ name: 'joinMode', type: 'options', default: 'keepMatches', displayOptions: { show: { mode: ['combine'], combinationMode: ['mergeByFields'] } } }),
    prop({
      name: 'options', type: 'collection', default: {},
      options: [prop({ name: 'includeOtherFields', type: 'boolean', default: false }), prop({ name: 'fuzzy', type: 'boolean', default: true })],
    }),
  ],
};

describe('resolveNodeParameters', () => {
  it('fills defaults only for displayed properties, following chains of display rules', () => {
    expect(resolveNodeParameters(merge, {}, 2)).toEqual({ mode: 'append', options: {} });
    expect(resolveNodeParameters(merge, { mode: 'combine' }, 2)).toEqual({
      mode: 'combine', combinationMode: 'mergeByFields', joinMode: 'keepMatches', options: {},
    });
  });

  it('keeps a collection sparse: only the options that were set', () => {
    expect(resolveNodeParameters(merge, { options: { fuzzy: false } }, 2).options).toEqual({ fuzzy: false });
  });

  it('decides by typeVersion through @version rules', () => {
    const desc = {
      name: 'x',
      properties: [
        prop({ name: 'old', type: 'string', default: 'o', displayOptions: { show: { '@version': [1, 2] } } }),
        prop({ name: 'new', type: 'string', default: 'n', displayOptions: { show: { '@version': [{ _cnd: { gte: 3 } }] } } }),
        prop({ name: 'notV1', type: 'number', default: 0, displayOptions: { hide: { '@version': [1] } } }),
      ],
    };
    expect(resolveNodeParameters(desc, {}, 1)).toEqual({ old: 'o' });
    expect(resolveNodeParameters(desc, {}, 3.1)).toEqual({ new: 'n', notV1: 0 });
  });

  it('picks the displayed one of properties sharing a name, and shows rules keyed on expressions', () => {
    const desc = {
      name: 'x',
      properties: [
        prop({ name: 'resource', type: 'options', default: 'user' }),
        prop({ name: 'operation', type: 'options', default: 'get', displayOptions: { show: { resource: ['user'] } } }),
        prop({ name: 'operation', type: 'options', default: 'list', displayOptions: { show: { resource: ['team'] } } }),
      ],
    };
    expect(resolveNodeParameters(desc, { resource: 'team' }, 1)).toEqual({ resource: 'team', operation: 'list' });
    expect(resolveNodeParameters(desc, {}, 1)).toEqual({ resource: 'user', operation: 'get' });
    expect(resolveNodeParameters(desc, { resource: '={{ "team" }}' }, 1).operation).toBe('list');
  });

  it('fills defaults inside fixedCollection entries and keeps falsy values', () => {
    const desc = {
      name: 'x',
      properties: [
        prop({ name: 'flag', type: 'boolean', default: true }),
        prop({ name: 'count', type: 'number', default: 5 }),
        prop({
          name: 'rules', type: 'fixedCollection', default: {}, typeOptions: { multipleValues: true },
          options: [{ name: 'rule', displayName: 'Rule', values: [prop({ name: 'field', type: 'string', default: '' }), prop({ name: 'op', type: 'options', default: 'eq' })] }],
        }),
      ],
    };
    expect(resolveNodeParameters(desc, { flag: false, count: 0, rules: { rule: [{ field: 'a' }, { op: 'ne' }] } }, 1)).toEqual({
      flag: false, count: 0, rules: { rule: [{ field: 'a', op: 'eq' }, { field: '', op: 'ne' }] },
    });
  });

  it('reads dotted paths with a fallback', () => {
    const resolved = resolveNodeParameters(merge, { options: { includeOtherFields: true } }, 2);
    expect(parameterValue(resolved, 'options.includeOtherFields')).toBe(true);
    expect(parameterValue(resolved, 'options.fuzzy', 'fb')).toBe('fb');
    expect(parameterValue(resolved, 'nothing')).toBeUndefined();
  });
});
