// Reading the Airtable node's parameters as n8n does: resource locators (a list pick, an ID, or an
// airtable.com URL the ID is cut from), and the `columns` resource mapper, whose values are checked
// and converted against the table schema stored with the node unless Typecast is on.
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { param, rawParam } from '../shared/params.ts';
import { validateFieldType } from '../shared/type-validation.ts';
import type { FieldType } from '../shared/type-validation.ts';

/** n8n's extractValue regexes for the URL mode: the base is the first path segment, table the second, view the third. */
const URL_PATTERNS: Record<string, RegExp> = {
  base: /https:\/\/airtable\.com\/([a-zA-Z0-9]{2,})/,
  application: /https:\/\/airtable\.com\/([a-zA-Z0-9]{2,})/,
  table: /https:\/\/airtable\.com\/[a-zA-Z0-9]{2,}\/([a-zA-Z0-9]{2,})/,
  view: /https:\/\/airtable\.com\/[a-zA-Z0-9]{2,}\/[a-zA-Z0-9]{2,}\/([a-zA-Z0-9]{2,})/,
};

/** A locator's value: `{__rl, mode, value}` (URLs cut down to the ID) or a plain string from older exports. */
export function locatorValue(ctx: ExecuteContext, name: string, value: unknown, itemIndex: number): string {
  if (!value || typeof value !== 'object') return value === undefined || value === null ? '' : String(value);
  const { mode, value: inner } = value as { mode?: string; value?: unknown };
  const text = inner === undefined || inner === null ? '' : String(inner);
  if (mode !== 'url') return text;
  const match = URL_PATTERNS[name]?.exec(text);
  if (!match) {
    throw new NodeOperationError(ctx.node.name, `ERROR: ${name} parameter's value is invalid. Please enter a valid URL.`, { itemIndex, description: text });
  }
  return match[1];
}

export function locatorParam(ctx: ExecuteContext, name: string, itemIndex: number): string {
  return locatorValue(ctx, name, param<unknown>(ctx, name, itemIndex, ''), itemIndex);
}

/** How the resource mapper gives fields (input as is, or defined below) and the columns to match records on. */
export interface ColumnsMode {
  mappingMode: string;
  matchingColumns: string[];
}

interface SchemaField { id: string; type?: string; options?: Array<{ value: unknown }> }

export function columnsMode(ctx: ExecuteContext): ColumnsMode {
  const raw = rawParam(ctx, 'columns') as JsonObject | undefined;
  return {
    mappingMode: String(raw?.mappingMode ?? 'defineBelow'),
    matchingColumns: Array.isArray(raw?.matchingColumns) ? (raw.matchingColumns as string[]).map(String) : [],
  };
}

/** n8n's validateFieldType for `options`: the value must be one of the choices. */
function validateOption(key: string, value: unknown, options: Array<{ value: unknown }>) {
  if (value === null || value === undefined || options.some((option) => option.value === value)) return { valid: true as const, newValue: value };
  return { valid: false as const, errorMessage: `'${key}' expects one of the following values: [${options.map((o) => String(o.value)).join(', ')}] but we got '${String(value)}'` };
}

/**
 * The item's field values given below (`columns.value`), expressions resolved. Without `skipValidation`
 * (Typecast) each value is converted to its schema type, and a value that cannot be fails the item
 * with n8n's "Invalid input for 'Field' [item i]".
 */
export function columnValues(ctx: ExecuteContext, itemIndex: number, skipValidation: boolean): JsonObject {
  const columns = param<unknown>(ctx, 'columns', itemIndex, {}) as JsonObject;
  const value = columns?.value && typeof columns.value === 'object' ? { ...(columns.value as JsonObject) } : {};
  if (skipValidation) return value;
  const schema = Array.isArray((rawParam(ctx, 'columns') as JsonObject | undefined)?.schema)
    ? ((rawParam(ctx, 'columns') as JsonObject).schema as SchemaField[]) : [];
  for (const key of Object.keys(value)) {
    const field = schema.find((entry) => entry.id === key);
    if (!field?.type) continue;
    const result = field.type === 'options' && Array.isArray(field.options)
      ? validateOption(key, value[key], field.options)
      : validateFieldType(key, value[key], field.type as FieldType);
    if (!result.valid) {
      throw new NodeOperationError(ctx.node.name, `Invalid input for '${key}' [item ${itemIndex}]`, { description: result.errorMessage, itemIndex });
    }
    if ('newValue' in result) value[key] = result.newValue;
  }
  return value;
}

/** n8n's removeIgnored: drops the named fields (a comma-separated list or an array). */
export function removeIgnored(data: JsonObject, ignore: unknown): JsonObject {
  if (!ignore) return data;
  const names = typeof ignore === 'string' ? ignore.split(',').map((field) => field.trim()) : (ignore as string[]);
  return Object.fromEntries(Object.entries(data).filter(([key]) => !names.includes(key)));
}

export interface AirtableRecord { id: string; createdTime?: string; fields: JsonObject }

/** n8n's findMatches: the first record whose `keys` equal the item's (strictly), or every one with updateAll. */
export function findMatches(ctx: ExecuteContext, records: AirtableRecord[], keys: string[], fields: JsonObject, updateAll: boolean, itemIndex: number): AirtableRecord[] {
  const matches = (record: AirtableRecord) => keys.every((key) => record.fields?.[key] === fields[key]);
  if (updateAll) {
    const all = records.filter(matches);
    if (!all.length) throw new NodeOperationError(ctx.node.name, 'No records match provided keys', { itemIndex });
    return all;
  }
  const first = records.find(matches);
  if (!first) throw new NodeOperationError(ctx.node.name, 'Record matching provided keys was not found', { itemIndex });
  return [first];
}

/** n8n's flattenOutput: a record's fields beside its id and createdTime. */
export function flattenRecord(record: JsonObject): JsonObject {
  const { fields, ...rest } = record;
  return { ...rest, ...((fields as JsonObject | undefined) ?? {}) };
}
