// What the legacy OpenAI node sends for each resource and operation: the endpoint and the JSON body
// built from the item's parameters, as n8n's declarative routing sends them (a collection option
// goes only when set, under OpenAI's name for it).
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';

export interface OpenAiRequest { path: string; body: JsonObject }

export const DEFAULT_OPERATION: Record<string, string> = { chat: 'complete', image: 'create', text: 'complete' };

/** n8n's option names mapped to OpenAI's body fields, and the operations each option applies to. */
const COMPLETION_OPTIONS: Array<[option: string, field: string, operations: string[]]> = [
  ['echo', 'echo', ['complete']],
  ['frequency_penalty', 'frequency_penalty', ['complete', 'edit']],
  ['maxTokens', 'max_tokens', ['complete']],
  ['n', 'n', ['complete', 'edit']],
  ['presence_penalty', 'presence_penalty', ['complete', 'edit']],
  ['temperature', 'temperature', ['complete', 'edit']],
  ['topP', 'top_p', ['complete', 'edit']],
];

function completionOptions(ctx: ExecuteContext, operation: string, itemIndex: number): JsonObject {
  const options = collection(ctx, 'options', itemIndex);
  const body: JsonObject = {};
  for (const [option, field, operations] of COMPLETION_OPTIONS) {
    if (options[option] !== undefined && operations.includes(operation)) body[field] = options[option];
  }
  return body;
}

function chatMessages(ctx: ExecuteContext, itemIndex: number): JsonObject[] | undefined {
  const messages = collection(ctx, 'prompt', itemIndex).messages;
  if (!Array.isArray(messages)) return undefined;
  return (messages as JsonObject[]).map((message) => ({ role: message.role ?? 'user', content: message.content ?? '' }));
}

function imageBody(ctx: ExecuteContext, itemIndex: number): JsonObject {
  const model = param(ctx, 'model', itemIndex, 'dall-e-2');
  const options = collection(ctx, 'options', itemIndex);
  const body: JsonObject = {
    prompt: param(ctx, 'prompt', itemIndex, ''),
    model,
    response_format: param(ctx, 'responseFormat', itemIndex, 'binaryData') === 'imageUrl' ? 'url' : 'b64_json',
  };
  if (options.n !== undefined) body.n = options.n;
  // Resolution exists for both models; quality and style only for dall-e-3, as n8n's display rules say.
  if (options.size !== undefined && ['dall-e-2', 'dall-e-3'].includes(String(model))) body.size = options.size;
  if (model === 'dall-e-3') {
    if (options.quality !== undefined) body.quality = options.quality;
    if (options.style !== undefined) body.style = options.style;
  }
  return body;
}

export function buildOpenAiRequest(ctx: ExecuteContext, resource: string, operation: string, itemIndex: number): OpenAiRequest {
  const key = `${resource}:${operation}`;
  if (key === 'chat:complete') {
    const messages = chatMessages(ctx, itemIndex);
    return { path: '/v1/chat/completions', body: {
      model: param(ctx, 'model', itemIndex, 'gpt-3.5-turbo'), ...(messages ? { messages } : {}), ...completionOptions(ctx, operation, itemIndex),
    } };
  }
  if (key === 'text:complete') {
    return { path: '/v1/completions', body: {
      model: param(ctx, 'model', itemIndex, 'text-davinci-003'), prompt: param(ctx, 'prompt', itemIndex, ''), ...completionOptions(ctx, operation, itemIndex),
    } };
  }
  if (key === 'text:edit') {
    return { path: '/v1/edits', body: {
      model: param(ctx, 'model', itemIndex, 'text-davinci-edit-001'), input: param(ctx, 'input', itemIndex, ''),
      instruction: param(ctx, 'instruction', itemIndex, ''), ...completionOptions(ctx, operation, itemIndex),
    } };
  }
  if (key === 'text:moderate') {
    return { path: '/v1/moderations', body: { model: param(ctx, 'model', itemIndex, 'text-moderation-latest'), input: param(ctx, 'input', itemIndex, '') } };
  }
  if (key === 'image:create') return { path: '/v1/images/generations', body: imageBody(ctx, itemIndex) };
  throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of the resource "${resource}" is not supported by the OpenAI node`, { itemIndex });
}
