// Reading node parameters with n8n's per-version defaults applied here, so a sparse stored node
// behaves like n8n whatever default the engine would have filled in.
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { deepCopy } from './values.ts';

type Widen<T> = T extends string ? string : T extends number ? number : T extends boolean ? boolean : T;

/**
 * The parameter's resolved value, or `fallback` (n8n's default for this version) when the stored
 * node does not set it. A set expression that resolves to undefined stays undefined, as in n8n.
 */
export function param<T>(ctx: ExecuteContext, name: string, itemIndex: number, fallback: T): Widen<T> {
  const stored = (ctx.node.parameters as JsonObject | undefined)?.[name];
  if (stored === undefined) return deepCopy(fallback) as Widen<T>;
  return ctx.getNodeParameter(name, itemIndex, fallback) as Widen<T>;
}

/** A `collection` parameter (n8n keeps only the entries the user added). */
export function collection(ctx: ExecuteContext, name: string, itemIndex: number): JsonObject {
  const value = param<unknown>(ctx, name, itemIndex, {});
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

/**
 * The entries of a multiple-value `fixedCollection` (`{[group]: entry[]}`), each completed with
 * the sub-parameter defaults, as n8n fills them in.
 */
export function fixedCollectionEntries(
  ctx: ExecuteContext,
  name: string,
  group: string,
  itemIndex: number,
  defaults: JsonObject,
  fallback: JsonObject = {},
): JsonObject[] {
  const value = param<unknown>(ctx, name, itemIndex, fallback);
  const raw = value && typeof value === 'object' ? (value as JsonObject)[group] : undefined;
  const entries = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? [raw] : [];
  return entries.map((entry) => ({ ...deepCopy(defaults), ...(entry as JsonObject) }));
}

/** `a, b ,c` → ['a', 'b', 'c']; arrays pass through (n8n's prepareFieldsArray). */
export function prepareFieldsArray(ctx: ExecuteContext, fields: unknown, fieldName = 'Fields'): string[] {
  if (typeof fields === 'string') {
    return fields
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
  }
  if (Array.isArray(fields)) return fields as string[];
  throw new NodeOperationError(
    ctx.node.name,
    `The '${fieldName}' parameter must be a string of fields separated by commas or an array of strings.`,
  );
}

export function nodeVersion(ctx: ExecuteContext): number {
  return ctx.node.typeVersion;
}

export function fail(ctx: ExecuteContext, message: string, details: { description?: string; itemIndex?: number } = {}): never {
  throw new NodeOperationError(ctx.node.name, message, details);
}
