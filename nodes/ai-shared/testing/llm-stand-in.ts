// Test support: one local HTTP server that speaks the public APIs of OpenAI (and the providers copying
// it), Anthropic, Ollama and Gemini, answers chat calls from a script queue shared by all providers
// (or echoes the last user message), and records every request so tests can assert what was sent.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAnthropic } from './anthropic-api.ts';
import type { ApiContext, ChatOutcome, Failure } from './api-context.ts';
import { handleGemini, GEMINI_PATH } from './gemini-api.ts';
import { readBody, sendJson } from './http-io.ts';
import { handleOllama } from './ollama-api.ts';
import { handleOpenAi, OPENAI_PATH, TINY_PNG_BASE64 } from './openai-api.ts';
import { OPENAI_MEDIA_PATH } from './openai-media-api.ts';
import { resolveAnswer, type NormalizedChatRequest, type Provider, type ScriptedAnswer } from './scripted-answer.ts';

export type { NormalizedChatRequest, NormalizedMessage, NormalizedTool, Provider, ScriptedAnswer, ScriptedToolCall, Usage } from './scripted-answer.ts';
export { DEFAULT_EMBEDDING_DIMENSIONS, embed } from './embedding-vector.ts';

/** The key every authenticating provider accepts unless the test picks another. */
export const LLM_API_KEY = 'sk-stand-in-key';

export interface SeenRequest {
  provider: Provider | 'unknown';
  method: string;
  path: string;
  /** Lower-case header names, as Node reports them. */
  headers: IncomingHttpHeaders;
  /** Parsed JSON; for multipart uploads `{fields, files: [{field, filename, mimeType, size}]}`. */
  body: unknown;
  query: Record<string, string>;
}

export interface LlmStandIn {
  url: string;
  openAiUrl: string;
  anthropicUrl: string;
  ollamaUrl: string;
  geminiUrl: string;
  apiKey: string;
  requests: SeenRequest[];
  /** The normalized view of every chat call, in order: what scripted functions were shown. */
  chatCalls: NormalizedChatRequest[];
  script(...answers: ScriptedAnswer[]): void;
  /** Scripted answers not yet consumed; a test can assert its script was used up. */
  readonly pending: number;
  failNext(status: number, options?: { retryAfterSeconds?: number; message?: string }): void;
  /** Forgets requests, chat calls, unconsumed answers and armed failures (between tests). */
  reset(): void;
  close(): Promise<void>;
}

function providerOf(path: string, headers: IncomingHttpHeaders): Provider | 'unknown' {
  if (path === '/v1/messages' || (path === '/v1/models' && (headers['x-api-key'] || headers['anthropic-version']))) return 'anthropic';
  if (OPENAI_PATH.test(path) || OPENAI_MEDIA_PATH.test(path)) return 'openai';
  if (path.startsWith('/api/')) return 'ollama';
  if (GEMINI_PATH.test(path)) return 'gemini';
  return 'unknown';
}

const HANDLERS: Record<Provider, (ctx: ApiContext) => void | Promise<void>> = {
  openai: handleOpenAi, anthropic: handleAnthropic, ollama: handleOllama, gemini: handleGemini,
};

export async function startLlmStandIn(options: { apiKey?: string } = {}): Promise<LlmStandIn> {
  const apiKey = options.apiKey ?? LLM_API_KEY;
  const requests: SeenRequest[] = [];
  const chatCalls: NormalizedChatRequest[] = [];
  const queue: ScriptedAnswer[] = [];
  const failures: Failure[] = [];
  let counter = 0;
  const newId = (prefix: string) => `${prefix}standin${String(++counter).padStart(6, '0')}`;
  let baseUrl = '';

  const chat = (request: NormalizedChatRequest): ChatOutcome => {
    chatCalls.push(request);
    const failure = failures.shift();
    if (failure) return { failure };
    return { answer: resolveAnswer(queue.shift(), request, () => newId('call_')) };
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const { body, invalidJson } = await readBody(req);
      const provider = providerOf(url.pathname, req.headers);
      requests.push({ provider, method: req.method ?? '', path: url.pathname, headers: req.headers, body, query: Object.fromEntries(url.searchParams) });
      if (req.method === 'GET' && url.pathname === '/stand-in/image.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        return res.end(Buffer.from(TINY_PNG_BASE64, 'base64'));
      }
      if (provider === 'unknown') return sendJson(res, 404, { error: `no stand-in route for ${req.method} ${url.pathname}` });
      const ctx: ApiContext = { req, res, method: req.method ?? '', path: url.pathname, query: url.searchParams, body, invalidJson, apiKey, baseUrl, chat, newId };
      await HANDLERS[provider](ctx);
    })().catch((error: unknown) => {
      // A throwing scripted function is a test bug: say so loudly instead of hanging the client.
      if (!res.headersSent) sendJson(res, 500, { error: `stand-in failure: ${error instanceof Error ? error.message : String(error)}` });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    openAiUrl: `${baseUrl}/v1`,
    anthropicUrl: baseUrl,
    ollamaUrl: baseUrl,
    geminiUrl: baseUrl,
    apiKey,
    requests,
    chatCalls,
    script: (...answers) => void queue.push(...answers),
    get pending() {
      return queue.length;
    },
    failNext: (status, opts = {}) => void failures.push({ status, ...opts }),
    reset: () => {
      for (const list of [requests, chatCalls, queue, failures]) list.splice(0);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
