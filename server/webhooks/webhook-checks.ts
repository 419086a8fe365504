// What a webhook call must pass before it starts a run, per the Webhook node's options: allowed
// origins (CORS), the IP allow-list, the bot filter, and basic, header or JWT authentication.
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import { isbot } from 'isbot';
import { importSPKI, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from '../../domain/index.ts';

export interface WebhookOptions {
  allowedOrigins?: string;
  ipWhitelist?: string;
  ignoreBots?: boolean;
  [k: string]: unknown;
}

/** n8n's CORS handling: the request's origin is echoed when allowed ('*' allows any). */
export function applyCors(ctx: Context, allowedOrigins: string | undefined): void {
  const origin = ctx.get('origin');
  if (!origin) return;
  const allowed = (allowedOrigins ?? '*').split(',').map((o) => o.trim()).filter(Boolean);
  if (allowed.includes('*') || allowed.includes(origin)) {
    ctx.set('Access-Control-Allow-Origin', origin);
    ctx.set('Vary', 'Origin');
  }
}

/** Answers a CORS preflight for a registered path. */
export function answerPreflight(ctx: Context, methods: string[], allowedOrigins: string | undefined): void {
  applyCors(ctx, allowedOrigins);
  ctx.set('Access-Control-Allow-Methods', ['OPTIONS', ...methods].join(', '));
  const requested = ctx.get('access-control-request-headers');
  if (requested) ctx.set('Access-Control-Allow-Headers', requested);
  ctx.set('Access-Control-Max-Age', '300');
  ctx.status = 204;
}

function clientIp(ctx: Context): string {
  const ip = ctx.req.socket.remoteAddress ?? '';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

export function checkCaller(ctx: Context, options: WebhookOptions): void {
  const list = String(options.ipWhitelist ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length > 0 && !list.includes(clientIp(ctx))) {
    throw new AppError('forbidden', 'IP is not whitelisted to access the webhook!');
  }
  if (options.ignoreBots === true && isbot(ctx.get('user-agent'))) {
    throw new AppError('forbidden', 'Requests from bots are ignored by this webhook');
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const wrong = () => new AppError('forbidden', 'Authorization data is wrong!');

/**
 * Checks the caller against the node's credential. Returns the JWT payload for JWT auth.
 * `credential` is the decrypted credential data of the node's authentication type.
 */
export async function authenticateCall(
  ctx: Context,
  authentication: string,
  credential: () => Promise<Record<string, unknown>>,
): Promise<{ jwtPayload?: JWTPayload }> {
  if (authentication === 'none' || !authentication) return {};
  if (authentication === 'basicAuth') {
    const header = ctx.get('authorization');
    if (!header.toLowerCase().startsWith('basic ')) {
      ctx.set('WWW-Authenticate', 'Basic realm="Webhook"');
      throw new AppError('unauthenticated', 'Authorization is required!');
    }
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const data = await credential();
    if (colon < 0 || !same(decoded.slice(0, colon), String(data.user ?? '')) || !same(decoded.slice(colon + 1), String(data.password ?? ''))) {
      throw wrong();
    }
    return {};
  }
  if (authentication === 'headerAuth') {
    const data = await credential();
    const got = ctx.get(String(data.name ?? '').toLowerCase());
    if (!got || !same(got, String(data.value ?? ''))) throw wrong();
    return {};
  }
  if (authentication === 'jwtAuth') {
    const header = ctx.get('authorization');
    const token = header.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : '';
    if (!token) throw new AppError('unauthenticated', 'No token provided');
    const data = await credential();
    const algorithm = String(data.algorithm ?? 'HS256');
    try {
      const key = data.keyType === 'pemKey'
        ? await importSPKI(String(data.publicKey ?? ''), algorithm)
        : new TextEncoder().encode(String(data.secret ?? ''));
      const { payload } = await jwtVerify(token, key, { algorithms: [algorithm] });
      return { jwtPayload: payload };
    } catch {
      throw wrong();
    }
  }
  throw new AppError('forbidden', `Unknown authentication '${authentication}'`);
}
