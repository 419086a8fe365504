// Property-based fuzzing of every operation in the OpenAPI document (issue 22): malformed JSON,
// wrong types, deep nesting, huge strings, prototype keys, invalid UTF-8 and odd queries. No
// answer is a 5xx, every refusal is a JSON error, and a refused request writes nothing.
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleWorkflow, startTestRuntime, TEST_OWNER, type TestRuntime } from './test-support.ts';

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  hasBody: boolean;
  query: string[];
}

const BODY_LIMIT = 256 * 1024;
let rt: TestRuntime;
let operations: Operation[] = [];
/** Real ids by the collection a path parameter names, so that fuzzed requests also reach handlers. */
const real: Record<string, string> = {};

const call = () => request(rt.app.koa.callback());

function operationsOf(openapi: { paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { in: string; name: string }[] }>> }): Operation[] {
  return Object.entries(openapi.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({
    method: method as Operation['method'],
    path,
    hasBody: op.requestBody !== undefined,
    query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
  })));
}

/** A path parameter: the real id of what the path names (half the time), or anything. */
function pathValue(path: string, name: string): fc.Arbitrary<string> {
  const collection = name === 'id' ? /\/api\/v1\/([a-z-]+)\/\{id\}/.exec(path)?.[1] ?? '' : name;
  const known = real[collection];
  const fuzz = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('..', '%00', '__proto__', 'constructor', '0', '-1', 'x'.repeat(300)));
  return known ? fc.oneof(fc.constant(known), fuzz) : fuzz;
}

const deepText = fc.integer({ min: 101, max: 20_000 }).chain((depth) => fc.constantFrom(
  `${'['.repeat(depth)}${']'.repeat(depth)}`,
  `{"name":"n","nodes":[],"x":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
));
const prototypeKeys = fc.constantFrom(
  '{"__proto__":{"polluted":true},"name":"p"}',
  '{"constructor":{"prototype":{"polluted":true}},"name":"p"}',
  JSON.stringify({ ...sampleWorkflow('Proto'), nodes: [{ ...sampleWorkflow().nodes[1], parameters: JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') }] }),
  '{"name":"p","settings":{"__proto__":{"polluted":true}},"data":{"__proto__":{"polluted":true}}}',
);
const invalidUtf8 = fc.uint8Array({ minLength: 1, maxLength: 8 }).map((bytes) =>
  Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, ...bytes, 0xc0]), Buffer.from('"}')]));
const hugeString = fc.integer({ min: 10_000, max: 2 * BODY_LIMIT }).map((n) => JSON.stringify({ name: 'x'.repeat(n), data: { value: 'y'.repeat(n) } }));

/** Bodies as raw bytes with the content type they are sent with. */
const bodies: fc.Arbitrary<{ bytes: Buffer; type: string }> = fc.oneof(
  fc.string({ maxLength: 200 }).map((s) => ({ bytes: Buffer.from(s), type: 'application/json' })),
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({ bytes: Buffer.from(JSON.stringify(v) ?? 'null'), type: 'application/json' })),
  deepText.map((s) => ({ bytes: Buffer.from(s), type: 'application/json' })),
  hugeString.map((s) => ({ bytes: Buffer.from(s), type: 'application/json' })),
  prototypeKeys.map((s) => ({ bytes: Buffer.from(s), type: 'application/json' })),
  invalidUtf8.map((bytes) => ({ bytes, type: 'application/json' })),
  fc.string({ maxLength: 50 }).map((s) => ({ bytes: Buffer.from(s), type: 'text/plain' })),
);

const queryValue = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('-1', '1e309', 'NaN', 'true', '[]', '{}', '2026-13-45', '9'.repeat(40)));

beforeAll(async () => {
  rt = await startTestRuntime({ JSON_BODY_LIMIT_BYTES: String(BODY_LIMIT), LOG_LEVEL: 'silent' });
  const agent = request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
  const api = () => agent;
  operations = operationsOf((await call().get('/api/v1/openapi.json')).body);
  const workflow = await api().post('/api/v1/workflows').send(sampleWorkflow('Fuzzed'));
  real.workflows = workflow.body.id;
  const run = await api().post(`/api/v1/workflows/${real.workflows}/run?wait=true`).send({});
  real.executions = run.body.id;
  real.credentials = (await api().post('/api/v1/credentials').send({ name: 'Fuzz', type: 'httpHeaderAuth', data: { name: 'X-A', value: 'b' } })).body.id;
  real.variables = (await api().post('/api/v1/variables').send({ key: 'fuzz', value: 'v' })).body.id;
  const me = (await api().get('/api/v1/me')).body;
  real.users = me.id;
  real.userId = me.id;
  real.workspaces = me.workspaces?.[0]?.workspaceId ?? me.workspaces?.[0]?.id;
  real.workspaceId = real.workspaces;
  real.name = 'workflows';
  real.type = 'httpHeaderAuth';
  for (const [k, v] of Object.entries(real)) expect(v, k).toEqual(expect.any(String));
});
afterAll(() => rt?.dispose());

describe('fuzzing every API operation', () => {
  it('finds every operation in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(60);
  });

  it('answers every fuzzed request without a 5xx, refuses with JSON errors, and writes nothing when it refuses', async () => {
    const seen = new Map<string, Set<number>>();
    for (const op of operations) {
      const params = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const input = fc.record({
        params: fc.tuple(...params.map((p) => pathValue(op.path, p))),
        body: op.hasBody || op.method !== 'get' ? fc.option(bodies, { nil: undefined }) : fc.constant(undefined),
        query: fc.dictionary(fc.constantFrom(...op.query, 'unknown', '__proto__'), queryValue, { maxKeys: 3 }),
        ifMatch: fc.option(fc.constantFrom('"0"', '"abc"', '*', 'W/"1"', '"-1"'), { nil: undefined }),
      });
      await fc.assert(fc.asyncProperty(input, async ({ params: values, body, query, ifMatch }) => {
        let url = op.path;
        params.forEach((name, i) => (url = url.replace(`{${name}}`, encodeURIComponent(values[i]))));
        const before = await rt.events.headPosition();
        let req = call()[op.method](url).query(query).set('X-API-KEY', TEST_OWNER.apiKey);
        if (ifMatch) req = req.set('If-Match', ifMatch);
        if (body) req = req.set('Content-Type', body.type).send(body.bytes);
        const res = await req;
        const label = `${op.method.toUpperCase()} ${url} ${body ? `${body.type} ${body.bytes.subarray(0, 80).toString('latin1')}` : ''} → ${res.status} ${res.text.slice(0, 200)}`;
        (seen.get(`${op.method} ${op.path}`) ?? seen.set(`${op.method} ${op.path}`, new Set()).get(`${op.method} ${op.path}`)!).add(res.status);
        expect(res.status, label).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers['content-type'], label).toMatch(/application\/json/);
          expect(res.body, label).toMatchObject({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
          expect(await rt.events.headPosition(), `refused but wrote: ${label}`).toBe(before);
        }
      }), { numRuns: 8, seed: 22, endOnFailure: true });
    }
    // The fuzzing reached the handlers: many operations answered something other than a refusal.
    expect([...seen.values()].filter((statuses) => [...statuses].some((s) => s < 400)).length).toBeGreaterThan(20);
    // Nothing reached Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The instance still serves, and the real workflow is intact or properly gone.
    const list = await call().get('/api/v1/workflows').set('X-API-KEY', TEST_OWNER.apiKey);
    expect(list.status).toBe(200);
  }, 180_000);
});
