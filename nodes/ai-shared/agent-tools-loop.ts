// The tools agent's loop on LangChain core: call the model bound to the tools, run each tool call it
// asks for, hand the results back as tool messages, and repeat until it answers without tool calls
// (or calls the final-response tool an output parser adds), or the iteration limit is reached.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, ToolMessage, type AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import type { StructuredToolInterface } from '@langchain/core/tools';

/** The tool an output parser adds, as n8n names it: its arguments are the final answer. */
export const FINAL_RESPONSE_TOOL = 'format_final_json_response';

/** One tool use, shaped as n8n's intermediateSteps entries. */
export interface AgentStep {
  action: { tool: string; toolInput: unknown; log: string; toolCallId: string; type: 'tool_call' };
  observation: string;
}

export interface AgentLoopResult {
  /** The model's last text, or the final-response tool's arguments (JSON) when it was called. */
  output: string;
  /** Whether the answer came through the final-response tool. */
  viaFinalTool: boolean;
  steps: AgentStep[];
  /** True when maxIterations ran out before an answer. */
  stoppedEarly: boolean;
}

export interface AgentLoopOptions {
  models: BaseChatModel[];
  tools: StructuredToolInterface[];
  messages: BaseMessage[];
  maxIterations: number;
  signal: AbortSignal;
  /** Receives the answers' text as the model writes it (a streamed answer); absent: no streaming. */
  onText?: (text: string) => Promise<void>;
}

export async function runToolsAgent(options: AgentLoopOptions): Promise<AgentLoopResult> {
  const { tools, maxIterations, signal } = options;
  const messages = [...options.messages];
  const byName = new Map(tools.map((t) => [t.name, t]));
  const bound = options.models.map((model) => (tools.length > 0 && model.bindTools ? model.bindTools(tools) : model));
  const steps: AgentStep[] = [];
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const answer = await callWithFallback(options.models, bound, messages, signal, options.onText);
    const calls = answer.tool_calls ?? [];
    const final = calls.find((c) => c.name === FINAL_RESPONSE_TOOL && byName.has(FINAL_RESPONSE_TOOL));
    if (final) return { output: JSON.stringify(final.args), viaFinalTool: true, steps, stoppedEarly: false };
    if (calls.length === 0) return { output: answerText(answer), viaFinalTool: false, steps, stoppedEarly: false };
    messages.push(answer);
    const log = answerText(answer);
    for (const call of calls) {
      const toolCallId = call.id ?? `call_${steps.length}`;
      const observation = await runTool(byName.get(call.name), call.name, call.args, signal);
      steps.push({ action: { tool: call.name, toolInput: call.args, log: log || `Invoking "${call.name}" with ${JSON.stringify(call.args)}`, toolCallId, type: 'tool_call' }, observation });
      messages.push(new ToolMessage({ content: observation, tool_call_id: toolCallId, name: call.name }));
    }
  }
  return { output: '', viaFinalTool: false, steps, stoppedEarly: true };
}

type Callable = Pick<BaseChatModel, 'invoke' | 'stream'>;

/** Tries each model in turn (n8n's fallback model): the next one only when the previous failed. */
async function callWithFallback(models: BaseChatModel[], bound: Callable[], messages: BaseMessage[], signal: AbortSignal, onText?: (text: string) => Promise<void>): Promise<AIMessage> {
  let lastError: unknown;
  for (const [i, model] of bound.entries()) {
    try {
      // A run reusing recorded answers reads them from the model's cache, which LangChain asks only
      // when the model is invoked: the recorded answer then goes out whole.
      if (onText && !models[i].cache) return await streamed(model, messages, signal, onText);
      const answer = (await model.invoke(messages, { signal })) as AIMessage;
      if (onText && answerText(answer)) await onText(answerText(answer));
      return answer;
    } catch (error) {
      if (signal.aborted) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

/** The model's answer read as it is written, its text handed on piece by piece. */
async function streamed(model: Callable, messages: BaseMessage[], signal: AbortSignal, onText: (text: string) => Promise<void>): Promise<AIMessage> {
  let whole: AIMessageChunk | undefined;
  for await (const chunk of await model.stream(messages, { signal })) {
    whole = whole ? whole.concat(chunk) : chunk;
    const text = pieceText(chunk);
    if (text) await onText(text);
  }
  if (!whole) throw new Error('The model answered with nothing');
  return whole as unknown as AIMessage;
}

/** The text of one streamed piece, spaces kept (a piece may be one word). */
function pieceText(chunk: BaseMessage): string {
  if (typeof chunk.content === 'string') return chunk.content;
  return (chunk.content as Array<{ type?: string; text?: string }>).filter((b) => b.type === 'text' && b.text).map((b) => b.text).join('');
}

async function runTool(tool: StructuredToolInterface | undefined, name: string, args: unknown, signal: AbortSignal): Promise<string> {
  // As LangChain's executor does, a wrong name or a failing tool becomes an observation the model reads.
  if (!tool) return `${name} is not a valid tool, try another one.`;
  try {
    const result: unknown = await tool.invoke(args as never, { signal });
    return typeof result === 'string' ? result : JSON.stringify(result);
  } catch (error) {
    return `There was an error: "${error instanceof Error ? error.message : String(error)}"`;
  }
}

/** The text of an answer: a string, or the text blocks of a multi-part one (Anthropic), thinking as a last resort. */
export function answerText(message: BaseMessage): string {
  const content = message.content;
  if (typeof content === 'string') return content;
  const blocks = content as Array<{ type?: string; text?: string; thinking?: string }>;
  const text = blocks.filter((b) => b.type === 'text' && b.text).map((b) => b.text).join('\n').trim();
  if (text) return text;
  return blocks.filter((b) => b.type === 'thinking' && b.thinking).map((b) => b.thinking).join('\n').trim();
}
