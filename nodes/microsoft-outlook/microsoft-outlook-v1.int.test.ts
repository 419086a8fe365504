// The legacy Microsoft Outlook node v1 against the local stand-in of Microsoft Graph's mail API
// (microsoft-outlook-stand-in.ts, written from Graph's documentation): v1 parameter names, plain IDs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { microsoftOutlookNodeV1 } from './microsoft-outlook.node.ts';
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
  graph.uploaded.length = 0;
});

const node = (parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Outlook', type: 'n8n-nodes-base.microsoftOutlook', typeVersion: 1, parameters, continueOnFail,
  credentials: { microsoftOutlookOAuth2Api: { id: '1', name: 'Outlook' } },
});
const run = (parameters: Record<string, unknown>, items: unknown[] = [{ json: {} }]) =>
  runChain([node(parameters)], { items: items as never, credentials }).then((result) => ({ result, out: outputOf(result, 'Outlook') }));
const calls = (path: string) => graph.seen.filter((r) => r.path === path);
const file = (text: string, fileName = 'a.txt') => ({ data: Buffer.from(text).toString('base64'), mimeType: 'text/plain', fileName });

describe('Microsoft Outlook v1 messages', () => {
  it('sends with the default operation: recipients, headers, attachments and saveToSentItems', async () => {
    const { out } = await run({ toRecipients: 'a@example.com,b@example.com', subject: 'Hi', bodyContent: 'Hello', additionalFields: {
      bodyContentType: 'Text', importance: 'High', saveToSentItems: false, internetMessageHeaders: { headers: [{ name: 'x-custom', value: '1' }] },
      attachments: { attachments: [{ binaryPropertyName: 'doc' }] },
    } }, [{ json: {}, binary: { doc: file('abc') } }]);
    const [sent] = calls('/v1.0/me/sendMail');
    expect(sent.authorization).toBe(`Bearer ${GRAPH_TOKEN}`);
    expect(sent.body).toEqual({
      message: {
        body: { content: 'Hello', contentType: 'Text' }, subject: 'Hi', importance: 'High', internetMessageHeaders: [{ name: 'x-custom', value: '1' }],
        toRecipients: [{ emailAddress: { address: 'a@example.com' } }, { emailAddress: { address: 'b@example.com' } }],
        attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'a.txt', contentBytes: 'YWJj' }],
      },
      saveToSentItems: false,
    });
    expect(out).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
  });

  it('gets many with limit as $top, Fields as $select and Filter as $filter; folder messages likewise', async () => {
    const { out } = await run({ operation: 'getAll', limit: 2, additionalFields: { fields: 'id,subject', filter: 'isRead eq false' } });
    expect(calls('/v1.0/me/messages')[0].query).toEqual({ $select: 'id,subject', $filter: 'isRead eq false', $top: '2' });
    expect(out.map((i) => i.json)).toEqual([{ id: 'AAMk2', subject: 'Subject 2' }, { id: 'AAMk4', subject: 'Subject 4' }]);
    const all = await run({ operation: 'getAll', returnAll: true });
    expect(calls('/v1.0/me/messages')).toHaveLength(3);
    expect(all.out).toHaveLength(130);
    const inFolder = await run({ resource: 'folderMessage', folderId: 'INBOX', limit: 3, additionalFields: { fields: 'id,parentFolderId' } });
    expect(calls('/v1.0/me/mailFolders/INBOX/messages')[0].query).toEqual({ $select: 'id,parentFolderId', $top: '3' });
    expect(inFolder.out.map((i) => i.json)).toEqual([1, 2, 3].map((n) => ({ id: `AAMk${n}`, parentFolderId: 'INBOX' })));
  });

  it('downloads attachments under the prefix, and the MIME content into a binary field', async () => {
    const { out } = await run({ operation: 'get', messageId: 'AAMk1', additionalFields: { dataPropertyAttachmentsPrefixName: 'file_' } });
    expect(out[0].json.id).toBe('AAMk1');
    expect(out[0].binary?.file_0).toMatchObject({ fileName: 'invoice.pdf', mimeType: 'application/pdf', data: Buffer.from('%PDF-1.7').toString('base64') });
    const mime = await run({ operation: 'getMime', messageId: 'AAMk3', binaryPropertyName: 'eml' }, [{ json: { keep: 1 } }]);
    expect(mime.out[0].json).toEqual({ keep: 1 });
    expect(mime.out[0].binary?.eml).toMatchObject({ fileName: 'AAMk3.eml', mimeType: 'text/plain' });
    expect(Buffer.from(String(mime.out[0].binary?.eml.data), 'base64').toString()).toContain('Subject: Subject 3');
  });

  it('replies with a changed message and an attachment, then sends; reply-all carries only the comment', async () => {
    const { out } = await run({ operation: 'reply', messageId: 'AAMk2', replyType: 'reply', comment: 'Thanks', additionalFields: {
      ccRecipients: 'c@example.com', attachments: { attachments: [{ binaryPropertyName: 'doc' }] } } }, [{ json: {}, binary: { doc: file('xyz', 'b.txt') } }]);
    expect(calls('/v1.0/me/messages/AAMk2/createReply')[0].body).toEqual({ comment: 'Thanks', message: { ccRecipients: [{ emailAddress: { address: 'c@example.com' } }] } });
    expect(calls('/v1.0/me/messages/DRAFT1/attachments')[0].body).toEqual({ '@odata.type': '#microsoft.graph.fileAttachment', name: 'b.txt', contentBytes: 'eHl6' });
    expect(calls('/v1.0/me/messages/DRAFT1/send')).toHaveLength(1);
    expect(out[0].json).toMatchObject({ id: 'DRAFT1', isDraft: true });
    graph.seen.length = 0;
    await run({ operation: 'reply', messageId: 'AAMk2', replyType: 'replyAll', comment: 'All', send: false });
    expect(calls('/v1.0/me/messages/AAMk2/createReplyAll')[0].body).toEqual({ comment: 'All' });
    expect(calls('/v1.0/me/messages/DRAFT1/send')).toHaveLength(0);
  });

  it('moves, updates and deletes by plain ID; says what Graph said', async () => {
    expect((await run({ operation: 'move', messageId: 'AAMk3', folderId: 'ARCH' })).out[0].json).toEqual({ success: true });
    expect(calls('/v1.0/me/messages/AAMk3/move')[0].body).toEqual({ destinationId: 'ARCH' });
    const updated = await run({ operation: 'update', messageId: 'AAMk4', updateFields: { isRead: true, bodyContent: 'new', bodyContentType: 'HTML' } });
    expect(calls('/v1.0/me/messages/AAMk4')[0].body).toEqual({ body: { content: 'new', contentType: 'HTML' }, isRead: true });
    expect(updated.out[0].json.isRead).toBe(true);
    await run({ resource: 'draft', operation: 'delete', messageId: 'AAMk5' });
    expect(calls('/v1.0/me/messages/AAMk5')[0].method).toBe('DELETE');
    const { result } = await run({ operation: 'get', messageId: 'NOPE' });
    expect((result.data.resultData.error as { description?: string }).description).toBe('ErrorItemNotFound: The specified object was not found in the store.');
  });
});

describe('Microsoft Outlook v1 drafts, folders and attachments', () => {
  it('creates a draft (blank body as a space) and sends it to new recipients', async () => {
    await run({ resource: 'draft', subject: 'Draft', additionalFields: { toRecipients: 'z@example.com', from: 'me@example.com' } });
    expect(graph.seen.find((r) => r.method === 'POST' && r.path === '/v1.0/me/messages')?.body).toEqual({
      body: { content: ' ' }, subject: 'Draft', toRecipients: [{ emailAddress: { address: 'z@example.com' } }], from: { emailAddress: { address: 'me@example.com' } } });
    const { out } = await run({ resource: 'draft', operation: 'send', messageId: 'DRAFT1', additionalFields: { recipients: 'q@example.com' } });
    expect(calls('/v1.0/me/messages/DRAFT1').find((r) => r.method === 'PATCH')?.body).toEqual({ toRecipients: [{ emailAddress: { address: 'q@example.com' } }] });
    expect(calls('/v1.0/me/messages/DRAFT1/send')).toHaveLength(1);
    expect(out[0].json).toEqual({ success: true });
  });

  it('creates folders and search folders, gets, lists children, updates and deletes them', async () => {
    expect((await run({ resource: 'folder', displayName: 'Receipts' })).out[0].json).toMatchObject({ id: 'FOLDER9', displayName: 'Receipts' });
    const search = await run({ resource: 'folder', folderType: 'searchFolder', displayName: 'Unread', includeNestedFolders: true, sourceFolderIds: ['INBOX'], filterQuery: 'isRead eq false' });
    expect(calls('/v1.0/me/mailFolders/searchfolders/childFolders')[0].body).toEqual({
      displayName: 'Unread', '@odata.type': 'microsoft.graph.mailSearchFolder', includeNestedFolders: true, sourceFolderIds: ['INBOX'], filterQuery: 'isRead eq false' });
    expect(search.out[0].json.id).toBe('SEARCH1');
    expect((await run({ resource: 'folder', operation: 'get', folderId: 'INBOX', additionalFields: { fields: 'id,displayName' } })).out[0].json).toEqual({ id: 'INBOX', displayName: 'Inbox' });
    expect((await run({ resource: 'folder', operation: 'getChildren', folderId: 'INBOX', returnAll: true })).out.map((i) => i.json.id)).toEqual(['INBOX-CHILD']);
    expect(calls('/v1.0/me/mailFolders/INBOX/childFolders')[0].query).toEqual({ $top: '100' });
    expect((await run({ resource: 'folder', operation: 'getAll', limit: 5 })).out).toHaveLength(2);
    expect((await run({ resource: 'folder', operation: 'update', folderId: 'ARCH', updateFields: { displayName: 'Old' } })).out[0].json.displayName).toBe('Old');
    expect((await run({ resource: 'folder', operation: 'delete', folderId: 'ARCH' })).out[0].json).toEqual({ success: true });
  });

  it('adds small attachments inline and big ones through an upload session in 4 MB ranges', async () => {
    const small = await run({ resource: 'messageAttachment', messageId: 'AAMk1', additionalFields: { fileName: 'n.txt' } }, [{ json: {}, binary: { data: file('hi') } }]);
    expect(calls('/v1.0/me/messages/AAMk1/attachments')[0].body).toEqual({ '@odata.type': '#microsoft.graph.fileAttachment', name: 'n.txt', contentBytes: 'aGk=' });
    expect(small.out[0].json).toEqual({ success: true });
    const big = Buffer.alloc(5_000_000, 7);
    await run({ resource: 'messageAttachment', messageId: 'AAMk1' }, [{ json: {}, binary: { data: { data: big.toString('base64'), mimeType: 'application/zip', fileName: 'big.zip' } } }]);
    expect(calls('/v1.0/me/messages/AAMk1/attachments/createUploadSession')[0].body).toEqual({ AttachmentItem: { attachmentType: 'file', name: 'big.zip', size: 5_000_000 } });
    expect(calls('/upload/SESSION1').map((r) => r.query.range)).toEqual(['bytes 0-3999999/5000000', 'bytes 4000000-4999999/5000000']);
    expect(Buffer.concat(graph.uploaded).equals(big)).toBe(true);
  });

  it('gets, lists and downloads attachments; loads the categories', async () => {
    const one = await run({ resource: 'messageAttachment', operation: 'get', messageId: 'AAMk1', attachmentId: 'ATT1' });
    expect(calls('/v1.0/me/messages/AAMk1/attachments/ATT1')[0].query).toEqual({ $select: 'id,lastModifiedDateTime,name,contentType,size,isInline' });
    expect(one.out[0].json.name).toBe('invoice.pdf');
    const many = await run({ resource: 'messageAttachment', operation: 'getAll', messageId: 'AAMk1', returnAll: true, additionalFields: { fields: 'id,name' } });
    expect(many.out.map((i) => i.json)).toEqual([{ id: 'ATT1', name: 'invoice.pdf' }]);
    const got = await run({ resource: 'messageAttachment', operation: 'download', messageId: 'AAMk1', attachmentId: 'ATT1' });
    expect(got.out[0].binary?.data).toMatchObject({ fileName: 'invoice.pdf', mimeType: 'application/pdf' });
    const env = { getCredentials: async () => credentials.microsoftOutlookOAuth2Api, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' };
    const ctx = methodContext({ nodeType: microsoftOutlookNodeV1, kind: 'loadOptions', method: 'getCategories', currentNodeParameters: {},
      credentials: { microsoftOutlookOAuth2Api: { id: '1', name: 'x' } } }, env);
    expect(await microsoftOutlookNodeV1.methods!.loadOptions!.getCategories(ctx)).toEqual([{ name: 'Red category', value: 'CAT1' }]);
  });
});
