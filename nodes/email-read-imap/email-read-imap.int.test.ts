// The IMAP trigger's manual run (the editor's test step) against Debian's dovecot
// (.ci/services/dovecot.sh: 127.0.0.1:143, weft / weft-pass): it waits for the next email, and a
// wrong password fails with the server's answer. Active-workflow runs, formats, mark-as-read and
// reconnection are tested on a server in server/triggers/email-read-imap-trigger.int.test.ts.
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChain } from '../n8n-api/test-support.ts';

const IMAP = { host: '127.0.0.1', port: 143, secure: false, user: 'weft', password: 'weft-pass' };
const mailbox = `weft-manual-${randomUUID().slice(0, 8)}`;

/** Whether dovecot answers; on CI its absence fails the suite, elsewhere it is skipped. */
const reachable = await new Promise<boolean>((resolve) => {
  const socket = connect({ host: IMAP.host, port: IMAP.port });
  socket.setTimeout(2_000, () => { socket.destroy(); resolve(false); });
  socket.once('connect', () => { socket.destroy(); resolve(true); });
  socket.once('error', () => resolve(false));
});
if (!reachable && process.env.CI !== 'true') console.warn('Skipping the IMAP trigger tests: dovecot does not answer on 127.0.0.1:143 (run .ci/services/dovecot.sh)');

async function withClient<T>(fn: (c: ImapFlow) => Promise<T>): Promise<T> {
  const c = new ImapFlow({ host: IMAP.host, port: IMAP.port, secure: false, auth: { user: IMAP.user, pass: IMAP.password }, logger: false });
  c.on('error', () => {});
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.logout().catch(() => c.close());
  }
}

const deliver = (subject: string) => withClient((c) => c.append(mailbox, `From: ann@weft.test\r\nTo: weft@weft.test\r\nSubject: ${subject}\r\n\r\nHello\r\n`));

describe.skipIf(!reachable && process.env.CI !== 'true')('emailReadImap manual run on dovecot', () => {
  beforeAll(async () => {
    if (!reachable) throw new Error('dovecot does not answer on 127.0.0.1:143');
    await withClient((c) => c.mailboxCreate(mailbox));
  });

  afterAll(async () => {
    await withClient((c) => c.mailboxDelete(mailbox)).catch(() => {});
  });

  it('a manual run waits for the next email; a wrong password fails with the server\'s answer', async () => {
    const node = { name: 'Trigger', type: 'n8n-nodes-base.emailReadImap', typeVersion: 2.1, parameters: { mailbox, format: 'simple' }, credentials: { imap: { id: '1', name: 'Dovecot' } } };
    const running = runChain([node], { credentials: { imap: IMAP } });
    await new Promise((r) => setTimeout(r, 1500));
    await deliver('Manual');
    const result = await running;
    expect(result.status).toBe('success');
    const items = result.data.resultData.runData.Trigger[0].data!.main[0]!;
    expect(items.map((i) => i.json.subject)).toEqual(['Manual']);

    const failed = await runChain([node], { credentials: { imap: { ...IMAP, password: 'wrong' } } });
    expect(failed.status).toBe('error');
    expect(failed.data.resultData.error?.message).toMatch(/Authentication failed/);
  }, 30_000);
});
