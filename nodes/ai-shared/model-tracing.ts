// Records every call a root node makes to a chat model sub-node as a use of that sub-node (n8n's
// N8nLlmTracing does the same through addInputData/addOutputData): the messages sent, the answer,
// token counts and, where the model's price is known, the cost. A LangChain callback handler, so
// it sees each call whichever chain or agent makes it.
import { BaseCache } from '@langchain/core/caches';
import { BaseCallbackHandler } from '@langchain/core/callbacks/base';
import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatGeneration, Generation, LLMResult } from '@langchain/core/outputs';
import type { Serialized } from '@langchain/core/load/serializable';
import type { AiUsage, JsonObject, SubNodeCall, SupplyDataContext } from '../../engine/index.ts';
import { costUsd } from './model-prices.ts';

export interface TracingOptions {
  /** The model name as configured, for the usage record and the price. */
  model: string;
}

/**
 * What a chat model sub-node passes to its LangChain client: the tracing callback, and when the run
 * reuses an earlier run's answers, a cache that hands back the recorded answer to the same messages
 * (LangChain asks the cache right after the call starts, so the model is not called and no token
 * is spent).
 */
export function tracedModel(ctx: SupplyDataContext, options: TracingOptions): { callbacks: BaseCallbackHandler[]; cache?: BaseCache } {
  const tracing = new SubNodeTracing(ctx, options);
  return { callbacks: [tracing], ...(ctx.reusesRecordedAnswers ? { cache: tracing.recordedAnswers } : {}) };
}

export class SubNodeTracing extends BaseCallbackHandler {
  name = 'WeftSubNodeTracing';
  // The run's events must be written in order and before the root goes on.
  override awaitHandlers = true;
  readonly #calls = new Map<string, SubNodeCall>();
  /** Recorded answers found for calls that started, in the order LangChain then looks them up. */
  readonly #found: Array<JsonObject | undefined> = [];
  readonly recordedAnswers: BaseCache;

  constructor(private readonly ctx: SupplyDataContext, private readonly options: TracingOptions) {
    super();
    this.recordedAnswers = new RecordedAnswers(() => this.#found.shift());
  }

  override async handleChatModelStart(_llm: Serialized, messages: BaseMessage[][], runId: string, _parent?: string, extraParams?: Record<string, unknown>): Promise<void> {
    const input: JsonObject = { messages: messages.flat().map(messageText), options: { model: this.options.model, ...invocationOptions(extraParams) } };
    this.#calls.set(runId, this.ctx.startCall('ai_languageModel', input));
    if (this.ctx.reusesRecordedAnswers) this.#found.push(this.ctx.recordedAnswer('ai_languageModel', input));
  }

  override async handleLLMStart(_llm: Serialized, prompts: string[], runId: string): Promise<void> {
    this.#calls.set(runId, this.ctx.startCall('ai_languageModel', { messages: prompts, options: { model: this.options.model } }));
  }

  override async handleLLMEnd(output: LLMResult, runId: string): Promise<void> {
    const call = this.#take(runId);
    if (!call) return;
    const usage = usageOf(output, this.options.model);
    const tokenUsage = { completionTokens: usage.completionTokens ?? 0, promptTokens: usage.promptTokens ?? 0, totalTokens: usage.totalTokens ?? 0 };
    const generations = output.generations.map((list) => list.map((g) => ({ text: g.text, ...(g.generationInfo ? { generationInfo: g.generationInfo } : {}), ...messageParts(g) })));
    await call.end({ response: { generations }, tokenUsage } as unknown as JsonObject, usage);
  }

  override async handleLLMError(error: Error, runId: string): Promise<void> {
    await this.#take(runId)?.fail(error);
  }

  #take(runId: string): SubNodeCall | undefined {
    const call = this.#calls.get(runId);
    this.#calls.delete(runId);
    return call;
  }
}

/** Hands LangChain the recorded answer found when the call started (see tracedModel). */
class RecordedAnswers extends BaseCache {
  constructor(private readonly next: () => JsonObject | undefined) {
    super();
  }

  override async lookup(): Promise<Generation[] | null> {
    const output = this.next() as { response?: { generations?: Array<Array<{ text?: string; toolCalls?: unknown[] }>> } } | undefined;
    const recorded = output?.response?.generations?.[0];
    if (!recorded) return null;
    return recorded.map((g): ChatGeneration => ({
      text: g.text ?? '',
      message: new AIMessage({ content: g.text ?? '', tool_calls: (g.toolCalls ?? []) as AIMessage['tool_calls'] }),
    }));
  }

  override async update(): Promise<void> {
    // Fresh answers are recorded by the run itself, never kept here.
  }
}

/** "Human: hello", as n8n shows a chat model's input. */
function messageText(message: BaseMessage): string {
  const role = message.getType() === 'human' ? 'Human' : message.getType() === 'ai' ? 'AI' : message.getType() === 'system' ? 'System' : message.getType() === 'tool' ? 'Tool' : message.getType();
  const content = typeof message.content === 'string' ? message.content : JSON.stringify(message.content);
  const calls = (message as { tool_calls?: Array<{ name: string; args: unknown }> }).tool_calls;
  return `${role}: ${content}${calls?.length ? ` ${JSON.stringify(calls.map((c) => ({ name: c.name, args: c.args })))}` : ''}`;
}

function messageParts(generation: LLMResult['generations'][number][number]): JsonObject {
  const message = (generation as { message?: BaseMessage & { tool_calls?: unknown[] } }).message;
  if (!message?.tool_calls?.length) return {};
  return { toolCalls: message.tool_calls as unknown as JsonObject[] } as JsonObject;
}

function invocationOptions(extra: Record<string, unknown> | undefined): JsonObject {
  const params = (extra?.invocation_params ?? {}) as Record<string, unknown>;
  const out: JsonObject = {};
  for (const key of ['temperature', 'max_tokens', 'top_p', 'tools'] as const) if (params[key] !== undefined) out[key] = key === 'tools' ? (params.tools as unknown[]).length : params[key];
  return out;
}

/** Token counts from whichever place the provider's client put them. */
function usageOf(output: LLMResult, model: string): AiUsage {
  const llm = (output.llmOutput ?? {}) as { tokenUsage?: Record<string, number>; estimatedTokenUsage?: Record<string, number>; usage?: Record<string, number> };
  let promptTokens = llm.tokenUsage?.promptTokens ?? llm.usage?.input_tokens;
  let completionTokens = llm.tokenUsage?.completionTokens ?? llm.usage?.output_tokens;
  if (promptTokens === undefined || completionTokens === undefined) {
    // Chat clients that stream report usage on the message (usage_metadata) instead.
    promptTokens = 0;
    completionTokens = 0;
    for (const list of output.generations) {
      for (const g of list) {
        const meta = (g as { message?: { usage_metadata?: { input_tokens?: number; output_tokens?: number } } }).message?.usage_metadata;
        promptTokens += meta?.input_tokens ?? 0;
        completionTokens += meta?.output_tokens ?? 0;
      }
    }
  }
  const usage: AiUsage = { model, promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
  const cost = costUsd(model, promptTokens, completionTokens);
  if (cost !== undefined) usage.costUsd = cost;
  return usage;
}
