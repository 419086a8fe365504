// Send Email against a real SMTP server (smtp-server in this process), which checks the login and
// parses what it receives with mailparser, so each test asserts the message as delivered.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChain } from '../n8n-api/test-support.ts';
import { closeSharedClients } from '../shared/shared-clients.ts';

interface Received { user?: string; from?: string; to: string[]; mail: ParsedMail }
const received: Received[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    secure: false, disabledCommands: ['STARTTLS'], allowInsecureAuth: true, logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'weft' && auth.password === 'smtp-pass') return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        received.push({ user: session.user as string | undefined, from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined, to: session.envelope.rcptTo.map((r) => r.address), mail });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.server.address() as { port: number }).port;
});

afterAll(async () => {
  // The node keeps pooled connections open; close them so the server can stop at once.
  await closeSharedClients();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const smtp = (password = 'smtp-pass') => ({ smtp: { host: '127.0.0.1', port, secure: false, user: 'weft', password } });

function sendNode(typeVersion: number, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { name: 'Send Email', type: 'n8n-nodes-base.emailSend', typeVersion, parameters, credentials: { smtp: { id: '1', name: 'SMTP' } }, ...extra };
}

function output(result: Awaited<ReturnType<typeof runChain>>) {
  return result.data.resultData.runData['Send Email']?.[0]?.data?.main?.[0] ?? [];
}

describe('emailSend', () => {
  it('sends text (v2 default) with CC, BCC and Reply-To, one mail per item, and reports what the server accepted', async () => {
    received.length = 0;
    const result = await runChain([sendNode(2, {
      fromEmail: 'Weft <robot@weft.test>', toEmail: '={{ $json.to }}', subject: '=Hello {{ $json.name }}', text: '=Dear {{ $json.name }}',
      options: { ccEmail: 'cc@weft.test', bccEmail: 'bcc@weft.test', replyTo: 'reply@weft.test' },
    })], { items: [{ json: { to: 'ann@weft.test', name: 'Ann' } }, { json: { to: 'bob@weft.test', name: 'Bob' } }], credentials: smtp() });
    expect(result.status).toBe('success');
    expect(received).toHaveLength(2);
    const [ann, bob] = received;
    expect(ann.user).toBe('weft');
    expect(ann.from).toBe('robot@weft.test');
    expect(ann.to.sort()).toEqual(['ann@weft.test', 'bcc@weft.test', 'cc@weft.test']);
    expect(ann.mail.subject).toBe('Hello Ann');
    expect(ann.mail.text?.trim()).toBe('Dear Ann');
    expect(ann.mail.html).toBe(false);
    expect(ann.mail.from?.value).toEqual([{ name: 'Weft', address: 'robot@weft.test' }]);
    expect(ann.mail.cc && !Array.isArray(ann.mail.cc) ? ann.mail.cc.text : '').toBe('cc@weft.test');
    expect(ann.mail.replyTo?.text).toBe('reply@weft.test');
    expect(ann.mail.headers.has('bcc')).toBe(false);
    expect(bob.mail.subject).toBe('Hello Bob');
    const items = output(result);
    expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
    expect(items[0].json).toMatchObject({ accepted: expect.arrayContaining(['ann@weft.test', 'cc@weft.test', 'bcc@weft.test']), rejected: [] });
    expect(String(items[0].json.messageId)).toMatch(/^<.+@weft\.test>$/);
  });

  it('sends HTML with the attribution by default from 2.1, and both parts when asked', async () => {
    received.length = 0;
    const result = await runChain([
      sendNode(2.1, { fromEmail: 'robot@weft.test', toEmail: 'ann@weft.test', subject: 'html', html: '<p>Hi <b>Ann</b></p>' }),
      { ...sendNode(2.1, { fromEmail: 'robot@weft.test', toEmail: 'ann@weft.test', subject: 'both', emailFormat: 'both', text: 'plain part', html: '<p>html part</p>', options: { appendAttribution: false } }), name: 'Both' },
    ], { items: [{ json: {} }], credentials: smtp() });
    expect(result.status).toBe('success');
    const [html, both] = received;
    expect(html.mail.html).toContain('<p>Hi <b>Ann</b></p>');
    expect(html.mail.html).toContain('This email was sent automatically with Weft');
    expect(both.mail.text?.trim()).toBe('plain part');
    expect(both.mail.html).toBe('<p>html part</p>');
  });

  it('attaches the named binary properties with their file names, types and bytes', async () => {
    received.length = 0;
    const csv = Buffer.from('id,name\n1,Ann\n');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const result = await runChain([sendNode(2.1, {
      fromEmail: 'robot@weft.test', toEmail: 'ann@weft.test', subject: 'files', emailFormat: 'text', text: 'see attached',
      options: { attachments: 'report, logo', appendAttribution: false },
    })], {
      items: [{ json: {}, binary: {
        report: { data: csv.toString('base64'), mimeType: 'text/csv', fileName: 'report.csv' },
        logo: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'logo.png' },
      } }],
      credentials: smtp(),
    });
    expect(result.status).toBe('success');
    const { attachments } = received[0].mail;
    expect(attachments.map((a) => [a.filename, a.contentType, a.cid])).toEqual([['report.csv', 'text/csv', 'report'], ['logo.png', 'image/png', 'logo']]);
    expect(attachments[0].content.equals(csv)).toBe(true);
    expect(attachments[1].content.equals(png)).toBe(true);
  });

  it('fails with the server\'s answer when the password is wrong, and continues per item when asked', async () => {
    received.length = 0;
    const params = { fromEmail: 'robot@weft.test', toEmail: 'ann@weft.test', subject: 'x', text: 'x' };
    const failed = await runChain([sendNode(2, params)], { items: [{ json: {} }], credentials: smtp('wrong') });
    expect(failed.status).toBe('error');
    expect(failed.data.resultData.error?.message).toMatch(/Invalid login: 535 .*Invalid username or password/);
    const ongoing = await runChain([sendNode(2, params, { continueOnFail: true })], { items: [{ json: {} }, { json: {} }], credentials: smtp('wrong') });
    expect(ongoing.status).toBe('success');
    expect(output(ongoing).map((i) => [i.pairedItem, String(i.json.error)])).toEqual([
      [{ item: 0 }, expect.stringContaining('Invalid login')], [{ item: 1 }, expect.stringContaining('Invalid login')],
    ]);
    expect(received).toHaveLength(0);
  });

  it('names the refused connection when no server listens', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = new SMTPServer({ logger: false });
      probe.listen(0, '127.0.0.1', () => { const p = (probe.server.address() as { port: number }).port; probe.close(() => resolve(p)); });
    });
    const result = await runChain([sendNode(2, { fromEmail: 'a@weft.test', toEmail: 'b@weft.test', text: 'x' })], {
      items: [{ json: {} }], credentials: { smtp: { host: '127.0.0.1', port: closed, secure: false, user: '', password: '' } },
    });
    expect(result.status).toBe('error');
    expect(result.data.resultData.error?.message).toContain('ECONNREFUSED');
  });
});
