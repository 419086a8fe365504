// The Gmail node against a local stand-in of Google's token endpoint and the Gmail API v1
// (gmail-stand-in.ts): the RFC 2822 messages it sends, simplified and parsed reads, paging, labels,
// drafts, threads, n8n's error wording, a 429 waited out, the service account and the V1 node.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { clearGoogleTokenCache } from '../google-shared/google-auth.ts';
import { GMAIL_OAUTH_TOKEN, GMAIL_SERVICE_ACCOUNT, ME, startGmailStandIn, type GmailStandIn } from './gmail-stand-in.ts';
import { gmailNode } from './gmail.node.ts';
import { testGmailOAuth2Credential } from './gmail-credential-test.ts';

let google: GmailStandIn;
const saved = { gmail: process.env.WEFT_GMAIL_API_URL, oauth: process.env.WEFT_GOOGLE_OAUTH2_API_URL };
const credentials = { gmailOAuth2: { oauthTokenData: { access_token: GMAIL_OAUTH_TOKEN } } };

beforeAll(async () => {
  google = await startGmailStandIn();
  process.env.WEFT_GMAIL_API_URL = google.url;
  process.env.WEFT_GOOGLE_OAUTH2_API_URL = google.url;
});
afterAll(async () => {
  for (const [name, value] of [['WEFT_GMAIL_API_URL', saved.gmail], ['WEFT_GOOGLE_OAUTH2_API_URL', saved.oauth]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await google.close();
});
beforeEach(() => {
  google.seen.length = 0;
  google.messages.length = 0;
  google.drafts.length = 0;
  clearGoogleTokenCache();
});

const node = (typeVersion: number, parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Gmail', type: 'n8n-nodes-base.gmail', typeVersion, parameters, continueOnFail,
  credentials: { gmailOAuth2: { id: '1', name: 'Gmail' }, googleApi: { id: '2', name: 'SA' } },
});
const run = (typeVersion: number, parameters: Record<string, unknown>, items = [{ json: {} }], continueOnFail = false) =>
  runChain([node(typeVersion, parameters, continueOnFail)], { items, credentials: { ...credentials, googleApi: GMAIL_SERVICE_ACCOUNT } });
const sentMail = () => simpleParser(google.messages.at(-1)!.raw);
const incoming = (subject: string, extra = '') => `From: Ann <ann@example.com>\r\nTo: ${ME}, bob@example.com\r\nSubject: ${subject}\r\nMessage-ID: <m-${subject}@example.com>\r\nDate: Mon, 07 Dec 2026 09:00:00 +0000\r\n${extra}\r\nHello &amp; welcome`;

describe('Gmail v2 messages', () => {
  it('sends an RFC 2822 message as base64url raw: recipients, subject, HTML body with attribution, a binary attachment', async () => {
    const items = [{ json: {}, binary: { data: { data: Buffer.from('a,b\n1,2').toString('base64'), mimeType: 'text/csv', fileName: 'report.csv' } } }];
    const result = await run(2.1, {
      resource: 'message', operation: 'send', sendTo: 'bob@example.com, Cy <cy@example.com>', subject: 'Report', message: '<b>Hi</b>',
      options: { ccList: 'dee@example.com', bccList: 'eve@example.com', attachmentsUi: { attachmentsBinary: [{ property: 'data' }] } },
    }, items);
    const send = google.seen.find((r) => r.path.endsWith('/messages/send'))!;
    expect(send.method).toBe('POST');
    expect(send.authorization).toBe(`Bearer ${GMAIL_OAUTH_TOKEN}`);
    expect(send.body.raw).toMatch(/^[A-Za-z0-9_-]+=*$/);
    const mail = await sentMail();
    expect(mail.to && 'value' in mail.to ? mail.to.value.map((a) => a.address) : []).toEqual(['bob@example.com', 'cy@example.com']);
    expect(mail.headers.get('bcc')).toBeTruthy();
    expect(mail.subject).toBe('Report');
    expect(mail.html).toContain('<b>Hi</b><br><br>---<br><em>This email was sent automatically with Weft</em>');
    expect(mail.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['report.csv', 'a,b\n1,2']]);
    expect(outputOf(result, 'Gmail')).toEqual([{ json: { id: google.messages[0].id, threadId: google.messages[0].id, labelIds: ['SENT'] }, pairedItem: { item: 0 } }]);
  });

  it('v2 sends text by default, with the sender name from the profile and no attribution when switched off', async () => {
    await run(2, { resource: 'message', operation: 'send', sendTo: 'bob@example.com', subject: 'Plain', message: ' hello ', options: { senderName: 'Nathan', appendAttribution: false } });
    const mail = await sentMail();
    expect(mail.text?.trim()).toBe('hello');
    expect(mail.html).toBe(false);
    expect(mail.from && 'value' in mail.from ? mail.from.value[0] : undefined).toEqual({ address: ME, name: 'Nathan' });
    expect(google.seen.some((r) => r.path.endsWith('/profile'))).toBe(true);
  });

  it('rejects an address without @ with n8n’s message', async () => {
    const result = await run(2.1, { resource: 'message', operation: 'send', sendTo: 'nobody', subject: 'x', message: 'y' }, [{ json: {} }], true);
    expect(outputOf(result, 'Gmail')[0].json.error).toBe('Invalid email address (item 0)');
  });

  it('replies in the thread to the sender and other recipients but not to me, quoting the Message-ID', async () => {
    const original = google.addMessage(incoming('Hello'));
    await run(2.1, { resource: 'message', operation: 'reply', messageId: original.id, message: 'Thanks', emailType: 'text', options: { appendAttribution: false } });
    const send = google.seen.find((r) => r.path.endsWith('/messages/send'))!;
    expect(send.body.threadId).toBe(original.threadId);
    const mail = await sentMail();
    expect(mail.to && 'value' in mail.to ? mail.to.value.map((a) => a.address) : []).toEqual(['ann@example.com', 'bob@example.com']);
    expect(mail.inReplyTo).toBe('<m-Hello@example.com>');
    expect(mail.subject).toBe('Hello');
  });

  it('gets a message simplified: metadata headers asked for, labels named, headers lifted, snippet unescaped', async () => {
    const message = google.addMessage(incoming('Simple'), { labelIds: ['INBOX', 'Label_1'] });
    const result = await run(2.1, { resource: 'message', operation: 'get', messageId: message.id });
    const get = google.seen.find((r) => r.path.endsWith(`/messages/${message.id}`))!;
    expect(get.query.get('format')).toBe('metadata');
    expect(get.query.getAll('metadataHeaders')).toEqual(['From', 'To', 'Cc', 'Bcc', 'Subject']);
    const json = outputOf(result, 'Gmail')[0].json;
    expect(json.labels).toEqual([{ id: 'INBOX', name: 'INBOX' }, { id: 'Label_1', name: 'Receipts' }]);
    expect(json.Subject).toBe('Simple');
    expect(json.From).toBe('Ann <ann@example.com>');
    expect(json.snippet).toBe('Hello & welcome');
    expect(json).not.toHaveProperty('labelIds');
  });

  it('gets a message parsed from raw with its attachments as binary when asked', async () => {
    const mime = 'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b1"\r\n';
    const body = '\r\n--b1\r\nContent-Type: text/plain\r\n\r\nSee attached\r\n--b1\r\nContent-Type: text/plain; name="notes.txt"\r\nContent-Disposition: attachment; filename="notes.txt"\r\n\r\nnote body\r\n--b1--\r\n';
    const message = google.addMessage(incoming('Parsed', mime).replace('\r\nHello &amp; welcome', body));
    const result = await run(2.1, { resource: 'message', operation: 'get', messageId: message.id, simple: false, options: { downloadAttachments: true, dataPropertyAttachmentsPrefixName: 'file_' } });
    expect(google.seen.at(-1)!.query.get('format')).toBe('raw');
    const [item] = outputOf(result, 'Gmail');
    expect(item.json).toMatchObject({ id: message.id, threadId: message.threadId, subject: 'Parsed', text: 'See attached', headers: { subject: 'Subject: Parsed' } });
    expect((item.json.from as { value: unknown[] }).value).toEqual([{ address: 'ann@example.com', name: 'Ann' }]);
    expect(item.binary?.file_0).toMatchObject({ fileName: 'notes.txt', mimeType: 'text/plain' });
    expect(Buffer.from(item.binary!.file_0.data, 'base64').toString()).toBe('note body');
  });

  it('lists all messages across pages with the filters joined into q, and waits out a 429', async () => {
    for (let i = 0; i < 105; i++) google.addMessage(incoming(`n${i}`), { internalDate: String(Date.UTC(2026, 11, 7, 9, 0, i)) });
    google.rateLimitOnce();
    const result = await run(2.1, { resource: 'message', operation: 'getAll', returnAll: true, simple: false,
      filters: { sender: 'ann@example.com', readStatus: 'unread', receivedAfter: '2026-12-01T00:00:00Z', q: 'Hello' } });
    const lists = google.seen.filter((r) => r.path.endsWith('/messages') && r.method === 'GET');
    expect(lists.map((r) => r.query.get('pageToken'))).toEqual([null, null, '100']);
    expect(lists[0].query.get('q')).toBe(`Hello from:ann@example.com is:unread after:${Date.UTC(2026, 11, 1) / 1000}`);
    expect(lists[0].query.get('maxResults')).toBe('100');
    expect(outputOf(result, 'Gmail')).toHaveLength(105);
  });

  it('lists a limited number of messages simplified', async () => {
    for (let i = 0; i < 3; i++) google.addMessage(incoming(`L${i}`), { internalDate: String(Date.UTC(2026, 11, 7, 9, i)) });
    const result = await run(2.1, { resource: 'message', operation: 'getAll', limit: 2 });
    expect(google.seen[0].query.get('maxResults')).toBe('2');
    expect(outputOf(result, 'Gmail').map((i) => i.json.Subject)).toEqual(['L2', 'L1']);
  });

  it('marks as read, adds labels, deletes with {success: true}, and names a missing message as n8n does', async () => {
    const message = google.addMessage(incoming('Mark'));
    await run(2.1, { resource: 'message', operation: 'markAsRead', messageId: message.id });
    expect(google.seen.at(-1)!.body).toEqual({ removeLabelIds: ['UNREAD'] });
    await run(2.1, { resource: 'message', operation: 'addLabels', messageId: message.id, labelIds: ['Label_1'] });
    expect(message.labelIds).toEqual(['INBOX', 'Label_1']);
    const deleted = await run(2.1, { resource: 'message', operation: 'delete', messageId: message.id });
    expect(outputOf(deleted, 'Gmail')[0].json).toEqual({ success: true });
    const missing = await run(2.1, { resource: 'message', operation: 'get', messageId: 'abc123' }, [{ json: {} }], true);
    expect(outputOf(missing, 'Gmail')[0].json.error).toBe('Message not found (item 0)');
    const bad = await run(2.1, { resource: 'message', operation: 'get', messageId: 'not-an-id' }, [{ json: {} }], true);
    expect(outputOf(bad, 'Gmail')[0].json.error).toBe('Invalid message ID (item 0)');
  });
});

describe('Gmail v2 labels, drafts, threads', () => {
  it('creates a label with the visibility defaults and reports a taken name', async () => {
    const result = await run(2.1, { resource: 'label', operation: 'create', name: 'Invoices' });
    expect(google.seen[0].body).toEqual({ labelListVisibility: 'labelShow', messageListVisibility: 'show', name: 'Invoices' });
    expect(outputOf(result, 'Gmail')[0].json).toMatchObject({ name: 'Invoices', type: 'user' });
    const again = await run(2.1, { resource: 'label', operation: 'create', name: 'Invoices' }, [{ json: {} }], true);
    expect(outputOf(again, 'Gmail')[0].json.error).toBe('Label name exists already (item 0)');
    google.labels.splice(google.labels.findIndex((l) => l.name === 'Invoices'), 1);
  });

  it('creates a draft in a thread and reads drafts back parsed, id the draft’s and messageId the message’s', async () => {
    const thread = google.addMessage(incoming('Earlier'));
    const created = await run(2.1, { resource: 'draft', operation: 'create', subject: 'Draft 1', message: 'Body', emailType: 'text', options: { sendTo: 'bob@example.com', threadId: thread.threadId } });
    const draft = outputOf(created, 'Gmail')[0].json as { id: string; message: { id: string } };
    expect(google.seen[0].query.getAll('metadataHeaders')).toEqual(['Message-ID']);
    expect(google.seen[1].body.message.threadId).toBe(thread.threadId);
    expect(google.drafts[0].message.raw).not.toContain('sent automatically');
    expect((await simpleParser(google.drafts[0].message.raw)).inReplyTo).toBe('<m-Earlier@example.com>');
    const all = await run(2.1, { resource: 'draft', operation: 'getAll', returnAll: true });
    expect(outputOf(all, 'Gmail').map((i) => [i.json.id, i.json.messageId, i.json.subject])).toEqual([[draft.id, draft.message.id, 'Draft 1']]);
  });

  it('gets a thread with its messages simplified, and trashes it', async () => {
    const first = google.addMessage(incoming('T1'));
    google.addMessage(incoming('T2'), { threadId: first.threadId });
    const result = await run(2.1, { resource: 'thread', operation: 'get', threadId: first.threadId, options: { returnOnlyMessages: true } });
    expect(outputOf(result, 'Gmail').map((i) => i.json.Subject)).toEqual(['T1', 'T2']);
    const full = await run(2.1, { resource: 'thread', operation: 'get', threadId: first.threadId, simple: false });
    expect(google.seen.find((r) => r.path.endsWith(`/threads/${first.threadId}`) && r.query.get('format') === 'full')).toBeTruthy();
    expect(outputOf(full, 'Gmail')[0].json).toMatchObject({ id: first.threadId, messages: [{ Subject: 'T1' }, { Subject: 'T2' }] });
    await run(2.1, { resource: 'thread', operation: 'trash', threadId: first.threadId });
    expect(google.seen.at(-1)!.path).toBe(`/gmail/v1/users/me/threads/${first.threadId}/trash`);
    expect(google.messages.every((m) => m.labelIds.includes('TRASH'))).toBe(true);
  });
});

describe('Gmail service account, V1 and editor methods', () => {
  it('signs a JWT with the Gmail scopes for the service account and sends with V1', async () => {
    await run(1, { authentication: 'serviceAccount', resource: 'message', operation: 'send', toList: ['bob@example.com'], subject: 'V1', message: 'plain', includeHtml: true, htmlMessage: '<p>rich</p>' });
    expect(google.assertions[0].scope).toContain('https://mail.google.com/');
    const mail = await sentMail();
    expect([mail.subject, mail.text?.trim(), mail.html]).toEqual(['V1', 'plain', '<p>rich</p>']);
  });

  it('lists labels sorted by name for the editor', async () => {
    const ctx = methodContext({ nodeType: gmailNode, kind: 'loadOptions', method: 'getLabels', currentNodeParameters: { resource: 'message', operation: 'addLabels' },
      credentials: { gmailOAuth2: { id: '1', name: 'x' } } }, { getCredentials: async () => credentials.gmailOAuth2, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
    const labels = await gmailNode.methods!.loadOptions!.getLabels(ctx);
    expect(labels.map((l) => l.name)).toEqual(['DRAFT', 'INBOX', 'Receipts', 'SENT', 'UNREAD']);
    expect(google.seen[0].query.get('maxResults')).toBe('100');
  });

  it('tests a gmailOAuth2 credential with users.getProfile, reporting Google’s refusal', async () => {
    await expect(testGmailOAuth2Credential(credentials.gmailOAuth2, 5000)).resolves.toBe('Connection tested successfully');
    expect(google.seen.at(-1)!.path).toBe('/gmail/v1/users/me/profile');
    await expect(testGmailOAuth2Credential({ oauthTokenData: { access_token: 'stale' } }, 5000)).rejects.toThrow('Gmail answered 401: Request had invalid authentication credentials.');
    await expect(testGmailOAuth2Credential({}, 5000)).rejects.toThrow('no access token');
  });
});
