// The Data Table node in real runs: an n8n-shaped workflow export imports and runs, inserting,
// getting with a filter, updating, upserting and deleting rows; the table is then checked over
// REST, and each change is attributed to whoever started the run.
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

let rt: TestRuntime;
const key = (r: request.Test) => r.set('X-API-KEY', TEST_OWNER.apiKey);
const api = () => request(rt.app.koa.callback());
const fixture = JSON.parse(readFileSync(new URL('../../nodes/data-table/data-table-orders.n8n.json', import.meta.url), 'utf8')) as Record<string, unknown>;

beforeAll(async () => { rt = await startTestRuntime(); });
afterAll(() => rt.dispose());

type RunBody = { status: string; data: { resultData: { runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> } } };
const outputOf = (run: RunBody, node: string) => (run.data.resultData.runData[node][0].data?.main[0] ?? []).map((i) => i.json);

async function runWorkflow(id: string): Promise<RunBody> {
  const res = await key(api().post(`/api/v1/workflows/${id}/run`)).query({ wait: 'true' }).send({});
  expect(res.status, res.text).toBe(201);
  return JSON.parse(res.text) as RunBody;
}

describe('Data Table node', () => {
  it('imports an n8n export and runs insert, get with a filter, update, upsert and delete', async () => {
    const table = await key(api().post('/api/v1/data-tables')).send({ name: 'orders', columns: [{ name: 'sku', type: 'string' }, { name: 'qty', type: 'number' }, { name: 'paid', type: 'boolean' }] });
    expect(table.status, JSON.stringify(table.body)).toBe(201);
    const imported = await key(api().post('/api/v1/workflows/import')).send(fixture);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const run = await runWorkflow(imported.body.imported[0].id);
    expect(run.status, JSON.stringify(run).slice(0, 2000)).toBe('success');

    expect(outputOf(run, 'Insert rows').map((r) => [r.id, r.sku])).toEqual([[1, 'A-1'], [2, 'B-2'], [3, 'C-3']]);
    expect(outputOf(run, 'Get big orders').map((r) => r.sku)).toEqual(['B-2', 'C-3']);
    expect(outputOf(run, 'Mark paid').map((r) => [r.sku, r.paid])).toEqual([['B-2', true], ['C-3', true]]);
    expect(outputOf(run, 'Upsert D-4')).toMatchObject([{ id: 4, sku: 'D-4', qty: 2, paid: false }]);
    expect(outputOf(run, 'Delete A-1')).toMatchObject([{ id: 1, sku: 'A-1' }]);

    const rows = await key(api().get(`/api/v1/data-tables/${table.body.id}/rows`));
    expect(rows.body.data.map((r: Record<string, unknown>) => [r.id, r.sku, r.qty, r.paid])).toEqual([[2, 'B-2', 5, true], [3, 'C-3', 9, true], [4, 'D-4', 2, false]]);

    // Run again: the upsert now updates D-4 instead of inserting it.
    const again = await runWorkflow(imported.body.imported[0].id);
    expect(again.status).toBe('success');
    expect(outputOf(again, 'Upsert D-4')).toMatchObject([{ id: 4, sku: 'D-4' }]);
    const history = await key(api().get(`/api/v1/data-tables/${table.body.id}/rows/4/history`));
    expect(history.body.data.map((h: { type: string }) => h.type)).toEqual(['inserted', 'updated']);
    expect(history.body.data[0].actor.kind).toBe('apiKey');

    // The editor's "From list" mode lists the workspace's tables.
    const listed = await key(api().post('/api/v1/node-types/methods')).send({ nodeType: 'n8n-nodes-base.dataTable', typeVersion: 1, kind: 'listSearch', method: 'tableSearch', filter: 'ord' });
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect(listed.body.results).toEqual([{ name: 'orders', value: table.body.id }]);
  });

  it('passes items on by whether a row exists, and fails clearly on an unknown table or a value of the wrong type', async () => {
    await key(api().post('/api/v1/data-tables')).send({ name: 'seen', columns: [{ name: 'email', type: 'string' }, { name: 'n', type: 'number' }] });
    const node = (name: string, parameters: Record<string, unknown>, x: number) => ({ id: name, name, type: 'n8n-nodes-base.dataTable', typeVersion: 1, position: [x, 0], parameters });
    const locator = (value: string) => ({ __rl: true, mode: 'name', value });
    const byEmail = { filters: { conditions: [{ keyName: 'email', condition: 'eq', keyValue: '={{ $json.email }}' }] } };
    const workflow = {
      name: 'Exists', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'c', name: 'Emails', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: "return [{json:{email:'x@a.io'}},{json:{email:'y@a.io'}}];" } },
        node('Remember x', { dataTableId: locator('seen'), columns: { mappingMode: 'defineBelow', value: { email: 'x@a.io', n: 1 } } }, 400),
        node('Known', { operation: 'rowExists', dataTableId: locator('seen'), ...byEmail }, 600),
        node('New', { operation: 'rowNotExists', dataTableId: locator('seen'), ...byEmail }, 600),
      ],
      connections: {
        Start: { main: [[{ node: 'Emails', type: 'main', index: 0 }]] },
        Emails: { main: [[{ node: 'Remember x', type: 'main', index: 0 }, { node: 'Known', type: 'main', index: 0 }, { node: 'New', type: 'main', index: 0 }]] },
      },
    };
    // Remember x runs once per item; only the first matters for the lookups that follow.
    const created = await key(api().post('/api/v1/workflows')).send(workflow);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const run = await runWorkflow(created.body.id);
    expect(run.status, JSON.stringify(run).slice(0, 2000)).toBe('success');
    expect(outputOf(run, 'Known')).toEqual([{ email: 'x@a.io' }]);
    expect(outputOf(run, 'New')).toEqual([{ email: 'y@a.io' }]);

    const broken = {
      name: 'Broken', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        node('Bad value', { dataTableId: locator('seen'), columns: { mappingMode: 'defineBelow', value: { n: 'lots' } } }, 200),
        { ...node('No table', { dataTableId: locator('missing') }, 100), onError: 'continueRegularOutput' },
      ],
      connections: { Start: { main: [[{ node: 'Bad value', type: 'main', index: 0 }, { node: 'No table', type: 'main', index: 0 }]] } },
    };
    const bad = await key(api().post('/api/v1/workflows')).send(broken);
    const failed = await runWorkflow(bad.body.id);
    expect(failed.status).toBe('error');
    expect(outputOf(failed, 'No table')).toEqual([{ error: "No data table named 'missing' in this workspace" }]);
    expect(JSON.stringify(failed)).toMatch(/Column 'n' holds number values/);
  });

  it('creates, lists, renames and deletes tables (the table resource)', async () => {
    const node = (name: string, parameters: Record<string, unknown>, x: number) => ({ id: name, name, type: 'n8n-nodes-base.dataTable', typeVersion: 1, position: [x, 0], parameters: { resource: 'table', ...parameters } });
    const workflow = {
      name: 'Tables', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        node('Create', { operation: 'create', tableName: 'made', columns: { column: [{ name: 'title', type: 'string' }, { name: 'done', type: 'boolean' }] } }, 200),
        node('Create again', { operation: 'create', tableName: 'made', columns: { column: [{ name: 'other', type: 'number' }] } }, 400),
        node('Rename', { operation: 'update', dataTableId: { __rl: true, mode: 'name', value: 'made' }, newName: 'made later' }, 600),
        node('List', { operation: 'list', options: { filterName: 'made' } }, 800),
        node('Delete', { operation: 'delete', dataTableId: { __rl: true, mode: 'name', value: 'made later' } }, 1000),
      ],
      connections: {
        Start: { main: [[{ node: 'Create', type: 'main', index: 0 }]] },
        Create: { main: [[{ node: 'Create again', type: 'main', index: 0 }]] },
        'Create again': { main: [[{ node: 'Rename', type: 'main', index: 0 }]] },
        Rename: { main: [[{ node: 'List', type: 'main', index: 0 }]] },
        List: { main: [[{ node: 'Delete', type: 'main', index: 0 }]] },
      },
    };
    const created = await key(api().post('/api/v1/workflows')).send(workflow);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const run = await runWorkflow(created.body.id);
    expect(run.status, JSON.stringify(run).slice(0, 2000)).toBe('success');
    const made = outputOf(run, 'Create')[0];
    expect(made).toMatchObject({ name: 'made', columns: [{ name: 'title', type: 'string' }, { name: 'done', type: 'boolean' }] });
    // "Reuse Existing Tables" is on by default: the second create answers the same table.
    expect(outputOf(run, 'Create again')[0].id).toBe(made.id);
    expect(outputOf(run, 'List').map((t) => t.name)).toEqual(['made later']);
    expect(outputOf(run, 'Delete')).toEqual([{ success: true, deletedTableId: made.id }]);
    expect((await key(api().get(`/api/v1/data-tables/${String(made.id)}`))).status).toBe(404);
  });
});
