// A known secret never appears in the event store, the read models, the vault, the logs or any
// API response: after create, update, use and delete. Deleting shreds the data key.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { startRuntime, type Runtime } from '../runtime.ts';
import { TEST_OWNER } from '../test-support.ts';
import { filesContaining } from './files-containing.ts';

const SECRET = 'Sup3r-S3cret-Val\u00fce-7f1c9a';
const SECRET_2 = 'An0ther-S3cret-b2e8d4';
const dir = mkdtempSync(path.join(tmpdir(), 'weft-secrets-'));
const logFile = path.join(dir, 'server.log');
let rt: Runtime;
const responses: string[] = [];

beforeAll(async () => {
  const config = loadConfig({
    DATA_DIR: path.join(dir, 'data'), OWNER_EMAIL: TEST_OWNER.email, OWNER_PASSWORD: TEST_OWNER.password, OWNER_API_KEY: TEST_OWNER.apiKey,
  });
  // Everything the server logs, at the most verbose level, goes to a file we search afterwards.
  rt = await startRuntime(config, pino({ level: 'trace' }, pino.destination({ dest: logFile, sync: true })));
});
afterAll(async () => {
  await rt.close();
  rmSync(dir, { recursive: true, force: true });
});

function api() {
  const agent = request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
  const record = (res: request.Response) => {
    responses.push(res.text ?? JSON.stringify(res.body), JSON.stringify(res.headers));
    return res;
  };
  return {
    post: (p: string, body: object) => agent.post(p).send(body).then(record),
    patch: (p: string, body: object) => agent.patch(p).send(body).then(record),
    get: (p: string) => agent.get(p).then(record),
    delete: (p: string) => agent.delete(p).then(record),
  };
}

describe('credential secrets', () => {
  it('never appear in stored files, logs or responses, through create, update, use and delete', async () => {
    const client = api();
    const created = await client.post('/api/v1/credentials', { name: 'Billing DB', type: 'postgres', data: { host: '127.0.0.1', database: 'test', user: 'postgres', password: SECRET } });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;
    expect(created.body.data.password).toBe('__weft_redacted__');
    expect(created.body.data.host).toBe('127.0.0.1');

    // Sending the redacted view back keeps the secret; a test proves it still works.
    const renamed = await client.patch(`/api/v1/credentials/${id}`, { name: 'Billing', data: created.body.data });
    expect(renamed.status, renamed.text).toBe(200);
    const tested = await client.post(`/api/v1/credentials/${id}/test`, {});
    expect(tested.body).toMatchObject({ status: 'OK' });

    // A run receives the plaintext through the service, and the use is recorded.
    const plain = await rt.credentials.useInRun(id, 'default', { executionId: 'exec-1' }, { actor: { kind: 'system', id: 'engine' }, requestId: crypto.randomUUID() });
    expect(plain.password).toBe(SECRET);

    const changed = await client.patch(`/api/v1/credentials/${id}`, { data: { ...created.body.data, password: SECRET_2 } });
    expect(changed.body.data.password).toBe('__weft_redacted__');
    expect((await client.get(`/api/v1/credentials/${id}`)).body.data.password).toBe('__weft_redacted__');
    expect((await client.get('/api/v1/credentials')).body.data.map((c: { id: string }) => c.id)).toContain(id);

    await rt.projections.audit.waitFor(await rt.events.headPosition());
    const audit = await client.get(`/api/v1/audit?resource=credential-${id}`);
    expect(audit.body.data.map((e: { type: string }) => e.type)).toEqual(['CredentialUpdated', 'CredentialUsed', 'CredentialUpdated', 'CredentialCreated']);

    const wrappedKey = (await rt.vault.collection<{ id: string; wrapped: string }>('credential_keys').get(id))!.wrapped;
    expect((await client.delete(`/api/v1/credentials/${id}`)).status).toBe(204);
    expect((await client.get(`/api/v1/credentials/${id}`)).status).toBe(404);

    // Crypto-shredding: the sealed data is still in the log, but no copy of its key remains.
    const created_ = (await rt.events.readStream(`credential-${id}`))[0];
    expect(JSON.stringify(created_.data)).toMatch(/sealed/);
    expect(await rt.vault.collection('credential_keys').get(id)).toBeUndefined();
    await expect(rt.credentials.useInRun(id, 'default', {}, { actor: { kind: 'system', id: 'engine' }, requestId: crypto.randomUUID() })).rejects.toThrow(/not found/);
    expect(filesContaining(dir, wrappedKey)).toEqual([]);

    for (const secret of [SECRET, SECRET_2]) {
      expect(filesContaining(dir, secret), `files holding ${secret}`).toEqual([]);
      expect(responses.some((r) => r.includes(secret))).toBe(false);
    }
    expect(readFileSync(logFile, 'utf8').length).toBeGreaterThan(0);
  });

  it('rejects unknown types and fields, and a placeholder with nothing stored behind it', async () => {
    const client = api();
    const head = await rt.events.headPosition();
    expect((await client.post('/api/v1/credentials', { name: 'x', type: 'nope', data: {} })).status).toBe(400);
    const extra = await client.post('/api/v1/credentials', { name: 'x', type: 'httpBasicAuth', data: { user: 'a', password: 'b', sneaky: 1 } });
    expect(extra.status).toBe(400);
    expect(extra.body.details[0].path).toBe('sneaky');
    expect((await client.post('/api/v1/credentials', { name: 'x', type: 'httpBasicAuth', data: { user: 'a', password: '__weft_redacted__' } })).status).toBe(400);
    expect(await rt.events.headPosition()).toBe(head);
  });

  it('describes every credential type with its secret fields', async () => {
    const types = (await api().get('/api/v1/credential-types')).body.data as { name: string; fields: { name: string; secret?: boolean }[] }[];
    const names = types.map((t) => t.name);
    for (const t of ['httpHeaderAuth', 'httpBasicAuth', 'httpQueryAuth', 'httpBearerAuth', 'oAuth2Api', 'postgres', 'mySql', 'redis', 'smtp']) expect(names).toContain(t);
    expect(types.find((t) => t.name === 'postgres')!.fields.find((f) => f.name === 'password')!.secret).toBe(true);
  });
});
