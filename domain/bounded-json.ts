// JSON every edge accepts: no deeper than a limit. Deep nesting is refused before
// it is parsed or walked, because recursive code (validation, cloning, SQLite's JSON functions,
// whose limit is 1,000 levels) breaks on it. Every check here is iterative: no input can exhaust
// the stack.
import { ValidationError, type ErrorDetail } from './errors.ts';

/** The nesting edges accept unless configured otherwise; real n8n workflows stay far below it. */
export const DEFAULT_MAX_JSON_DEPTH = 100;

/**
 * The most any stored document may nest, whatever the configuration: read models wrap a
 * definition in a few levels of their own, and must stay well inside SQLite's 1,000.
 */
export const MAX_STORED_JSON_DEPTH = 500;

/** How deeply a JSON text nests (`{}` and `[]` are 1), or Infinity once it passes `max`. */
export function jsonTextDepth(text: string, max = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return Infinity;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** Whether a value nests objects or arrays deeper than `max`; a value that refers to itself does. */
export function exceedsDepth(value: unknown, max: number): boolean {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const v = values.pop();
    const depth = depths.pop()!;
    if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) continue;
    if (depth >= max) return true;
    for (const key in v) {
      const child = (v as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/**
 * The dotted path of the first object or array nested deeper than `max` in a value, or undefined
 * when it fits. Walks with its own stack; a value that refers to itself counts as too deep.
 */
export function pathDeeperThan(value: unknown, max: number): string | undefined {
  if (!exceedsDepth(value, max)) return undefined;
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value: v, depth, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) continue;
    if (depth >= max) return path || '(root)';
    for (const [key, child] of Object.entries(v)) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1, path: path ? `${path}.${key}` : key });
    }
  }
  return undefined;
}

function tooDeep(what: string, max: number, path?: string): ValidationError {
  const detail: ErrorDetail = { message: `nests deeper than ${max} levels (JSON_MAX_DEPTH)`, ...(path ? { path } : {}) };
  return new ValidationError(`${what} nests deeper than ${max} levels; the limit is JSON_MAX_DEPTH (${max})`, [detail]);
}

/** Throws a ValidationError naming the limit when `value` nests deeper than `max`. */
export function assertDepthWithin(value: unknown, max: number, what = 'The input'): void {
  const path = pathDeeperThan(value, max);
  if (path !== undefined) throw tooDeep(what, max, path);
}

/** Parses JSON text of at most `maxDepth` levels; a ValidationError naming the limit otherwise. */
export function parseBoundedJson(text: string, maxDepth: number, what = 'The request body'): unknown {
  if (jsonTextDepth(text, maxDepth) > maxDepth) throw tooDeep(what, maxDepth);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`${what} is not valid JSON`, [{ message: (error as Error).message }]);
  }
}
