// Merge v2 (n8n-nodes-base.merge 2, 2.1): append, combine (mergeByFields, mergeByPosition,
// multiplex) and chooseBranch over exactly two inputs. 2.0 requires match fields to exist.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeDescription, type NodeType } from '../../engine/index.ts';
import { errorMessage, pairedItemList } from '../shared/items.ts';
import { merge, type Obj } from '../shared/objects.ts';
import { collection, param } from '../shared/params.ts';
import { combineAll, combineByFields } from './combine-modes.ts';
import { addSuffixToEntriesKeys, checkInput, checkMatchFieldsInput, selectMergeMethod, type ClashResolveOptions } from './merge-helpers.ts';
import { inputsData, mergeRequiredInputs } from './merge-v3.node.ts';
import { mergeV2Properties } from './merge-v2.description.ts';

function clashOptions(options: JsonObject): ClashResolveOptions {
  const values = { ...((options.clashHandling as { values?: ClashResolveOptions } | undefined)?.values ?? {}) };
  // v2 calls "prefer the last input" preferInput2 and stores '' until chosen.
  if (values.resolveClash === 'preferInput2') values.resolveClash = 'preferLast';
  if (values.resolveClash === '') delete values.resolveClash;
  return values;
}

function mergeByPosition(inputs: Item[][], clash: ClashResolveOptions, includeUnpaired: boolean): Item[] {
  let [input1, input2] = inputs;
  if (input1.length === 0 || input2.length === 0) return [...input1, ...input2];
  if (clash.resolveClash === 'preferInput1') [input1, input2] = [input2, input1];
  if (clash.resolveClash === 'addSuffix') {
    input1 = addSuffixToEntriesKeys(input1, '1');
    input2 = addSuffixToEntriesKeys(input2, '2');
  }
  const count = includeUnpaired ? Math.max(input1.length, input2.length) : Math.min(input1.length, input2.length);
  const mergeFn = selectMergeMethod(clash);
  const output: Item[] = [];
  for (let i = 0; i < count; i++) {
    if (i >= input1.length) output.push(input2[i]);
    else if (i >= input2.length) output.push(input1[i]);
    else {
      const [entry1, entry2] = [input1[i], input2[i]];
      output.push({
        json: { ...mergeFn(entry1.json, entry2.json) } as JsonObject,
        binary: { ...merge({}, entry1.binary as Obj | undefined, entry2.binary as Obj | undefined) } as Item['binary'],
        pairedItem: [entry1.pairedItem, entry2.pairedItem] as Item['pairedItem'],
      });
    }
  }
  return output;
}

function mergeByFields(ctx: ExecuteContext, inputs: Item[][]): Item[][] {
  const options = collection(ctx, 'options', 0);
  const noDots = options.disableDotNotation === true;
  try {
    const values = collection(ctx, 'mergeByFields', 0).values as JsonObject[] | undefined;
    const fields = checkMatchFieldsInput(values ?? [{ field1: '', field2: '' }]);
    let [input1, input2] = inputs;
    if (ctx.node.typeVersion < 2.1) {
      input1 = checkInput(input1, fields.map((pair) => pair.field1), noDots, 'Input 1');
      input2 = checkInput(input2, fields.map((pair) => pair.field2), noDots, 'Input 2');
    }
    return combineByFields({
      input1,
      input2,
      fields,
      joinMode: param(ctx, 'joinMode', 0, 'keepMatches'),
      outputDataFrom: param(ctx, 'outputDataFrom', 0, 'both'),
      options,
      clash: clashOptions(options),
      stop: [[]],
    });
  } catch (error) {
    throw new NodeOperationError(ctx.node.name, errorMessage(error));
  }
}

const description: NodeDescription & { requiredInputs: typeof mergeRequiredInputs } = {
  name: 'n8n-nodes-base.merge',
  displayName: 'Merge',
  group: ['transform'],
  version: [2, 2.1],
  description: 'Merges data of multiple streams once data from both is available',
  icon: 'fa:code-branch',
  defaults: { name: 'Merge', color: '#00bbcc' },
  inputs: ['main', 'main'],
  outputs: ['main'],
  properties: mergeV2Properties,
  requiredInputs: mergeRequiredInputs,
};

export const mergeV2Node: NodeType = {
  outsideEffects: false,
  description,
  async execute(ctx: ExecuteContext) {
    const inputs = inputsData(ctx, 2);
    const mode = param(ctx, 'mode', 0, 'append');
    if (mode === 'append') return [inputs.flat()];
    if (mode === 'chooseBranch') {
      const output = param(ctx, 'output', 0, 'input1');
      if (output === 'input1') return [[...inputs[0]]];
      if (output === 'input2') return [[...inputs[1]]];
      const pairedItem = inputs.flat().flatMap((item) => pairedItemList(item.pairedItem));
      return [[{ json: {}, pairedItem }]];
    }
    const combinationMode = param(ctx, 'combinationMode', 0, 'mergeByFields');
    const options = collection(ctx, 'options', 0);
    if (combinationMode === 'multiplex') return [combineAll(inputs, clashOptions(options))];
    if (combinationMode === 'mergeByPosition') {
      return [mergeByPosition(inputs, clashOptions(options), options.includeUnpaired === true)];
    }
    return mergeByFields(ctx, inputs);
  },
};
