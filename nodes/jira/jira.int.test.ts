// The Jira Software node (v1, Cloud) run on the real engine against the local stand-in for Jira's
// REST API (jira-stand-in.ts), asserting methods, paths, queries, bodies and Basic auth.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain, type TestNode } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { testJiraCredential } from './jira-credential-test.ts';
import { JIRA_EMAIL, JIRA_TOKEN, startJiraStandIn, type JiraStandIn } from './jira-stand-in.ts';
import { jiraNode } from './jira.node.ts';

let jira: JiraStandIn;
let credentials: Record<string, Record<string, unknown>>;
beforeAll(async () => {
  jira = await startJiraStandIn();
  credentials = { jiraSoftwareCloudApi: { email: JIRA_EMAIL, apiToken: JIRA_TOKEN, domain: jira.url } };
});
afterAll(() => jira.close());
beforeEach(() => jira.reset());

const node = (parameters: Record<string, unknown>, continueOnFail = false): TestNode => ({ name: 'Jira', type: 'n8n-nodes-base.jira', typeVersion: 1, parameters, continueOnFail });
const run = async (parameters: Record<string, unknown>, items: Array<{ json: Record<string, unknown>; binary?: Record<string, unknown> }> = [{ json: {} }], continueOnFail = false) =>
  outputOf(await runChain([node(parameters, continueOnFail)], { items: items as never, credentials }), 'Jira');
const rl = (value: string) => ({ __rl: true, mode: 'list', value });
const create = (summary: string) => run({ resource: 'issue', operation: 'create', project: rl('100'), issueType: rl('10001'), summary,
  additionalFields: { assignee: rl('acc-1'), priority: { __rl: true, mode: 'id', value: '3' }, labels: ['ops'], description: 'Boom', customFieldsUi: { customFieldsValues: [{ fieldId: 'customfield_10020', fieldValue: 7 }] } } });

describe('Jira issues', () => {
  it('creates an issue with Basic auth, gets it simplified, transitions and deletes it', async () => {
    const created = await create('Checkout broken');
    expect(created[0].json).toMatchObject({ id: '10001', key: 'WEB-1' });
    const post = jira.seen.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/rest/api/2/issue');
    expect(post?.headers.authorization).toBe(`Basic ${Buffer.from(`${JIRA_EMAIL}:${JIRA_TOKEN}`).toString('base64')}`);
    expect(post?.headers['x-atlassian-token']).toBe('no-check');
    expect(post?.body).toEqual({ fields: {
      summary: 'Checkout broken', project: { id: '100' }, issuetype: { id: '10001' }, labels: ['ops'], priority: { id: '3' }, assignee: { id: 'acc-1' }, description: 'Boom', customfield_10020: 7,
    } });

    const got = await run({ resource: 'issue', operation: 'get', issueKey: 'WEB-1', simplifyOutput: true });
    expect(jira.seen.at(-1)?.query).toEqual({ expand: ',names' });
    expect(got[0].json).toMatchObject({ id: '10001', key: 'WEB-1', Summary: 'Checkout broken', Status: { name: 'To Do' }, Sprint: 7 });
    expect(Object.keys(got[0].json).at(-1)).toBe('Sprint');

    expect((await run({ resource: 'issue', operation: 'update', issueKey: 'WEB-1', updateFields: { statusId: '31', summary: 'Fixed' } }))[0].json).toEqual({ success: true });
    expect(jira.seen.slice(-2).map((c) => [c.method, c.path, c.body])).toEqual([
      ['POST', '/rest/api/2/issue/WEB-1/transitions', { transition: { id: '31' } }], ['PUT', '/rest/api/2/issue/WEB-1', { fields: { summary: 'Fixed' } }],
    ]);
    expect((await run({ resource: 'issue', operation: 'transitions', issueKey: 'WEB-1' })).map((i) => i.json.name)).toEqual(['In Progress', 'Done']);
    expect((await run({ resource: 'issue', operation: 'changelog', issueKey: 'WEB-1', returnAll: true }))).toHaveLength(1);
    await run({ resource: 'issue', operation: 'delete', issueKey: 'WEB-1', deleteSubtasks: true });
    expect(jira.seen.at(-1)).toMatchObject({ method: 'DELETE', query: { deleteSubtasks: 'true' } });
  });

  it('searches by JQL with startAt/maxResults paging, a limit, and waits out a 429', async () => {
    for (let n = 0; n < 3; n++) await create(`Issue ${n}`);
    jira.seen.length = 0;
    const limited = await run({ resource: 'issue', operation: 'getAll', limit: 2, options: { jql: 'project = WEB', fields: 'summary,status' } });
    expect(limited).toHaveLength(2);
    expect(jira.seen[0].body).toEqual({ fields: ['summary', 'status'], jql: 'project = WEB', maxResults: 2 });
    for (let n = 3; n < 205; n++) jira.issues.push({ id: String(n), key: `WEB-${n + 1}`, fields: { summary: `s${n}` }, changelog: [], comments: [] });
    jira.seen.length = 0;
    jira.rateLimitOnce(0);
    expect(await run({ resource: 'issue', operation: 'getAll', returnAll: true })).toHaveLength(205);
    expect(jira.seen.map((c) => c.body.startAt)).toEqual([0, 0, 100, 200]);
  });

  it('refuses a sub-task without parent and reports what Jira said', async () => {
    const out = await run({ resource: 'issue', operation: 'create', project: rl('100'), issueType: rl('10003'), summary: 'x' }, [{ json: {} }], true);
    expect(out[0].json).toEqual({ error: 'You must define a Parent Issue Key when Issue type is sub-task' });
    const missing = await runChain([node({ resource: 'issue', operation: 'get', issueKey: 'NOPE-1' })], { items: [{ json: {} }], credentials });
    expect(JSON.stringify(missing)).toContain('Issue does not exist or you do not have permission to see it.');
  });
});

describe('Jira comments, attachments and users', () => {
  it('adds comments as Atlassian Document Format on Cloud (v3) and lists, updates, removes them', async () => {
    await create('c');
    const added = await run({ resource: 'issueComment', operation: 'add', issueKey: 'WEB-1', comment: 'On it' });
    expect(jira.seen.at(-1)).toMatchObject({ method: 'POST', path: '/rest/api/3/issue/WEB-1/comment', body: { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'On it' }] }] } } });
    const id = String(added[0].json.id);
    await run({ resource: 'issueComment', operation: 'update', issueKey: 'WEB-1', commentId: id, jsonParameters: true, commentJson: '{"type":"doc","version":1,"content":[]}' });
    expect(jira.seen.at(-1)).toMatchObject({ method: 'PUT', path: `/rest/api/3/issue/WEB-1/comment/${id}`, body: { body: { type: 'doc', version: 1, content: [] } } });
    expect(await run({ resource: 'issueComment', operation: 'getAll', issueKey: 'WEB-1', returnAll: true })).toHaveLength(1);
    expect((await run({ resource: 'issueComment', operation: 'remove', issueKey: 'WEB-1', commentId: id }))[0].json).toEqual({ success: true });
  });

  it('uploads an attachment as multipart and downloads attachments as binary data', async () => {
    await create('a');
    const added = await run({ resource: 'issueAttachment', operation: 'add', issueKey: 'WEB-1' },
      [{ json: {}, binary: { data: { data: Buffer.from('PNGDATA').toString('base64'), mimeType: 'image/png', fileName: 'shot.png' } } }]);
    expect(added[0].json).toMatchObject({ filename: 'shot.png' });
    expect(jira.seen.at(-1)?.path).toBe('/rest/api/3/issue/WEB-1/attachments');
    expect(String(jira.seen.at(-1)?.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    const all = await run({ resource: 'issueAttachment', operation: 'getAll', issueKey: 'WEB-1', returnAll: true, download: true });
    expect(all[0].json).toMatchObject({ filename: 'shot.png' });
    expect(Buffer.from(String((all[0].binary as Record<string, { data: string }>).data.data), 'base64').toString()).toBe('PNGDATA');
    expect((await run({ resource: 'issueAttachment', operation: 'remove', attachmentId: String(added[0].json.id) }))[0].json).toEqual({ success: true });
  });

  it('creates, gets and deletes users, and answers the editor lists', async () => {
    const created = await run({ resource: 'user', operation: 'create', username: 'bob', emailAddress: 'bob@example.com', displayName: 'Bob', additionalFields: { notification: true } });
    expect(jira.seen.at(-1)).toMatchObject({ method: 'POST', path: '/rest/api/3/user', body: { name: 'bob', emailAddress: 'bob@example.com', displayName: 'Bob', notification: true } });
    expect(created[0].json.accountId).toBe('acc-new');
    await run({ resource: 'user', operation: 'get', accountId: 'acc-1', additionalFields: { expand: ['groups', 'applicationRoles'] } });
    expect(jira.seen.at(-1)?.query).toEqual({ accountId: 'acc-1', expand: 'groups,applicationRoles' });

    const ctx = (parameters: Record<string, unknown>) => methodContext({
      nodeType: jiraNode, kind: 'listSearch', method: 'getProjects', currentNodeParameters: parameters, credentials: { jiraSoftwareCloudApi: { id: '1', name: 'J' } },
    }, { getCredentials: async () => credentials.jiraSoftwareCloudApi, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
    const search = jiraNode.methods!.listSearch!;
    expect(await search.getProjects(ctx({}), 'a')).toEqual({ results: [{ name: 'App', value: '101' }] });
    expect(await search.getIssueTypes(ctx({ project: rl('100') }))).toEqual({ results: [{ name: 'Bug', value: '10002' }, { name: 'Sub-task', value: '10003' }, { name: 'Task', value: '10001' }] });
    expect(await search.getUsers(ctx({}))).toEqual({ results: [{ name: 'Ada', value: 'acc-1' }, { name: 'Zed', value: 'acc-2' }] });
    expect(await jiraNode.methods!.loadOptions!.getLabels(ctx({}))).toEqual([{ name: 'bug', value: 'bug' }, { name: 'ops', value: 'ops' }]);
    expect(await testJiraCredential('cloud', credentials.jiraSoftwareCloudApi, 5000)).toBe('Connection tested successfully');
    await expect(testJiraCredential('cloud', { ...credentials.jiraSoftwareCloudApi, apiToken: 'x' }, 5000)).rejects.toThrow('Authorization failed');
  });
});
