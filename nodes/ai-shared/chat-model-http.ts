// Plain JSON GETs of the model providers' list endpoints, for credential tests and model lists in
// the editor: through the HTTP node's transport, so the private-network guard and timeouts hold.
import { createTransport, send } from '../http-request/send.ts';

export interface ProviderGet {
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
  blockPrivateNetworks: boolean;
  signal?: AbortSignal;
}

export class ProviderHttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** GETs `url` and parses the JSON answer; a non-2xx answer throws with the provider's own message. */
export async function getProviderJson(request: ProviderGet): Promise<Record<string, unknown>> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: request.blockPrivateNetworks });
  try {
    const res = await send(transport, { method: 'GET', url: request.url, headers: { accept: 'application/json', ...request.headers } }, {
      timeoutMs: request.timeoutMs, followRedirects: true, maxRedirects: 3, signal: request.signal ?? new AbortController().signal, blockPrivateNetworks: request.blockPrivateNetworks,
    });
    const text = res.body.toString('utf8');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { message: text.slice(0, 200) };
    }
    if (res.statusCode < 200 || res.statusCode >= 300) throw new ProviderHttpError(res.statusCode, `${res.statusCode} ${res.statusMessage}: ${providerMessage(body)}`);
    return (body ?? {}) as Record<string, unknown>;
  } finally {
    await transport.close();
  }
}

/** The message in the usual error shapes: `{error: {message}}`, `{error: "…"}`, `{message}`. */
function providerMessage(body: unknown): string {
  const b = (body ?? {}) as { error?: unknown; message?: unknown };
  if (b.error && typeof b.error === 'object' && 'message' in b.error) return String((b.error as { message: unknown }).message);
  if (typeof b.error === 'string') return b.error;
  if (typeof b.message === 'string') return b.message;
  return JSON.stringify(body).slice(0, 200);
}
