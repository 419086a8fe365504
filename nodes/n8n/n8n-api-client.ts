// Calls to an n8n-style public API (`<baseUrl>/workflows…` with X-N8N-API-KEY), through the HTTP
// Request node's transport so the private-network guard and the run's abort signal apply.
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport, send } from '../http-request/send.ts';

export interface ApiClient {
  call(method: string, path: string, options?: { query?: Record<string, unknown>; body?: unknown }): Promise<unknown>;
  close(): Promise<void>;
}

const TIMEOUT_MS = 60_000;

export async function apiClient(ctx: ExecuteContext): Promise<ApiClient> {
  const credential = await ctx.credentials.get('n8nApi');
  const baseUrl = String(credential.baseUrl ?? '').replace(/\/+$/, '');
  if (!baseUrl) throw new NodeOperationError(ctx.node.name, 'The n8n API credential has no Base URL', { description: 'e.g. https://weft.example.com/api/v1' });
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  return {
    async call(method, path, options = {}) {
      const url = new URL(`${baseUrl}${path}`);
      for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
      const headers: Record<string, string> = { 'x-n8n-api-key': String(credential.apiKey ?? ''), accept: 'application/json' };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await send(transport, { method, url: url.toString(), headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) }, {
        timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks,
      });
      const text = response.body.toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        // Not JSON: kept as text for the error below.
      }
      if (response.statusCode >= 400) {
        const message = (body as JsonObject | undefined)?.message;
        throw new ApiError(response.statusCode, typeof message === 'string' ? message : `${response.statusCode} ${response.statusMessage}`, `${method} ${url.pathname}`);
      }
      return body;
    },
    close: () => transport.close(),
  };
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly request: string) {
    super(message);
    this.name = 'ApiError';
  }
}
