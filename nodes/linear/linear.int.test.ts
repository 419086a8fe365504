// The Linear node (v1, v1.1) run on the real engine against the local stand-in for Linear's GraphQL
// API (linear-stand-in.ts), asserting the documents, variables and auth it sends.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain, type TestNode } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { testLinearCredential } from './linear-credential-test.ts';
import { LINEAR_KEY, startLinearStandIn, type LinearStandIn } from './linear-stand-in.ts';
import { linearNode } from './linear.node.ts';

let linear: LinearStandIn;
beforeAll(async () => {
  linear = await startLinearStandIn();
  process.env.WEFT_LINEAR_API_URL = linear.url;
});
afterAll(async () => {
  delete process.env.WEFT_LINEAR_API_URL;
  await linear.close();
});
beforeEach(() => {
  linear.seen.length = 0;
  linear.issues.length = 0;
});

const credentials = { linearApi: { apiKey: LINEAR_KEY } };
const node = (parameters: Record<string, unknown>, typeVersion = 1.1, continueOnFail = false): TestNode => ({ name: 'Linear', type: 'n8n-nodes-base.linear', typeVersion, parameters, continueOnFail });
const run = async (parameters: Record<string, unknown>, items = [{ json: {} }], typeVersion = 1.1, continueOnFail = false) =>
  outputOf(await runChain([node(parameters, typeVersion, continueOnFail)], { items, credentials }), 'Linear');

describe('Linear issues and comments', () => {
  it('creates, gets, updates, links and deletes an issue', async () => {
    const created = await run({ resource: 'issue', operation: 'create', teamId: 'team-eng', title: '={{ $json.t }}', additionalFields: { priorityId: 2, description: 'Boom', stateId: 's-todo' } }, [{ json: { t: 'Crash on save' } }]);
    expect(created).toEqual([{ json: expect.objectContaining({ id: 'iss-1', title: 'Crash on save', priority: 2, state: { id: 's-todo', name: 'Todo' } }), pairedItem: { item: 0 } }]);
    expect(linear.seen[0].authorization).toBe(LINEAR_KEY);
    expect(linear.seen[0].query).toContain('issueCreate(input:');
    expect(linear.seen[0].variables).toEqual({ teamId: 'team-eng', title: 'Crash on save', priorityId: 2, description: 'Boom', stateId: 's-todo' });

    expect((await run({ resource: 'issue', operation: 'get', issueId: 'iss-1' }))[0].json).toMatchObject({ id: 'iss-1', creator: { id: 'u1', displayName: 'ada' } });
    const updated = await run({ resource: 'issue', operation: 'update', issueId: 'iss-1', updateFields: { stateId: 's-done', title: 'Crash fixed' } });
    expect(updated[0].json).toMatchObject({ title: 'Crash fixed', state: { name: 'Done' } });
    expect(linear.seen.at(-1)?.variables).toEqual({ issueId: 'iss-1', stateId: 's-done', title: 'Crash fixed' });
    expect((await run({ resource: 'issue', operation: 'addLink', issueId: 'iss-1', link: 'https://example.com/pr/1' }))[0].json).toEqual({ success: true });
    expect(linear.seen.at(-1)?.variables).toEqual({ issueId: 'iss-1', url: 'https://example.com/pr/1' });
    expect((await run({ resource: 'issue', operation: 'delete', issueId: 'iss-1' }))[0].json).toEqual({ success: true });
  });

  it('gets many issues following cursors, or up to a limit', async () => {
    for (let n = 0; n < 120; n++) linear.issues.push({ id: `i${n}`, title: `Issue ${n}`, teamId: 'team-eng' });
    const all = await run({ resource: 'issue', operation: 'getAll', returnAll: true });
    expect(all).toHaveLength(120);
    expect(linear.seen.map((c) => [c.variables.first, c.variables.after])).toEqual([[50, null], [50, 'i49'], [50, 'i99']]);
    linear.seen.length = 0;
    expect(await run({ resource: 'issue', operation: 'getAll', limit: 7 })).toHaveLength(7);
    expect(linear.seen.map((c) => c.variables)).toEqual([{ first: 7, after: null }]);
    linear.seen.length = 0;
    linear.rateLimitOnce(0);
    expect(await run({ resource: 'issue', operation: 'getAll', limit: 3 })).toHaveLength(3);
    expect(linear.seen).toHaveLength(2);
  });

  it('adds a comment (v1.1) with a parent, and reports Linear errors', async () => {
    linear.issues.push({ id: 'iss-9', title: 'x', teamId: 'team-eng' });
    const out = await run({ resource: 'comment', operation: 'addComment', issueId: 'iss-9', comment: 'Looking', additionalFields: { parentId: 'c-1' } });
    expect(out[0].json).toEqual({ success: true, comment: { id: 'c-1', body: 'Looking' } });
    expect(linear.seen[0].variables).toEqual({ issueId: 'iss-9', body: 'Looking', parentId: 'c-1' });
    const failed = await run({ resource: 'issue', operation: 'get', issueId: 'nope' }, [{ json: {} }], 1, true);
    expect(failed).toEqual([{ json: { error: 'Entity not found' }, pairedItem: { item: 0 } }]);
    const result = await runChain([node({ resource: 'issue', operation: 'get', issueId: 'iss-9' })], { items: [{ json: {} }], credentials: { linearApi: { apiKey: 'bad' } } });
    expect(JSON.stringify(result)).toContain('Authentication required, not authenticated');
  });

  it('loads teams and the states of the chosen team for the editor; checks the key', async () => {
    const ctx = (parameters: Record<string, unknown>) => methodContext({
      nodeType: linearNode, kind: 'loadOptions', method: 'getStates', currentNodeParameters: parameters, credentials: { linearApi: { id: '1', name: 'Linear' } },
    }, { getCredentials: async () => ({ apiKey: LINEAR_KEY }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
    expect(await linearNode.methods!.loadOptions!.getTeams(ctx({}))).toEqual([{ name: 'Engineering', value: 'team-eng' }, { name: 'Ops', value: 'team-ops' }]);
    expect(await linearNode.methods!.loadOptions!.getStates(ctx({ resource: 'issue', operation: 'create', teamId: 'team-eng' }))).toEqual([
      { name: 'Backlog', value: 's-backlog' }, { name: 'Done', value: 's-done' }, { name: 'Todo', value: 's-todo' },
    ]);
    expect(linear.seen.at(-1)?.variables.filter).toEqual({ team: { id: { eq: 'team-eng' } } });
    linear.issues.push({ id: 'iss-2', title: 'x', teamId: 'team-ops' });
    expect(await linearNode.methods!.loadOptions!.getStates(ctx({ resource: 'issue', operation: 'update', issueId: 'iss-2' }))).toEqual([{ name: 'Open', value: 's-ops' }]);
    expect(await testLinearCredential({ apiKey: LINEAR_KEY }, 5000)).toBe('Connection successful!');
    await expect(testLinearCredential({ apiKey: 'nope' }, 5000)).rejects.toThrow('The security token included in the request is invalid');
  });
});
