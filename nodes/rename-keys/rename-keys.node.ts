// Rename Keys (n8n-nodes-base.renameKeys v1): renames fields by dot path, then by regular expression.
import type { ExecuteContext, Item, JsonObject, NodeType } from '../../engine/index.ts';
import { collection, fixedCollectionEntries } from '../transform-shared/params.ts';
import { getPath, setPath, unsetPath } from '../transform-shared/path.ts';
import { deepCopy } from '../transform-shared/values.ts';
import { renameKeysProperties } from './rename-keys.description.ts';

interface Replacement {
  searchRegex?: string;
  replaceRegex?: string;
  options?: { caseInsensitive?: boolean; depth?: number };
}

function renameKey(source: JsonObject, target: JsonObject, currentKey: string, newKey: string): void {
  if (currentKey === '' || newKey === '' || currentKey === newKey) return;
  const value = getPath(source, currentKey);
  if (value === undefined) return;
  setPath(target, newKey, value);
  unsetPath(target, currentKey);
}

/** Renames matching keys at every level down to `depth` (-1 or unset: unlimited); array entries are walked, not renamed. */
function renameMatchingKeys(obj: Record<string, unknown>, regex: RegExp, replaceWith: string, depth: number): void {
  for (const key in obj) {
    if (Array.isArray(obj)) {
      if (depth !== 0) renameMatchingKeys(obj[key] as Record<string, unknown>, regex, replaceWith, depth - 1);
      continue;
    }
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    if (typeof obj[key] === 'object' && obj[key] !== null && depth !== 0) {
      renameMatchingKeys(obj[key] as Record<string, unknown>, regex, replaceWith, depth - 1);
    }
    if (regex.test(key)) {
      const newKey = key.replace(regex, replaceWith);
      if (newKey !== key) {
        obj[newKey] = obj[key];
        delete obj[key];
      }
    }
  }
}

function renameItem(item: Item, index: number, keys: JsonObject[], replacements: Replacement[]): Item {
  const json = deepCopy(item.json);
  const output: Item = { json, pairedItem: { item: index } };
  if (item.binary !== undefined) output.binary = item.binary;
  for (const key of keys) renameKey(item.json, json, String(key.currentKey ?? ''), String(key.newKey ?? ''));
  for (const { searchRegex = '', replaceRegex = '', options = {} } of replacements) {
    const regex = new RegExp(searchRegex, options.caseInsensitive ? 'i' : undefined);
    const depth = options.depth === undefined ? -1 : Number(options.depth);
    renameMatchingKeys(json, regex, replaceRegex, depth);
  }
  return output;
}

export const renameKeysNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.renameKeys',
    displayName: 'Rename Keys',
    group: ['transform'],
    version: [1],
    description: 'Update item field names',
    defaults: { name: 'Rename Keys' },
    inputs: ['main'],
    outputs: ['main'],
    properties: renameKeysProperties,
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const output: Item[] = [];
    for (let i = 0; i < items.length; i++) {
      try {
        const keys = fixedCollectionEntries(ctx, 'keys', 'key', i, { currentKey: '', newKey: '' });
        const regexOption = collection(ctx, 'additionalOptions', i).regexReplacement as JsonObject | undefined;
        const replacements = (Array.isArray(regexOption?.replacements) ? regexOption.replacements : []) as Replacement[];
        output.push(renameItem(items[i], i, keys, replacements));
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        output.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
      }
    }
    return [output];
  },
};
