// Data tables over REST on a real runtime: typed columns, rows with filters, sorting and paging,
// refusals that write nothing, large inserts in a few events, a row's history, rebuilds, and
// workspace access (other workspaces see nothing, viewers only read).
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_TABLE_CATEGORY } from '../../domain/index.ts';
import { MAX_EVENT_BYTES } from '../../events/index.ts';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

let rt: TestRuntime;
const app = () => rt.app.koa.callback();
const owner = () => request(app());
const key = (r: request.Test) => r.set('X-API-KEY', TEST_OWNER.apiKey);

beforeAll(async () => { rt = await startTestRuntime(); });
afterAll(() => rt.dispose());

async function createTable(name: string) {
  const res = await key(owner().post('/api/v1/data-tables')).send({
    name, columns: [{ name: 'email', type: 'string' }, { name: 'score', type: 'number' }, { name: 'active', type: 'boolean' }, { name: 'seen', type: 'date' }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; columns: Array<{ id: string; name: string; type: string }> };
}

const streamLength = async (id: string) => (await rt.events.readStream(`${DATA_TABLE_CATEGORY}-${id}`)).length;

describe('data tables over REST', () => {
  it('creates a table with typed columns, stores rows as their types, and filters, sorts and pages them', async () => {
    const table = await createTable('People');
    expect(table.columns.map((c) => [c.name, c.type])).toEqual([['email', 'string'], ['score', 'number'], ['active', 'boolean'], ['seen', 'date']]);
    const inserted = await key(owner().post(`/api/v1/data-tables/${table.id}/rows`)).send({
      rows: [
        { email: 'a@x.io', score: 3, active: true, seen: '2026-01-02T03:04:05Z' },
        { email: 'b@x.io', score: '10', active: 'false' },
        { email: 'c@y.io', score: 7, active: true },
      ],
    });
    expect(inserted.status, JSON.stringify(inserted.body)).toBe(201);
    expect(inserted.body.data.map((r: { id: number }) => r.id)).toEqual([1, 2, 3]);
    expect(inserted.body.data[0]).toMatchObject({ id: 1, email: 'a@x.io', score: 3, active: true, seen: '2026-01-02T03:04:05.000Z' });
    expect(inserted.body.data[1]).toMatchObject({ score: 10, active: false, seen: null });

    const gt = await key(owner().get(`/api/v1/data-tables/${table.id}/rows`)).query({ filter: JSON.stringify([{ column: 'score', condition: 'gt', value: 5 }]), sortBy: 'score', sortDirection: 'desc' });
    expect(gt.status, JSON.stringify(gt.body)).toBe(200);
    expect(gt.body.data.map((r: { email: string }) => r.email)).toEqual(['b@x.io', 'c@y.io']);
    const any = await key(owner().get(`/api/v1/data-tables/${table.id}/rows`)).query({
      filter: JSON.stringify([{ column: 'email', condition: 'like', value: '%@y.io' }, { column: 'score', condition: 'eq', value: 3 }]), matchType: 'anyCondition',
    });
    expect(any.body.data.map((r: { id: number }) => r.id)).toEqual([1, 3]);
    const empty = await key(owner().get(`/api/v1/data-tables/${table.id}/rows`)).query({ filter: JSON.stringify([{ column: 'seen', condition: 'isEmpty' }]) });
    expect(empty.body.data.map((r: { id: number }) => r.id)).toEqual([2, 3]);
    const page = await key(owner().get(`/api/v1/data-tables/${table.id}/rows`)).query({ limit: 2, offset: 1 });
    expect(page.body).toMatchObject({ hasMore: false });
    expect(page.body.data.map((r: { id: number }) => r.id)).toEqual([2, 3]);
    expect((await key(owner().get(`/api/v1/data-tables/${table.id}/rows`)).query({ limit: 1 })).body.hasMore).toBe(true);

    // Renaming a column keeps the values; the list shows row counts.
    const renamed = await key(owner().patch(`/api/v1/data-tables/${table.id}/columns/${table.columns[1].id}`)).send({ name: 'points' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const row1 = await key(owner().get(`/api/v1/data-tables/${table.id}/rows`)).query({ filter: JSON.stringify([{ column: 'id', condition: 'eq', value: 1 }]) });
    expect(row1.body.data[0]).toMatchObject({ points: 3 });
    const list = await key(owner().get('/api/v1/data-tables'));
    expect(list.body.data.find((t: { id: string }) => t.id === table.id)).toMatchObject({ name: 'People', rowCount: 3 });
  });

  it('refuses bad input with a 4xx that says what is wrong, and writes nothing', async () => {
    const table = await createTable('Strict');
    const before = await streamLength(table.id);
    const wrongType = await key(owner().post(`/api/v1/data-tables/${table.id}/rows`)).send({ rows: [{ score: 1 }, { score: 'many' }] });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toMatch(/score.*number/);
    expect(wrongType.body.details[0].path).toBe('rows[1].score');
    const unknown = await key(owner().post(`/api/v1/data-tables/${table.id}/rows`)).send({ rows: [{ nope: 1 }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/no column 'nope'/);
    const missingRow = await key(owner().patch(`/api/v1/data-tables/${table.id}/rows`)).send({ changes: [{ id: 99, values: { score: 1 } }] });
    expect(missingRow.status).toBe(404);
    const badFilter = await key(owner().get(`/api/v1/data-tables/${table.id}/rows`)).query({ filter: '[{"column":"zzz","condition":"eq","value":1}]' });
    expect(badFilter.status).toBe(400);
    expect((await key(owner().get(`/api/v1/data-tables/${table.id}/rows`)).query({ filter: 'not json' })).status).toBe(400);
    expect((await key(owner().post('/api/v1/data-tables')).send({ name: 'X', columns: [{ name: 'id', type: 'string' }] })).status).toBe(400);
    expect((await key(owner().post('/api/v1/data-tables')).send({ name: 'X', columns: [{ name: 'a', type: 'json' }] })).status).toBe(400);
    expect((await key(owner().post('/api/v1/data-tables')).send({ name: 'Strict', columns: [] })).status).toBe(409);
    expect((await key(owner().post(`/api/v1/data-tables/${table.id}/columns`)).send({ name: 'email', type: 'string' })).status).toBe(409);
    expect(await streamLength(table.id)).toBe(before);
  });

  it('writes 10,000 rows as a few events, each well under 1 MiB, and they all read back', async () => {
    const table = await createTable('Bulk');
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ email: `user${i}@example.com`, score: i, active: i % 2 === 0 }));
    const res = await key(owner().post(`/api/v1/data-tables/${table.id}/rows`)).send({ rows });
    expect(res.status).toBe(201);
    expect(res.body.data).toHaveLength(10_000);
    const events = (await rt.events.readStream(`${DATA_TABLE_CATEGORY}-${table.id}`)).filter((e) => e.type === 'DataTableRowsInserted');
    expect(events.length).toBeGreaterThan(1);
    expect(events.length).toBeLessThanOrEqual(10);
    for (const e of events) expect(Buffer.byteLength(JSON.stringify(e.data))).toBeLessThan(MAX_EVENT_BYTES / 2);
    const count = await key(owner().get(`/api/v1/data-tables/${table.id}/rows`)).query({ filter: JSON.stringify([{ column: 'score', condition: 'gte', value: 9990 }]), limit: 1000 });
    expect(count.body.data).toHaveLength(10);
  }, 20_000);

  it("keeps a row's history with who and when, also after it is deleted, and rebuilds the read model from the log", async () => {
    const table = await createTable('History');
    await key(owner().post(`/api/v1/data-tables/${table.id}/rows`)).send({ rows: [{ email: 'h@x.io', score: 1 }] });
    expect((await key(owner().patch(`/api/v1/data-tables/${table.id}/rows`)).send({ changes: [{ id: 1, values: { score: 2 } }] })).status).toBe(200);
    expect((await key(owner().delete(`/api/v1/data-tables/${table.id}/rows`)).query({ ids: '1' })).status).toBe(204);
    const history = await key(owner().get(`/api/v1/data-tables/${table.id}/rows/1/history`));
    expect(history.status, JSON.stringify(history.body)).toBe(200);
    expect(history.body.data.map((h: { type: string }) => h.type)).toEqual(['inserted', 'updated', 'deleted']);
    expect(history.body.data[1]).toMatchObject({ values: { score: 2 }, actor: { kind: 'apiKey' } });
    expect(typeof history.body.data[0].at).toBe('string');
    expect((await key(owner().get(`/api/v1/data-tables/${table.id}/rows/2/history`))).status).toBe(404);

    const rebuilt = await key(owner().post('/api/v1/admin/projections/dataTables/rebuild'));
    expect(rebuilt.status, JSON.stringify(rebuilt.body)).toBeLessThan(300);
    await rt.projections.dataTables.waitFor(await rt.events.headPosition(), 10_000);
    const after = await key(owner().get(`/api/v1/data-tables/${table.id}`));
    expect(after.body).toMatchObject({ name: 'History', rowCount: 0 });
  });

  it('lets a viewer read but not write, and hides a table from other workspaces', async () => {
    const table = await createTable('Shared view');
    const session = request.agent(app());
    await session.post('/api/v1/auth/signin').send({ email: TEST_OWNER.email, password: TEST_OWNER.password });
    const other = await session.post('/api/v1/workspaces').send({ name: 'Other' });
    expect(other.status).toBe(201);
    // The owner acting in another workspace does not see this one's tables there.
    const listed = await session.get('/api/v1/data-tables').set('X-Workspace-Id', other.body.id);
    expect(listed.body.data).toEqual([]);
    const inv = await session.post('/api/v1/invitations').set('X-Workspace-Id', other.body.id).send({ email: 'viewer@example.com', role: 'viewer' });
    const accepted = await request(app()).post('/api/v1/invitations/accept').send({ token: inv.body.token, name: 'Viewer', password: 'viewer-password-123' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const viewer = request.agent(app());
    await viewer.post('/api/v1/auth/signin').send({ email: 'viewer@example.com', password: 'viewer-password-123' });
    expect((await viewer.get(`/api/v1/data-tables/${table.id}`)).status).toBe(404);
    expect((await viewer.get(`/api/v1/data-tables/${table.id}/rows`)).status).toBe(404);
    const own = await session.post('/api/v1/data-tables').set('X-Workspace-Id', other.body.id).send({ name: 'Theirs', columns: [{ name: 'a', type: 'string' }] });
    expect(own.status).toBe(201);
    expect((await viewer.get(`/api/v1/data-tables/${own.body.id}/rows`)).status).toBe(200);
    const write = await viewer.post(`/api/v1/data-tables/${own.body.id}/rows`).send({ rows: [{ a: 'x' }] });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('forbidden');
  });
});
