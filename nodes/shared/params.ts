// Reading node parameters with n8n's per-version defaults applied here, so a sparse stored node
// behaves like n8n whichever defaults the engine fills in.
import { DateTime } from 'luxon';
import type { ExecuteContext, JsonObject } from '../../engine/index.ts';
import { deepCopy } from './objects.ts';

/** n8n's cleanupParameterData: Luxon dates nested in a parameter value become ISO strings. */
export function cleanupParameterData(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const entry = record[key];
    if (typeof entry !== 'object' || entry === null) continue;
    if (DateTime.isDateTime(entry)) record[key] = entry.toString();
    else cleanupParameterData(entry);
  }
}

/** The stored (unresolved) parameter value, or undefined. */
export function rawParam(ctx: ExecuteContext, name: string): unknown {
  return (ctx.node.parameters as JsonObject | undefined)?.[name];
}

/** Literal fallbacks ('rules', 2, false) stand for their whole primitive type. */
export type Widen<T> = T extends string ? string : T extends number ? number : T extends boolean ? boolean : T;

/** The parameter's resolved value, or `fallback` (n8n's default) when the node does not set it. */
export function param<T>(ctx: ExecuteContext, name: string, itemIndex: number, fallback: T): Widen<T> {
  if (rawParam(ctx, name) === undefined) return deepCopy(fallback) as Widen<T>;
  const value = ctx.getNodeParameter(name, itemIndex, fallback);
  if (value === undefined) return deepCopy(fallback) as Widen<T>;
  cleanupParameterData(value);
  return value as Widen<T>;
}

/** A `collection` parameter: only the entries the user added. */
export function collection(ctx: ExecuteContext, name: string, itemIndex: number): JsonObject {
  const value = param<unknown>(ctx, name, itemIndex, {});
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** The `values` list of a fixedCollection parameter (e.g. `rules.values`). */
export function fixedValues(ctx: ExecuteContext, name: string, key: string, itemIndex: number): JsonObject[] {
  const value = collection(ctx, name, itemIndex)[key];
  return Array.isArray(value) ? (value as JsonObject[]) : [];
}

export function typeVersion(ctx: ExecuteContext): number {
  return ctx.node.typeVersion;
}
