// The GraphQL node against a local server that follows GraphQL over HTTP: POST bodies are
// `{query, variables, operationName}` JSON (or the raw query as application/graphql), GET puts the
// query in the URL, answers are `{data}` or `{errors}`.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

interface Seen { method: string; url: string; headers: IncomingMessage['headers']; body: string }
const seen: Seen[] = [];
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const answer = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/graphql-response+json' });
        res.end(JSON.stringify(value));
      };
      if (req.headers['x-api-key'] !== undefined && req.headers['x-api-key'] !== 'secret') return answer(401, { errors: [{ message: 'Bad API key' }] });
      let query = '';
      let variables: Record<string, unknown> = {};
      if (req.method === 'GET') query = new URL(req.url ?? '', 'http://x').searchParams.get('query') ?? '';
      else if (req.headers['content-type'] === 'application/graphql') query = body;
      else ({ query, variables = {} } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> });
      if (query.includes('broken')) return answer(200, { errors: [{ message: 'Syntax Error: Unexpected Name "broken"' }, { message: 'second' }] });
      answer(200, { data: { hello: `Hello ${String(variables.name ?? 'world')}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const node = (typeVersion: number, parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'GraphQL', type: 'n8n-nodes-base.graphql', typeVersion, parameters: { endpoint, ...parameters }, continueOnFail,
});

describe('GraphQL', () => {
  it('v1.1 posts {query, variables, operationName} as JSON per item and outputs the answer', async () => {
    seen.length = 0;
    const result = await runChain([node(1.1, { query: 'query Hi($name: String) { hello(name: $name) }', variables: '={{ JSON.stringify({ name: $json.who }) }}', operationName: 'Hi' })],
      { items: [{ json: { who: 'Ann' } }, { json: { who: 'Bob' } }] });
    expect(outputOf(result, 'GraphQL')).toEqual([
      { json: { data: { hello: 'Hello Ann' } }, pairedItem: { item: 0 } },
      { json: { data: { hello: 'Hello Bob' } }, pairedItem: { item: 1 } },
    ]);
    expect(seen[0].method).toBe('POST');
    expect(seen[0].headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0].body)).toEqual({ query: 'query Hi($name: String) { hello(name: $name) }', variables: { name: 'Ann' }, operationName: 'Hi' });
  });

  it('v1 sends the raw query by default, GET puts it in the URL, empty operationName is null', async () => {
    seen.length = 0;
    await runChain([node(1, { query: '{ hello }' })], { items: [{ json: {} }] });
    expect(seen[0].headers['content-type']).toBe('application/graphql');
    expect(seen[0].body).toBe('{ hello }');
    await runChain([node(1, { requestMethod: 'GET', query: '{ hello }' })], { items: [{ json: {} }] });
    expect(new URL(seen[1].url, 'http://x').searchParams.get('query')).toBe('{ hello }');
    await runChain([node(1, { requestFormat: 'json', query: '{ hello }' })], { items: [{ json: {} }] });
    expect(JSON.parse(seen[2].body)).toEqual({ query: '{ hello }', variables: {}, operationName: null });
  });

  it('sends the header credential and custom headers, and returns a string answer when asked', async () => {
    seen.length = 0;
    const result = await runChain([node(1.1, { authentication: 'headerAuth', query: '{ hello }', responseFormat: 'string', dataPropertyName: 'raw',
      headerParametersUi: { parameter: [{ name: 'X-Trace', value: 't1' }] } })], { items: [{ json: {} }], credentials: { httpHeaderAuth: { name: 'X-Api-Key', value: 'secret' } } });
    expect(outputOf(result, 'GraphQL')[0].json).toEqual({ raw: '{"data":{"hello":"Hello world"}}' });
    expect(seen[0].headers['x-trace']).toBe('t1');
  });

  it('fails with the messages of the answer\'s errors, or puts them on the item with continue on fail', async () => {
    const failed = await runChain([node(1.1, { query: 'broken' })], { items: [{ json: {} }] });
    expect(failed.data.resultData.error?.message).toBe('Syntax Error: Unexpected Name "broken", second');
    const wrongKey = await runChain([node(1.1, { authentication: 'headerAuth', query: '{ hello }' })], { items: [{ json: {} }], credentials: { httpHeaderAuth: { name: 'X-Api-Key', value: 'nope' } } });
    expect(wrongKey.data.resultData.error?.message).toBe('Bad API key');
    const kept = await runChain([node(1.1, { query: '={{ $json.q }}' }, true)], { items: [{ json: { q: 'broken' } }, { json: { q: '{ hello }' } }] });
    expect(outputOf(kept, 'GraphQL').map((item) => item.json)).toEqual([{ error: 'Syntax Error: Unexpected Name "broken", second' }, { data: { hello: 'Hello world' } }]);
  });

  it('names a refused connection in n8n’s words, the system error as description', async () => {
    const result = await runChain([node(1.1, { endpoint: 'http://127.0.0.1:1/graphql', query: '{ hello }' })], { items: [{ json: {} }] });
    expect(result.data.resultData.error).toMatchObject({ message: 'The service refused the connection - perhaps it is offline', description: expect.stringMatching(/ECONNREFUSED 127\.0\.0\.1:1/) });
  });
});
