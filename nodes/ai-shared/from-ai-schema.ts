// The arguments of a node used as a tool: every `$fromAI(key, description, type, default)` in its
// parameters, as n8n collects them (keys checked, the same key twice only with the same
// description and type) and turned into the tool's zod schema, which the model fills in.
import { z } from 'zod';
import { NodeOperationError } from '../../engine/index.ts';

export interface FromAIArgument {
  key: string;
  description?: string;
  type: 'string' | 'number' | 'boolean' | 'json';
  defaultValue?: unknown;
}

const CALL = /\$from(?:AI|Ai|ai)\s*\(/g;
const KEY = /^[a-zA-Z0-9_-]{1,64}$/;
const TYPES = new Set(['string', 'number', 'boolean', 'json']);

/** The $fromAI calls in one piece of text, in order. */
export function fromAICalls(text: string): FromAIArgument[] {
  const found: FromAIArgument[] = [];
  for (const match of text.matchAll(CALL)) {
    const args = splitArguments(text, match.index + match[0].length);
    const [key, description, type, defaultValue] = args.map(literal);
    const declared = typeof type === 'string' && TYPES.has(type) ? (type as FromAIArgument['type']) : 'string';
    found.push({
      key: typeof key === 'string' ? key : String(key ?? ''),
      ...(typeof description === 'string' && description !== '' ? { description } : {}),
      type: declared,
      ...(args.length > 3 ? { defaultValue } : {}),
    });
  }
  return found;
}

/** Every $fromAI call in a node's parameters (strings at any depth). */
export function collectFromAI(parameters: unknown, into: FromAIArgument[] = []): FromAIArgument[] {
  if (typeof parameters === 'string') into.push(...fromAICalls(parameters));
  else if (Array.isArray(parameters)) for (const value of parameters) collectFromAI(value, into);
  else if (parameters !== null && typeof parameters === 'object') for (const value of Object.values(parameters)) collectFromAI(value, into);
  return into;
}

/** The tool's schema from a node's parameters; fails as n8n does on a bad or inconsistent key. */
export function fromAISchema(parameters: unknown, nodeName: string): z.ZodObject<Record<string, z.ZodType>> {
  const byKey = new Map<string, FromAIArgument>();
  for (const argument of collectFromAI(parameters)) {
    if (!KEY.test(argument.key)) {
      throw new NodeOperationError(nodeName, argument.key === '' ? 'You must specify a key when using $fromAI()' : `Parameter key \`${argument.key}\` is invalid`, {
        description: 'Invalid parameter key, must be between 1 and 64 characters long and only contain letters, numbers, underscores, and hyphens',
      });
    }
    const earlier = byKey.get(argument.key);
    if (earlier && (earlier.description !== argument.description || earlier.type !== argument.type)) {
      throw new NodeOperationError(nodeName, `Duplicate key '${argument.key}' found with different description or type`, {
        description: 'Ensure all $fromAI() calls with the same key have consistent descriptions and types',
      });
    }
    byKey.set(argument.key, argument);
  }
  const shape: Record<string, z.ZodType> = {};
  for (const argument of byKey.values()) shape[argument.key] = fieldSchema(argument);
  return z.object(shape);
}

function fieldSchema(argument: FromAIArgument): z.ZodType {
  let schema: z.ZodType =
    argument.type === 'number' ? z.number() : argument.type === 'boolean' ? z.boolean() : argument.type === 'json' ? z.record(z.string(), z.any()) : z.string();
  if (argument.description) schema = schema.describe(argument.description);
  if (argument.defaultValue !== undefined) schema = (schema as z.ZodString).default(argument.defaultValue as never);
  return schema;
}

/** The raw argument texts of a call whose '(' ends at `start`, up to its matching ')'. */
function splitArguments(text: string, start: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      current += ch;
      if (ch === '\\') current += text[++i] ?? '';
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      if (depth === 0) break;
      depth--;
    } else if (ch === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim() !== '' || args.length > 0) args.push(current.trim());
  return args;
}

/** A literal argument's value: a quoted string, else JSON (numbers, booleans, null, objects), else the text. */
function literal(raw: string): unknown {
  const quote = raw[0];
  if ((quote === '"' || quote === "'" || quote === '`') && raw.endsWith(quote) && raw.length >= 2) {
    return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  if (raw === 'undefined') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
