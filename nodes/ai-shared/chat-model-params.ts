// What the chat model and embeddings sub-nodes share: reading n8n's model parameter (a plain value
// before resource locators, `{mode, value}` after), their option collections, and the checks made
// before a client library is handed a base URL.
import type { ExecuteContext } from '../../engine/index.ts';
import { assertPublicHost } from '../http-request/network-guard.ts';

/** The model id from an options value or a resource locator (`{ __rl, mode, value }`). */
export function modelId(value: unknown): string {
  if (value !== null && typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value ?? '');
  return String(value ?? '');
}

/** The node's `options` collection with n8n's "unset" markers (-1 tokens/timeouts, empty strings) removed. */
export function optionsOf(ctx: ExecuteContext, itemIndex: number): Record<string, unknown> {
  const raw = (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/** A number option, or undefined where n8n uses -1 (or nothing) for "the provider's default". */
export function setNumber(value: unknown): number | undefined {
  return typeof value === 'number' && value !== -1 && Number.isFinite(value) ? value : undefined;
}

/** Refuses a base URL that names a private address literal when the instance blocks private networks. */
export function checkBaseUrl(ctx: ExecuteContext, url: string): string {
  if (ctx.blockPrivateNetworks) assertPublicHost(new URL(url).hostname);
  return url.replace(/\/+$/, '');
}

/** Drops undefined fields, so a client library applies its own defaults. */
export function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}
