// Every dropdown and resource locator list a built-in node declares has the method behind it, so
// the editor never asks for a method that does not exist.
import { describe, expect, it } from 'vitest';
import type { NodeType } from '../engine/index.ts';
import { loadNodeType, nodeDescriptions } from './index.ts';

type Declared = { kind: 'loadOptions' | 'listSearch'; method: string };

function declaredMethods(value: unknown, found: Declared[] = []): Declared[] {
  if (Array.isArray(value)) for (const entry of value) declaredMethods(entry, found);
  else if (value !== null && typeof value === 'object') {
    const typeOptions = (value as { typeOptions?: Record<string, unknown> }).typeOptions;
    if (typeof typeOptions?.loadOptionsMethod === 'string') found.push({ kind: 'loadOptions', method: typeOptions.loadOptionsMethod });
    if (typeof typeOptions?.searchListMethod === 'string') found.push({ kind: 'listSearch', method: typeOptions.searchListMethod });
    for (const [key, entry] of Object.entries(value)) if (key !== 'typeOptions') declaredMethods(entry, found);
  }
  return found;
}

describe('node methods', () => {
  it('exist for every loadOptionsMethod and searchListMethod a built-in node declares', async () => {
    const missing: string[] = [];
    for (const description of nodeDescriptions()) {
      for (const version of description.version) {
        const type = (await loadNodeType(description.name, version)) as NodeType;
        for (const { kind, method } of declaredMethods(type.description.properties)) {
          if (typeof type.methods?.[kind]?.[method] !== 'function') missing.push(`${description.name}@${version} ${kind}.${method}`);
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  }, 120_000);
});
