// Test support: the Gemini API (ai.google.dev/api): `models/{model}:generateContent`,
// `:streamGenerateContent?alt=sse`, `:embedContent`, `:batchEmbedContents`, `:countTokens` and the
// model list; key in `x-goog-api-key` or `?key=`; errors as {error:{code,message,status}}.
import { asRecord, textOf, type ApiContext, type Failure } from './api-context.ts';
import { embed } from './embedding-vector.ts';
import { sendJson, sendSse } from './http-io.ts';
import { countTokens, pieces, type ModelAnswer, type NormalizedChatRequest, type NormalizedMessage } from './scripted-answer.ts';

export const GEMINI_PATH = /^\/(v1beta|v1)\/models(?:\/([^:/]+):(\w+))?$/;
export const GEMINI_MODELS = ['gemini-2.5-flash', 'gemini-2.0-flash', 'text-embedding-004'];

const STATUS_NAMES: Record<number, string> = { 400: 'INVALID_ARGUMENT', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE' };

function sendError(ctx: ApiContext, code: number, message: string, details?: unknown[]): void {
  sendJson(ctx.res, code, { error: { code, message, status: STATUS_NAMES[code] ?? 'UNKNOWN', ...(details ? { details } : {}) } });
}

function sendFailure(ctx: ApiContext, failure: Failure): void {
  // Gemini says when to retry in a RetryInfo detail, not in a Retry-After header.
  const details = failure.retryAfterSeconds === undefined ? undefined : [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${failure.retryAfterSeconds}s` }];
  const defaults: Record<number, string> = { 429: 'You exceeded your current quota, please check your plan and billing details.', 503: 'The model is overloaded. Please try again later.' };
  sendError(ctx, failure.status, failure.message ?? defaults[failure.status] ?? 'Internal error encountered.', details);
}

type Part = Record<string, unknown>;
const partsOf = (content: unknown): Part[] => (Array.isArray(asRecord(content).parts) ? (asRecord(content).parts as unknown[]).map(asRecord) : []);

/** A function response's text: its only string field (`{result: "…"}`) or else the whole object as JSON. */
function responseText(response: unknown): string {
  const values = Object.values(asRecord(response));
  return values.length === 1 && typeof values[0] === 'string' ? values[0] : JSON.stringify(response);
}

export function normalizeGeminiContents(system: unknown, contents: unknown[]): NormalizedMessage[] {
  const out: NormalizedMessage[] = [];
  const systemText = textOf(partsOf(system));
  if (systemText) out.push({ role: 'system', content: systemText });
  for (const content of contents) {
    const parts = partsOf(content);
    const text = textOf(parts.filter((p) => typeof p.text === 'string'));
    if (asRecord(content).role === 'model') {
      const calls = parts.filter((p) => p.functionCall).map((p) => asRecord(p.functionCall)).map((c) => ({ id: c.id as string | undefined, name: String(c.name), args: asRecord(c.args) }));
      out.push({ role: 'assistant', content: text, ...(calls.length ? { toolCalls: calls } : {}) });
      continue;
    }
    for (const r of parts.filter((p) => p.functionResponse).map((p) => asRecord(p.functionResponse))) {
      out.push({ role: 'tool', content: responseText(r.response), toolName: String(r.name), ...(typeof r.id === 'string' ? { toolCallId: r.id } : {}) });
    }
    if (text || !parts.some((p) => p.functionResponse)) out.push({ role: 'user', content: text });
  }
  return out;
}

/** Gemini rejects a function-response turn whose part count differs from the call turn before it. */
function pairingError(contents: unknown[]): string | undefined {
  for (let i = 1; i < contents.length; i++) {
    const responses = partsOf(contents[i]).filter((p) => p.functionResponse).length;
    const calls = partsOf(contents[i - 1]).filter((p) => p.functionCall).length;
    if (responses && responses !== calls) return 'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.';
  }
  return undefined;
}

export function handleGemini(ctx: ApiContext): void {
  const key = ctx.req.headers['x-goog-api-key'] ?? ctx.query.get('key');
  if (!key) return sendError(ctx, 403, "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.");
  if (key !== ctx.apiKey) return sendError(ctx, 400, 'API key not valid. Please pass a valid API key.', [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }]);
  if (ctx.invalidJson) return sendError(ctx, 400, 'Invalid JSON payload received.');
  const [, , model, action] = GEMINI_PATH.exec(ctx.path) ?? [];
  const body = asRecord(ctx.body);
  if (ctx.method === 'GET' && !model) {
    return sendJson(ctx.res, 200, { models: GEMINI_MODELS.map((m) => ({ name: `models/${m}`, displayName: m, supportedGenerationMethods: m.includes('embedding') ? ['embedContent'] : ['generateContent', 'countTokens'] })) });
  }
  if (ctx.method !== 'POST' || !model) return sendError(ctx, 404, `Method not found: ${ctx.path}`);
  const dims = (r: Record<string, unknown>) => (typeof r.outputDimensionality === 'number' ? r.outputDimensionality : undefined);
  if (action === 'embedContent') return sendJson(ctx.res, 200, { embedding: { values: embed(textOf(partsOf(body.content)), dims(body)) } });
  if (action === 'batchEmbedContents') {
    const requests = (Array.isArray(body.requests) ? body.requests : []).map(asRecord);
    return sendJson(ctx.res, 200, { embeddings: requests.map((r) => ({ values: embed(textOf(partsOf(r.content)), dims(r)) })) });
  }
  const contents = Array.isArray(body.contents) ? body.contents : [];
  if (action === 'countTokens') return sendJson(ctx.res, 200, { totalTokens: countTokens(contents.map((c) => textOf(partsOf(c))).join('\n')) });
  if (action !== 'generateContent' && action !== 'streamGenerateContent') return sendError(ctx, 404, `Method not found: ${action}`);
  if (contents.length === 0) return sendError(ctx, 400, '* GenerateContentRequest.contents: contents is not specified');
  const broken = pairingError(contents);
  if (broken) return sendError(ctx, 400, broken);
  const declarations = (Array.isArray(body.tools) ? body.tools : []).flatMap((t) => {
    const list = asRecord(t).functionDeclarations ?? asRecord(t).function_declarations;
    return Array.isArray(list) ? list.map(asRecord) : [];
  });
  const request: NormalizedChatRequest = {
    provider: 'gemini',
    model: decodeURIComponent(model),
    messages: normalizeGeminiContents(body.systemInstruction ?? body.system_instruction, contents),
    tools: declarations.map((d) => ({ name: String(d.name), description: String(d.description ?? ''), parameters: d.parameters ?? d.parametersJsonSchema ?? {} })),
    stream: action === 'streamGenerateContent',
    raw: ctx.body,
  };
  const outcome = ctx.chat(request);
  if (outcome.failure) return sendFailure(ctx, outcome.failure);
  if (!request.stream) return sendJson(ctx.res, 200, chunk(ctx, request, outcome.answer, partsFor(outcome.answer), outcome.answer.usage.output, true));
  streamAnswer(ctx, request, outcome.answer);
}

const partsFor = (answer: ModelAnswer, text = answer.text): Part[] => [
  ...(text !== '' || answer.toolCalls.length === 0 ? [{ text }] : []),
  ...answer.toolCalls.map((c) => ({ functionCall: { name: c.name, args: c.args } })),
];

function chunk(ctx: ApiContext, request: NormalizedChatRequest, answer: ModelAnswer, parts: Part[], outputSoFar: number, last: boolean) {
  return {
    candidates: [{ content: { parts, role: 'model' }, ...(last ? { finishReason: 'STOP' } : {}), index: 0 }],
    // Streamed usage is cumulative: each chunk repeats the prompt count and the output so far.
    usageMetadata: { promptTokenCount: answer.usage.input, candidatesTokenCount: outputSoFar, totalTokenCount: answer.usage.input + outputSoFar },
    modelVersion: request.model,
    responseId: ctx.newId('resp-'),
  };
}

function streamAnswer(ctx: ApiContext, request: NormalizedChatRequest, answer: ModelAnswer): void {
  const textPieces = pieces(answer.text);
  const events: Array<{ data: unknown }> = [];
  const total = textPieces.length + (answer.toolCalls.length ? 1 : 0);
  textPieces.forEach((text, i) => {
    const last = i === total - 1;
    events.push({ data: chunk(ctx, request, answer, [{ text }], last ? answer.usage.output : Math.floor((answer.usage.output * (i + 1)) / total), last) });
  });
  // Gemini sends function calls whole in one chunk; an empty answer still gets one final chunk.
  if (answer.toolCalls.length || total === 0) events.push({ data: chunk(ctx, request, answer, partsFor(answer, ''), answer.usage.output, true) });
  sendSse(ctx.res, events);
}
