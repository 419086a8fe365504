// The IMAP trigger (nodes/email-read-imap) against Debian's dovecot (.ci/services/dovecot.sh:
// 127.0.0.1:143, user weft-trigger) on a real test server: workflows activated through the REST
// API, mail delivered by IMAP APPEND into a mailbox of its own, runs asserted through the
// executions API. Dovecot drops
// the trigger's connections mid-test to prove it reconnects.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkService } from '../credentials/test-services.ts';
import { startTestServer, type TestServer } from '../test-support.ts';
import { ownerApi } from './trigger-test-support.ts';

// A user of its own, so dropping its connections disturbs no other test.
const IMAP = { host: '127.0.0.1', port: 143, secure: false, user: 'weft-trigger', password: 'weft-pass' };
const service = await checkService('Dovecot (IMAP)', IMAP.host, IMAP.port);
const mailbox = `weft-test-${randomUUID().slice(0, 8)}`;
let weft: TestServer;
let credentialId = '';

async function client(): Promise<ImapFlow> {
  const c = new ImapFlow({ host: IMAP.host, port: IMAP.port, secure: false, auth: { user: IMAP.user, pass: IMAP.password }, logger: false });
  c.on('error', () => {});
  await c.connect();
  return c;
}

async function withClient<T>(fn: (c: ImapFlow) => Promise<T>): Promise<T> {
  const c = await client();
  try {
    return await fn(c);
  } finally {
    await c.logout().catch(() => c.close());
  }
}

async function deliver(subject: string, withAttachment = false): Promise<void> {
  const message = await new MailComposer({
    from: 'Ann Sender <ann@weft.test>', to: 'weft@weft.test', cc: 'cc@weft.test', subject, text: `Plain ${subject}`, html: `<p>HTML ${subject}</p>`,
    headers: { 'X-Weft-Test': 'yes' },
    ...(withAttachment ? { attachments: [{ filename: 'notes.txt', content: 'attached bytes', contentType: 'text/plain' }] } : {}),
  }).compile().build();
  await withClient((c) => c.append(mailbox, message));
}

const api = ownerApi(() => weft);

function trigger(parameters: Record<string, unknown>, typeVersion = 2.1) {
  return {
    id: 't', name: 'Trigger', type: 'n8n-nodes-base.emailReadImap', typeVersion, position: [0, 0],
    parameters: { mailbox, ...parameters }, credentials: { imap: { id: credentialId, name: 'Dovecot' } },
  };
}

async function createActive(name: string, node: object): Promise<string> {
  const created = await api('POST', '/api/v1/workflows', {
    name, settings: { executionOrder: 'v1' }, connections: {},
    nodes: [node],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const activated = await api('POST', `/api/v1/workflows/${created.body.id}/activate`);
  expect(activated.status, JSON.stringify(activated.body)).toBe(200);
  return created.body.id as string;
}

type Emitted = Array<{ json: Record<string, any>; binary?: Record<string, any> }>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The trigger's items of every successful run, oldest first, once there are `count` runs. */
async function runsOf(workflowId: string, count: number, timeoutMs = 20_000): Promise<Emitted[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await weft.runtime.executions.settle();
    const list = await api('GET', `/api/v1/executions?workflowId=${workflowId}&limit=50`);
    const done = list.body.data.filter((e: { status: string }) => e.status === 'success');
    if (done.length >= count || Date.now() > until) {
      const out: Emitted[] = [];
      for (const e of [...done].reverse()) {
        const one = await api('GET', `/api/v1/executions/${e.id}?includeData=true`);
        out.push(one.body.data.resultData.runData.Trigger[0].data.main[0]);
      }
      return out;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(service.skip)('emailReadImap on dovecot', () => {
  beforeAll(async () => {
    if (service.problem) throw new Error(service.problem);
    await withClient((c) => c.mailboxCreate(mailbox));
    weft = await startTestServer({});
    const created = await api('POST', '/api/v1/credentials', { name: 'Dovecot', type: 'imap', data: IMAP });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    credentialId = created.body.id;
  });

  afterAll(async () => {
    await weft?.close();
    await withClient((c) => c.mailboxDelete(mailbox)).catch(() => {});
  });

  it('fires on new mail in the three formats, marks read, downloads attachments, and fires again after dovecot drops the connection', async () => {
    const simple = await createActive('IMAP simple', trigger({ format: 'simple', downloadAttachments: true, postProcessAction: 'read' }));
    const resolved = await createActive('IMAP resolved', trigger({ format: 'resolved', postProcessAction: 'nothing', options: { customEmailConfig: '["ALL"]' } }));
    const raw = await createActive('IMAP raw', trigger({ format: 'raw', postProcessAction: 'nothing', options: { customEmailConfig: '["ALL"]' } }, 2));

    await deliver('First mail', true);
    const [[s]] = await runsOf(simple, 1);
    expect(s.json).toMatchObject({
      subject: 'First mail', from: 'Ann Sender <ann@weft.test>', to: 'weft@weft.test', cc: 'cc@weft.test',
      textPlain: 'Plain First mail', textHtml: '<p>HTML First mail</p>', metadata: { 'x-weft-test': 'yes' }, attributes: { uid: expect.any(Number) },
    });
    expect(typeof s.json.date).toBe('string');
    expect(s.binary?.attachment_0).toMatchObject({ fileName: 'notes.txt', mimeType: 'text/plain' });
    expect(Buffer.from(s.binary?.attachment_0.data, 'base64').toString()).toBe('attached bytes');

    const [[r]] = await runsOf(resolved, 1);
    expect(r.json).toMatchObject({ subject: 'First mail', text: 'Plain First mail', html: '<p>HTML First mail</p>', from: { value: [{ address: 'ann@weft.test', name: 'Ann Sender' }] } });
    expect(r.json.headers['x-weft-test']).toBe('X-Weft-Test: yes');
    expect(r.json.attachments).toBeUndefined();
    expect(r.binary?.attachment_0).toMatchObject({ fileName: 'notes.txt', mimeType: 'text/plain' });

    const [[w]] = await runsOf(raw, 1);
    expect(Object.keys(w.json)).toEqual(['raw']);
    expect(w.json.raw).toContain('Plain First mail');
    expect(w.json.raw).not.toContain('Subject: First mail');

    // "Mark as Read" flagged it on the server.
    const flags = await withClient(async (c) => {
      await c.mailboxOpen(mailbox);
      const m = await c.fetchOne(String(s.json.attributes.uid), { flags: true }, { uid: true });
      return m ? [...(m.flags ?? [])] : [];
    });
    expect(flags).toContain('\\Seen');

    // Dovecot drops every connection of the user (its imap processes end): each trigger reconnects
    // and sees the next mail. (Other test files use dovecot too, so it is not restarted here.)
    execFileSync('doveadm', ['-c', '/etc/dovecot/weft.conf', 'kick', IMAP.user], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 500));
    await deliver('After restart');
    for (const id of [simple, resolved, raw]) {
      const runs = await runsOf(id, 2, 30_000);
      expect(runs).toHaveLength(2);
      expect(runs[1]).toHaveLength(1);
    }
    const runs = await runsOf(simple, 2);
    expect(runs[1][0].json.subject).toBe('After restart');
    expect(runs[1][0].binary).toBeUndefined();
  }, 90_000);
});
