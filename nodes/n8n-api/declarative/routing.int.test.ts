// The routing engine on declarative descriptions written the way n8n documents them, against a
// local server: send (query, body, dot paths, value), collection children, preSend, postReceive
// (rootProperty, filter, sort, limit, set, binaryData), maxResults, generic and offset pagination,
// ignoreHttpStatusErrors and displayOptions choosing the operation's properties.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { N8nHttpRequestOptions, N8nNodeDescription, N8nNodeProperty } from '../n8n-types.ts';
import { executeDeclarative } from './index.ts';
import { buildFunctions, startServer, type TestServer } from './test-fixtures.ts';

const USERS = Array.from({ length: 7 }, (_, i) => ({ id: i + 1, name: `user${i + 1}`, age: 50 - i * 5, active: i % 2 === 0 }));

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    'GET /users': () => ({ json: { data: { users: USERS }, total: USERS.length } }),
    'GET /pages': (r) => {
      const page = Number(r.query.page ?? 1);
      return { json: { items: USERS.slice((page - 1) * 3, page * 3), next: page * 3 < USERS.length ? page + 1 : null } };
    },
    'GET /offset': (r) => ({ json: { rows: USERS.slice(Number(r.query.skip), Number(r.query.skip) + Number(r.query.take)) } }),
    'POST /users': (r) => ({ status: 201, json: { created: r.body, query: r.query, sig: r.headers['x-sig'] } }),
    'GET /logo': () => ({ raw: Buffer.from([0x89, 0x50, 0x4e, 0x47]), type: 'image/png' }),
    'GET /broken': () => ({ status: 500, json: { message: 'boom' } }),
    'GET /busy': () => ({ status: 429, json: { message: 'slow down' } }),
  });
});
afterAll(() => server.close());

const show = (operation: string) => ({ show: { operation: [operation] } });
const prop = (p: Partial<N8nNodeProperty> & { name: string }): N8nNodeProperty => ({ displayName: p.name, type: 'string', default: '', ...p });

function describeNode(): N8nNodeDescription {
  return {
    displayName: 'Demo', name: 'demo', group: ['transform'], version: 1, description: 'demo', defaults: { name: 'Demo' }, inputs: ['main'], outputs: ['main'],
    requestDefaults: { baseURL: server.url, url: '', headers: { Accept: 'application/json' } },
    properties: [
      prop({
        name: 'operation', type: 'options', default: 'list',
        options: [
          { name: 'List', value: 'list', routing: { request: { method: 'GET', url: '/users' }, output: { postReceive: [
            { type: 'rootProperty', properties: { property: 'data.users' } },
            { type: 'filter', properties: { pass: '={{ $responseItem.age >= $parameter.minAge }}' } },
            { type: 'sort', properties: { key: 'age' } },
          ] } } },
          { name: 'Count', value: 'count', routing: { request: { method: 'GET', url: '/users' }, output: { postReceive: [{ type: 'set', properties: { value: '={{ { "count": $response.body.total } }}' } }] } } },
          { name: 'Pages', value: 'pages', routing: {
            request: { method: 'GET', url: '/pages' },
            send: { paginate: true },
            operations: { pagination: { type: 'generic', properties: {
              continue: '={{ !!$response.body.next }}',
              request: { qs: { page: '={{ $response.body ? $response.body.next : 1 }}' } },
            } } },
            output: { postReceive: [{ type: 'rootProperty', properties: { property: 'items' } }] },
          } },
          { name: 'Offset', value: 'offset', routing: {
            request: { method: 'GET', url: '/offset' },
            send: { paginate: '={{ $parameter.returnAll }}' },
            operations: { pagination: { type: 'offset', properties: { limitParameter: 'take', offsetParameter: 'skip', pageSize: 3, rootProperty: 'rows', type: 'query' } } },
          } },
          { name: 'Create', value: 'create', routing: { request: { method: 'POST', url: '/users' } } },
          { name: 'Logo', value: 'logo', routing: { request: { method: 'GET', url: '/logo', encoding: 'arraybuffer' }, output: { postReceive: [{ type: 'binaryData', properties: { destinationProperty: 'logo' } }] } } },
          { name: 'Custom', value: 'custom', routing: {
            request: { method: 'GET', url: '/pages' },
            send: { paginate: true },
            // A package's own pagination: asks pages through this.makeRoutingRequest until one is short.
            operations: { pagination: async function (this: { makeRoutingRequest(d: unknown): Promise<{ json: Record<string, unknown> }[]> }, data: { options: { qs: Record<string, unknown> } }) {
              const all = [];
              for (let page = 1; ; page++) {
                data.options.qs.page = page;
                const items = await this.makeRoutingRequest(data);
                all.push(...items);
                if (items.length < 3) return all;
              }
            } },
            output: { postReceive: [
              { type: 'rootProperty', properties: { property: 'items' } },
              async function (items: { json: Record<string, unknown> }[], response: { statusCode: number }) {
                return items.map((i) => ({ json: { ...i.json, status: response.statusCode } }));
              },
            ] },
          } },
          { name: 'Busy', value: 'busy', routing: { request: { method: 'GET', url: '/busy' } } },
          { name: 'Broken', value: 'broken', routing: { request: { method: 'GET', url: '/broken', ignoreHttpStatusErrors: '={{ $parameter.ignore }}' } } },
        ],
      }),
      prop({ name: 'minAge', type: 'number', default: 0, displayOptions: show('list') }),
      prop({ name: 'limit', type: 'number', default: 2, displayOptions: show('list'), routing: { output: { postReceive: [{ type: 'limit', enabled: '={{ $value > 0 }}', properties: { maxResults: '={{ $value }}' } }] } } }),
      prop({ name: 'returnAll', type: 'boolean', default: false, displayOptions: show('offset') }),
      prop({ name: 'max', type: 'number', default: 5, displayOptions: { show: { operation: ['offset'], returnAll: [true] } }, routing: { output: { maxResults: '={{ $value }}' } } }),
      prop({ name: 'name', displayOptions: show('create'), routing: { send: { type: 'body', property: 'user.name' } } }),
      prop({ name: 'email', displayOptions: show('create'), routing: { send: { type: 'body', property: 'contact.email', propertyInDotNotation: false, value: '={{ $value.toLowerCase() }}' } } }),
      prop({
        name: 'extra', type: 'collection', default: {}, displayOptions: show('create'),
        options: [
          prop({ name: 'tag', routing: { send: { type: 'query', property: 'tag' } } }),
          prop({ name: 'notify', type: 'boolean', default: false, routing: { send: { type: 'query', property: 'notify', preSend: [async function sign(this: { getNodeParameter(n: string): unknown }, o: N8nHttpRequestOptions) {
            return { ...o, headers: { ...o.headers, 'X-Sig': `signed-${String(this.getNodeParameter('name'))}` } };
          }] } } }),
        ],
      }),
      prop({ name: 'hidden', default: 'never', displayOptions: { hide: { operation: ['create'] } }, routing: { send: { type: 'query', property: 'hidden' } } }),
      prop({ name: 'ignore', type: 'boolean', default: false, displayOptions: show('broken') }),
    ],
  };
}

async function run(parameters: Record<string, unknown>, items?: { json: Record<string, unknown> }[]) {
  const fns = buildFunctions({ parameters, items });
  try {
    const [out] = await executeDeclarative(fns, describeNode());
    return out;
  } finally {
    fns.dispose();
  }
}

describe('declarative routing', () => {
  it('postReceive: rootProperty, filter, sort then limit', async () => {
    const out = await run({ operation: 'list', minAge: 30, limit: 3 });
    expect(server.received.at(-1)).toMatchObject({ method: 'GET', path: '/users', query: { hidden: 'never' } });
    expect(out.map((i) => i.json.age)).toEqual([30, 35, 40]);
  });

  it('postReceive actions switched off by `enabled` do not run', async () => {
    const out = await run({ operation: 'list', minAge: 30, limit: 0 });
    expect(out.map((i) => i.json.age)).toEqual([30, 35, 40, 45, 50]);
  });

  it('postReceive set builds one item from the response', async () => {
    expect((await run({ operation: 'count' })).map((i) => i.json)).toEqual([{ count: 7 }]);
  });

  it('generic pagination follows $response until continue is false', async () => {
    const before = server.received.length;
    const out = await run({ operation: 'pages' });
    expect(server.received.slice(before).map((r) => r.query.page)).toEqual(['1', '2', '3']);
    expect(out.map((i) => i.json.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("runs a package's own pagination and postReceive functions", async () => {
    const before = server.received.length;
    const out = await run({ operation: 'custom' });
    expect(server.received.slice(before).map((r) => r.query.page)).toEqual(['1', '2', '3']);
    expect(out.map((i) => i.json)).toEqual(USERS.map((u) => ({ ...u, status: 200 })));
  });

  it('offset pagination runs only when paginate holds, and stops at maxResults', async () => {
    let before = server.received.length;
    const one = await run({ operation: 'offset', returnAll: false });
    expect(server.received.slice(before).map((r) => r.query)).toEqual([{ hidden: 'never' }]);
    expect(one).toHaveLength(1); // without pagination the body is one item
    before = server.received.length;
    const all = await run({ operation: 'offset', returnAll: true, max: 5 });
    expect(server.received.slice(before).map((r) => [r.query.skip, r.query.take])).toEqual([['0', '3'], ['3', '2']]);
    expect(all.map((i) => i.json.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('send: body with dot paths or flat names, value expressions, collection children to query, preSend', async () => {
    const out = await run({ operation: 'create', name: '={{ $json.n }}', email: 'A@B.IO', extra: { tag: 'vip', notify: true } }, [{ json: { n: 'Ann' } }]);
    const req = server.received.at(-1)!;
    expect(req.body).toEqual({ user: { name: 'Ann' }, 'contact.email': 'a@b.io' });
    expect(req.query).toEqual({ tag: 'vip', notify: 'true' });
    expect(req.headers['x-sig']).toBe('signed-Ann');
    expect(out[0].json).toMatchObject({ created: { user: { name: 'Ann' } }, sig: 'signed-Ann' });
  });

  it('postReceive binaryData keeps the raw body as binary', async () => {
    const [item] = await run({ operation: 'logo' });
    expect(item.binary?.logo).toMatchObject({ mimeType: 'image/png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64') });
  });

  it('error statuses throw unless ignoreHttpStatusErrors is set', async () => {
    await expect(run({ operation: 'broken' })).rejects.toMatchObject({ httpCode: 500, message: 'The service was not able to process your request', description: 'boom' });
    await expect(run({ operation: 'busy' })).rejects.toMatchObject({ httpCode: 429, message: "Try spacing your requests out using the batching settings under 'Options'", description: 'slow down' });
    const out = await run({ operation: 'broken', ignore: true });
    expect(out[0].json).toEqual({ message: 'boom' });
  });
});
