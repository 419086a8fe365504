// Waiting out a service's "too many requests" (429): the wait its Retry-After header asks for, and
// a pause that a stopped run cuts short. Each service node decides how often and how long to wait
// (its RateLimitPolicy); sendWaitingOutRateLimits is the loop they share.
import type { Dispatcher } from 'undici';
import { send, type HttpRequestSpec, type HttpResponse, type SendOptions } from '../http-request/send.ts';

/** Retry-After in milliseconds: seconds, or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Resolves after `ms`; rejects with the signal's reason as soon as the run is stopped (or if it already is). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => { clearTimeout(timer); reject(signal.reason); };
    const timer = setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve(); }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** How a service node waits out 429s: how many times, the longest wait it accepts, and the wait when the service names none. */
export interface RateLimitPolicy { retries: number; maxWaitMs: number; fallbackMs: number }

/** Three waits of at most a minute each, one second when the service gives no Retry-After. */
export const DEFAULT_RATE_LIMIT: RateLimitPolicy = { retries: 3, maxWaitMs: 60_000, fallbackMs: 1000 };

/**
 * One exchange, sent again after each 429 the policy allows (its Retry-After, else the fallback,
 * cut short when the run stops). The last answer comes back as it is, a 429 included, for the
 * caller to turn into its own error.
 */
export async function sendWaitingOutRateLimits(
  dispatcher: Dispatcher, spec: HttpRequestSpec, options: SendOptions & { blockPrivateNetworks: boolean }, policy: RateLimitPolicy = DEFAULT_RATE_LIMIT,
): Promise<HttpResponse> {
  for (let attempt = 0; ; attempt++) {
    const response = await send(dispatcher, spec, options);
    if (response.statusCode !== 429 || attempt >= policy.retries) return response;
    const wait = retryAfterMs(response.headers['retry-after']) ?? policy.fallbackMs;
    if (wait > policy.maxWaitMs) return response;
    await pause(wait, options.signal);
  }
}
