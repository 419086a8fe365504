// The AI Agent's run: per item, the tools agent loop with memory and output parser as n8n's
// ToolsAgent does it; other v1 agent types run as a tools agent, except the SQL agent.
import { DynamicStructuredTool, type StructuredToolInterface } from '@langchain/core/tools';
import { z } from 'zod';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeOutput } from '../../engine/index.ts';
import { agentMessages } from '../ai-shared/agent-messages.ts';
import { FINAL_RESPONSE_TOOL, runToolsAgent, type AgentLoopResult } from '../ai-shared/agent-tools-loop.ts';
import { memoryMessages, type ChainOutputParser } from '../ai-shared/chain-contracts.ts';
import { batchingOptions, chatModels, connectedTools, inBatches, optionalMemory, optionalOutputParser, promptText } from '../ai-shared/chain-inputs.ts';
import { SYSTEM_MESSAGE } from './agent.properties.ts';

interface AgentOptions { systemMessage?: string; maxIterations?: number; returnIntermediateSteps?: boolean; passthroughBinaryImages?: boolean }

export async function executeAgent(ctx: ExecuteContext): Promise<NodeOutput> {
  const version = ctx.node.typeVersion;
  const agentType = version < 2 ? (ctx.getNodeParameter('agent', 0, 'toolsAgent') as string) : 'toolsAgent';
  if (agentType === 'sqlAgent') {
    throw new NodeOperationError(ctx.node.name, 'The SQL Agent is not supported', { description: "Switch the agent to 'Tools Agent' and connect a database tool instead" });
  }
  const items = ctx.getInputData();
  const batching = version >= 2 ? batchingOptions(ctx, 'options.batching', 1) : { batchSize: 1, delayBetweenBatches: 0 };
  const results = await inBatches(items.length, batching, ctx.signal, async (i): Promise<Item> => {
    try {
      return { json: await runItem(ctx, i), pairedItem: { item: i } };
    } catch (error) {
      if (!ctx.continueOnFail()) throw error;
      return { json: { error: error instanceof Error ? error.message : String(error) }, pairedItem: { item: i } };
    }
  });
  return [results];
}

async function runItem(ctx: ExecuteContext, itemIndex: number): Promise<JsonObject> {
  const version = ctx.node.typeVersion;
  const models = await chatModels(ctx, itemIndex);
  if (models.some((m) => typeof m.bindTools !== 'function')) {
    throw new NodeOperationError(ctx.node.name, 'Tools Agent requires Chat Model which supports Tools calling', { itemIndex });
  }
  const tools = await connectedTools(ctx, itemIndex);
  const memory = await optionalMemory(ctx, itemIndex);
  const parser = await optionalOutputParser(ctx, itemIndex);
  const options = (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as AgentOptions;
  const input = version <= 1.2 ? String(ctx.getNodeParameter('text', itemIndex, '') ?? '') : promptText(ctx, itemIndex);
  if (input === '') throw new NodeOperationError(ctx.node.name, 'No prompt specified', { itemIndex });

  // Before 1.9 an unset system message meant the default one; from 1.9 only a set one is sent.
  const systemMessage = options.systemMessage ?? (version < 1.9 ? SYSTEM_MESSAGE : undefined);
  const history = memory ? await memoryMessages(memory) : [];
  const messages = agentMessages({
    systemMessage, withOutputParser: parser !== undefined, history, input,
    item: ctx.getInputData()[itemIndex], passthroughBinaryImages: options.passthroughBinaryImages ?? true,
  });
  const streaming = streamsAnswer(ctx);
  if (streaming) await ctx.sendChunk('begin', itemIndex);
  const result = await runToolsAgent({
    models, tools: parser ? [...tools, finalResponseTool(parser)] : tools, messages,
    maxIterations: Number(options.maxIterations ?? 10), signal: ctx.signal,
    ...(streaming ? { onText: (text: string) => ctx.sendChunk('item', itemIndex, text) } : {}),
  }).catch(async (error: unknown) => {
    if (streaming) await ctx.sendChunk('error', itemIndex, error instanceof Error ? error.message : String(error));
    throw error;
  });
  if (streaming) await ctx.sendChunk('end', itemIndex);
  if (result.stoppedEarly && version >= 3) {
    throw new NodeOperationError(ctx.node.name, `Max iterations (${options.maxIterations ?? 10}) reached. The agent could not complete the task within the allowed number of iterations.`, { itemIndex });
  }
  const output = result.stoppedEarly ? 'Agent stopped due to max iterations.' : parser ? await parsedOutput(parser, result) : result.output;
  if (memory) await memory.saveContext({ input }, { output: typeof output === 'string' ? output : JSON.stringify(output) });
  const json: JsonObject = { output };
  if (options.returnIntermediateSteps) json.intermediateSteps = result.steps as unknown as JsonObject[];
  return json;
}

/**
 * Whether the answer streams to the caller: the run's trigger streams, and the agent's Enable
 * Streaming (an option from 3, a parameter in 2.2, off before) is on.
 */
function streamsAnswer(ctx: ExecuteContext): boolean {
  if (!ctx.isStreaming()) return false;
  const version = ctx.node.typeVersion;
  if (version >= 3) return ctx.getNodeParameter('options.enableStreaming', 0, true) !== false;
  return version === 2.2 && ctx.getNodeParameter('enableStreaming', 0, false) === true;
}

/** The tool the model answers through when an output parser is connected: its schema is the parser's. */
function finalResponseTool(parser: ChainOutputParser): StructuredToolInterface {
  const schema = (parser.getSchema?.() as z.ZodObject | undefined) ?? z.object({ text: z.string() });
  return new DynamicStructuredTool({
    name: FINAL_RESPONSE_TOOL,
    description: 'Use this tool to give your final answer to the user in the required JSON structure. Call it only once all reasoning is done; what it receives is returned to the user as is.',
    schema,
    // Never run: the loop takes the call's arguments as the answer.
    func: async () => '',
  });
}

/** The parser's reading of the answer, unwrapped to what `output` holds as in n8n. */
async function parsedOutput(parser: ChainOutputParser, result: AgentLoopResult): Promise<unknown> {
  let text = result.output;
  if (!result.viaFinalTool) {
    // A plain answer: wrap it as the parser's `{ output }` unless it already is.
    try {
      const value: unknown = JSON.parse(text);
      const wrapped = value !== null && typeof value === 'object' && 'output' in value && Object.keys(value).length === 1;
      text = JSON.stringify(wrapped ? value : { output: value });
    } catch {
      // Not JSON: the parser reports it.
    }
  }
  const parsed = await parser.parse(text);
  return parsed !== null && typeof parsed === 'object' && 'output' in parsed ? (parsed as { output: unknown }).output : parsed;
}
