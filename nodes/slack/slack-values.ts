// Reading Slack node parameters: resource locators (list, ID, or a Slack client URL), the target of a
// message (a channel, or a user by ID or by `@username`), and JSON typed as text.
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { param } from '../shared/params.ts';

const CHANNEL_URL = /https:\/\/app\.slack\.com\/client\/.*\/([a-zA-Z0-9]{2,})/;

/** A resource locator's value (its URL mode reduced to the ID the URL names), or a plain string. */
export function locatorValue(ctx: ExecuteContext, name: string, itemIndex: number): string {
  const raw = param<unknown>(ctx, name, itemIndex, '');
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const { mode, value } = raw as JsonObject;
    const text = value === undefined || value === null ? '' : String(value);
    if (mode === 'url') return CHANNEL_URL.exec(text)?.[1] ?? text;
    return text;
  }
  return raw === undefined || raw === null ? '' : String(raw);
}

export function locatorMode(ctx: ExecuteContext, name: string, itemIndex: number): string | undefined {
  const raw = param<unknown>(ctx, name, itemIndex, '');
  return raw && typeof raw === 'object' ? String((raw as JsonObject).mode ?? '') : undefined;
}

/** Where a message goes: the channel, or the user (a `username` locator gets its leading `@`). */
export function messageTarget(ctx: ExecuteContext, itemIndex: number, select: string): string {
  if (select === 'channel') return locatorValue(ctx, 'channelId', itemIndex);
  const user = locatorValue(ctx, 'user', itemIndex);
  if (locatorMode(ctx, 'user', itemIndex) === 'username' && !user.startsWith('@')) return `@${user}`;
  return user;
}

/** A parameter holding JSON text (or an object from an expression), as n8n's ensureType 'object' reads it. */
export function jsonObjectParam(ctx: ExecuteContext, name: string, itemIndex: number): JsonObject {
  const raw = param<unknown>(ctx, name, itemIndex, {});
  if (typeof raw !== 'string') return raw && typeof raw === 'object' ? { ...(raw as JsonObject) } : {};
  if (raw.trim() === '') return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as JsonObject;
  } catch { /* reported below */ }
  throw new NodeOperationError(ctx.node.name, `The value in the "${name}" parameter is not valid JSON`, { itemIndex });
}

/** A timestamp parameter as text (n8n types some as numbers; Slack wants the exact digits). */
export function timestampParam(ctx: ExecuteContext, name: string, itemIndex: number): string {
  const value = param<unknown>(ctx, name, itemIndex, '');
  return value === undefined || value === null ? '' : String(value);
}

/** n8n's dateTime filters as Slack's epoch seconds. */
export function epochSeconds(value: unknown): number {
  return new Date(String(value)).getTime() / 1000;
}
