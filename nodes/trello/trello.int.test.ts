// The Trello node, its board/card search and its credential test against a local stand-in of
// Trello's REST API (trello-stand-in.ts, written from Trello's documentation).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { runNodeMethod } from '../node-methods.ts';
import { testTrelloApiCredential } from './trello-credential-test.ts';
import { GOOD, startTrelloStandIn, type TrelloStandIn } from './trello-stand-in.ts';
import { trelloNode } from './trello.node.ts';

let trello: TrelloStandIn;
const saved = process.env.WEFT_TRELLO_API_URL;
const credentials = { trelloApi: GOOD };
beforeAll(async () => {
  trello = await startTrelloStandIn();
  process.env.WEFT_TRELLO_API_URL = trello.url;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_TRELLO_API_URL;
  else process.env.WEFT_TRELLO_API_URL = saved;
  await trello.close();
});
beforeEach(() => { trello.seen.length = 0; });

const node = (parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Trello', type: 'n8n-nodes-base.trello', typeVersion: 1, parameters, continueOnFail, credentials: { trelloApi: { id: '1', name: 'Trello account' } },
});
const run = (parameters: Record<string, unknown>, creds: Record<string, Record<string, unknown>> = credentials) =>
  runChain([node(parameters)], { items: [{ json: {} }], credentials: creds });
const auth = { key: GOOD.apiKey, token: GOOD.apiToken };

describe('Trello cards and boards', () => {
  it('creates a card (the default resource and operation) with every argument in the query', async () => {
    const result = await run({ listId: 'list1', name: 'Ship it', description: 'Soon', additionalFields: { due: '2026-12-24T10:00:00.000Z', pos: 'top' } });
    expect(outputOf(result, 'Trello')[0].json).toEqual({ id: '0000000000000000000007d0', name: 'Ship it', desc: 'Soon', idList: 'list1', due: '2026-12-24T10:00:00.000Z' });
    expect(trello.seen[0]).toEqual({ method: 'POST', path: '/1/cards', body: undefined,
      query: { idList: 'list1', name: 'Ship it', desc: 'Soon', due: '2026-12-24T10:00:00.000Z', pos: 'top', ...auth } });
  });

  it('reads a card locator by id or by URL; update PUTs the fields; delete', async () => {
    await run({ resource: 'card', operation: 'get', id: { __rl: true, mode: 'url', value: 'https://trello.com/c/wiIaGwqE/12-card' }, additionalFields: { fields: 'name' } });
    expect(trello.seen[0]).toMatchObject({ method: 'GET', path: '/1/cards/wiIaGwqE', query: { fields: 'name', ...auth } });
    await run({ resource: 'card', operation: 'update', id: { __rl: true, mode: 'id', value: 'abc' }, updateFields: { name: 'Renamed', idList: 'list2' } });
    expect(trello.seen[1]).toMatchObject({ method: 'PUT', path: '/1/cards/abc', query: { name: 'Renamed', idList: 'list2', ...auth } });
    await run({ resource: 'card', operation: 'delete', id: 'abc' });
    expect(trello.seen[2]).toMatchObject({ method: 'DELETE', path: '/1/cards/abc' });
  });

  it('boards: create sends name/desc and prefs; get by URL locator', async () => {
    const created = await run({ resource: 'board', operation: 'create', name: 'Q1', description: 'Plan', additionalFields: { prefs_permissionLevel: 'org' } });
    expect(outputOf(created, 'Trello')[0].json).toMatchObject({ name: 'Q1', desc: 'Plan' });
    expect(trello.seen[0].query).toEqual({ name: 'Q1', desc: 'Plan', prefs_permissionLevel: 'org', ...auth });
    await run({ resource: 'board', operation: 'get', id: { __rl: true, mode: 'url', value: 'https://trello.com/b/AbCd1234/roadmap' } });
    expect(trello.seen[1].path).toBe('/1/boards/AbCd1234');
  });

  it('Trello’s plain-text errors become node errors; continue on fail keeps going', async () => {
    const failed = await run({ resource: 'card', operation: 'get', id: 'x' }, { trelloApi: { apiKey: GOOD.apiKey, apiToken: 'nope' } });
    expect(failed.data.resultData.error?.message).toBe('Authorization failed - please check your credentials: invalid token');
    const kept = await runChain([node({ resource: 'card', operation: 'get', id: '={{ $json.id }}' }, true)], { items: [{ json: { id: 'missing' } }, { json: { id: 'ok1' } }], credentials });
    expect(outputOf(kept, 'Trello').map((i) => i.json)).toEqual([
      { error: 'The resource you are requesting could not be found: The requested resource was not found.' }, { id: 'ok1', name: 'Card 1', idList: 'list1' },
    ]);
  });

  it('waits out a 429 with Retry-After', async () => {
    trello.rateLimitOnce('/1/cards/abc', 0);
    const result = await run({ resource: 'card', operation: 'get', id: 'abc' });
    expect(outputOf(result, 'Trello')[0].json.id).toBe('abc');
    expect(trello.seen).toHaveLength(2);
  });
});

describe('Trello lists, comments, checklists, labels and attachments', () => {
  it('getCards with Return All pages 30 at a time with sort=-id and before; a limit keeps the first cards', async () => {
    const all = await run({ resource: 'list', operation: 'getCards', id: 'list1', returnAll: true });
    expect(outputOf(all, 'Trello')).toHaveLength(65);
    expect(trello.seen.map((r) => [r.query.limit, r.query.sort, r.query.before])).toEqual([
      ['30', '-id', undefined], ['30', '-id', '0000000000000000000003cb'], ['30', '-id', '0000000000000000000003ad'],
    ]);
    trello.seen.length = 0;
    const some = await run({ resource: 'list', operation: 'getCards', id: 'list1' });
    expect(outputOf(some, 'Trello')).toHaveLength(20);
    expect(trello.seen[0].query.limit).toBe('20');
    const lists = await run({ resource: 'list', operation: 'getAll', id: 'b1', returnAll: true });
    expect(outputOf(lists, 'Trello')).toHaveLength(3);
  });

  it('list archive/create, comment create/update/delete, checklist and item, label add, attachment create', async () => {
    await run({ resource: 'list', operation: 'archive', id: 'list1', archive: true });
    await run({ resource: 'list', operation: 'create', idBoard: 'b1', name: 'Later' });
    const comment = await run({ resource: 'cardComment', operation: 'create', cardId: { __rl: true, mode: 'id', value: 'c1' }, text: 'LGTM' });
    expect(outputOf(comment, 'Trello')[0].json).toMatchObject({ type: 'commentCard', data: { text: 'LGTM' } });
    await run({ resource: 'cardComment', operation: 'update', cardId: 'c1', commentId: 'a1', text: 'Edited' });
    await run({ resource: 'cardComment', operation: 'delete', cardId: 'c1', commentId: 'a1' });
    await run({ resource: 'checklist', operation: 'create', cardId: 'c1', name: 'Steps' });
    await run({ resource: 'checklist', operation: 'createCheckItem', checklistId: 'cl1', name: 'One', additionalFields: { checked: true } });
    await run({ resource: 'label', operation: 'addLabel', cardId: 'c1', id: 'lab1' });
    await run({ resource: 'label', operation: 'create', boardId: { __rl: true, mode: 'id', value: 'b1' }, name: 'Bug', color: 'red' });
    await run({ resource: 'attachment', operation: 'create', cardId: 'c1', url: 'https://n8n.io', additionalFields: { name: 'n8n' } });
    expect(trello.seen.map((r) => `${r.method} ${r.path} ${JSON.stringify({ ...r.query, key: undefined, token: undefined })}`)).toEqual([
      'PUT /1/lists/list1/closed {"value":"true"}',
      'POST /1/lists {"idBoard":"b1","name":"Later"}',
      'POST /1/cards/c1/actions/comments {"text":"LGTM"}',
      'PUT /1/cards/c1/actions/a1/comments {"text":"Edited"}',
      'DELETE /1/cards/c1/actions/a1/comments {}',
      'POST /1/cards/c1/checklists {"name":"Steps"}',
      'POST /1/checklists/cl1/checkItems {"name":"One","checked":"true"}',
      'POST /1/cards/c1/idLabels {"value":"lab1"}',
      'POST /1/labels {"idBoard":"b1","name":"Bug","color":"red"}',
      'POST /1/cards/c1/attachments {"url":"https://n8n.io","name":"n8n"}',
    ]);
  });
});

describe('Trello board members', () => {
  it('add PUTs the member with type and allowBillableGuest; invite sends email in the query and fullName in the body; getAll limits', async () => {
    await run({ resource: 'boardMember', id: 'b1', idMember: 'm1', type: 'admin' });
    expect(trello.seen[0]).toMatchObject({ method: 'PUT', path: '/1/boards/b1/members/m1', query: { type: 'admin', allowBillableGuest: 'false', ...auth } });
    await run({ resource: 'boardMember', operation: 'invite', id: 'b1', email: 'c@x.test', additionalFields: { fullName: 'Cy Doe' } });
    expect(trello.seen[1]).toMatchObject({ method: 'PUT', path: '/1/boards/b1/members', query: { email: 'c@x.test', ...auth }, body: { fullName: 'Cy Doe' } });
    const members = await run({ resource: 'boardMember', operation: 'getAll', id: 'b1', limit: 1 });
    expect(outputOf(members, 'Trello').map((i) => i.json)).toEqual([{ id: 'm1', fullName: 'Ann' }]);
    expect(trello.seen[2].query.limit).toBe('1');
  });
});

describe('Trello search and credential test', () => {
  const call = (method: string, filter: string) => runNodeMethod({ nodeType: trelloNode, typeVersion: 1, kind: 'listSearch', method, filter,
    currentNodeParameters: { resource: 'card', operation: 'get' }, credentials: { trelloApi: { id: '1', name: 'trello' } } },
  { getCredentials: async () => GOOD, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });

  it('searchBoards and searchCards use /search with the model type', async () => {
    expect(await call('searchBoards', 'road')).toEqual({ results: [{ name: 'Roadmap', value: '000000000000000000000001', url: 'https://trello.com/b/AbCd1234/roadmap' }] });
    expect(trello.seen[0].query).toMatchObject({ query: 'road', modelTypes: 'boards', board_fields: 'name,url', ...auth });
    const cards = (await call('searchCards', 'Card 6')) as { results: Array<{ name: string }> };
    expect(cards.results.map((c) => c.name)).toEqual(['Card 6', 'Card 60', 'Card 61', 'Card 62', 'Card 63', 'Card 64', 'Card 65']);
  });

  it('the credential test asks for the token’s member and reports a bad token', async () => {
    await expect(testTrelloApiCredential(GOOD, 5000)).resolves.toBe('Connection tested successfully');
    await expect(testTrelloApiCredential({ ...GOOD, apiToken: 'bad' }, 5000)).rejects.toThrow('Trello answered 401: invalid token');
  });
});
