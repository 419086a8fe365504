// The ClickUp node, its editor lists and its credential test against a local stand-in of ClickUp's
// API v2 (click-up-stand-in.ts, written from ClickUp's documentation).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { runNodeMethod } from '../node-methods.ts';
import { testClickUpApiCredential } from './click-up-credential-test.ts';
import { GOOD_TOKEN, startClickUpStandIn, type ClickUpStandIn } from './click-up-stand-in.ts';
import { clickUpNode } from './click-up.node.ts';

let clickUp: ClickUpStandIn;
const saved = process.env.WEFT_CLICKUP_API_URL;
const credentials = { clickUpApi: { accessToken: GOOD_TOKEN } };
beforeAll(async () => {
  clickUp = await startClickUpStandIn();
  process.env.WEFT_CLICKUP_API_URL = clickUp.url;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_CLICKUP_API_URL;
  else process.env.WEFT_CLICKUP_API_URL = saved;
  await clickUp.close();
});
beforeEach(() => { clickUp.seen.length = 0; });

const node = (parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'ClickUp', type: 'n8n-nodes-base.clickUp', typeVersion: 1, parameters, continueOnFail,
  credentials: { clickUpApi: { id: '1', name: 'ClickUp account' }, clickUpOAuth2Api: { id: '2', name: 'ClickUp OAuth2' } },
});
const run = (parameters: Record<string, unknown>, creds: Record<string, Record<string, unknown>> = credentials) =>
  runChain([node(parameters)], { items: [{ json: {} }], credentials: creds });

describe('ClickUp tasks', () => {
  it('creates a task (the defaults) in the list with n8n’s body: dates as epoch ms, time estimate ×6000, token without Bearer', async () => {
    const result = await run({ team: '9', space: 's1', folder: 'f1', list: 'l1', name: 'Write docs',
      additionalFields: { content: 'Body', assignees: ['42'], priority: 2, dueDate: '2026-12-24T00:00:00.000Z', timeEstimate: 10, tags: ['docs'] } });
    const body = { name: 'Write docs', content: 'Body', assignees: ['42'], tags: ['docs'], priority: 2, due_date: Date.parse('2026-12-24T00:00:00.000Z'), time_estimate: 60000 };
    expect(outputOf(result, 'ClickUp')[0].json).toEqual({ id: 'new1', ...body, list: { id: 'l1' } });
    expect(clickUp.seen[0]).toMatchObject({ method: 'POST', path: '/list/l1/task', authorization: GOOD_TOKEN, body });
  });

  it('update sends assignees add/rem; get; delete outputs success; OAuth2 token goes as is', async () => {
    await run({ operation: 'update', id: 't1', updateFields: { name: 'Renamed', addAssignees: '1,2', status: 'done' } });
    expect(clickUp.seen[0]).toMatchObject({ method: 'PUT', path: '/task/t1', body: { assignees: { add: [1, 2], rem: [] }, name: 'Renamed', status: 'done' } });
    const got = await run({ authentication: 'oAuth2', operation: 'get', id: 't5' }, { clickUpOAuth2Api: { oauthTokenData: { access_token: GOOD_TOKEN } } });
    expect(outputOf(got, 'ClickUp')[0].json.id).toBe('t5');
    expect(clickUp.seen[1].authorization).toBe(GOOD_TOKEN);
    expect(outputOf(await run({ operation: 'delete', id: 't1' }), 'ClickUp')[0].json).toEqual({ success: true });
  });

  it('getAll pages from 0 until an empty page with Return All; a limit stops early; filters go in the query', async () => {
    const all = await run({ operation: 'getAll', list: 'l1', returnAll: true, filters: { statuses: ['to do', 'done'], includeClosed: true } });
    expect(outputOf(all, 'ClickUp')).toHaveLength(130);
    expect(clickUp.seen.map((r) => r.query.page)).toEqual(['0', '1', '2']);
    expect(clickUp.seen[0].query).toMatchObject({ 'statuses[]': ['to do', 'done'], include_closed: 'true' });
    clickUp.seen.length = 0;
    const some = await run({ operation: 'getAll', list: 'l1', limit: 5 });
    expect(outputOf(some, 'ClickUp')).toHaveLength(5);
    expect(clickUp.seen).toHaveLength(1);
  });

  it('members, setCustomField (numbers parsed, JSON when asked)', async () => {
    const members = await run({ operation: 'member', id: 't1', limit: 1 });
    expect(outputOf(members, 'ClickUp').map((i) => i.json)).toEqual([{ id: 42, username: 'ann' }]);
    await run({ operation: 'setCustomField', task: 't1', field: 'f-1', value: '12' });
    expect(clickUp.seen[1]).toMatchObject({ method: 'POST', path: '/task/t1/field/f-1', body: { value: 12 } });
    await run({ operation: 'setCustomField', task: 't1', field: 'f-1', jsonParse: true, value: '{"add":["x"]}' });
    expect(clickUp.seen[2].body).toEqual({ value: { add: ['x'] } });
  });

  it('ClickUp’s `err` is said in the node error; continue on fail; a 429 is waited out', async () => {
    const missing = await run({ operation: 'get', id: 'missing' });
    expect(missing.data.resultData.error?.message).toBe('The resource you are requesting could not be found: Task not found, deleted (ITEM_013)');
    const bad = await run({ operation: 'get', id: 't1' }, { clickUpApi: { accessToken: 'nope' } });
    expect(bad.data.resultData.error?.message).toBe('Authorization failed - please check your credentials: Token invalid (OAUTH_025)');
    const kept = await runChain([node({ operation: 'get', id: '={{ $json.id }}' }, true)], { items: [{ json: { id: 'missing' } }, { json: { id: 't2' } }], credentials });
    expect(outputOf(kept, 'ClickUp').map((i) => i.json.error ?? i.json.id)).toEqual(['The resource you are requesting could not be found: Task not found, deleted (ITEM_013)', 't2']);
    clickUp.rateLimitOnce('/task/t3', 0);
    expect(outputOf(await run({ operation: 'get', id: 't3' }), 'ClickUp')[0].json.id).toBe('t3');
  });
});

describe('ClickUp comments, folders, checklists, editor lists', () => {
  it('comment create/getAll/update/delete, folder create/getAll, checklist create', async () => {
    await run({ resource: 'comment', commentOn: 'task', id: 't1', commentText: 'Hi', additionalFields: { assignee: '42', notifyAll: true } });
    expect(clickUp.seen[0]).toMatchObject({ method: 'POST', path: '/task/t1/comment', body: { comment_text: 'Hi', assignee: 42, notify_all: true } });
    const comments = await run({ resource: 'comment', operation: 'getAll', commentsOn: 'list', id: 'l1', limit: 2 });
    expect(outputOf(comments, 'ClickUp')).toHaveLength(2);
    expect(outputOf(await run({ resource: 'comment', operation: 'update', comment: 'c1', updateFields: { resolved: true } }), 'ClickUp')[0].json).toEqual({ success: true });
    await run({ resource: 'comment', operation: 'delete', comment: 'c1' });
    await run({ resource: 'folder', operation: 'create', space: 's1', name: 'New' });
    const folders = await run({ resource: 'folder', operation: 'getAll', space: 's1', limit: 1 });
    expect(outputOf(folders, 'ClickUp').map((i) => i.json)).toEqual([{ id: 'f1', name: 'Sprints' }]);
    const checklist = await run({ resource: 'checklist', task: 't1', name: 'Steps' });
    expect(outputOf(checklist, 'ClickUp')[0].json).toEqual({ id: 'cl1', task_id: 't1', name: 'Steps', items: [] });
    expect(clickUp.seen.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /task/t1/comment', 'GET /list/l1/comment', 'PUT /comment/c1', 'DELETE /comment/c1',
      'POST /space/s1/folder', 'GET /space/s1/folder', 'POST /task/t1/checklist']);
  });

  it('lists (folderless or in a folder), task tags, task lists, dependencies and checklist items', async () => {
    await run({ resource: 'list', operation: 'create', space: 's1', folderless: true, name: 'Loose', additionalFields: { priority: 1, assignee: '42' } });
    expect(clickUp.seen[0]).toMatchObject({ method: 'POST', path: '/space/s1/list', body: { name: 'Loose', priority: 1, assignee: 42 } });
    const lists = await run({ resource: 'list', operation: 'getAll', folder: 'f1', limit: 1 });
    expect(outputOf(lists, 'ClickUp').map((i) => i.json)).toEqual([{ id: 'l1', name: 'Sprint 1' }]);
    const fields = await run({ resource: 'list', list: 'l1' });
    expect(outputOf(fields, 'ClickUp')[0].json).toEqual({ id: 'cf1', name: 'Effort', type: 'number' });
    await run({ resource: 'list', operation: 'update', list: 'l1', updateFields: { name: 'Sprint 2', unsetStatus: true } });
    expect(clickUp.seen[3]).toMatchObject({ method: 'PUT', path: '/list/l1', body: { name: 'Sprint 2', unset_status: true } });
    await run({ resource: 'taskTag', taskId: 't1', tagName: 'needs review', additionalFields: { team_id: '9' } });
    expect(clickUp.seen[4]).toMatchObject({ method: 'POST', path: '/task/t1/tag/needs%20review', query: { team_id: '9' } });
    await run({ resource: 'taskList', operation: 'remove', taskId: 't1', listId: 'l2' });
    await run({ resource: 'taskDependency', operation: 'delete', task: 't1', dependsOnTask: 't2' });
    expect(clickUp.seen[6]).toMatchObject({ method: 'DELETE', path: '/task/t1/dependency', query: { depends_on: 't2' } });
    const item = await run({ resource: 'checklistItem', checklist: 'cl1', name: 'Step', additionalFields: { assignee: '42' } });
    expect(outputOf(item, 'ClickUp')[0].json).toEqual({ id: 'cl1', items: [{ id: 'ci1', name: 'Step', assignee: 42 }] });
    expect(clickUp.seen.map((r) => `${r.method} ${r.path}`).slice(5)).toEqual(['DELETE /list/l2/task/t1', 'DELETE /task/t1/dependency', 'POST /checklist/cl1/checklist_item']);
  });

  it('loadOptions walk team → space → folder → list and read statuses and assignees of the list', async () => {
    const call = (method: string, currentNodeParameters: Record<string, unknown>) => runNodeMethod({ nodeType: clickUpNode, typeVersion: 1, kind: 'loadOptions', method,
      currentNodeParameters: { resource: 'task', operation: 'create', ...currentNodeParameters }, credentials: { clickUpApi: { id: '1', name: 'cu' } } },
    { getCredentials: async () => ({ accessToken: GOOD_TOKEN }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
    expect(await call('getTeams', {})).toEqual({ options: [{ name: 'Acme', value: '9' }] });
    expect(await call('getSpaces', { team: '9' })).toEqual({ options: [{ name: 'Engineering', value: 's1' }] });
    expect(await call('getLists', { folder: 'f1' })).toEqual({ options: [{ name: 'Sprint 1', value: 'l1' }] });
    expect(await call('getStatuses', { list: 'l1' })).toEqual({ options: [{ name: 'to do', value: 'to do' }, { name: 'done', value: 'done' }] });
    expect(await call('getAssignees', { list: 'l1' })).toEqual({ options: [{ name: 'ann', value: '42' }] });
    expect(clickUp.seen.map((r) => r.path)).toEqual(['/team', '/team/9/space', '/folder/f1/list', '/list/l1', '/list/l1/member']);
  });

  it('the credential test reads /user', async () => {
    await expect(testClickUpApiCredential({ accessToken: GOOD_TOKEN }, 5000)).resolves.toBe('Connection tested successfully');
    await expect(testClickUpApiCredential({ accessToken: 'bad' }, 5000)).rejects.toThrow('ClickUp answered 401: Token invalid');
  });
});

describe('ClickUp time entries', () => {
  const entry = (parameters: Record<string, unknown>) => runChain([node({ resource: 'timeEntry', team: '9', ...parameters })], { items: [{ json: {} }], credentials });
  it('creates one from the start (in the workflow time zone) and minutes, with tags as ClickUp objects; starts and stops the timer', async () => {
    const created = await entry({ start: '2024-01-02T03:04:05', duration: 30, task: 't1',
      additionalFields: { description: 'Review', tags: [JSON.stringify({ name: 'billing', tag_bg: '#000', tag_fg: '#fff' })] } });
    const post = clickUp.seen.find((r) => r.method === 'POST' && r.path === '/team/9/time_entries')!;
    expect(post.body).toEqual({ start: Date.UTC(2024, 0, 2, 3, 4, 5), duration: 1_800_000, tid: 't1', description: 'Review', tags: [{ name: 'billing', tag_bg: '#000', tag_fg: '#fff' }] });
    expect(outputOf(created, 'ClickUp')[0].json).toMatchObject({ id: 'te-created' });
    expect(outputOf(await entry({ operation: 'start', task: 't2', additionalFields: { billable: true } }), 'ClickUp')[0].json).toMatchObject({ id: 'te-new', billable: true });
    expect(outputOf(await entry({ operation: 'stop' }), 'ClickUp')[0].json).toEqual({ id: 'te-run', duration: '60000' });
  });

  it('lists with a limit and a start date as Unix ms, gets the running one or one by ID, updates and deletes', async () => {
    const some = await entry({ operation: 'getAll', filters: { start_date: '2023-11-14T23:13:20' } });
    expect(clickUp.seen.at(-1)!.query).toEqual({ start_date: '1700003600000' });
    expect(outputOf(some, 'ClickUp').map((i) => i.json.id)).toEqual(['te2', 'te3', 'te4', 'te5', 'te6']);
    expect(outputOf(await entry({ operation: 'getAll', returnAll: true }), 'ClickUp')).toHaveLength(8);
    expect(outputOf(await entry({ operation: 'get', running: true }), 'ClickUp')[0].json.id).toBe('te-run');
    expect(outputOf(await entry({ operation: 'get', timeEntry: 'te3' }), 'ClickUp')[0].json.id).toBe('te3');
    await entry({ operation: 'update', timeEntry: 'te3', updateFields: { duration: 2, task: 'CUSTOM-1' } });
    expect(clickUp.seen.at(-1)).toMatchObject({ method: 'PUT', path: '/team/9/time_entries/te3', body: { duration: 120_000, task: 'CUSTOM-1', tid: 'CUSTOM-1', custom_task_ids: true } });
    expect(outputOf(await entry({ operation: 'delete', timeEntry: 'te4' }), 'ClickUp')[0].json.id).toBe('te4');
  });

  it('loads a list\'s tasks and the team\'s time entry tags (as their JSON) for the editor', async () => {
    const call = (method: string, currentNodeParameters: Record<string, unknown>) => runNodeMethod({ nodeType: clickUpNode, typeVersion: 1, kind: 'loadOptions', method,
      currentNodeParameters: { resource: 'timeEntry', operation: 'create', ...currentNodeParameters }, credentials: { clickUpApi: { id: '1', name: 'cu' } } },
    { getCredentials: async () => ({ accessToken: GOOD_TOKEN }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
    const tasks = (await call('getTasks', { team: '9', list: 'l1' })) as { options: Array<{ name: string; value: string }> };
    expect(tasks.options[0]).toEqual({ name: 'Task 1', value: 't1' });
    expect(await call('getTimeEntryTags', { team: '9' })).toEqual({ options: [{ name: 'billing', value: JSON.stringify({ name: 'billing', tag_bg: '#000', tag_fg: '#fff', creator: 42 }) }] });
  });
});
