// The Microsoft Outlook node v2 against a local stand-in of Microsoft Graph's mail API
// (microsoft-outlook-stand-in.ts, written from Graph's documentation).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { microsoftOutlookNode } from './microsoft-outlook.node.ts';
import { GRAPH_TOKEN, startGraphStandIn, type GraphStandIn } from './microsoft-outlook-stand-in.ts';

let graph: GraphStandIn;
const saved = process.env.WEFT_MICROSOFT_GRAPH_API_URL;
const credentials = { microsoftOutlookOAuth2Api: { oauthTokenData: { access_token: GRAPH_TOKEN } } };

beforeAll(async () => {
  graph = await startGraphStandIn();
  process.env.WEFT_MICROSOFT_GRAPH_API_URL = graph.url;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_MICROSOFT_GRAPH_API_URL;
  else process.env.WEFT_MICROSOFT_GRAPH_API_URL = saved;
  await graph.close();
});
beforeEach(() => {
  graph.seen.length = 0;
});

const node = (parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Outlook', type: 'n8n-nodes-base.microsoftOutlook', typeVersion: 2, parameters, continueOnFail,
  credentials: { microsoftOutlookOAuth2Api: { id: '1', name: 'Outlook' } },
});
const calls = (path: string) => graph.seen.filter((r) => r.path === path);
const rl = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Microsoft Outlook messages', () => {
  it('sends mail through /me/sendMail with recipients, body and attachments; outputs success', async () => {
    const result = await runChain([node({ toRecipients: 'a@example.com, b@example.com', subject: 'Hi', bodyContent: '<b>Hello</b>',
      additionalFields: { ccRecipients: 'c@example.com', attachments: 'file' } })],
    { items: [{ json: {}, binary: { file: { data: Buffer.from('abc').toString('base64'), mimeType: 'text/plain', fileName: 'a.txt' } } }], credentials });
    const [sent] = calls('/v1.0/me/sendMail');
    expect(sent.authorization).toBe(`Bearer ${GRAPH_TOKEN}`);
    expect(sent.body).toEqual({
      message: {
        subject: 'Hi', body: { contentType: 'html', content: '<b>Hello</b>' },
        toRecipients: [{ emailAddress: { address: 'a@example.com' } }, { emailAddress: { address: 'b@example.com' } }],
        ccRecipients: [{ emailAddress: { address: 'c@example.com' } }],
        attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'a.txt', contentBytes: 'YWJj' }],
      },
      saveToSentItems: true,
    });
    expect(outputOf(result, 'Outlook')).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
  });

  it('gets many with a limit as $top and the simplified $select; Return All follows @odata.nextLink', async () => {
    const some = await runChain([node({ operation: 'getAll', limit: 3 })], { items: [{ json: {} }], credentials });
    expect(calls('/v1.0/me/messages')[0].query).toEqual({ $top: '3', $select: 'id,conversationId,subject,bodyPreview,from,toRecipients,categories,hasAttachments' });
    expect(outputOf(some, 'Outlook').map((i) => i.json.id)).toEqual(['AAMk1', 'AAMk2', 'AAMk3']);
    graph.seen.length = 0;
    const all = await runChain([node({ operation: 'getAll', returnAll: true, output: 'raw', filtersUI: { values: { filterBy: 'filters', filters: { readStatus: 'unread' } } } })],
      { items: [{ json: {} }], credentials });
    const pages = calls('/v1.0/me/messages');
    expect(pages[0].query).toEqual({ $filter: 'isRead eq false', $top: '100' });
    expect(pages).toHaveLength(1);
    expect(outputOf(all, 'Outlook')).toHaveLength(65);
    graph.seen.length = 0;
    const every = await runChain([node({ operation: 'getAll', returnAll: true, output: 'raw' })], { items: [{ json: {} }], credentials });
    expect(calls('/v1.0/me/messages')).toHaveLength(2);
    expect(outputOf(every, 'Outlook')).toHaveLength(130);
  });

  it('replies through createReplyAll then send, moves and deletes', async () => {
    const replied = await runChain([node({ operation: 'reply', messageId: rl('AAMk2'), message: 'Thanks!' })], { items: [{ json: {} }], credentials });
    expect(calls('/v1.0/me/messages/AAMk2/createReplyAll')[0].body).toEqual({ comment: 'Thanks!' });
    expect(calls('/v1.0/me/messages/DRAFT1/send')).toHaveLength(1);
    expect(outputOf(replied, 'Outlook')[0].json).toEqual({ success: true });
    await runChain([node({ operation: 'move', messageId: rl('AAMk3'), folderId: rl('ARCH') })], { items: [{ json: {} }], credentials });
    expect(calls('/v1.0/me/messages/AAMk3/move')[0].body).toEqual({ destinationId: 'ARCH' });
    const deleted = await runChain([node({ operation: 'delete', messageId: rl('AAMk4') })], { items: [{ json: {} }], credentials });
    expect(calls('/v1.0/me/messages/AAMk4')[0].method).toBe('DELETE');
    expect(outputOf(deleted, 'Outlook')[0].json).toEqual({ success: true });
  });

  it('says what Graph said, keeps going with continue on fail, and waits out a 429', async () => {
    const failed = await runChain([node({ operation: 'get', messageId: rl('NOPE') })], { items: [{ json: {} }], credentials });
    expect(failed.data.resultData.error?.message).toBe('The resource you are requesting could not be found');
    expect((failed.data.resultData.error as { description?: string }).description).toBe('ErrorItemNotFound: The specified object was not found in the store.');
    const kept = await runChain([node({ operation: 'get', output: 'raw', messageId: '={{ { __rl: true, mode: "id", value: $json.id } }}' }, true)],
      { items: [{ json: { id: 'NOPE' } }, { json: { id: 'AAMk1' } }], credentials });
    expect(outputOf(kept, 'Outlook')[0].json).toEqual({ error: 'The resource you are requesting could not be found' });
    expect(outputOf(kept, 'Outlook')[1].json.subject).toBe('Subject 1');
    graph.rateLimitOnce('/v1.0/me/messages/AAMk5', 1);
    const started = Date.now();
    const later = await runChain([node({ operation: 'get', messageId: rl('AAMk5') })], { items: [{ json: {} }], credentials });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(outputOf(later, 'Outlook')[0].json.id).toBe('AAMk5');
  });
});

describe('Microsoft Outlook drafts, folders, attachments and the editor', () => {
  it('creates a draft, creates a folder, and downloads an attachment into binary data', async () => {
    await runChain([node({ resource: 'draft', operation: 'create', subject: 'Draft', bodyContent: 'x', additionalFields: { toRecipients: 'z@example.com' } })], { items: [{ json: {} }], credentials });
    expect(graph.seen.find((r) => r.method === 'POST' && r.path === '/v1.0/me/messages')?.body).toEqual({
      subject: 'Draft', body: { contentType: 'html', content: 'x' }, toRecipients: [{ emailAddress: { address: 'z@example.com' } }] });
    const folder = await runChain([node({ resource: 'folder', operation: 'create', displayName: 'Receipts' })], { items: [{ json: {} }], credentials });
    expect(outputOf(folder, 'Outlook')[0].json).toMatchObject({ id: 'FOLDER9', displayName: 'Receipts' });
    const downloaded = await runChain([node({ resource: 'messageAttachment', operation: 'download', messageId: rl('AAMk1'), attachmentId: rl('ATT1') })],
      { items: [{ json: { keep: true } }], credentials });
    const [item] = outputOf(downloaded, 'Outlook');
    expect(item.json).toEqual({ keep: true });
    expect(item.binary?.data).toMatchObject({ fileName: 'invoice.pdf', mimeType: 'application/pdf' });
    expect(calls('/v1.0/me/messages/AAMk1/attachments/ATT1/$value')).toHaveLength(1);
  });

  it('lists folders for the locator and for the folder filter', async () => {
    const env = { getCredentials: async () => credentials.microsoftOutlookOAuth2Api, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' };
    const ctx = (kind: 'loadOptions' | 'listSearch', method: string) => methodContext({ nodeType: microsoftOutlookNode, kind, method, currentNodeParameters: {},
      credentials: { microsoftOutlookOAuth2Api: { id: '1', name: 'x' } } }, env);
    const page = await microsoftOutlookNode.methods!.listSearch!.searchFolders(ctx('listSearch', 'searchFolders'));
    expect(page.results).toEqual([{ name: 'Inbox', value: 'INBOX' }, { name: 'Archive', value: 'ARCH' }]);
    expect(calls('/v1.0/me/mailFolders')[0].query).toEqual({ $top: '100', $select: 'id,displayName' });
    expect(await microsoftOutlookNode.methods!.loadOptions!.getFolders(ctx('loadOptions', 'getFolders'))).toEqual([{ name: 'Inbox', value: 'INBOX' }, { name: 'Archive', value: 'ARCH' }]);
  });
});
