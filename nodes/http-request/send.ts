// One HTTP exchange on undici: redirects followed by hand (so each hop is checked), a timeout,
// an optional proxy, the run's abort signal, and the private-network guard.
import { STATUS_CODES } from 'node:http';
import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';
import { assertPublicHost, guardedLookup } from './network-guard.ts';

export interface HttpRequestSpec {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

export interface HttpResponse {
  statusCode: number;
  statusMessage: string;
  headers: Record<string, string | string[]>;
  body: Buffer;
  /** The URL that answered, after redirects. */
  url: string;
}

export interface TransportOptions {
  proxy?: string;
  allowUnauthorizedCerts: boolean;
  blockPrivateNetworks: boolean;
  /** Client certificates (n8n's httpSslAuth): PEM text; empty entries are left out. */
  certificates?: { ca?: string; cert?: string; key?: string; passphrase?: string };
}

export interface SendOptions {
  timeoutMs: number;
  followRedirects: boolean;
  maxRedirects: number;
  signal: AbortSignal;
}

export class HttpTimeoutError extends Error {}

/** A connection pool for one node run; close it when the node is done. */
export function createTransport(options: TransportOptions): Dispatcher {
  const certificates = Object.fromEntries(Object.entries(options.certificates ?? {}).filter(([, value]) => typeof value === 'string' && value !== ''));
  const connect = {
    ...certificates,
    rejectUnauthorized: !options.allowUnauthorizedCerts,
    ...(options.blockPrivateNetworks ? { lookup: guardedLookup } : {}),
  };
  if (options.proxy) return new ProxyAgent({ uri: options.proxy, requestTls: { ...certificates, rejectUnauthorized: !options.allowUnauthorizedCerts }, connect });
  return new Agent({ connect });
}

export async function send(dispatcher: Dispatcher, spec: HttpRequestSpec, options: SendOptions & { blockPrivateNetworks: boolean }): Promise<HttpResponse> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([options.signal, timeout]);
  let current = spec;
  for (let hop = 0; ; hop++) {
    const url = new URL(current.url);
    if (options.blockPrivateNetworks) assertPublicHost(url.hostname);
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, {
        method: current.method as Dispatcher.HttpMethod,
        headers: current.headers,
        body: current.body,
        dispatcher,
        signal,
      });
    } catch (err) {
      if (timeout.aborted && !options.signal.aborted) throw new HttpTimeoutError(`timeout of ${options.timeoutMs}ms exceeded`);
      throw err;
    }
    const location = res.headers.location;
    if (options.followRedirects && [301, 302, 303, 307, 308].includes(res.statusCode) && typeof location === 'string') {
      await res.body.dump();
      if (hop >= options.maxRedirects) throw new Error(`Maximum number of redirects exceeded (${options.maxRedirects})`);
      const next = new URL(location, url);
      const keepMethod = res.statusCode === 307 || res.statusCode === 308 || (current.method === 'HEAD') || (res.statusCode !== 303 && current.method === 'GET');
      const headers = { ...current.headers };
      if (next.origin !== url.origin) {
        // Credentials are for the origin they were given to.
        for (const h of Object.keys(headers)) if (['authorization', 'cookie'].includes(h.toLowerCase())) delete headers[h];
      }
      if (!keepMethod) for (const h of Object.keys(headers)) if (['content-type', 'content-length'].includes(h.toLowerCase())) delete headers[h];
      current = keepMethod
        ? { ...current, url: next.toString(), headers }
        : { method: 'GET', url: next.toString(), headers };
      continue;
    }
    let body: Buffer;
    try {
      body = Buffer.from(await res.body.arrayBuffer());
    } catch (err) {
      if (timeout.aborted && !options.signal.aborted) throw new HttpTimeoutError(`timeout of ${options.timeoutMs}ms exceeded`);
      throw err;
    }
    return {
      statusCode: res.statusCode,
      statusMessage: STATUS_CODES[res.statusCode] ?? '',
      headers: res.headers as Record<string, string | string[]>,
      body,
      url: url.toString(),
    };
  }
}
