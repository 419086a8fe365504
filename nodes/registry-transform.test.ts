import { describe, expect, it } from 'vitest';
import type { NodeProperty } from '../engine/index.ts';
import { transformNodeTypes } from './registry-transform.ts';

function walk(properties: NodeProperty[], visit: (property: NodeProperty) => void): void {
  for (const property of properties) {
    visit(property);
    for (const option of property.options ?? []) {
      if ('type' in option && 'default' in option) walk([option as NodeProperty], visit);
      if ('values' in option && Array.isArray(option.values)) walk(option.values, visit);
    }
  }
}

describe('transform node registry', () => {
  it('registers each n8n type once, with ascending versions', () => {
    const names = transformNodeTypes.map((type) => type.description.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((name) => name.startsWith('n8n-nodes-base.'))).toBe(true);
    for (const { description } of transformNodeTypes) {
      expect([...description.version].sort((a, b) => a - b)).toEqual(description.version);
    }
  });

  it('describes every parameter with a name, a type and a default', () => {
    for (const { description } of transformNodeTypes) {
      walk(description.properties, (property) => {
        expect(property.name, `${description.name}: ${property.displayName}`).toBeTruthy();
        expect(property.type).toBeTruthy();
        expect(property.default, `${description.name}.${property.name}`).not.toBeUndefined();
      });
    }
  });
});
