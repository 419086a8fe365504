// Merge v1 (n8n-nodes-base.merge 1): append, merge by index (inner/left/outer), merge by key,
// keep/remove key matches, multiplex, pass-through and wait, over two inputs.
import type { ExecuteContext, Item, JsonObject, NodeProperty, NodeType } from '../../engine/index.ts';
import { deepCopy } from '../shared/objects.ts';
import { param } from '../shared/params.ts';
import { getPath } from '../shared/paths.ts';
import { option } from '../shared/properties.ts';
import { inputsData } from './merge-v3.node.ts';

const KEY_MODES = ['keepKeyMatches', 'mergeByKey', 'removeKeyMatches'];

const properties: NodeProperty[] = [
  {
    displayName: 'Mode',
    name: 'mode',
    type: 'options',
    options: [
      option('Append', 'append', 'Combines data of both inputs. The output will contain items of input 1 and input 2.'),
      option('Keep Key Matches', 'keepKeyMatches', 'Keeps data of input 1 if it does find a match with data of input 2'),
      option('Merge By Index', 'mergeByIndex', 'Merges data of both inputs by the index of the items'),
      option('Merge By Key', 'mergeByKey', 'Merges data of both inputs depending on a defined key'),
      option('Multiplex', 'multiplex', 'Merges each value of one input with each value of the other input'),
      option('Pass-Through', 'passThrough', 'Passes through data of one input'),
      option('Remove Key Matches', 'removeKeyMatches', 'Keeps data of input 1 if it does NOT find match with data of input 2'),
      option('Wait', 'wait', 'Waits till data of both inputs is available and will then output a single empty item'),
    ],
    default: 'append',
    description: 'How data of branches should be merged',
  },
  {
    displayName: 'Join',
    name: 'join',
    type: 'options',
    displayOptions: { show: { mode: ['mergeByIndex'] } },
    options: [option('Inner Join', 'inner'), option('Left Join', 'left'), option('Outer Join', 'outer')],
    default: 'left',
    description: 'How many items the output will contain if inputs contain different amount of items',
  },
  ...(['1', '2'] as const).map((n): NodeProperty => ({
    displayName: `Property Input ${n}`,
    name: `propertyName${n}`,
    type: 'string',
    default: '',
    required: true,
    displayOptions: { show: { mode: KEY_MODES } },
    description: `Name of property which decides which items to merge of input ${n}`,
  })),
  {
    displayName: 'Output Data',
    name: 'output',
    type: 'options',
    displayOptions: { show: { mode: ['passThrough'] } },
    options: [option('Input 1', 'input1'), option('Input 2', 'input2')],
    default: 'input1',
    description: 'Defines of which input the data should be used as output of node',
  },
  {
    displayName: 'Overwrite',
    name: 'overwrite',
    type: 'options',
    displayOptions: { show: { mode: ['mergeByKey'] } },
    options: [
      option('Always', 'always', 'Always overwrites everything'),
      option('If Blank', 'blank', 'Overwrites only values of "null", "undefined" or empty string'),
      option('If Missing', 'undefined', 'Only adds values which do not exist yet'),
    ],
    default: 'always',
    description: 'Select when to overwrite the values from Input1 with values from Input 2',
  },
];

function mergeByIndex(join: string, input1: Item[], input2: Item[]): Item[] {
  if (input1.length === 0) return ['inner', 'left'].includes(join) ? [] : input2;
  if (input2.length === 0) return ['left', 'outer'].includes(join) ? input1 : [];
  let count = input1.length;
  if (join === 'inner') count = Math.min(input1.length, input2.length);
  else if (join === 'outer') count = Math.max(input1.length, input2.length);
  const output: Item[] = [];
  for (let i = 0; i < count; i++) {
    if (i >= input1.length) output.push(input2[i]);
    else if (i >= input2.length) output.push(input1[i]);
    else {
      const item: Item = { json: { ...input1[i].json, ...input2[i].json }, pairedItem: [input1[i].pairedItem, input2[i].pairedItem] as Item['pairedItem'] };
      if (input1[i].binary !== undefined || input2[i].binary !== undefined) item.binary = { ...input1[i].binary, ...input2[i].binary };
      output.push(item);
    }
  }
  return output;
}

function byKey(ctx: ExecuteContext, mode: string, input1: Item[], input2: Item[]): Item[] {
  const property1 = String(param(ctx, 'propertyName1', 0, ''));
  const property2 = String(param(ctx, 'propertyName2', 0, ''));
  const overwrite = param(ctx, 'overwrite', 0, 'always');
  if (!property1 || !property2) return mode === 'keepKeyMatches' ? [] : input1;
  const lookup = new Map<string, Item>();
  for (const entry of input2) {
    const key = getPath(entry.json, property2);
    if (key) lookup.set(String(key), entry);
  }
  const output: Item[] = [];
  for (const entry of input1) {
    let reference = getPath(entry.json, property1);
    const comparable = reference === undefined ? false : ['string', 'number'].includes(typeof reference) || reference === null;
    if (!comparable) {
      if (mode === 'removeKeyMatches') output.push(entry);
      continue;
    }
    if (typeof reference === 'number') reference = reference.toString();
    const match = reference === null ? undefined : lookup.get(reference as string);
    if (!match) {
      if (mode !== 'keepKeyMatches') output.push(entry);
      continue;
    }
    if (mode === 'removeKeyMatches') continue;
    if (mode === 'keepKeyMatches') {
      output.push(entry);
      continue;
    }
    const merged = deepCopy(entry);
    for (const key of Object.keys(match.json)) {
      if (key === property2) continue;
      const current = merged.json[key];
      if (overwrite === 'always' || (overwrite === 'undefined' && !Object.hasOwn(merged.json, key)) || (overwrite === 'blank' && [null, undefined, ''].includes(current as string))) {
        merged.json[key] = match.json[key];
      }
    }
    output.push(merged);
  }
  return output;
}

export const mergeV1Node: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.merge',
    displayName: 'Merge',
    group: ['transform'],
    version: [1],
    description: 'Merges data of multiple streams once data from both is available',
    icon: 'fa:code-branch',
    defaults: { name: 'Merge', color: '#00bbcc' },
    inputs: ['main', 'main'],
    outputs: ['main'],
    properties,
  },
  async execute(ctx: ExecuteContext) {
    const [input1, input2] = inputsData(ctx, 2);
    const mode = param(ctx, 'mode', 0, 'append');
    switch (mode) {
      case 'append':
        return [[...input1, ...input2]];
      case 'mergeByIndex':
        return [mergeByIndex(param(ctx, 'join', 0, 'left'), input1, input2)];
      case 'multiplex':
        return [input1.flatMap((a) => input2.map((b): Item => ({ json: { ...a.json, ...b.json } as JsonObject, pairedItem: [a.pairedItem, b.pairedItem] as Item['pairedItem'] })))];
      case 'passThrough':
        return [param(ctx, 'output', 0, 'input1') === 'input1' ? input1 : input2];
      case 'wait':
        return [[{ json: {} }]];
      default:
        return KEY_MODES.includes(mode) ? [byKey(ctx, mode, input1, input2)] : [[]];
    }
  },
};
