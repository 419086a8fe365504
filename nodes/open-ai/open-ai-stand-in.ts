// Test support: a local stand-in for OpenAI's REST API, written from OpenAI's API reference
// (platform.openai.com/docs/api-reference): Bearer key and OpenAI-Organization headers,
// chat completions, completions, edits, moderations, image generations (url or b64_json),
// models, error objects `{error: {message, type, param, code}}` and 429s with Retry-After or the
// x-ratelimit-reset-* headers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = Record<string, any>;
export interface SeenOpenAiRequest { method: string; path: string; body: Obj | undefined; headers: IncomingMessage['headers'] }

export interface OpenAiStandIn {
  /** The credential URL (`…/v1`), as OpenAI's own is https://api.openai.com/v1. */
  url: string;
  seen: SeenOpenAiRequest[];
  /** The next `times` calls answer 429 with these headers and this error code. */
  rateLimit(times: number, headers: Record<string, string>, code?: string): void;
  close(): Promise<void>;
}

export const API_KEY = 'sk-test-0123456789abcdef';
export const ORGANIZATION = 'org-weft-test';
/** A 1x1 PNG, the bytes image generations answer as b64_json. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');
const CREATED = 1_700_000_000;

const apiError = (res: ServerResponse, status: number, message: string, type: string, code: string | null, param: string | null = null, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ error: { message, type, param, code } }));
};
const ok = (res: ServerResponse, body: Obj) => {
  res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining-requests': '499' });
  res.end(JSON.stringify(body));
};
const usage = { prompt_tokens: 9, completion_tokens: 12, total_tokens: 21 };

function chatCompletion(body: Obj): Obj {
  const messages: Obj[] = body.messages ?? [];
  const last = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  return {
    id: 'chatcmpl-123', object: 'chat.completion', created: CREATED, model: body.model, system_fingerprint: 'fp_44709d6fcb',
    choices: Array.from({ length: body.n ?? 1 }, (_, index) => ({ index, message: { role: 'assistant', content: `Reply ${index + 1} to: ${last}`, refusal: null }, logprobs: null, finish_reason: 'stop' })),
    usage,
  };
}

function textCompletion(body: Obj): Obj {
  return {
    id: 'cmpl-123', object: 'text_completion', created: CREATED, model: body.model,
    choices: Array.from({ length: body.n ?? 1 }, (_, index) => ({ text: `\n\n${body.echo ? body.prompt : ''}This is test ${index + 1}.  `, index, logprobs: null, finish_reason: 'length' })),
    usage,
  };
}

function moderation(body: Obj): Obj {
  const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
  return {
    id: 'modr-123', model: body.model === 'text-moderation-stable' ? 'text-moderation-007' : 'text-moderation-007',
    results: inputs.map((input) => {
      const flagged = /kill/i.test(input);
      return { flagged, categories: { hate: false, violence: flagged, 'self-harm': false }, category_scores: { hate: 0.0001, violence: flagged ? 0.97 : 0.0002, 'self-harm': 0.00001 } };
    }),
  };
}

function route(req: IncomingMessage, res: ServerResponse, path: string, body: Obj | undefined): void {
  if (req.method === 'GET' && path === '/v1/models') {
    return ok(res, { object: 'list', data: ['gpt-4o-mini', 'gpt-3.5-turbo', 'dall-e-3'].map((id) => ({ id, object: 'model', created: CREATED, owned_by: 'system' })) });
  }
  if (req.method !== 'POST') return apiError(res, 404, `Invalid URL (${req.method} ${path})`, 'invalid_request_error', null);
  if (!body) return apiError(res, 400, 'We could not parse the JSON body of your request.', 'invalid_request_error', null);
  if (path === '/v1/chat/completions') {
    if (!Array.isArray(body.messages) || body.messages.length === 0) return apiError(res, 400, "[] is too short - 'messages'", 'invalid_request_error', null, 'messages');
    if (String(body.model).startsWith('no-such')) return apiError(res, 404, `The model \`${body.model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found');
    return ok(res, chatCompletion(body));
  }
  if (path === '/v1/completions') return ok(res, textCompletion(body));
  if (path === '/v1/edits') return ok(res, { object: 'edit', created: CREATED, choices: [{ text: `${body.input} (edited: ${body.instruction})\n`, index: 0 }], usage });
  if (path === '/v1/moderations') return ok(res, moderation(body));
  if (path === '/v1/images/generations') {
    if (!body.prompt) return apiError(res, 400, "'prompt' is a required property", 'invalid_request_error', null, 'prompt');
    const data = Array.from({ length: body.n ?? 1 }, (_, i) => (body.response_format === 'b64_json'
      ? { b64_json: PNG.toString('base64'), ...(body.model === 'dall-e-3' ? { revised_prompt: `A picture of ${body.prompt}` } : {}) }
      : { url: `https://images.example.test/img-${i + 1}.png`, ...(body.model === 'dall-e-3' ? { revised_prompt: `A picture of ${body.prompt}` } : {}) }));
    return ok(res, { created: CREATED, data });
  }
  return apiError(res, 404, `Invalid URL (POST ${path})`, 'invalid_request_error', null);
}

export async function startOpenAiStandIn(): Promise<OpenAiStandIn> {
  const seen: SeenOpenAiRequest[] = [];
  let limited: { times: number; headers: Record<string, string>; code: string } = { times: 0, headers: {}, code: 'rate_limit_exceeded' };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Obj | undefined;
      try { body = raw ? JSON.parse(raw) : undefined; } catch { body = undefined; }
      seen.push({ method: req.method ?? '', path: url.pathname, body, headers: req.headers });
      if (req.headers.authorization !== `Bearer ${API_KEY}`) {
        const shown = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
        return apiError(res, 401, `Incorrect API key provided: ${shown.slice(0, 3)}*****${shown.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`, 'invalid_request_error', 'invalid_api_key');
      }
      if (req.headers['openai-organization'] !== undefined && req.headers['openai-organization'] !== ORGANIZATION) {
        return apiError(res, 401, `No such organization: ${req.headers['openai-organization']}.`, 'invalid_request_error', 'invalid_organization');
      }
      if (limited.times > 0) {
        limited.times--;
        const message = limited.code === 'insufficient_quota'
          ? 'You exceeded your current quota, please check your plan and billing details.'
          : 'Rate limit reached for gpt-4o-mini in organization org-weft-test on requests per min (RPM): Limit 3, Used 3, Requested 1.';
        return apiError(res, 429, message, limited.code === 'insufficient_quota' ? 'insufficient_quota' : 'requests', limited.code, null, limited.headers);
      }
      route(req, res, url.pathname, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    seen,
    rateLimit(times, headers, code = 'rate_limit_exceeded') { limited = { times, headers, code }; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
