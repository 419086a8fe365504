// Test support: a local stand-in for n8n's public REST API (docs.n8n.io/api/api-reference), only what
// the node's editor method reads: GET /api/v1/workflows with the X-N8N-API-KEY header (401
// `{message: 'unauthorized'}` otherwise), `limit` (≤ 250, 100 by default) and an opaque `cursor`,
// answering `{data, nextCursor}` (null on the last page).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const API_KEY = 'n8n_api_test_key';

export interface N8nApiStandIn {
  /** The API base a credential's Base URL holds (…/api/v1). */
  baseUrl: string;
  seen: Array<{ method: string; path: string; query: Record<string, string>; apiKey?: string }>;
  workflows: Array<{ id: string; name: string; active: boolean }>;
  close(): Promise<void>;
}

export async function startN8nApiStandIn(): Promise<N8nApiStandIn> {
  const seen: N8nApiStandIn['seen'] = [];
  const workflows: N8nApiStandIn['workflows'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const apiKey = req.headers['x-n8n-api-key'];
    seen.push({ method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), ...(typeof apiKey === 'string' ? { apiKey } : {}) });
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (apiKey !== API_KEY) return reply(401, { message: 'unauthorized' });
    if (req.method === 'GET' && url.pathname === '/api/v1/workflows') {
      const limit = Number(url.searchParams.get('limit') ?? 100);
      if (!Number.isInteger(limit) || limit < 1 || limit > 250) return reply(400, { message: 'request/query/limit must be <= 250' });
      const cursor = url.searchParams.get('cursor');
      const start = cursor ? Number(Buffer.from(cursor, 'base64').toString('utf8')) : 0;
      const next = start + limit < workflows.length ? Buffer.from(String(start + limit)).toString('base64') : null;
      return reply(200, { data: workflows.slice(start, start + limit), nextCursor: next });
    }
    return reply(404, { message: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`, seen, workflows,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
