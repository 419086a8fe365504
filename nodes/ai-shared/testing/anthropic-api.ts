// Test support: Anthropic's Messages API (docs.anthropic.com/en/api/messages, /messages-streaming,
// /errors): `x-api-key` + `anthropic-version`, the tool_use/tool_result pairing rules, `content` blocks
// and the SSE event sequence message_start … message_stop; errors as {type:'error', error:{type,message}}.
import { asRecord, textOf, type ApiContext, type Failure } from './api-context.ts';
import { sendJson, sendSse } from './http-io.ts';
import { pieces, type ModelAnswer, type NormalizedChatRequest, type NormalizedMessage } from './scripted-answer.ts';

export const ANTHROPIC_MODELS = ['claude-sonnet-4-5-20250929', 'claude-3-5-haiku-20241022', 'claude-opus-4-1-20250805'];

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error', 401: 'authentication_error', 403: 'permission_error', 404: 'not_found_error',
  413: 'request_too_large', 429: 'rate_limit_error', 500: 'api_error', 529: 'overloaded_error',
};

function sendError(ctx: ApiContext, status: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(ctx.res, status, { type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message } }, headers);
}

function sendFailure(ctx: ApiContext, failure: Failure): void {
  const defaults: Record<number, string> = { 429: 'Number of request tokens has exceeded your per-minute rate limit.', 529: 'Overloaded', 500: 'Internal server error' };
  const headers: Record<string, string> = failure.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.retryAfterSeconds) };
  sendError(ctx, failure.status, failure.message ?? defaults[failure.status] ?? 'Request failed', headers);
}

type Block = Record<string, unknown>;
const blocksOf = (content: unknown): Block[] => (typeof content === 'string' ? [{ type: 'text', text: content }] : Array.isArray(content) ? content.map(asRecord) : []);

/** The pairing rules the API enforces between an assistant's tool_use blocks and the next user turn. */
function pairingError(messages: Block[]): string | undefined {
  for (let i = 0; i < messages.length; i++) {
    const uses = blocksOf(messages[i].content).filter((b) => b.type === 'tool_use').map((b) => String(b.id));
    const nextResults = i + 1 < messages.length ? blocksOf(messages[i + 1].content).filter((b) => b.type === 'tool_result').map((b) => String(b.tool_use_id)) : [];
    const missing = uses.filter((id) => !nextResults.includes(id));
    if (uses.length && missing.length && i + 1 < messages.length) {
      return `messages.${i}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
    }
    const previousUses = i > 0 ? blocksOf(messages[i - 1].content).filter((b) => b.type === 'tool_use').map((b) => String(b.id)) : [];
    const stray = blocksOf(messages[i].content).filter((b) => b.type === 'tool_result').map((b) => String(b.tool_use_id)).filter((id) => !previousUses.includes(id));
    if (stray.length) {
      return `messages.${i}.content.0: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${stray.join(', ')}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`;
    }
  }
  return undefined;
}

export function normalizeAnthropicMessages(system: unknown, messages: Block[]): NormalizedMessage[] {
  const out: NormalizedMessage[] = [];
  const systemText = textOf(system);
  if (systemText) out.push({ role: 'system', content: systemText });
  for (const m of messages) {
    const blocks = blocksOf(m.content);
    if (m.role === 'assistant') {
      const calls = blocks.filter((b) => b.type === 'tool_use').map((b) => ({ id: String(b.id), name: String(b.name), args: asRecord(b.input) }));
      out.push({ role: 'assistant', content: textOf(blocks.filter((b) => b.type === 'text')), ...(calls.length ? { toolCalls: calls } : {}) });
      continue;
    }
    for (const b of blocks.filter((b) => b.type === 'tool_result')) out.push({ role: 'tool', content: textOf(b.content), toolCallId: String(b.tool_use_id) });
    const text = textOf(blocks.filter((b) => b.type === 'text'));
    if (text || !blocks.some((b) => b.type === 'tool_result')) out.push({ role: 'user', content: text });
  }
  return out;
}

export function handleAnthropic(ctx: ApiContext): void {
  const key = ctx.req.headers['x-api-key'];
  if (!key) return sendError(ctx, 401, 'x-api-key header is required');
  if (key !== ctx.apiKey) return sendError(ctx, 401, 'invalid x-api-key');
  if (!ctx.req.headers['anthropic-version']) return sendError(ctx, 400, 'anthropic-version: header is required');
  if (ctx.method === 'GET' && ctx.path === '/v1/models') {
    const data = ANTHROPIC_MODELS.map((id) => ({ type: 'model', id, display_name: id, created_at: '2025-01-01T00:00:00Z' }));
    return sendJson(ctx.res, 200, { data, has_more: false, first_id: data[0].id, last_id: data[data.length - 1].id });
  }
  if (ctx.method !== 'POST' || ctx.path !== '/v1/messages') return sendError(ctx, 404, 'Not found');
  if (ctx.invalidJson) return sendError(ctx, 400, 'There was an issue with your request: the body is not valid JSON.');
  const body = asRecord(ctx.body);
  if (typeof body.model !== 'string') return sendError(ctx, 400, 'model: Field required');
  if (typeof body.max_tokens !== 'number') return sendError(ctx, 400, 'max_tokens: Field required');
  if (!Array.isArray(body.messages)) return sendError(ctx, 400, 'messages: Field required');
  const rawMessages = body.messages.map(asRecord);
  const broken = pairingError(rawMessages);
  if (broken) return sendError(ctx, 400, broken);
  const tools = (Array.isArray(body.tools) ? body.tools : []).map(asRecord).filter((t) => t.input_schema !== undefined);
  const request: NormalizedChatRequest = {
    provider: 'anthropic',
    model: body.model,
    messages: normalizeAnthropicMessages(body.system, rawMessages),
    tools: tools.map((t) => ({ name: String(t.name), description: String(t.description ?? ''), parameters: t.input_schema })),
    stream: body.stream === true,
    raw: ctx.body,
  };
  const outcome = ctx.chat(request);
  if (outcome.failure) return sendFailure(ctx, outcome.failure);
  const message = messageObject(ctx, request.model, outcome.answer);
  if (!request.stream) return sendJson(ctx.res, 200, message);
  streamMessage(ctx, message, outcome.answer);
}

function messageObject(ctx: ApiContext, model: string, answer: ModelAnswer) {
  const content: Block[] = [];
  if (answer.text !== '' || answer.toolCalls.length === 0) content.push({ type: 'text', text: answer.text });
  for (const c of answer.toolCalls) content.push({ type: 'tool_use', id: c.id, name: c.name, input: c.args });
  return {
    id: ctx.newId('msg_'),
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: answer.toolCalls.length ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: answer.usage.input, output_tokens: answer.usage.output },
  };
}

function streamMessage(ctx: ApiContext, message: ReturnType<typeof messageObject>, answer: ModelAnswer): void {
  const events: Array<{ event: string; data: unknown }> = [];
  const emit = (type: string, fields: Record<string, unknown> = {}) => events.push({ event: type, data: { type, ...fields } });
  emit('message_start', { message: { ...message, content: [], stop_reason: null, usage: { input_tokens: answer.usage.input, output_tokens: 1 } } });
  message.content.forEach((block, index) => {
    if (block.type === 'text') {
      emit('content_block_start', { index, content_block: { type: 'text', text: '' } });
      if (index === 0) emit('ping');
      for (const text of pieces(String(block.text))) emit('content_block_delta', { index, delta: { type: 'text_delta', text } });
    } else {
      emit('content_block_start', { index, content_block: { ...block, input: {} } });
      if (index === 0) emit('ping');
      for (const partial_json of pieces(JSON.stringify(block.input), 10)) emit('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json } });
    }
    emit('content_block_stop', { index });
  });
  emit('message_delta', { delta: { stop_reason: message.stop_reason, stop_sequence: null }, usage: { output_tokens: answer.usage.output } });
  emit('message_stop');
  sendSse(ctx.res, events);
}
