// "Test credential" for the FTP and SSH node types (ftp, sftp, sshPassword, sshPrivateKey) against the
// local vsftpd (127.0.0.1:21) and OpenSSH (127.0.0.1:2222) of .ci/services: OK with good data, a
// readable error for a wrong password, a stopped server, and a private network when that is refused.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { canTestCredential, testCredential } from './credential-test.ts';
import { checkService, type ServiceCheck } from './test-services.ts';

const HOST = '127.0.0.1';
const local = { allowPrivateNetwork: true };
const ok = { status: 'OK', message: 'Connection successful' };
const services = { ftp: await checkService('vsftpd', HOST, 21), ssh: await checkService('sshd', HOST, 2222) };
const key = (name: string) => (existsSync(`/tmp/weft-sshd/${name}`) ? readFileSync(`/tmp/weft-sshd/${name}`, 'utf8') : '');
const reachable = (check: ServiceCheck) => () => {
  if (check.problem) throw new Error(check.problem);
};

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it('the four types can be tested', () => {
  for (const type of ['ftp', 'sftp', 'sshPassword', 'sshPrivateKey']) expect(canTestCredential(type), type).toBe(true);
});

describe.skipIf(services.ftp.skip)('ftp', () => {
  const base = { host: HOST, port: 21, username: 'weft', password: 'weft-pass' };
  it('is reachable', reachable(services.ftp));

  it('logs in, and names a wrong password, a stopped server and a private address', async () => {
    expect(await testCredential('ftp', base, local)).toEqual(ok);
    expect(await testCredential('ftp', { ...base, password: 'wrong-password' }, local)).toEqual({ status: 'Error', message: `FTP login to ${HOST}:21 failed: 530 Login incorrect.` });
    const port = await closedPort();
    expect(await testCredential('ftp', { ...base, port }, local)).toEqual({ status: 'Error', message: `Connection refused by ${HOST}:${port}; check the host and port` });
    expect((await testCredential('ftp', base)).message).toMatch(/internal/);
  });
});

describe.skipIf(services.ssh.skip)('sftp, sshPassword, sshPrivateKey', () => {
  const base = { host: HOST, port: 2222, username: 'weft' };
  it('is reachable', reachable(services.ssh));

  it('logs in with a password or a key, and names a wrong password or passphrase and a stopped server', async () => {
    expect(await testCredential('sftp', { ...base, password: 'weft-pass' }, local)).toEqual(ok);
    expect(await testCredential('sftp', { ...base, privateKey: key('id_ed25519') }, local)).toEqual(ok);
    expect(await testCredential('sshPassword', { ...base, password: 'weft-pass' }, local)).toEqual(ok);
    expect(await testCredential('sshPrivateKey', { ...base, privateKey: key('id_rsa_pass'), passphrase: 'weft-key-pass' }, local)).toEqual(ok);

    const wrong = `SSH authentication failed for weft@${HOST}:2222: All configured authentication methods failed`;
    expect(await testCredential('sshPassword', { ...base, password: 'wrong-password' }, local)).toEqual({ status: 'Error', message: wrong });
    expect(await testCredential('sftp', { ...base, password: 'wrong-password' }, local)).toEqual({ status: 'Error', message: wrong });
    expect((await testCredential('sshPrivateKey', { ...base, privateKey: key('id_rsa_pass'), passphrase: 'not-it' }, local)).message).toMatch(/decrypt|passphrase|parse/i);
    const port = await closedPort();
    expect(await testCredential('sshPassword', { ...base, port, password: 'x' }, local)).toEqual({ status: 'Error', message: `Connection refused by ${HOST}:${port}; check the host and port` });
  });
});
