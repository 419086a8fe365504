// Waiting out a service's "too many requests" (429): the wait its Retry-After header asks for, and
// a pause that a stopped run cuts short. Each service node decides how often and how long to wait
// (its RateLimitPolicy); sendWaitingOutRateLimits is the loop they share, which also renews a
// refused OAuth2 token once when the caller passes the running node.
import type { Dispatcher } from 'undici';
import { send, type HttpRequestSpec, type HttpResponse, type SendOptions } from '../http-request/send.ts';
import { withRenewedOAuth2Token, type OAuth2RetryContext } from './oauth2-retry.ts';

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

/** Sending options, and the running node when a 401 to its OAuth2 token should renew it and resend once. */
export type RateLimitedSendOptions = SendOptions & { blockPrivateNetworks: boolean; oauth2?: OAuth2RetryContext };

/**
 * One exchange, sent again after each 429 the policy allows (its Retry-After, else the fallback,
 * cut short when the run stops). With `oauth2`, a 401 to the access token of one of the node's
 * OAuth2 credentials renews that token and the exchange goes out once more (as n8n does). The last
 * answer comes back as it is, a 429 or a second 401 included, for the caller to turn into its own error.
 */
export async function sendWaitingOutRateLimits(
  dispatcher: Dispatcher, spec: HttpRequestSpec, options: RateLimitedSendOptions, policy: RateLimitPolicy = DEFAULT_RATE_LIMIT,
): Promise<HttpResponse> {
  const response = await waitingOut(dispatcher, spec, options, policy);
  if (response.statusCode !== 401 || !options.oauth2) return response;
  const renewed = await withRenewedOAuth2Token(options.oauth2, spec);
  return renewed ? waitingOut(dispatcher, renewed, options, policy) : response;
}

async function waitingOut(dispatcher: Dispatcher, spec: HttpRequestSpec, options: RateLimitedSendOptions, policy: RateLimitPolicy): Promise<HttpResponse> {
  for (let attempt = 0; ; attempt++) {
    const response = await send(dispatcher, spec, options);
    if (response.statusCode !== 429 || attempt >= policy.retries) return response;
    const wait = retryAfterMs(response.headers['retry-after']) ?? policy.fallbackMs;
    if (wait > policy.maxWaitMs) return response;
    await pause(wait, options.signal);
  }
}
