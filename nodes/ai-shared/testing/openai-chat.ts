// Test support: OpenAI's Chat Completions API (platform.openai.com/docs/api-reference/chat) — request
// checks the API documents, the normalized view of the conversation, and the answer as one JSON
// `chat.completion` or as `chat.completion.chunk` SSE deltas ending in `data: [DONE]`.
import { asRecord, parseArgs, textOf, type ApiContext, type Failure } from './api-context.ts';
import { sendJson, sendSse } from './http-io.ts';
import { pieces, type ModelAnswer, type NormalizedChatRequest, type NormalizedMessage } from './scripted-answer.ts';

export interface OpenAiErrors {
  send(status: number, message: string, param?: string | null, code?: string | null): void;
  /** Answers an armed failure with OpenAI's body for its status (and retry-after on a 429). */
  fail(failure: Failure): void;
}

export function normalizeOpenAiMessages(raw: unknown[]): NormalizedMessage[] {
  return raw.map((entry) => {
    const m = asRecord(entry);
    const role = m.role === 'developer' ? 'system' : (m.role as NormalizedMessage['role']);
    const out: NormalizedMessage = { role, content: textOf(m.content) };
    if (Array.isArray(m.tool_calls)) {
      out.toolCalls = m.tool_calls.map((c) => {
        const call = asRecord(c);
        const fn = asRecord(call.function);
        return { id: call.id as string, name: String(fn.name), args: parseArgs(fn.arguments) };
      });
    }
    if (typeof m.tool_call_id === 'string') out.toolCallId = m.tool_call_id;
    return out;
  });
}

/** The conversation rules OpenAI enforces; the message names the first rule broken. */
function conversationError(messages: NormalizedMessage[]): { message: string; param: string } | undefined {
  const roles = new Set(['system', 'user', 'assistant', 'tool']);
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i];
    if (!roles.has(m.role)) return { message: `Invalid value: '${String(m.role)}'. Supported values are: 'system', 'assistant', 'user', 'tool', and 'developer'.`, param: `messages[${i}].role` };
    if (m.role === 'tool') {
      const opener = messages.slice(0, i).reverse().find((p) => p.role !== 'tool');
      if (!opener?.toolCalls?.some((c) => c.id === m.toolCallId)) {
        return { message: "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", param: `messages.[${i}].role` };
      }
    }
    if (m.toolCalls?.length) {
      const answered = new Set<string | undefined>();
      for (let j = i + 1; j < messages.length && messages[j].role === 'tool'; j++) answered.add(messages[j].toolCallId);
      const missing = m.toolCalls.filter((c) => !answered.has(c.id)).map((c) => c.id);
      if (missing.length) {
        return { message: `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${missing.join(', ')}`, param: 'messages' };
      }
    }
  }
  return undefined;
}

export function handleChatCompletions(ctx: ApiContext, errors: OpenAiErrors): void {
  const body = asRecord(ctx.body);
  if (typeof body.model !== 'string' || body.model === '') return errors.send(400, 'you must provide a model parameter');
  if (!Array.isArray(body.messages) || body.messages.length === 0) return errors.send(400, "[] is too short - 'messages'", 'messages');
  const messages = normalizeOpenAiMessages(body.messages);
  const broken = conversationError(messages);
  if (broken) return errors.send(400, broken.message, broken.param);
  const tools = Array.isArray(body.tools) ? body.tools.map((t) => asRecord(asRecord(t).function)) : [];
  if (tools.some((fn) => typeof fn.name !== 'string')) return errors.send(400, "Missing required parameter: 'tools[0].function.name'.", 'tools[0].function.name', 'missing_required_parameter');
  const request: NormalizedChatRequest = {
    provider: 'openai',
    model: body.model,
    messages,
    tools: tools.map((fn) => ({ name: fn.name as string, description: String(fn.description ?? ''), parameters: fn.parameters ?? {} })),
    stream: body.stream === true,
    raw: ctx.body,
  };
  const outcome = ctx.chat(request);
  if (outcome.failure) return errors.fail(outcome.failure);
  const id = ctx.newId('chatcmpl-');
  if (request.stream) return streamCompletion(ctx, request, outcome.answer, id, asRecord(body.stream_options).include_usage === true);
  const { answer } = outcome;
  sendJson(ctx.res, 200, {
    id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [{
      index: 0,
      message: {
        role: 'assistant',
        content: answer.text === '' && answer.toolCalls.length ? null : answer.text,
        refusal: null,
        ...(answer.toolCalls.length ? { tool_calls: answer.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: JSON.stringify(c.args) } })) } : {}),
      },
      logprobs: null,
      finish_reason: answer.toolCalls.length ? 'tool_calls' : 'stop',
    }],
    usage: usageOf(answer),
    system_fingerprint: 'fp_stand_in',
  });
}

const usageOf = (answer: ModelAnswer) => ({ prompt_tokens: answer.usage.input, completion_tokens: answer.usage.output, total_tokens: answer.usage.input + answer.usage.output });

function streamCompletion(ctx: ApiContext, request: NormalizedChatRequest, answer: ModelAnswer, id: string, includeUsage: boolean): void {
  const created = Math.floor(Date.now() / 1000);
  // With include_usage every chunk carries `usage: null` and one extra chunk (no choices) carries it.
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
    id, object: 'chat.completion.chunk', created, model: request.model, system_fingerprint: 'fp_stand_in',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(includeUsage ? { usage: null } : {}),
  });
  const events: Array<{ data: unknown }> = [{ data: chunk({ role: 'assistant', content: '', refusal: null }) }];
  for (const piece of pieces(answer.text)) events.push({ data: chunk({ content: piece }) });
  answer.toolCalls.forEach((call, index) => {
    events.push({ data: chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }) });
    for (const part of pieces(JSON.stringify(call.args), 10)) events.push({ data: chunk({ tool_calls: [{ index, function: { arguments: part } }] }) });
  });
  events.push({ data: chunk({}, answer.toolCalls.length ? 'tool_calls' : 'stop') });
  if (includeUsage) {
    events.push({ data: { id, object: 'chat.completion.chunk', created, model: request.model, system_fingerprint: 'fp_stand_in', choices: [], usage: usageOf(answer) } });
  }
  events.push({ data: '[DONE]' });
  sendSse(ctx.res, events);
}

/** The legacy Completions API (`POST /v1/completions`), used by OpenAI's plain LLM clients. */
export function handleCompletions(ctx: ApiContext, errors: OpenAiErrors): void {
  const body = asRecord(ctx.body);
  if (typeof body.model !== 'string' || body.model === '') return errors.send(400, 'you must provide a model parameter');
  if (body.prompt === undefined) return errors.send(400, "Missing required parameter: 'prompt'.", 'prompt', 'missing_required_parameter');
  const prompt = Array.isArray(body.prompt) ? body.prompt.map(String).join('\n') : String(body.prompt);
  const request: NormalizedChatRequest = { provider: 'openai', model: body.model, messages: [{ role: 'user', content: prompt }], tools: [], stream: body.stream === true, raw: ctx.body };
  const outcome = ctx.chat(request);
  if (outcome.failure) return errors.fail(outcome.failure);
  const { answer } = outcome;
  const id = ctx.newId('cmpl-');
  const created = Math.floor(Date.now() / 1000);
  const choice = (text: string, finish: string | null) => ({ text, index: 0, logprobs: null, finish_reason: finish });
  if (!request.stream) return sendJson(ctx.res, 200, { id, object: 'text_completion', created, model: request.model, choices: [choice(answer.text, 'stop')], usage: usageOf(answer) });
  const events: Array<{ data: unknown }> = pieces(answer.text).map((p) => ({ data: { id, object: 'text_completion', created, model: request.model, choices: [choice(p, null)] } }));
  events.push({ data: { id, object: 'text_completion', created, model: request.model, choices: [choice('', 'stop')] } }, { data: '[DONE]' });
  sendSse(ctx.res, events);
}
