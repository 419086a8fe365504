// Test support: a local stand-in for the parts of Meta's Graph API a WhatsApp webhook setup uses,
// written from Meta's documentation (developers.facebook.com/docs/graph-api/webhooks/subscriptions-edge
// and the app access token guide): POST /{version}/oauth/access_token with client_credentials gives
// an app token `{app-id}|{secret-ish}`; GET/POST/DELETE /{version}/{app-id}/subscriptions need that
// token (Bearer or access_token) and take form parameters; errors are `{error: {message, type, code,
// fbtrace_id}}`; a 429 with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const APP_ID = '1234567890';
export const APP_SECRET = 'app-secret-abc';

export interface GraphSeen { method: string; path: string; query: Record<string, string>; contentType: string; authorization: string; form: Record<string, string> }
export interface Subscription { object: string; callback_url: string; active: boolean; fields: Array<{ name: string; version: string }> }

export interface MetaGraphStandIn {
  url: string;
  seen: GraphSeen[];
  subscriptions: Subscription[];
  rateLimitOnce(seconds: number): void;
  close(): Promise<void>;
}

const graphError = (message: string, type: string, code: number) => ({ error: { message, type, code, fbtrace_id: 'AbCdEf123' } });

export async function startMetaGraphStandIn(): Promise<MetaGraphStandIn> {
  const seen: GraphSeen[] = [];
  const subscriptions: Subscription[] = [];
  let armed: number | undefined;
  const appToken = `${APP_ID}|app-token`;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const contentType = req.headers['content-type'] ?? '';
      const form = contentType.startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) : {};
      const request: GraphSeen = { method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), contentType, authorization: req.headers.authorization ?? '', form };
      seen.push(request);
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
        res.end(JSON.stringify(body));
      };
      if (armed !== undefined) {
        const wait = armed;
        armed = undefined;
        return reply(429, graphError('(#4) Application request limit reached', 'OAuthException', 4), { 'retry-after': String(wait) });
      }
      const args = { ...request.query, ...form };
      const match = /^\/v\d+\.\d+\/(.+)$/.exec(url.pathname);
      if (!match) return reply(400, graphError('Unknown path components', 'OAuthException', 2500));
      if (match[1] === 'oauth/access_token') {
        if (args.grant_type !== 'client_credentials') return reply(400, graphError('Unsupported grant_type', 'OAuthException', 1));
        if (args.client_id !== APP_ID) return reply(400, graphError('Error validating application. Invalid application ID.', 'OAuthException', 101));
        if (args.client_secret !== APP_SECRET) return reply(400, graphError('Error validating client secret.', 'OAuthException', 1));
        return reply(200, { access_token: appToken, token_type: 'bearer' });
      }
      const token = /^Bearer (.+)$/i.exec(request.authorization)?.[1] ?? args.access_token;
      if (token !== appToken) return reply(400, graphError('Invalid OAuth access token - Cannot parse access token', 'OAuthException', 190));
      const edge = /^(\d+)\/subscriptions$/.exec(match[1]);
      if (!edge) return reply(400, graphError(`Unsupported request - method type: ${req.method?.toLowerCase()}`, 'GraphMethodException', 100));
      if (edge[1] !== APP_ID) return reply(400, graphError('(#100) The parameter app_id is required', 'OAuthException', 100));
      if (req.method === 'GET') return reply(200, { data: subscriptions });
      if (req.method === 'POST') {
        if (!args.object || !args.callback_url || !args.fields) return reply(400, graphError('(#100) The parameter object is required', 'OAuthException', 100));
        if (!args.verify_token) return reply(400, graphError('(#100) verify_token is required for a new callback URL', 'OAuthException', 100));
        let fields: string[];
        try {
          fields = args.fields.startsWith('[') ? (JSON.parse(args.fields) as string[]) : args.fields.split(',');
        } catch {
          return reply(400, graphError('(#100) Param fields must be an array', 'OAuthException', 100));
        }
        const existing = subscriptions.findIndex((s) => s.object === args.object);
        const subscription = { object: args.object, callback_url: args.callback_url, active: true, fields: fields.map((name) => ({ name, version: 'v19.0' })) };
        if (existing >= 0) subscriptions[existing] = subscription;
        else subscriptions.push(subscription);
        return reply(200, { success: true });
      }
      if (req.method === 'DELETE') {
        const before = subscriptions.length;
        for (let i = subscriptions.length - 1; i >= 0; i--) if (!args.object || subscriptions[i].object === args.object) subscriptions.splice(i, 1);
        return reply(200, { success: before !== subscriptions.length || before === 0 });
      }
      reply(400, graphError('Unsupported method', 'GraphMethodException', 100));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    subscriptions,
    rateLimitOnce: (seconds) => { armed = seconds; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
