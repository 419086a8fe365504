// The output parsers the parser sub-nodes supply (n8n's N8nStructuredOutputParser,
// N8nItemListOutputParser, N8nOutputFixingParser), each parse recorded as a run of its sub-node.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { z } from 'zod';
import { NodeOperationError, type SupplyDataContext } from '../../engine/index.ts';
import { answerText } from './agent-tools-loop.ts';
import type { ChainOutputParser } from './chain-contracts.ts';

const WRAPPER = '__structured__output';
const WRAPPED_OBJECT = '__structured__output__object';
const WRAPPED_ARRAY = '__structured__output__array';

/** The schema an answer must fit for a typeVersion: v1 wraps it in n8n's object/array wrapper, later ones in `{ output }`. */
export function wrappedSchema(itemSchema: z.ZodType, typeVersion: number): z.ZodObject {
  if (typeVersion === 1) {
    return z.object({
      [WRAPPER]: z.object({ [WRAPPED_OBJECT]: itemSchema.optional(), [WRAPPED_ARRAY]: z.array(itemSchema).optional() })
        .describe(`Wrapper around the output data. It can only contain ${WRAPPED_OBJECT} or ${WRAPPED_ARRAY} but never both.`)
        .refine((data) => Boolean(data[WRAPPED_OBJECT]) !== Boolean(data[WRAPPED_ARRAY]), { message: `One and only one of ${WRAPPED_OBJECT} and ${WRAPPED_ARRAY} should be present.`, path: [WRAPPER] }),
    });
  }
  return z.object({ output: typeVersion < 1.3 ? itemSchema.optional() : itemSchema });
}

/** The JSON text of an answer, taken out of a markdown code fence when the model put it in one. */
export function jsonTextOf(text: string): string {
  const trimmed = text.trim();
  const fence = trimmed.match(/```(?:json)?\s*\n([\s\S]+?)\n\s*```/);
  const inner = fence?.[1].trim();
  return inner && (inner.startsWith('{') || inner.startsWith('[')) ? inner : trimmed;
}

/** Instructions asking for one JSON value that fits `schema`, with the schema spelled out. */
export function jsonFormatInstructions(schema: z.ZodType): string {
  const jsonSchema = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Record<string, unknown>;
  delete jsonSchema.$schema;
  return [
    'Answer with one JSON value, and nothing else, that conforms to the JSON Schema below.',
    'For the schema {"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}, {"a":"x"} conforms and {"properties":{"a":"x"}} does not.',
    '',
    'Here is the JSON Schema your answer must conform to:',
    '```json',
    JSON.stringify(jsonSchema),
    '```',
  ].join('\n');
}

export class StructuredOutputParser implements ChainOutputParser {
  constructor(private readonly ctx: SupplyDataContext, private readonly schema: z.ZodObject) {}

  getSchema(): z.ZodObject {
    return this.schema;
  }

  getFormatInstructions(): string {
    return jsonFormatInstructions(this.schema);
  }

  async parse(text: string): Promise<unknown> {
    const call = this.ctx.startCall('ai_outputParser', { action: 'parse', text });
    try {
      const parsed = (await this.schema.parseAsync(JSON.parse(jsonTextOf(text)))) as Record<string, any>;
      const result = parsed[WRAPPER]?.[WRAPPED_OBJECT] ?? parsed[WRAPPER]?.[WRAPPED_ARRAY] ?? parsed[WRAPPER] ?? parsed;
      await call.end({ action: 'parse', response: result });
      return result;
    } catch (cause) {
      const reason = cause instanceof SyntaxError ? 'Invalid JSON in model output' : cause instanceof z.ZodError ? 'Model output does not match the expected schema' : String(cause);
      const error = new NodeOperationError(this.ctx.node.name, "Model output doesn't fit required format", {
        description: `${reason}. To continue the execution when this happens, change the 'On Error' parameter in the root node's settings`,
      });
      await call.fail(error);
      throw error;
    }
  }
}

export class ItemListOutputParser implements ChainOutputParser {
  constructor(private readonly ctx: SupplyDataContext, private readonly options: { numberOfItems?: number; separator?: string }) {}

  getFormatInstructions(): string {
    const count = this.options.numberOfItems && this.options.numberOfItems > 0 ? `exactly ${this.options.numberOfItems}` : 'a list of';
    const separator = JSON.stringify(this.options.separator ?? '\n');
    return `Answer with ${count} items separated by ${separator}, with no numbering or other text around them.`;
  }

  async parse(text: string): Promise<string[]> {
    const call = this.ctx.startCall('ai_outputParser', { action: 'parse', text });
    const separator = (this.options.separator ?? '\n').replace(/\\n/g, '\n');
    // Models often number or bullet the items anyway: those markers are not part of an item.
    let items = text.split(separator).map((line) => line.trim().replace(/^(?:\d+[.)]|[-*•])\s+/, '').trim()).filter((line) => line !== '');
    const limit = this.options.numberOfItems ?? -1;
    if (limit > 0) items = items.slice(0, limit);
    await call.end({ action: 'parse', response: items });
    return items;
  }
}

/** The retry prompt's placeholders, as n8n's: the format instructions, the failed answer and the error. */
export const FIX_PROMPT = `Instructions:
--------------
{instructions}
--------------
Completion:
--------------
{completion}
--------------

The completion above does not meet the constraints of the instructions.
Error:
--------------
{error}
--------------

Try again, and answer only with a completion that meets every constraint of the instructions:`;

/** Parses with an inner parser; on failure asks the model once to fix the answer, then parses that. */
export class OutputFixingParser implements ChainOutputParser {
  constructor(private readonly ctx: SupplyDataContext, private readonly model: BaseChatModel, private readonly inner: ChainOutputParser, private readonly prompt = FIX_PROMPT) {}

  getSchema(): unknown {
    return this.inner.getSchema?.();
  }

  getFormatInstructions(): string {
    return this.inner.getFormatInstructions();
  }

  async parse(text: string): Promise<unknown> {
    try {
      return await this.inner.parse(text);
    } catch (error) {
      const message = error instanceof NodeOperationError && error.details.description ? `${error.message}: ${error.details.description}` : error instanceof Error ? error.message : String(error);
      const filled = this.prompt.replaceAll('{instructions}', this.inner.getFormatInstructions()).replaceAll('{completion}', text).replaceAll('{error}', message);
      const fixed = await this.model.invoke(filled, { signal: this.ctx.signal });
      return await this.inner.parse(answerText(fixed));
    }
  }
}
