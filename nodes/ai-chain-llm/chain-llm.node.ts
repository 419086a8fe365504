// Basic LLM Chain (@n8n/n8n-nodes-langchain.chainLlm v1–1.7): the prompt (after any chat message
// templates) sent to the connected model; the answer as `{ text }`, or what the output parser made of it.
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { answerText } from '../ai-shared/agent-tools-loop.ts';
import { batchingOptions, chatModel, inBatches, optionalOutputParser, promptText } from '../ai-shared/chain-inputs.ts';
import { AI_MESSAGE, chainLlmProperties, HUMAN_MESSAGE, SYSTEM_MESSAGE } from './chain-llm.properties.ts';

interface MessageTemplate {
  type?: string;
  message?: string;
  messageType?: 'text' | 'imageBinary' | 'imageUrl';
  binaryImageDataKey?: string;
  imageUrl?: string;
  imageDetail?: 'auto' | 'low' | 'high';
}

export const chainLlmNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.chainLlm',
    displayName: 'Basic LLM Chain',
    icon: 'fa:link',
    group: ['transform'],
    version: [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7],
    description: 'A simple chain to prompt a large language model',
    defaults: { name: 'Basic LLM Chain', color: '#909298' },
    inputs: ['main'],
    outputs: ['main'],
    subNodeInputs: [
      { type: 'ai_languageModel', displayName: 'Model', required: true, maxConnections: 1 },
      { type: 'ai_outputParser', displayName: 'Output Parser', maxConnections: 1, displayOptions: { hide: { hasOutputParser: [false] } } },
    ],
    properties: chainLlmProperties,
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const batching = ctx.node.typeVersion >= 1.7 ? batchingOptions(ctx, 'batching', 5) : { batchSize: 1, delayBetweenBatches: 0 };
    const out = await inBatches(items.length, batching, ctx.signal, async (i): Promise<Item> => {
      try {
        return { json: await runItem(ctx, i), pairedItem: { item: i } };
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        return { json: { error: error instanceof Error ? error.message : String(error) }, pairedItem: { item: i } };
      }
    });
    return [out];
  },
};

async function runItem(ctx: ExecuteContext, itemIndex: number): Promise<JsonObject> {
  const version = ctx.node.typeVersion;
  const model = await chatModel(ctx, itemIndex);
  const parser = await optionalOutputParser(ctx, itemIndex);
  const prompt = version <= 1.3 ? ctx.getNodeParameter('prompt', itemIndex, undefined) : promptText(ctx, itemIndex);
  if (prompt === undefined || prompt === null) throw new NodeOperationError(ctx.node.name, "The 'prompt' parameter is empty.", { itemIndex });
  const templates = (ctx.getNodeParameter('messages.messageValues', itemIndex, []) ?? []) as MessageTemplate[];
  const query = `${String(prompt)}${parser ? `\n${parser.getFormatInstructions()}` : ''}`;
  const messages = templates.map((t) => templateMessage(ctx, itemIndex, t));
  const last = messages.at(-1);
  // An image message last gets the prompt as its text part, as n8n does; otherwise the prompt follows.
  if (last instanceof HumanMessage && Array.isArray(last.content)) (last.content as Array<Record<string, unknown>>).push({ type: 'text', text: query });
  else messages.push(new HumanMessage(query));
  const answer = await model.invoke(messages, { signal: ctx.signal });
  const text = answerText(answer);
  return formatResponse(parser ? await parser.parse(text) : text, version);
}

function templateMessage(ctx: ExecuteContext, itemIndex: number, template: MessageTemplate): BaseMessage {
  const text = template.message ?? '';
  if (template.type === AI_MESSAGE) return new AIMessage(text);
  if (template.type === SYSTEM_MESSAGE || template.type === undefined) return new SystemMessage(text);
  if (template.type !== HUMAN_MESSAGE) throw new NodeOperationError(ctx.node.name, 'Invalid message type', { description: `Unknown message type ${template.type}`, itemIndex });
  if (!template.messageType || template.messageType === 'text') return new HumanMessage(text);
  const detail = template.imageDetail === 'auto' ? undefined : template.imageDetail;
  if (template.messageType === 'imageUrl') return new HumanMessage({ content: [{ type: 'image_url', image_url: { url: template.imageUrl ?? '', ...(detail ? { detail } : {}) } }] as never });
  const key = template.binaryImageDataKey ?? 'data';
  const binary = ctx.getInputData()[itemIndex]?.binary?.[key];
  if (!binary) throw new NodeOperationError(ctx.node.name, 'No binary data set.', { description: `The input item has no binary field "${key}"`, itemIndex });
  const url = `data:${binary.mimeType || 'image/jpeg'};base64,${binary.data}`;
  return new HumanMessage({ content: [{ type: 'image_url', image_url: { url, ...(detail ? { detail } : {}) } }] as never });
}

/** n8n's response shapes: text trimmed, a list under `data`, an object as is from 1.6 (as JSON text before). */
function formatResponse(response: unknown, version: number): JsonObject {
  if (typeof response === 'string') return { text: response.trim() };
  if (Array.isArray(response)) return { data: response };
  if (response !== null && typeof response === 'object') return version >= 1.6 ? (response as JsonObject) : { text: JSON.stringify(response) };
  return { response: { text: response } };
}
