// Merge v3 (n8n-nodes-base.merge 3–3.2): append, combine (by fields, by position, all
// combinations) and choose branch. chooseBranch needs every input (requiredInputs [0, 1]); the
// other modes run with whatever arrived. SQL mode (AlaSQL) is not supported.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeDescription, type NodeType } from '../../engine/index.ts';
import { errorMessage, pairedItemList, stampedInput } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { combineAll, combineByFields, combineByPosition } from './combine-modes.ts';
import { checkMatchFieldsInput, type ClashResolveOptions } from './merge-helpers.ts';
import { mergeV3Properties } from './merge-v3.description.ts';
import { mergeV3Methods } from './merge-v3-methods.ts';

/** Items of every configured input, stamped with their input index. */
export function inputsData(ctx: ExecuteContext, count: number): Item[][] {
  return Array.from({ length: count }, (_, input) => {
    try {
      return stampedInput(ctx.getInputData(input) ?? [], input);
    } catch {
      return [];
    }
  });
}

function clashOptions(options: JsonObject): ClashResolveOptions {
  const handling = options.clashHandling as { values?: ClashResolveOptions } | undefined;
  return { ...(handling?.values ?? {}) };
}

function fail(ctx: ExecuteContext, error: unknown): never {
  throw new NodeOperationError(ctx.node.name, errorMessage(error));
}

function byFields(ctx: ExecuteContext, inputs: Item[][]): Item[][] {
  const advanced = param(ctx, 'advanced', 0, false);
  const pairs = advanced
    ? ((collection(ctx, 'mergeByFields', 0).values as JsonObject[] | undefined) ?? [{ field1: '', field2: '' }])
    : String(param(ctx, 'fieldsToMatchString', 0, '')).split(',').map((field) => ({ field1: field.trim(), field2: field.trim() }));
  let fields;
  try {
    fields = checkMatchFieldsInput(pairs);
  } catch (error) {
    fail(ctx, error);
  }
  const options = collection(ctx, 'options', 0);
  return combineByFields({
    input1: inputs[0],
    input2: inputs[1],
    fields,
    joinMode: param(ctx, 'joinMode', 0, 'keepMatches'),
    outputDataFrom: param(ctx, 'outputDataFrom', 0, 'both'),
    options,
    clash: clashOptions(options),
    stop: [],
  });
}

function chooseBranch(ctx: ExecuteContext, inputs: Item[][]): Item[][] {
  if (param(ctx, 'chooseBranchMode', 0, 'waitForAll') !== 'waitForAll') return [[]];
  const output = param(ctx, 'output', 0, 'specifiedInput');
  if (output === 'specifiedInput') {
    const useDataOfInput = Number(param(ctx, 'useDataOfInput', 0, 1));
    if (useDataOfInput > inputs.length) {
      throw new NodeOperationError(ctx.node.name, `Input ${useDataOfInput} doesn't exist`, {
        description: `The node has only ${inputs.length} inputs, so selecting input ${useDataOfInput} is not possible.`,
      });
    }
    return [[...(inputs[useDataOfInput - 1] ?? [])]];
  }
  if (output === 'empty') {
    const pairedItem = [...inputs[0], ...(inputs[1] ?? [])].flatMap((item) => pairedItemList(item.pairedItem));
    return [[{ json: {}, pairedItem }]];
  }
  return [[]];
}

/** n8n's `requiredInputs`: chooseBranch waits for every input, other modes run with what arrived. */
export const mergeRequiredInputs = (parameters: Record<string, unknown>) => (parameters.mode === 'chooseBranch' ? [0, 1] : 1);

const description: NodeDescription & { requiredInputs: typeof mergeRequiredInputs } = {
  name: 'n8n-nodes-base.merge',
  displayName: 'Merge',
  group: ['transform'],
  version: [3, 3.1, 3.2],
  description: 'Merges data of multiple streams once data from both is available',
  icon: 'fa:code-branch',
  defaults: { name: 'Merge' },
  // Dynamic in n8n: `numberInputs` inputs (2 by default).
  inputs: ['main', 'main'],
  outputs: ['main'],
  properties: mergeV3Properties,
  requiredInputs: mergeRequiredInputs,
};

export const mergeV3Node: NodeType = {
  outsideEffects: false,
  methods: mergeV3Methods,
  description,
  async execute(ctx: ExecuteContext) {
    const mode = param(ctx, 'mode', 0, 'append');
    const combineBy = mode === 'combine' ? param(ctx, 'combineBy', 0, 'combineByFields') : mode;
    const usesNumberInputs = ['append', 'combineByPosition', 'chooseBranch', 'combineBySql'].includes(combineBy);
    const count = usesNumberInputs ? Number(param(ctx, 'numberInputs', 0, 2)) || 2 : 2;
    const inputs = inputsData(ctx, count);

    switch (combineBy) {
      case 'append':
        return [inputs.flat()];
      case 'combineByFields':
        return byFields(ctx, inputs);
      case 'combineByPosition': {
        const options = collection(ctx, 'options', 0);
        return [combineByPosition(inputs, clashOptions(options), options.includeUnpaired === true)];
      }
      case 'combineAll':
        return [combineAll(inputs, clashOptions(collection(ctx, 'options', 0)))];
      case 'chooseBranch':
        return chooseBranch(ctx, inputs);
      default:
        throw new NodeOperationError(ctx.node.name, `The merge mode "${String(combineBy)}" is not supported`, {
          description: 'SQL queries (AlaSQL) are not available in this engine',
        });
    }
  },
};
