// Test support: one local HTTP server standing in for every plain HTTP API the templates call.
// `/<host>/<path>` plays `https://<host>/<path>`; it records each call and answers the canned JSON
// a template's test gives for "METHOD host/path" (else `{ok: true}`, as a generic success).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenCall {
  key: string;
  authorization?: string;
  body: unknown;
}

export interface HttpStandIn {
  url: string;
  calls: SeenCall[];
  answers: Map<string, unknown>;
  close(): Promise<void>;
}

export async function startHttpStandIn(): Promise<HttpStandIn> {
  const calls: SeenCall[] = [];
  const answers = new Map<string, unknown>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = raw;
      try { body = raw ? JSON.parse(raw) : undefined; } catch { /* not JSON: keep the text */ }
      const key = `${req.method} ${new URL(req.url ?? '/', 'http://x').pathname.slice(1)}`;
      calls.push({ key, authorization: req.headers.authorization, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answers.get(key) ?? { ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    answers,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
