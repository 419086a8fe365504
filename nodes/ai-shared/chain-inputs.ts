// What every AI root node reads the same way: the prompt (n8n's promptType/text), the connected
// chat model, tools (toolkits flattened), memory and output parser, and the batching options.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { StructuredToolInterface } from '@langchain/core/tools';
import { NodeOperationError, type ExecuteContext } from '../../engine/index.ts';
import type { ChainMemory, ChainOutputParser } from './chain-contracts.ts';

export const SUPPORTED_PROMPT_SOURCES: Record<string, string> = { auto: 'chatInput', guardrails: 'guardrailsInput' };

/**
 * The user message for one item: 'auto' reads the chat trigger's `chatInput`, 'guardrails' the
 * Guardrails node's `guardrailsInput`, 'define' (and versions without promptType) the `text` parameter.
 */
export function promptText(ctx: ExecuteContext, itemIndex: number, options: { textKey?: string; promptTypeKey?: string } = {}): string {
  const textKey = options.textKey ?? 'text';
  const promptType = ctx.getNodeParameter(options.promptTypeKey ?? 'promptType', itemIndex, 'define') as string;
  const field = SUPPORTED_PROMPT_SOURCES[promptType];
  const value = field ? ctx.evaluateExpression(`{{ $json["${field}"] }}`, itemIndex) : ctx.getNodeParameter(textKey, itemIndex, undefined);
  if (value === undefined || value === null || value === '') {
    const description = field
      ? `Expected to find the prompt in an input field called '${field}' (what the ${promptType === 'auto' ? 'Chat Trigger' : 'Guardrails'} node outputs). To use something else, set the prompt source to 'Define below'`
      : 'Fill in the prompt (user message) parameter';
    throw new NodeOperationError(ctx.node.name, 'No prompt specified', { description, itemIndex });
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function isChatModel(value: unknown): value is BaseChatModel {
  return typeof value === 'object' && value !== null && typeof (value as { invoke?: unknown }).invoke === 'function';
}

/** The connected chat model (a list when a fallback input is active: main first). */
export async function chatModels(ctx: ExecuteContext, itemIndex: number): Promise<BaseChatModel[]> {
  const data = await ctx.getInputConnectionData('ai_languageModel', itemIndex);
  const list = (Array.isArray(data) ? data : [data]).filter((m) => m !== undefined);
  for (const model of list) {
    if (!isChatModel(model)) throw new NodeOperationError(ctx.node.name, 'The connected model is not a chat model', { itemIndex });
  }
  return list as BaseChatModel[];
}

export async function chatModel(ctx: ExecuteContext, itemIndex: number): Promise<BaseChatModel> {
  return (await chatModels(ctx, itemIndex))[0];
}

/** Tools from every connected tool sub-node; toolkits (`{ getTools() }`, the MCP client) are flattened. */
export async function connectedTools(ctx: ExecuteContext, itemIndex: number): Promise<StructuredToolInterface[]> {
  const data = (await ctx.getInputConnectionData('ai_tool', itemIndex)) as unknown[];
  const tools = (data ?? []).flatMap((entry) => {
    const kit = entry as { getTools?: () => StructuredToolInterface[] };
    return typeof kit.getTools === 'function' ? kit.getTools() : [entry as StructuredToolInterface];
  });
  const seen = new Set<string>();
  for (const tool of tools) {
    // n8n refuses duplicates too: the model could not tell which one it calls.
    if (seen.has(tool.name)) throw new NodeOperationError(ctx.node.name, `You have multiple tools with the same name: '${tool.name}', please rename them to avoid conflicts`, { itemIndex });
    seen.add(tool.name);
  }
  return tools;
}

export async function optionalMemory(ctx: ExecuteContext, itemIndex: number): Promise<ChainMemory | undefined> {
  return (await ctx.getInputConnectionData('ai_memory', itemIndex)) as ChainMemory | undefined;
}

/** The output parser when the node's parameters show its input (hasOutputParser, or versions that always had it). */
export async function optionalOutputParser(ctx: ExecuteContext, itemIndex: number): Promise<ChainOutputParser | undefined> {
  try {
    const data = await ctx.getInputConnectionData('ai_outputParser', itemIndex);
    return (Array.isArray(data) ? data[0] : data) as ChainOutputParser | undefined;
  } catch (error) {
    // Versions whose parameters hide the input: no parser.
    if (error instanceof NodeOperationError && error.message === 'Node does not have input of type') return undefined;
    throw error;
  }
}

export interface Batching { batchSize: number; delayBetweenBatches: number }

/** n8n's `options.batching` (or top-level `batching`): items per parallel batch and the pause between batches. */
export function batchingOptions(ctx: ExecuteContext, path: string, defaultBatchSize: number): Batching {
  const value = (ctx.getNodeParameter(path, 0, {}) ?? {}) as Partial<Batching>;
  return { batchSize: Math.max(1, Number(value.batchSize ?? defaultBatchSize)), delayBetweenBatches: Number(value.delayBetweenBatches ?? 0) };
}

/** Runs `work` for every index in batches run in parallel, pausing between batches; results in item order. */
export async function inBatches<T>(count: number, batching: Batching, signal: AbortSignal, work: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += batching.batchSize) {
    if (start > 0 && batching.delayBetweenBatches > 0) await new Promise((resolve) => setTimeout(resolve, batching.delayBetweenBatches));
    if (signal.aborted) throw new Error('The execution was cancelled');
    const indexes = Array.from({ length: Math.min(batching.batchSize, count - start) }, (_, k) => start + k);
    results.push(...(await Promise.all(indexes.map(work))));
  }
  return results;
}
