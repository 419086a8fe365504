// The HTTP Request Tool's arguments, as n8n's tool finds them: `{placeholders}` in the URL, in
// JSON or field values, fields "provided by the model", or a whole part the model writes; each with
// the type and description its definition gives. They make the tool's schema.
import { z } from 'zod';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';

export type SendIn = 'path' | 'qs' | 'headers' | 'body';
export type PlaceholderType = 'not specified' | 'string' | 'number' | 'boolean' | 'json';

export interface PlaceholderDefinition {
  name: string;
  description?: string;
  type?: PlaceholderType;
}

export interface ToolParameter {
  name: string;
  required: boolean;
  type: PlaceholderType;
  description?: string;
  sendIn: SendIn;
  /** The field the value goes to (a query, header or body key); absent for text placeholders. */
  key?: string;
}

/** What the request holds before the model's arguments fill it in. */
export interface RequestTemplate {
  method: string;
  url: string;
  /** Static fields and fields the model fills, by part. */
  fields: Record<'qs' | 'headers' | 'body', JsonObject>;
  /** JSON text with placeholders, by part ('' when the part is given by fields). */
  raw: Record<'qs' | 'headers' | 'body', string>;
  /** Parts the model writes entirely. */
  byModel: Set<'qs' | 'headers' | 'body'>;
}

const PLACEHOLDER = /\{([^{}\s"]+)\}/g;

function definitionOf(definitions: PlaceholderDefinition[], name: string): Pick<ToolParameter, 'type' | 'description'> {
  const found = definitions.find((d) => d.name === name);
  return { type: found?.type ?? 'not specified', ...(found?.description ? { description: found.description } : {}) };
}

/** n8n's extractParametersFromText: every `{name}` in the text, required. */
export function placeholdersIn(definitions: PlaceholderDefinition[], text: string, sendIn: SendIn, key?: string): ToolParameter[] {
  const names = new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]));
  return [...names].map((name) => ({ name, required: true, sendIn, ...definitionOf(definitions, name), ...(key ? { key } : {}) }));
}

const PARTS = { qs: 'Query', headers: 'Headers', body: 'Body' } as const;

/** Reads one part (query, headers or body) into the template and the tool's parameters. */
export function readPart(ctx: ExecuteContext, itemIndex: number, part: 'qs' | 'headers' | 'body', definitions: PlaceholderDefinition[], template: RequestTemplate, parameters: ToolParameter[]): void {
  const name = PARTS[part];
  const specifyBy = ctx.getNodeParameter(`specify${name}`, itemIndex, 'keypair') as string;
  if (specifyBy === 'model') {
    template.byModel.add(part);
    parameters.push({ name: part, required: true, type: 'json', description: `Any ${part === 'qs' ? 'query parameters' : part} the request needs, as a JSON object`, sendIn: part });
    return;
  }
  if (specifyBy === 'json') {
    const raw = ctx.getNodeParameter(`json${name}`, itemIndex, '');
    template.raw[part] = typeof raw === 'string' ? raw : JSON.stringify(raw);
    parameters.push(...placeholdersIn(definitions, template.raw[part], part));
    return;
  }
  const values = ((ctx.getNodeParameter(`parameters${name}`, itemIndex, {}) as { values?: JsonObject[] }).values ?? []).filter((v) => v.name);
  for (const value of values) {
    const key = String(value.name);
    const provider = value.valueProvider ?? 'modelRequired';
    if (provider === 'fieldValue') {
      const text = String(value.value ?? '');
      const inside = placeholdersIn(definitions, text, part, key);
      parameters.push(...inside);
      template.fields[part][key] = text;
    } else {
      parameters.push({ name: key, required: provider === 'modelRequired', sendIn: part, key, ...definitionOf(definitions, key) });
    }
  }
}

/** The tool's schema (v1.1's structured tool): one field per argument, in n8n's types. */
export function toolSchema(parameters: ToolParameter[]): z.ZodObject<Record<string, z.ZodType>> {
  const shape: Record<string, z.ZodType> = {};
  for (const p of parameters) {
    let field: z.ZodType = p.type === 'number' ? z.number() : p.type === 'boolean' ? z.boolean() : p.type === 'json' ? z.record(z.string(), z.any()) : z.string();
    if (p.description) field = field.describe(p.description);
    shape[p.name] = p.required ? field : field.optional();
  }
  return z.object(shape);
}

/** v1's plain tool reads its arguments from a description listing them. */
export function describeParameters(description: string, parameters: ToolParameter[]): string {
  if (parameters.length === 0) return description;
  const list = parameters.map((p) => `${p.name}: (description: ${p.description ?? ''}, type: ${p.type}, required: ${p.required})`).join(',\n ');
  return `${description}\n Tool expects valid stringified JSON object with ${parameters.length} properties.\n Property names with description, type and required status:\n ${list}\n ALL parameters marked as required must be provided`;
}

/** Fails as n8n does for a definition no part of the request uses. */
export function checkDefinitionsUsed(nodeName: string, definitions: PlaceholderDefinition[], parameters: ToolParameter[], itemIndex: number): void {
  for (const d of definitions) {
    if (!parameters.some((p) => p.name === d.name)) {
      throw new NodeOperationError(nodeName, `Misconfigured placeholder '${d.name}'`, {
        itemIndex,
        description: "This placeholder is defined in the 'Placeholder Definitions' but isn't used anywhere. Either remove the definition, or add the placeholder to a part of the request.",
      });
    }
  }
}
