// The `imap` credential's test against Debian's dovecot (.ci/services/dovecot.sh: 127.0.0.1:143,
// weft / weft-pass). A missing dovecot fails on CI and skips elsewhere.
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { canTestCredential, testCredential } from './credential-test.ts';
import { checkService } from './test-services.ts';

const HOST = '127.0.0.1';
const local = { allowPrivateNetwork: true };
const dovecot = await checkService('Dovecot (IMAP)', HOST, 143);
const data = { host: HOST, port: 143, secure: false, user: 'weft', password: 'weft-pass', allowUnauthorizedCerts: false };

describe.skipIf(dovecot.skip)('IMAP credential test', () => {
  it('is reachable', () => {
    if (dovecot.problem) throw new Error(dovecot.problem);
  });

  it('logs in and lists the mailboxes', async () => {
    expect(canTestCredential('imap')).toBe(true);
    expect(await testCredential('imap', data, local)).toEqual({ status: 'OK', message: 'Connection successful' });
  });

  it('says the server refused a wrong password, without echoing it', async () => {
    const result = await testCredential('imap', { ...data, password: 'wr0ng-imap' }, local);
    expect(result.status).toBe('Error');
    expect(result.message).toMatch(/Authentication failed/i);
    expect(result.message).not.toContain('wr0ng-imap');
  });

  it('reports a closed port and refuses loopback unless private networks are allowed', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const refused = await testCredential('imap', { ...data, port }, local);
    expect(refused.status).toBe('Error');
    expect(refused.message).toContain('Connection refused');
    expect((await testCredential('imap', data)).status).toBe('Error');
  });
});
