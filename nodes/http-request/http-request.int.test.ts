// The HTTP Request node against a real local HTTP server (and a real CONNECT proxy) started here:
// bodies, auth through credentials, response formats, errors, timeouts, redirects, batching,
// pagination, cancellation, and the private-network guard.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { createCodeRunner, createExpressionEvaluator, createMemoryRecorder, executeWorkflow, type Item, type RunResult } from '../../engine/index.ts';
import { getNodeType, loadNodeTypes } from '../index.ts';
import { BlockedAddressError } from './network-guard.ts';
import { createTransport, send } from './send.ts';

let base = '';
let server: http.Server;
let proxy: net.Server;
let proxyUrl = '';
let proxied = 0;
const evaluator = createExpressionEvaluator();
const codeRunner = createCodeRunner();

function respond(res: http.ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': type });
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      switch (url.pathname) {
        case '/json': return respond(res, 200, { a: 1 });
        case '/array': return respond(res, 200, [{ i: 1 }, { i: 2 }]);
        case '/text': return respond(res, 200, 'hello', 'text/plain');
        case '/file': return respond(res, 200, Buffer.from([137, 80, 78, 71]), 'image/png');
        case '/echo':
          return respond(res, 200, {
            method: req.method, query: Object.fromEntries(url.searchParams), headers: req.headers, body: body.toString('utf8'),
          });
        case '/missing': return respond(res, 404, { error: 'no such thing' });
        case '/redirect': res.writeHead(302, { location: '/json' }); return res.end();
        case '/slow': return setTimeout(() => respond(res, 200, { late: true }), 2000);
        case '/pages': {
          const page = Number(url.searchParams.get('page') ?? 1);
          const next = page < 3 ? `${base}/pages?page=${page + 1}` : null;
          return respond(res, 200, { items: [{ page }], next });
        }
        case '/numbered': {
          const page = Number(url.searchParams.get('page') ?? 1);
          return respond(res, 200, page <= 3 ? [{ page }] : []);
        }
        default: return respond(res, 404, {});
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // A forward proxy that tunnels CONNECT requests, counting them.
  proxy = net.createServer((client) => {
    client.once('data', (head) => {
      const [, target] = /^CONNECT ([^ ]+) HTTP/.exec(head.toString()) ?? [];
      if (!target) return client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      proxied += 1;
      const [host, port] = target.split(':');
      const upstream = net.connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await new Promise((r) => proxy.close(r));
  evaluator.dispose();
  codeRunner.dispose();
});

interface Options {
  items?: Item[];
  credentials?: Record<string, Record<string, unknown>>;
  signal?: AbortSignal;
  typeVersion?: number;
  continueOnFail?: boolean;
}

async function runHttp(parameters: Record<string, unknown>, options: Options = {}): Promise<RunResult> {
  const definition = parseWorkflowDefinition({
    name: 'http',
    settings: { executionOrder: 'v1' },
    nodes: [
      { id: 't', name: 'Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      {
        id: 'h', name: 'HTTP', type: 'n8n-nodes-base.httpRequest', typeVersion: options.typeVersion ?? 4.2, position: [200, 0], parameters,
        ...(options.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
        ...(options.credentials ? { credentials: Object.fromEntries(Object.keys(options.credentials).map((k) => [k, { id: k, name: k }])) } : {}),
      },
    ],
    connections: { Trigger: { main: [[{ node: 'HTTP', type: 'main', index: 0 }]] } },
  });
  await loadNodeTypes(definition.nodes);
  return executeWorkflow({
    definition, workflowId: 'w', executionId: 'e', mode: 'manual', nodeTypes: getNodeType, evaluator, timezone: 'UTC',
    triggerItems: options.items,
    credentials: async (_node, type) => {
      const data = options.credentials?.[type];
      if (!data) throw new Error(`no ${type} credential`);
      return data;
    },
    runCode: (ctx, code, o) => codeRunner.run({ ctx, code, mode: o.mode, itemIndex: o.itemIndex }),
    recorder: createMemoryRecorder(),
    signal: options.signal,
  });
}

const output = (result: RunResult): Item[] => {
  if (result.status !== 'success') throw new Error(`run ${result.status}: ${result.data.resultData.error?.message}`);
  return result.data.resultData.runData.HTTP[0].data!.main[0]!;
};
const jsonOf = (result: RunResult) => output(result).map((i) => i.json);

describe('HTTP Request v4', () => {
  it('turns a JSON object into one item and an array into one item per element', async () => {
    expect(jsonOf(await runHttp({ url: `${base}/json` }))).toEqual([{ a: 1 }]);
    const items = output(await runHttp({ url: `${base}/array` }));
    expect(items.map((i) => i.json)).toEqual([{ i: 1 }, { i: 2 }]);
    expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
  });

  it('puts text under the output field and files into binary; fullResponse gives status and headers', async () => {
    expect(jsonOf(await runHttp({ url: `${base}/text` }))).toEqual([{ data: 'hello' }]);
    const file = output(await runHttp({ url: `${base}/file` }))[0];
    expect(file.binary!.data.mimeType).toBe('image/png');
    expect(Buffer.from(file.binary!.data.data, 'base64')).toEqual(Buffer.from([137, 80, 78, 71]));
    const full = jsonOf(await runHttp({ url: `${base}/json`, options: { response: { response: { fullResponse: true } } } }))[0];
    expect(full.statusCode).toBe(200);
    expect(full.statusMessage).toBe('OK');
    expect(full.body).toEqual({ a: 1 });
    expect((full.headers as Record<string, string>)['content-type']).toBe('application/json');
    const asText = jsonOf(await runHttp({ url: `${base}/json`, options: { response: { response: { responseFormat: 'text', outputPropertyName: 'raw' } } } }));
    expect(asText).toEqual([{ raw: '{"a":1}' }]);
    const notJson = await runHttp({ url: `${base}/text`, options: { response: { response: { responseFormat: 'json' } } } });
    expect(notJson.data.resultData.error?.message).toContain('Response body is not valid JSON');
  });

  it('sends query, headers and a JSON body, with expressions per item', async () => {
    const result = await runHttp({
      method: 'POST', url: `${base}/echo`,
      sendQuery: true, queryParameters: { parameters: [{ name: 'q', value: '={{ $json.q }}' }] },
      sendHeaders: true, headerParameters: { parameters: [{ name: 'X-Trace', value: 'abc' }] },
      sendBody: true, contentType: 'json', specifyBody: 'json', jsonBody: '={{ JSON.stringify({ n: $json.n }) }}',
    }, { items: [{ json: { q: 'one', n: 1 } }, { json: { q: 'two', n: 2 } }] });
    const echoes = jsonOf(result) as { method: string; query: Record<string, string>; headers: Record<string, string>; body: string }[];
    expect(echoes.map((e) => e.query.q)).toEqual(['one', 'two']);
    expect(echoes.map((e) => JSON.parse(e.body))).toEqual([{ n: 1 }, { n: 2 }]);
    expect(echoes[0].headers['x-trace']).toBe('abc');
    expect(echoes[0].headers['content-type']).toBe('application/json');
  });

  it('sends form-urlencoded, multipart (with a binary field), raw and binary bodies', async () => {
    const form = jsonOf(await runHttp({ method: 'POST', url: `${base}/echo`, sendBody: true, contentType: 'form-urlencoded', bodyParameters: { parameters: [{ name: 'a', value: '1' }, { name: 'b', value: 'x y' }] } }))[0] as { body: string; headers: Record<string, string> };
    expect(form.body).toBe('a=1&b=x+y');
    expect(form.headers['content-type']).toBe('application/x-www-form-urlencoded');

    const file = { json: {}, binary: { doc: { data: Buffer.from('file body').toString('base64'), mimeType: 'text/plain', fileName: 'doc.txt' } } };
    const multi = jsonOf(await runHttp({
      method: 'POST', url: `${base}/echo`, sendBody: true, contentType: 'multipart-form-data',
      bodyParameters: { parameters: [{ parameterType: 'formData', name: 'field', value: 'v' }, { parameterType: 'formBinaryData', name: 'upload', inputDataFieldName: 'doc' }] },
    }, { items: [file] }))[0] as { body: string; headers: Record<string, string> };
    expect(multi.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(multi.body).toContain('name="field"\r\n\r\nv');
    expect(multi.body).toContain('filename="doc.txt"');
    expect(multi.body).toContain('file body');

    const raw = jsonOf(await runHttp({ method: 'POST', url: `${base}/echo`, sendBody: true, contentType: 'raw', rawContentType: 'text/csv', body: 'a,b\n1,2' }))[0] as { body: string; headers: Record<string, string> };
    expect(raw.body).toBe('a,b\n1,2');
    expect(raw.headers['content-type']).toBe('text/csv');

    const bin = jsonOf(await runHttp({ method: 'PUT', url: `${base}/echo`, sendBody: true, contentType: 'binaryData', inputDataFieldName: 'doc' }, { items: [file] }))[0] as { method: string; body: string; headers: Record<string, string> };
    expect(bin.method).toBe('PUT');
    expect(bin.body).toBe('file body');
    expect(bin.headers['content-type']).toBe('text/plain');
  });

  it('authenticates through basic, header, query, bearer and OAuth2 credentials', async () => {
    const echo = async (type: string, data: Record<string, unknown>) => jsonOf(await runHttp(
      { url: `${base}/echo`, authentication: 'genericCredentialType', genericAuthType: type },
      { credentials: { [type]: data } },
    ))[0] as { query: Record<string, string>; headers: Record<string, string> };
    expect((await echo('httpBasicAuth', { user: 'u', password: 'p' })).headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    expect((await echo('httpHeaderAuth', { name: 'X-Key', value: 'k1' })).headers['x-key']).toBe('k1');
    expect((await echo('httpQueryAuth', { name: 'api_key', value: 'k2' })).query.api_key).toBe('k2');
    expect((await echo('httpBearerAuth', { token: 't3' })).headers.authorization).toBe('Bearer t3');
    expect((await echo('oAuth2Api', { oauthTokenData: { access_token: 't4' } })).headers.authorization).toBe('Bearer t4');
    const predefined = jsonOf(await runHttp(
      { url: `${base}/echo`, authentication: 'predefinedCredentialType', nodeCredentialType: 'httpBearerAuth' },
      { credentials: { httpBearerAuth: { token: 't5' } } },
    ))[0] as { headers: Record<string, string> };
    expect(predefined.headers.authorization).toBe('Bearer t5');
  });

  it('fails on a non-2xx status with n8n wording, unless told never to error or to continue', async () => {
    const failed = await runHttp({ url: `${base}/missing` });
    expect(failed.status).toBe('error');
    expect(failed.data.resultData.error?.message).toBe('The resource you are requesting could not be found');
    expect(failed.data.resultData.error?.description).toContain('no such thing');
    const never = jsonOf(await runHttp({ url: `${base}/missing`, options: { response: { response: { neverError: true, fullResponse: true } } } }))[0];
    expect(never.statusCode).toBe(404);
    const continued = jsonOf(await runHttp({ url: `${base}/missing` }, { continueOnFail: true }));
    expect(continued).toEqual([{ error: 'The resource you are requesting could not be found' }]);
  });

  it('names a refused connection in n8n’s words, the system error as description', async () => {
    const refused = await runHttp({ url: 'http://127.0.0.1:1/' });
    expect(refused.data.resultData.error).toMatchObject({ message: 'The service refused the connection - perhaps it is offline', description: expect.stringMatching(/ECONNREFUSED 127\.0\.0\.1:1/) });
  });

  it('times out, follows redirects unless told not to', async () => {
    const slow = await runHttp({ url: `${base}/slow`, options: { timeout: 200 } });
    expect(slow.status).toBe('error');
    expect(slow.data.resultData.error?.message).toBe('timeout of 200ms exceeded');
    expect(jsonOf(await runHttp({ url: `${base}/redirect` }))).toEqual([{ a: 1 }]);
    const stay = jsonOf(await runHttp({ url: `${base}/redirect`, options: { redirect: { redirect: { followRedirects: false } }, response: { response: { neverError: true, fullResponse: true } } } }))[0];
    expect(stay.statusCode).toBe(302);
  });

  it('waits between batches', async () => {
    const started = Date.now();
    const result = await runHttp({ url: `${base}/json`, options: { batching: { batch: { batchSize: 1, batchInterval: 150 } } } }, { items: [{ json: {} }, { json: {} }, { json: {} }] });
    expect(jsonOf(result)).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('paginates by the next URL in the response until it is empty', async () => {
    const items = jsonOf(await runHttp({
      url: `${base}/pages`,
      options: { pagination: { pagination: {
        paginationMode: 'responseContainsNextURL', nextURL: '={{ $response.body.next }}',
        paginationCompleteWhen: 'other', completeExpression: '={{ !$response.body.next }}',
      } } },
    }));
    expect(items.map((i) => (i.items as { page: number }[])[0].page)).toEqual([1, 2, 3]);
  });

  it('paginates by a page parameter until a response is empty, or up to the page limit', async () => {
    const pages = jsonOf(await runHttp({
      url: `${base}/numbered`,
      options: { pagination: { pagination: {
        paginationMode: 'updateAParameterInEachRequest',
        parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
        paginationCompleteWhen: 'responseIsEmpty',
      } } },
    }));
    expect(pages).toEqual([{ page: 1 }, { page: 2 }, { page: 3 }]);
    const limited = jsonOf(await runHttp({
      url: `${base}/numbered`,
      options: { pagination: { pagination: {
        paginationMode: 'updateAParameterInEachRequest',
        parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
        limitPagesFetched: true, maxRequests: 2,
      } } },
    }));
    expect(limited).toEqual([{ page: 1 }, { page: 2 }]);
  });

  it('goes through a proxy', async () => {
    const before = proxied;
    expect(jsonOf(await runHttp({ url: `${base}/json`, options: { proxy: proxyUrl } }))).toEqual([{ a: 1 }]);
    expect(proxied).toBeGreaterThan(before);
  });

  it('aborts the request when the run is stopped', async () => {
    const abort = new AbortController();
    const started = Date.now();
    setTimeout(() => abort.abort(), 100);
    const result = await runHttp({ url: `${base}/slow` }, { signal: abort.signal });
    expect(result.status).toBe('canceled');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('rejects a URL that is not http(s)', async () => {
    const result = await runHttp({ url: 'ftp://example.com/file' });
    expect(result.status).toBe('error');
    expect(result.data.resultData.error?.message).toContain('must start with "http"');
  });
});

describe('private network guard', () => {
  const options = { timeoutMs: 2000, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal };

  it('refuses loopback addresses and names that resolve to them when blocking is on', async () => {
    const blocking = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: true });
    await expect(send(blocking, { method: 'GET', url: `${base}/json`, headers: {} }, { ...options, blockPrivateNetworks: true })).rejects.toBeInstanceOf(BlockedAddressError);
    const byName = base.replace('127.0.0.1', 'localhost');
    await expect(send(blocking, { method: 'GET', url: `${byName}/json`, headers: {} }, { ...options, blockPrivateNetworks: true })).rejects.toThrow(/private or loopback/);
    await blocking.close();
  });

  it('allows them when blocking is off', async () => {
    const open = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: false });
    const res = await send(open, { method: 'GET', url: `${base}/json`, headers: {} }, { ...options, blockPrivateNetworks: false });
    expect(res.statusCode).toBe(200);
    await open.close();
  });
});
