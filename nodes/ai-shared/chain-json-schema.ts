// JSON Schema for the structured nodes: inferred from an example (n8n's "Generate From JSON Example")
// or parsed from the user's schema, and turned into zod for validation and tool schemas.
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/** The schema an example value has; objects list every property as required when asked (n8n from 1.3). */
export function schemaFromExample(example: unknown, allRequired: boolean): JsonSchema {
  if (Array.isArray(example)) return { type: 'array', items: example.length > 0 ? schemaFromExample(example[0], allRequired) : {} };
  if (example === null) return { type: 'null' };
  if (typeof example === 'object') {
    const properties = Object.fromEntries(Object.entries(example).map(([key, value]) => [key, schemaFromExample(value, allRequired)]));
    return { type: 'object', properties, ...(allRequired ? { required: Object.keys(properties) } : {}) };
  }
  if (typeof example === 'number') return { type: 'number' };
  if (typeof example === 'boolean') return { type: 'boolean' };
  return { type: 'string' };
}

/** Parses JSON text a user typed (a schema or an example), failing with a message naming the field. */
export function parseJsonParameter(text: unknown, field: string): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`The ${field} is not valid JSON: ${(error as Error).message}`);
  }
}

/** A zod schema for a JSON Schema; $refs are not supported, as in n8n. */
export function zodFromJsonSchema(schema: JsonSchema): z.ZodType {
  return z.fromJSONSchema(schema as never) as unknown as z.ZodType;
}
