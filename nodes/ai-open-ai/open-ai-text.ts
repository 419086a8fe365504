// The text resource: Message a Model (Chat Completions, calling connected tools until the model
// answers), Create a Model Response (Responses API, same loop) and Classify Text (moderations).
import type OpenAI from 'openai';
import type { ExecuteContext, Item, JsonObject } from '../../engine/index.ts';
import { modelId } from '../ai-shared/chat-model-params.ts';
import { collection, fixedValues, param } from '../shared/params.ts';
import { createResponseBody } from './open-ai-response-body.ts';
import { callTool, toolsFor } from './open-ai-tools.ts';
import { recordedModelCall } from './open-ai-usage.ts';

type ChatMessage = Record<string, unknown>;
const pairedItem = (i: number) => ({ item: i });

export async function messageModel(ctx: ExecuteContext, client: OpenAI, i: number): Promise<Item[]> {
  const version = ctx.node.typeVersion;
  const model = modelId(ctx.getNodeParameter('modelId', i));
  let messages = fixedValues(ctx, 'messages', 'values', i).map((m) => ({ role: m.role ?? 'user', content: m.content ?? '' })) as ChatMessage[];
  const options = { ...collection(ctx, 'options', i) };
  const jsonOutput = param(ctx, 'jsonOutput', i, false);
  // Before 1.5 there was no limit option: the loop ran until the model stopped calling tools.
  const maxIterations = version >= 1.5 ? Number(options.maxToolsIterations ?? 15) : 0;
  delete options.maxToolsIterations;
  if (options.maxTokens !== undefined) { options.max_completion_tokens = options.maxTokens; delete options.maxTokens; }
  if (options.topP !== undefined) { options.top_p = options.topP; delete options.topP; }
  if (jsonOutput) messages = [{ role: 'system', content: 'You are a helpful assistant designed to output JSON.' }, ...messages];
  const { tools, chatTools } = await toolsFor(ctx, i);
  const body = { model, messages, ...(chatTools ? { tools: chatTools } : {}), ...(jsonOutput ? { response_format: { type: 'json_object' } } : {}), ...options };

  const create = () => recordedModelCall(ctx, body, () => client.chat.completions.create(body as never, { signal: ctx.signal }) as Promise<OpenAI.Chat.ChatCompletion>);
  let response = await create();
  for (let iteration = 1; response.choices[0]?.message?.tool_calls?.length; iteration++) {
    if (ctx.signal.aborted || (maxIterations > 0 && iteration >= maxIterations)) break;
    const answer = response.choices[0].message;
    messages.push(answer as unknown as ChatMessage);
    for (const call of answer.tool_calls ?? []) {
      if (call.type !== 'function') continue;
      const output = await callTool(tools, call.function.name, call.function.arguments, ctx.signal);
      messages.push({ tool_call_id: call.id, role: 'tool', content: output });
    }
    response = await create();
  }
  if (jsonOutput) {
    for (const choice of response.choices) {
      try { (choice.message as { content: unknown }).content = JSON.parse(choice.message.content ?? ''); } catch { /* n8n keeps text that is not JSON */ }
    }
  }
  if (param(ctx, 'simplify', i, true)) return response.choices.map((choice) => ({ json: choice as unknown as JsonObject, pairedItem: pairedItem(i) }));
  return [{ json: response as unknown as JsonObject, pairedItem: pairedItem(i) }];
}

type ResponseItem = { type: string; name?: string; arguments?: string; call_id?: string; content?: Array<{ type: string; text?: unknown }> };

export async function createResponse(ctx: ExecuteContext, client: OpenAI, i: number): Promise<Item[]> {
  const options = collection(ctx, 'options', i);
  const maxIterations = Number(options.maxToolsIterations ?? 15);
  const { tools, responseTools } = await toolsFor(ctx, i);
  const body = await createResponseBody(ctx, i, { model: modelId(ctx.getNodeParameter('modelId', i)), options, tools: responseTools });
  const input = body.input as unknown[];
  const create = () => recordedModelCall(ctx, body, () => client.responses.create(body as never, { signal: ctx.signal }) as Promise<OpenAI.Responses.Response>);
  let response = await create();
  // Reasoning items go back with the function calls they led to (reasoning models require it).
  const toolItems = () => (response.output as unknown as ResponseItem[]).filter((item) => item.type === 'function_call' || item.type === 'reasoning');
  for (let iteration = 1; toolItems().some((item) => item.type === 'function_call'); iteration++) {
    if (ctx.signal.aborted || (maxIterations > 0 && iteration > maxIterations)) break;
    const items = toolItems();
    // Inside a conversation the server already holds the calls; sending them again is refused.
    if (!body.conversation) input.push(...items);
    for (const item of items) {
      if (item.type !== 'function_call') continue;
      const output = await callTool(tools, String(item.name), String(item.arguments ?? ''), ctx.signal);
      input.push({ type: 'function_call_output', call_id: item.call_id, output });
    }
    response = await create();
  }
  const format = (body.text as { format?: { type?: string } } | undefined)?.format?.type;
  if (format === 'json_object' || format === 'json_schema') {
    for (const item of response.output as unknown as ResponseItem[]) {
      for (const part of item.type === 'message' ? item.content ?? [] : []) {
        if (part.type === 'output_text' && typeof part.text === 'string') {
          try { part.text = JSON.parse(part.text); } catch { /* kept as text */ }
        }
      }
    }
  }
  if (param(ctx, 'simplify', i, true)) {
    const output = (response.output as unknown as ResponseItem[]).filter((item) => item.type === 'message');
    return [{ json: { output } as unknown as JsonObject, pairedItem: pairedItem(i) }];
  }
  return [{ json: response as unknown as JsonObject, pairedItem: pairedItem(i) }];
}

export async function classifyText(ctx: ExecuteContext, client: OpenAI, i: number): Promise<Item[]> {
  const input = String(ctx.getNodeParameter('input', i, ''));
  const options = collection(ctx, 'options', i);
  const model = options.useStableModel ? 'text-moderation-stable' : 'text-moderation-latest';
  const { results } = await client.moderations.create({ input, model }, { signal: ctx.signal });
  if (!results?.length) return [];
  if (param(ctx, 'simplify', i, false)) return [{ json: { flagged: results[0].flagged }, pairedItem: pairedItem(i) }];
  return [{ json: results[0] as unknown as JsonObject, pairedItem: pairedItem(i) }];
}
