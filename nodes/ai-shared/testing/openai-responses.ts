// Test support: OpenAI's Responses API (`POST /v1/responses`, platform.openai.com/docs/api-reference/
// responses) — input items (messages, function_call, function_call_output) normalized, and the answer
// as a `response` object or as the documented semantic SSE events ending in `response.completed`.
import { asRecord, parseArgs, textOf, type ApiContext } from './api-context.ts';
import { sendJson, sendSse } from './http-io.ts';
import type { OpenAiErrors } from './openai-chat.ts';
import { pieces, type ModelAnswer, type NormalizedChatRequest, type NormalizedMessage } from './scripted-answer.ts';

export function normalizeResponsesInput(instructions: unknown, input: unknown): NormalizedMessage[] {
  const out: NormalizedMessage[] = typeof instructions === 'string' && instructions ? [{ role: 'system', content: instructions }] : [];
  if (typeof input === 'string') return [...out, { role: 'user', content: input }];
  for (const entry of Array.isArray(input) ? input : []) {
    const item = asRecord(entry);
    if (item.type === 'function_call') {
      const call = { id: String(item.call_id), name: String(item.name), args: parseArgs(item.arguments) };
      const last = out[out.length - 1];
      // Consecutive function_call items are one assistant turn, as in the other wire formats.
      if (last?.role === 'assistant') (last.toolCalls ??= []).push(call);
      else out.push({ role: 'assistant', content: '', toolCalls: [call] });
    } else if (item.type === 'function_call_output') {
      out.push({ role: 'tool', content: typeof item.output === 'string' ? item.output : textOf(item.output), toolCallId: String(item.call_id) });
    } else if (item.type === undefined || item.type === 'message') {
      const role = item.role === 'developer' ? 'system' : (item.role as NormalizedMessage['role']);
      out.push({ role, content: textOf(item.content) });
    }
  }
  return out;
}

export function handleResponses(ctx: ApiContext, errors: OpenAiErrors): void {
  const body = asRecord(ctx.body);
  if (typeof body.model !== 'string' || body.model === '') return errors.send(400, "Missing required parameter: 'model'.", 'model', 'missing_required_parameter');
  const messages = normalizeResponsesInput(body.instructions, body.input);
  const unanswered = messages.filter((m) => m.role === 'tool' && !messages.some((a) => a.toolCalls?.some((c) => c.id === m.toolCallId)));
  // Without previous_response_id the server cannot know a call_id the input does not contain.
  if (unanswered.length && !body.previous_response_id) return errors.send(400, `No tool call found for function call output with call_id ${unanswered[0].toolCallId}.`, 'input');
  const functionTools = (Array.isArray(body.tools) ? body.tools : []).map(asRecord).filter((t) => t.type === 'function');
  const request: NormalizedChatRequest = {
    provider: 'openai',
    model: body.model,
    messages,
    tools: functionTools.map((t) => ({ name: String(t.name), description: String(t.description ?? ''), parameters: t.parameters ?? {} })),
    stream: body.stream === true,
    raw: ctx.body,
  };
  const outcome = ctx.chat(request);
  if (outcome.failure) return errors.fail(outcome.failure);
  const response = responseObject(ctx, body, outcome.answer);
  if (!request.stream) return sendJson(ctx.res, 200, response);
  streamResponse(ctx, response);
}

function responseObject(ctx: ApiContext, body: Record<string, unknown>, answer: ModelAnswer) {
  const output: Array<Record<string, unknown>> = [];
  if (answer.text !== '' || answer.toolCalls.length === 0) {
    output.push({ type: 'message', id: ctx.newId('msg_'), status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: answer.text, annotations: [], logprobs: [] }] });
  }
  for (const call of answer.toolCalls) {
    output.push({ type: 'function_call', id: ctx.newId('fc_'), call_id: call.id, name: call.name, arguments: JSON.stringify(call.args), status: 'completed' });
  }
  return {
    id: ctx.newId('resp_'),
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status: 'completed',
    error: null,
    incomplete_details: null,
    instructions: body.instructions ?? null,
    model: body.model,
    output,
    parallel_tool_calls: true,
    previous_response_id: body.previous_response_id ?? null,
    temperature: body.temperature ?? 1,
    text: body.text ?? { format: { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    usage: {
      input_tokens: answer.usage.input,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: answer.usage.output,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: answer.usage.input + answer.usage.output,
    },
    metadata: body.metadata ?? {},
  };
}

function streamResponse(ctx: ApiContext, response: ReturnType<typeof responseObject>): void {
  const events: Array<{ event: string; data: unknown }> = [];
  const emit = (type: string, fields: Record<string, unknown>) => events.push({ event: type, data: { type, sequence_number: events.length, ...fields } });
  const pending = { ...response, status: 'in_progress', output: [], usage: null };
  emit('response.created', { response: pending });
  emit('response.in_progress', { response: pending });
  response.output.forEach((item, output_index) => {
    if (item.type === 'message') {
      const part = (item.content as Array<{ text: string }>)[0];
      emit('response.output_item.added', { output_index, item: { ...item, status: 'in_progress', content: [] } });
      emit('response.content_part.added', { item_id: item.id, output_index, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } });
      for (const delta of pieces(part.text)) emit('response.output_text.delta', { item_id: item.id, output_index, content_index: 0, delta, logprobs: [] });
      emit('response.output_text.done', { item_id: item.id, output_index, content_index: 0, text: part.text, logprobs: [] });
      emit('response.content_part.done', { item_id: item.id, output_index, content_index: 0, part });
    } else {
      emit('response.output_item.added', { output_index, item: { ...item, arguments: '', status: 'in_progress' } });
      for (const delta of pieces(String(item.arguments), 10)) emit('response.function_call_arguments.delta', { item_id: item.id, output_index, delta });
      emit('response.function_call_arguments.done', { item_id: item.id, output_index, arguments: item.arguments });
    }
    emit('response.output_item.done', { output_index, item });
  });
  emit('response.completed', { response });
  sendSse(ctx.res, events);
}
