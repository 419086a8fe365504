// helpers.httpRequest and the legacy helpers.request against a local server: URL joining, query,
// bodies (JSON, form, multipart), auth, full responses, status errors, and the private-network guard.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyRequest, n8nHttpRequest, type HttpEnv } from './http-helpers.ts';

let server: Server;
let base = '';
const env: HttpEnv = { signal: new AbortController().signal, blockPrivateNetworks: false };

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/text') return res.end('plain words');
      res.setHeader('content-type', 'application/json');
      if (req.url === '/fail') { res.statusCode = 422; return res.end(JSON.stringify({ error: { message: 'bad field' } })); }
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Echo = { method: string; url: string; headers: Record<string, string>; body: string };

describe('helpers.httpRequest', () => {
  it('joins baseURL (keeping its path), adds query, sends JSON, parses JSON', async () => {
    const echo = await n8nHttpRequest(env, { baseURL: `${base}/api/v1/`, url: '/items', method: 'POST', qs: { a: 1, tags: ['x', 'y'] }, body: { n: 1 } }) as Echo;
    expect(echo.url).toBe('/api/v1/items?a=1&tags=x&tags=y');
    expect(echo.headers['content-type']).toBe('application/json');
    expect(JSON.parse(echo.body)).toEqual({ n: 1 });
  });
  it('sends basic auth and form bodies; returns the full response when asked', async () => {
    const full = await n8nHttpRequest(env, {
      url: `${base}/form`, method: 'POST', auth: { username: 'u', password: 'p' },
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: { a: 'b c' }, returnFullResponse: true,
    }) as { statusCode: number; body: Echo; headers: Record<string, string> };
    expect(full.statusCode).toBe(200);
    expect(full.body.headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    expect(full.body.body).toBe('a=b+c');
  });
  it('sends web FormData as multipart', async () => {
    const form = new FormData();
    form.append('file', new Blob(['abc'], { type: 'text/plain' }), 'a.txt');
    const echo = await n8nHttpRequest(env, { url: `${base}/upload`, method: 'POST', body: form }) as Echo;
    expect(echo.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(echo.body).toContain('filename="a.txt"');
  });
  it('returns text as text and bytes as a Buffer', async () => {
    expect(await n8nHttpRequest(env, { url: `${base}/text` })).toBe('plain words');
    const bytes = await n8nHttpRequest(env, { url: `${base}/text`, encoding: 'arraybuffer' });
    expect(Buffer.isBuffer(bytes) && bytes.toString()).toBe('plain words');
  });
  it('throws on error statuses with the response attached, unless told to ignore them', async () => {
    const error = await n8nHttpRequest(env, { url: `${base}/fail` }).catch((e: unknown) => e) as { message: string; httpCode: string; response: { data: unknown } };
    expect(error.message).toBe('Request failed with status code 422');
    expect(error.httpCode).toBe('422');
    expect(error.response.data).toEqual({ error: { message: 'bad field' } });
    expect(await n8nHttpRequest(env, { url: `${base}/fail`, ignoreHttpStatusErrors: true })).toEqual({ error: { message: 'bad field' } });
  });
  it('refuses loopback addresses when private networks are blocked', async () => {
    await expect(n8nHttpRequest({ ...env, blockPrivateNetworks: true }, { url: `${base}/text` })).rejects.toThrow(/private or loopback/);
  });
});

describe('helpers.request (legacy options)', () => {
  it('takes uri, qs, json body and resolveWithFullResponse', async () => {
    const res = await legacyRequest(env, { uri: `${base}/x`, method: 'put', qs: { q: 'v' }, body: { a: 1 }, json: true, resolveWithFullResponse: true }) as { statusCode: number; body: Echo };
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatchObject({ method: 'PUT', url: '/x?q=v', body: '{"a":1}' });
  });
  it('takes (uri, options), form, and request-style auth', async () => {
    const res = JSON.parse(await legacyRequest(env, `${base}/f`, { method: 'POST', form: { k: 'v' }, auth: { user: 'a', pass: 'b' } }) as string) as Echo;
    expect(res.body).toBe('k=v');
    expect(res.headers.authorization).toBe(`Basic ${Buffer.from('a:b').toString('base64')}`);
  });
  it('sends formData files as multipart', async () => {
    const res = await legacyRequest(env, { uri: `${base}/up`, method: 'POST', json: true, formData: { note: 'hi', file: { value: Buffer.from('xyz'), options: { filename: 'f.bin', contentType: 'application/x-test' } } } }) as Echo;
    expect(res.body).toContain('filename="f.bin"');
    expect(res.body).toContain('application/x-test');
    expect(res.body).toContain('xyz');
  });
  it('rejects with statusCode and the parsed body (StatusCodeError), unless simple is false', async () => {
    const error = await legacyRequest(env, { uri: `${base}/fail`, json: true }).catch((e: unknown) => e) as { statusCode: number; error: unknown; message: string };
    expect(error.statusCode).toBe(422);
    expect(error.error).toEqual({ error: { message: 'bad field' } });
    expect(error.message).toBe('422 - {"error":{"message":"bad field"}}');
    expect(await legacyRequest(env, { uri: `${base}/fail`, json: true, simple: false })).toEqual({ error: { message: 'bad field' } });
  });
});
