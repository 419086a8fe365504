// Test support: Ollama's REST API (github.com/ollama/ollama/blob/main/docs/api.md): /api/chat and
// /api/generate stream NDJSON unless `stream: false`, tool calls carry `arguments` as an object,
// token counts are prompt_eval_count/eval_count; /api/embed, legacy /api/embeddings, /api/tags.
// Ollama has no auth of its own; a Bearer key (a proxy in front of it) is recorded, not checked.
import { asRecord, parseArgs, type ApiContext } from './api-context.ts';
import { embed } from './embedding-vector.ts';
import { sendJson, sendNdjson } from './http-io.ts';
import { countTokens, pieces, type ModelAnswer, type NormalizedChatRequest, type NormalizedMessage } from './scripted-answer.ts';

export const OLLAMA_MODELS = ['llama3.2:latest', 'qwen3:8b', 'nomic-embed-text:latest'];

const sendError = (ctx: ApiContext, status: number, error: string) => sendJson(ctx.res, status, { error });

export function normalizeOllamaMessages(raw: unknown[]): NormalizedMessage[] {
  return raw.map(asRecord).map((m) => {
    const out: NormalizedMessage = { role: m.role as NormalizedMessage['role'], content: typeof m.content === 'string' ? m.content : '' };
    if (Array.isArray(m.tool_calls)) {
      out.toolCalls = m.tool_calls.map((c) => {
        const fn = asRecord(asRecord(c).function);
        return { id: asRecord(c).id as string | undefined, name: String(fn.name), args: parseArgs(fn.arguments) };
      });
    }
    if (typeof m.tool_name === 'string') out.toolName = m.tool_name;
    if (typeof m.tool_call_id === 'string') out.toolCallId = m.tool_call_id;
    return out;
  });
}

const timings = (answer: ModelAnswer) => ({
  total_duration: 5_000_000, load_duration: 1_000_000,
  prompt_eval_count: answer.usage.input, prompt_eval_duration: 1_000_000,
  eval_count: answer.usage.output, eval_duration: 3_000_000,
});

export function handleOllama(ctx: ApiContext): void {
  if (ctx.invalidJson) return sendError(ctx, 400, 'invalid character in JSON body');
  const body = asRecord(ctx.body);
  const route = `${ctx.method} ${ctx.path}`;
  if (route === 'GET /api/tags') {
    return sendJson(ctx.res, 200, {
      models: OLLAMA_MODELS.map((name) => ({
        name, model: name, modified_at: '2025-01-01T00:00:00Z', size: 2_019_393_189, digest: 'a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72',
        details: { parent_model: '', format: 'gguf', family: 'llama', families: ['llama'], parameter_size: '3.2B', quantization_level: 'Q4_K_M' },
      })),
    });
  }
  if (route === 'GET /api/version') return sendJson(ctx.res, 200, { version: '0.12.0' });
  if (ctx.method !== 'POST') return sendError(ctx, 404, '404 page not found');
  if (ctx.path === '/api/embed' || ctx.path === '/api/embeddings') {
    if (typeof body.model !== 'string') return sendError(ctx, 400, 'model is required');
    const dimensions = typeof body.dimensions === 'number' ? body.dimensions : undefined;
    if (ctx.path === '/api/embeddings') return sendJson(ctx.res, 200, { embedding: embed(String(body.prompt ?? ''), dimensions) });
    const inputs = (Array.isArray(body.input) ? body.input : [body.input ?? '']).map(String);
    return sendJson(ctx.res, 200, { model: body.model, embeddings: inputs.map((t) => embed(t, dimensions)), total_duration: 1_000_000, load_duration: 100_000, prompt_eval_count: inputs.reduce((s, t) => s + countTokens(t), 0) });
  }
  if (ctx.path !== '/api/chat' && ctx.path !== '/api/generate') return sendError(ctx, 404, '404 page not found');
  if (typeof body.model !== 'string' || body.model === '') return sendError(ctx, 400, 'model is required');
  const generate = ctx.path === '/api/generate';
  const messages = generate
    ? [...(typeof body.system === 'string' ? [{ role: 'system' as const, content: body.system }] : []), { role: 'user' as const, content: String(body.prompt ?? '') }]
    : normalizeOllamaMessages(Array.isArray(body.messages) ? body.messages : []);
  const tools = (Array.isArray(body.tools) ? body.tools : []).map((t) => asRecord(asRecord(t).function));
  const request: NormalizedChatRequest = {
    provider: 'ollama',
    model: body.model,
    messages,
    tools: tools.map((fn) => ({ name: String(fn.name), description: String(fn.description ?? ''), parameters: fn.parameters ?? {} })),
    // Ollama streams unless told otherwise: the default the clients most often trip over.
    stream: body.stream !== false,
    raw: ctx.body,
  };
  const outcome = ctx.chat(request);
  if (outcome.failure) return sendError(ctx, outcome.failure.status, outcome.failure.message ?? 'server busy, please try again. maximum pending requests exceeded');
  const { answer } = outcome;
  const created_at = new Date().toISOString();
  const toolCalls = answer.toolCalls.map((c) => ({ function: { name: c.name, arguments: c.args } }));
  if (generate) {
    const line = (response: string, done: boolean) => ({ model: request.model, created_at, response, done, ...(done ? { done_reason: 'stop', context: [1, 2, 3], ...timings(answer) } : {}) });
    if (!request.stream) return sendJson(ctx.res, 200, line(answer.text, true));
    return sendNdjson(ctx.res, [...pieces(answer.text).map((p) => line(p, false)), line('', true)]);
  }
  const final = { model: request.model, created_at, message: { role: 'assistant', content: '' }, done_reason: 'stop', done: true, ...timings(answer) };
  if (!request.stream) {
    return sendJson(ctx.res, 200, { ...final, message: { role: 'assistant', content: answer.text, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) } });
  }
  const lines: unknown[] = pieces(answer.text).map((content) => ({ model: request.model, created_at, message: { role: 'assistant', content }, done: false }));
  // Ollama sends tool calls whole, in one chunk of their own, not as argument fragments.
  if (toolCalls.length) lines.push({ model: request.model, created_at, message: { role: 'assistant', content: '', tool_calls: toolCalls }, done: false });
  lines.push(final);
  sendNdjson(ctx.res, lines);
}
