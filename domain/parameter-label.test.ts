// Parameter paths read through a node description: what history lines call a changed parameter.
import { describe, expect, it } from 'vitest';
import type { NodeProperty } from './node-properties.ts';
import { parameterLabel } from './parameter-label.ts';

const properties: NodeProperty[] = [
  { displayName: 'URL', name: 'url', type: 'string', default: '' },
  { displayName: 'Conditions', name: 'conditions', type: 'filter', default: {} },
  { displayName: 'Channel', name: 'channelId', type: 'resourceLocator', default: {} },
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [{ displayName: 'Timeout', name: 'timeout', type: 'number', default: 1 }] },
  {
    displayName: 'Headers', name: 'headers', type: 'fixedCollection', default: {},
    options: [{ name: 'parameters', displayName: 'Header', values: [{ displayName: 'Name', name: 'name', type: 'string', default: '' }] }],
  },
];

describe('parameterLabel', () => {
  it('names a path by the display names along it', () => {
    expect(parameterLabel(properties, ['url'])).toBe('URL');
    expect(parameterLabel(properties, ['options', 'timeout'])).toBe('Options › Timeout');
    expect(parameterLabel(properties, ['headers', 'parameters', 'name'])).toBe('Headers › Header › Name');
  });

  it('names a value the editor shows as one field by that field', () => {
    expect(parameterLabel(properties, ['conditions', 'options'])).toBe('Conditions');
    expect(parameterLabel(properties, ['channelId', 'value'])).toBe('Channel');
  });

  it('keeps keys no description names, and gives up on an unknown parameter', () => {
    expect(parameterLabel(properties, ['options', 'legacyFlag'])).toBe('Options › legacyFlag');
    expect(parameterLabel(properties, ['nope', 'deeper'])).toBeUndefined();
  });
});
