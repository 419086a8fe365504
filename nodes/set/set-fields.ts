// Field handling of Edit Fields (Set) v3: typed value validation, JSON parsing and composing the
// output item from the input fields to keep plus the new ones (n8n Set/v2/helpers/utils.ts).
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject } from '../../engine/index.ts';
import { deepCopy } from '../shared/objects.ts';
import { param } from '../shared/params.ts';
import { getPath, setPath, unsetPath } from '../shared/paths.ts';
import { getValueDescription, validateFieldType } from '../shared/type-validation.ts';

export interface SetOptions {
  include: string;
  dotNotation?: boolean;
  ignoreConversionErrors?: boolean;
  includeBinary?: boolean;
  stripBinary?: boolean;
}

export function validateEntry(
  nodeName: string,
  name: string,
  type: string,
  value: unknown,
  itemIndex: number,
  ignoreErrors: boolean,
  nodeVersion: number,
): { name: string; value: unknown } {
  if (nodeVersion >= 3.2 && (value === undefined || value === null)) return { name, value: null };
  const description = `To fix the error try to change the type for the field "${name}" or activate the option “Ignore Type Conversion Errors” to apply a less strict type validation`;
  if (type === 'string') {
    if (nodeVersion > 3 && (value === undefined || value === null)) {
      if (ignoreErrors) return { name, value: null };
      throw new NodeOperationError(nodeName, `'${name}' expects a ${type} but we got ${getValueDescription(value)} [item ${itemIndex}]`, { description });
    }
    value = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  const result = validateFieldType(name, value, type);
  if (!result.valid) {
    if (ignoreErrors) return { name, value: value ?? null };
    throw new NodeOperationError(nodeName, `${result.errorMessage} [item ${itemIndex}]`, { itemIndex, description });
  }
  return { name, value: result.newValue ?? null };
}

/** Parses the JSON of 'JSON Output' or an object field, repairing JS-style object literals. */
export function parseJsonParameter(nodeName: string, data: unknown, itemIndex: number, entryName?: string): JsonObject {
  const location = entryName ? `entry "${entryName}" inside 'Fields to Set'` : "'JSON Output'";
  let parsed: unknown = data;
  if (typeof data === 'string') {
    try {
      parsed = JSON.parse(data);
    } catch {
      const recovered = data
        .replace(/'/g, '"')
        .replace(/(['"])?([a-zA-Z0-9_]+)(['"])?:/g, '"$2":')
        .replace(/,\s*([\]}])/g, '$1')
        .replace(/,+$/, '');
      try {
        parsed = JSON.parse(recovered);
      } catch {
        const description = recovered === data ? data : `${recovered};\n Original input: ${data}`;
        throw new NodeOperationError(nodeName, `The ${location} in item ${itemIndex} contains invalid JSON`, { description });
      }
    }
  }
  if (parsed === undefined || parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new NodeOperationError(nodeName, `The ${location} in item ${itemIndex} does not contain a valid JSON object`);
  }
  return parsed as JsonObject;
}

/** A key as stored, or with `['…']` quoting removed when that is what the item has. */
function sanitizeKey(item: JsonObject, key: string): string {
  if (item[key] !== undefined) return key;
  if ((key.startsWith("['") && key.endsWith("']")) || (key.startsWith('["') && key.endsWith('"]'))) {
    const inner = key.slice(2, -2);
    if (item[inner] !== undefined) return inner;
  }
  return key;
}

function fieldHelper(dotNotation: boolean | undefined) {
  if (dotNotation !== false) {
    return { get: getPath, set: setPath, unset: unsetPath };
  }
  return {
    get: (item: JsonObject, key: string) => item[sanitizeKey(item, key)],
    set: (item: JsonObject, key: string, value: unknown) => {
      item[sanitizeKey(item, key)] = value;
    },
    unset: (item: JsonObject, key: string) => {
      delete item[sanitizeKey(item, key)];
    },
  };
}

function fieldList(ctx: ExecuteContext, name: string, itemIndex: number): string[] {
  return String(param(ctx, name, itemIndex, '') ?? '')
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field);
}

export function composeReturnItem(
  ctx: ExecuteContext,
  itemIndex: number,
  inputItem: Item,
  newFields: JsonObject,
  options: SetOptions,
): Item {
  const version = ctx.node.typeVersion;
  const newItem: Item = { json: {}, pairedItem: { item: itemIndex } };
  const includeBinary =
    (version >= 3.4 && !options.stripBinary && options.include !== 'none') || (version < 3.4 && !!options.includeBinary);
  if (includeBinary && inputItem.binary !== undefined) newItem.binary = { ...inputItem.binary };
  const fields = fieldHelper(options.dotNotation);

  switch (options.include) {
    case 'all':
      newItem.json = deepCopy(inputItem.json);
      break;
    case 'selected':
      for (const key of fieldList(ctx, 'includeFields', itemIndex)) {
        const value = fields.get(inputItem.json, key);
        const keyToSet = options.dotNotation !== false && key.includes('.') ? (key.split('.').pop() as string) : key;
        fields.set(newItem.json, keyToSet, value);
      }
      break;
    case 'except': {
      const json = deepCopy(inputItem.json);
      for (const key of fieldList(ctx, 'excludeFields', itemIndex)) fields.unset(json, key);
      newItem.json = json;
      break;
    }
    case 'none':
      break;
    default:
      throw new NodeOperationError(ctx.node.name, `The include option "${options.include}" is not known!`);
  }
  for (const key of Object.keys(newFields)) fields.set(newItem.json, key, newFields[key]);
  return newItem;
}

/** A `binary` assignment copies one of the input item's binary properties under a new name. */
export function binaryAssignment(nodeName: string, inputItem: Item, propertyName: unknown, field: string, itemIndex: number) {
  const data = typeof propertyName === 'string' ? inputItem.binary?.[propertyName] : propertyName;
  if (data === undefined && typeof propertyName === 'string') {
    throw new NodeOperationError(
      nodeName,
      `This operation expects the node's input data to contain a binary file '${propertyName}', but none was found [item ${itemIndex}]`,
      { itemIndex },
    );
  }
  if (!data || typeof data !== 'object' || !('data' in data) || !('mimeType' in data)) {
    throw new NodeOperationError(nodeName, `Could not find binary data specified in field ${field}`, { itemIndex });
  }
  return data as NonNullable<Item['binary']>[string];
}
