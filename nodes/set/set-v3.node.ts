// Edit Fields (Set) v3–3.4 (n8n-nodes-base.set): sets typed fields (manual) or a JSON template
// (raw) on each item, keeping all, none, selected or all-but-some input fields.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { resolveRawData } from '../shared/expression.ts';
import { errorMessage, stampedInput } from '../shared/items.ts';
import { collection, param, rawParam } from '../shared/params.ts';
import { binaryAssignment, composeReturnItem, parseJsonParameter, validateEntry, type SetOptions } from './set-fields.ts';
import { setV3Properties } from './set-v3.description.ts';

const FIELD_DEFAULTS: Record<string, unknown> = {
  stringValue: '',
  numberValue: '',
  booleanValue: 'true',
  arrayValue: '',
  objectValue: '={}',
};

/** Unresolved templates, which the node resolves itself so embedded objects stay JSON. */
function rawTemplates(ctx: ExecuteContext, mode: string): Record<string, string> {
  const raw: Record<string, string> = {};
  const strip = (value: string) => value.replace(/^=+/, '');
  if (mode === 'raw') {
    const jsonOutput = rawParam(ctx, 'jsonOutput');
    if (typeof jsonOutput === 'string' && jsonOutput.startsWith('=')) raw.jsonOutput = strip(jsonOutput);
    return raw;
  }
  const fields = (rawParam(ctx, 'fields') as { values?: JsonObject[] } | undefined)?.values ?? [];
  for (const entry of fields) {
    const objectValue = entry.objectValue ?? FIELD_DEFAULTS.objectValue;
    if ((entry.type ?? 'stringValue') === 'objectValue' && typeof objectValue === 'string' && objectValue.startsWith('=')) {
      raw[String(entry.name ?? '')] = strip(objectValue);
    }
  }
  return raw;
}

function manualFields(ctx: ExecuteContext, item: Item, i: number, options: SetOptions, raw: Record<string, string>): Item {
  const node = ctx.node;
  const ignore = options.ignoreConversionErrors === true;
  if (node.typeVersion < 3.3) {
    const fields = (param<JsonObject>(ctx, 'fields', i, {})?.values as JsonObject[] | undefined) ?? [];
    const newData: JsonObject = {};
    for (const entry of fields) {
      const type = String(entry.type ?? 'stringValue');
      const name = String(entry.name ?? '');
      let value = type in entry ? entry[type] : FIELD_DEFAULTS[type];
      if (type === 'objectValue' && raw[name] !== undefined && value !== undefined && value !== null) {
        value = parseJsonParameter(node.name, resolveRawData(ctx, raw[name], i), i, name);
      }
      const result = validateEntry(node.name, name, type.replace('Value', ''), value, i, ignore, node.typeVersion);
      newData[result.name] = result.value;
    }
    return composeReturnItem(ctx, i, item, newData, options);
  }
  const assignments = (param<JsonObject | null>(ctx, 'assignments', i, {})?.assignments as JsonObject[] | undefined) ?? [];
  const newData: JsonObject = {};
  const binaries: NonNullable<Item['binary']> = {};
  for (const assignment of assignments) {
    const name = String(assignment.name ?? '');
    const type = String(assignment.type ?? 'string');
    if (type === 'binary') {
      binaries[name] = binaryAssignment(node.name, item, assignment.value, name, i);
      continue;
    }
    const result = validateEntry(node.name, name, type, assignment.value, i, ignore, node.typeVersion);
    newData[result.name] = result.value;
  }
  const output = composeReturnItem(ctx, i, item, newData, options);
  if (Object.keys(binaries).length) output.binary = { ...(output.binary ?? {}), ...binaries };
  return output;
}

function rawJson(ctx: ExecuteContext, item: Item, i: number, options: SetOptions, raw: Record<string, string>): Item {
  const json =
    raw.jsonOutput === undefined
      ? parseJsonParameter(ctx.node.name, param(ctx, 'jsonOutput', i, '{\n  "my_field_1": "value",\n  "my_field_2": 1\n}\n'), i)
      : parseJsonParameter(ctx.node.name, resolveRawData(ctx, raw.jsonOutput, i), i);
  return composeReturnItem(ctx, i, item, json, options);
}

export const setV3Node: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.set',
    displayName: 'Edit Fields (Set)',
    group: ['input'],
    version: [3, 3.1, 3.2, 3.3, 3.4],
    description: 'Modify, add, or remove item fields',
    icon: 'fa:pen',
    defaults: { name: 'Edit Fields' },
    inputs: ['main'],
    outputs: ['main'],
    properties: setV3Properties,
  },
  async execute(ctx: ExecuteContext) {
    const items = stampedInput(ctx.getInputData());
    const mode = param(ctx, 'mode', 0, 'manual');
    const duplicateItem = param(ctx, 'duplicateItem', 0, false) === true;
    const raw = rawTemplates(ctx, mode);
    const output: Item[] = [];

    for (const [i, item] of items.entries()) {
      const includeOtherFields = param(ctx, 'includeOtherFields', i, false) === true;
      const include = String(param(ctx, 'include', i, 'all'));
      const options = { ...collection(ctx, 'options', i) } as unknown as SetOptions;
      options.include = ctx.node.typeVersion >= 3.3 ? (includeOtherFields ? include : 'none') : include;

      let newItem: Item;
      try {
        newItem = mode === 'raw' ? rawJson(ctx, item, i, options, raw) : manualFields(ctx, item, i, options, raw);
      } catch (error) {
        if (ctx.continueOnFail()) {
          // n8n puts pairedItem inside json in manual mode; kept for identical output.
          newItem = mode === 'raw'
            ? { json: { error: errorMessage(error) }, pairedItem: { item: i } }
            : { json: { error: errorMessage(error), pairedItem: { item: i } } };
        } else {
          if (error instanceof NodeOperationError) throw error;
          throw new NodeOperationError(ctx.node.name, errorMessage(error), { itemIndex: i });
        }
      }
      const copies = duplicateItem && ctx.mode === 'manual' ? Number(param(ctx, 'duplicateCount', 0, 0)) + 1 : 1;
      for (let j = 0; j < copies; j++) output.push(newItem);
    }
    return [output];
  },
};
