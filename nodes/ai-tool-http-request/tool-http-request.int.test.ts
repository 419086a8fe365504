// HTTP Request Tool through the real engine against a local server that records what it gets:
// placeholders and model fields filled from the tool's arguments, the credential applied, the
// response optimized, errors answered to the model; each call recorded as a use of the node.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRootRunner, rootWorkflow } from '../ai-shared/tool-test-harness.ts';
import { toolsOf } from '../ai-shared/tool-test-tools.ts';

interface Received { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }
const received: Received[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    received.push({ method: req.method, url: req.url, headers: req.headers, body });
    if (req.url?.startsWith('/missing')) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('no such city');
    if (req.url?.startsWith('/page')) return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><h1>Title</h1><p>Some <b>text</b></p><img src="x.png"></body></html>');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { temp: 21, wind: 3, station: { id: 'S1' } }, echo: body ? JSON.parse(body) : null }));
  });
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
const runner = createRootRunner();
afterAll(() => {
  server.close();
  runner.engine.dispose();
});

const httpTool = (parameters: Record<string, unknown>, typeVersion = 1.1, extra: object = {}) => ({ name: 'Weather', type: '@n8n/n8n-nodes-langchain.toolHttpRequest', typeVersion, parameters, connection: 'ai_tool' as const, ...extra });
const invokeAll = (args: unknown) => async (ctx: Parameters<Parameters<typeof runner.run>[1]>[0], _item: unknown, i: number) => {
  const [tool] = await toolsOf(ctx, i);
  const shape = (tool.schema as { shape?: Record<string, unknown> }).shape;
  return { name: tool.name, keys: shape ? Object.keys(shape) : [], description: tool.description, answer: await tool.invoke(args as never) };
};

describe('HTTP Request Tool (toolHttpRequest)', () => {
  it('fills the URL placeholder and model query fields, signs with the credential and optimizes JSON', async () => {
    received.length = 0;
    const def = rootWorkflow([httpTool({
      toolDescription: 'Current weather', url: `${base}/cities/{city}`,
      authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth',
      sendQuery: true, parametersQuery: { values: [{ name: 'units', valueProvider: 'modelRequired' }, { name: 'lang', valueProvider: 'fieldValue', value: '={{ $json.lang }}' }, { name: 'days', valueProvider: 'modelOptional' }] },
      placeholderDefinitions: { values: [{ name: 'city', description: 'City name', type: 'string' }] },
      optimizeResponse: true, responseType: 'json', dataField: 'data', fieldsToInclude: 'selected', fields: 'temp,station.id',
    }, 1.1, { credentials: { httpHeaderAuth: { id: 'h', name: 'key' } } })]);
    const run = await runner.run(def, invokeAll({ city: 'São Paulo', units: 'metric' }), { items: [{ json: { lang: 'en' } }], credentials: { httpHeaderAuth: { name: 'X-Api-Key', value: 'secret-1' } } });
    expect(run.result.data.resultData.error).toBeUndefined();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'GET', headers: { 'x-api-key': 'secret-1' } });
    const url = new URL(String(received[0].url), base);
    expect(url.pathname).toBe('/cities/S%C3%A3o%20Paulo');
    expect(Object.fromEntries(url.searchParams)).toEqual({ units: 'metric', lang: 'en' });
    expect(run.out[0]).toMatchObject({ name: 'Weather', keys: ['city', 'units', 'days'], description: 'Current weather' });
    expect(JSON.parse(String(run.out[0].answer))).toEqual({ temp: 21, 'station.id': 'S1' });
    expect(run.uses('Weather')).toEqual([{ input: { query: { city: 'São Paulo', units: 'metric' } }, output: { response: run.out[0].answer } }]);
  });

  it('sends a JSON body with typed placeholders and headers by fields', async () => {
    received.length = 0;
    const def = rootWorkflow([httpTool({
      method: 'POST', url: `${base}/people`, sendHeaders: true, parametersHeaders: { values: [{ name: 'x-trace', valueProvider: 'fieldValue', value: 'run-{trace}' }] },
      sendBody: true, specifyBody: 'json', jsonBody: '{"name": "{name}", "age": {age}, "note": "hi {name}"}',
      placeholderDefinitions: { values: [{ name: 'age', type: 'number' }, { name: 'trace', type: 'string' }] },
    })]);
    const run = await runner.run(def, invokeAll({ name: 'Ada "A"', age: 36, trace: 't1' }));
    expect(received[0]).toMatchObject({ method: 'POST', url: '/people', headers: { 'x-trace': 'run-t1', 'content-type': 'application/json' } });
    expect(JSON.parse(received[0].body)).toEqual({ name: 'Ada "A"', age: 36, note: 'hi Ada "A"' });
    expect(JSON.parse(String(run.out[0].answer)).echo).toEqual({ name: 'Ada "A"', age: 36, note: 'hi Ada "A"' });
    expect(run.out[0].keys).toEqual(['trace', 'name', 'age']);
  });

  it('v1 takes its arguments as JSON text and lists them in the description; HTML is reduced to text', async () => {
    const def = rootWorkflow([httpTool({ toolDescription: 'Reads a page', url: `${base}/page/{slug}`, optimizeResponse: true, responseType: 'html', onlyContent: true, elementsToOmit: 'img' }, 1)]);
    const run = await runner.run(def, invokeAll('{"slug": "home"}'));
    expect(run.out[0].description).toMatch(/^Reads a page\n Tool expects valid stringified JSON object with 1 properties/);
    expect(JSON.parse(String(run.out[0].answer))).toEqual(['TITLE Some text']);
  });

  it('answers the model with an error status or a missing argument, recording the failed use', async () => {
    const def = rootWorkflow([httpTool({ url: `${base}/missing/{city}` })]);
    const run = await runner.run(def, async (ctx, _item, i) => {
      const [tool] = await toolsOf(ctx, i);
      return { status: await tool.invoke({ city: 'x' }), missing: await (tool as unknown as { func(a: object): Promise<string> }).func({}) };
    });
    expect(run.out[0]).toEqual({ status: 'There was an error: "404 - no such city"', missing: 'There was an error: "Missing required parameter: city"' });
    expect(run.uses('Weather').map((u) => u.error)).toEqual(['404 - no such city', 'Missing required parameter: city']);
  });

  it('refuses a placeholder in the domain when a credential is used, and an unused definition', async () => {
    const domain = await runner.run(rootWorkflow([httpTool({ url: 'http://{host}/x', authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' })]), invokeAll({}));
    expect(domain.result.data.resultData.error?.message).toBe("Can't use a placeholder for the domain when using authentication");
    const unused = await runner.run(rootWorkflow([httpTool({ url: `${base}/x`, placeholderDefinitions: { values: [{ name: 'ghost' }] } })]), invokeAll({}));
    expect(unused.result.data.resultData.error?.message).toBe("Misconfigured placeholder 'ghost'");
  });
});
