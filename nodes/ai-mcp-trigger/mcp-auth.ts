// The MCP Server Trigger's authentication, with n8n's webhook answers: 500 when the credential is
// empty, 403 when the caller's bearer token or header does not match it.
import { timingSafeEqual } from 'node:crypto';
import type { WebhookContext } from '../../engine/index.ts';

export interface AuthRefusal {
  status: 403 | 500;
  message: string;
}

const NO_DATA: AuthRefusal = { status: 500, message: 'No authentication data defined on node!' };
const WRONG: AuthRefusal = { status: 403, message: 'Authorization data is wrong!' };

function same(given: unknown, expected: string): boolean {
  const x = Buffer.from(typeof given === 'string' ? given : '');
  const y = Buffer.from(expected);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function credential(ctx: WebhookContext, type: string): Promise<Record<string, unknown> | undefined> {
  return ctx.credentials.get(type).catch(() => undefined);
}

/** Undefined when the caller may pass; otherwise how to refuse. */
export async function checkMcpAuth(ctx: WebhookContext, authentication: string): Promise<AuthRefusal | undefined> {
  const { headers } = ctx.call;
  if (authentication === 'bearerAuth') {
    const token = (await credential(ctx, 'httpBearerAuth'))?.token;
    if (typeof token !== 'string' || !token) return NO_DATA;
    return same(headers.authorization, `Bearer ${token}`) ? undefined : WRONG;
  }
  if (authentication === 'headerAuth') {
    const data = await credential(ctx, 'httpHeaderAuth');
    const name = typeof data?.name === 'string' ? data.name.toLowerCase() : '';
    const value = typeof data?.value === 'string' ? data.value : '';
    if (!name || !value) return NO_DATA;
    return same(headers[name], value) ? undefined : WRONG;
  }
  return undefined;
}

const ALWAYS_SECRET = ['authorization', 'proxy-authorization', 'cookie'];

/**
 * The request's headers as the run may keep them (v2.1 hands them to the tools): without the
 * caller's secrets, the Header Auth header included.
 */
export async function visibleHeaders(ctx: WebhookContext, headers: Record<string, unknown>): Promise<Record<string, unknown>> {
  const secret = new Set(ALWAYS_SECRET);
  if (String(ctx.getNodeParameter('authentication', 0, 'none')) === 'headerAuth') {
    const name = (await credential(ctx, 'httpHeaderAuth'))?.name;
    if (typeof name === 'string') secret.add(name.toLowerCase());
  }
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !secret.has(name.toLowerCase())));
}
