// The parts of credential testing that need no outside service: dispatch, validation, the
// private-network guard, timeouts against a silent local socket, and keeping secrets out.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_TYPES } from '../../domain/index.ts';
import { canTestCredential, testCredential } from './credential-test.ts';
import { isInternalAddress, resolveTarget } from './network-guard.ts';
import { scrubSecrets } from './scrub.ts';

describe('which types can be tested', () => {
  it('matches the testable flag of every type description', () => {
    for (const type of CREDENTIAL_TYPES) expect(canTestCredential(type.name), type.name).toBe(type.testable);
  });

  it('says so for types it cannot test, and for unknown ones', async () => {
    for (const name of ['httpHeaderAuth', 'httpBearerAuth', 'genericApiKey', 'nope', 'constructor']) {
      expect(await testCredential(name, {})).toEqual({ status: 'Error', message: 'This credential type cannot be tested' });
    }
  });
});

describe('invalid data', () => {
  it('is reported with the field, without echoing secrets', async () => {
    const result = await testCredential('postgres', { host: 'db.example.com', port: 'x', password: 'sup3r-secret' });
    expect(result.status).toBe('Error');
    expect(result.message).toMatch(/port:/);
    expect(result.message).not.toContain('sup3r-secret');
  });

  it('explains that the authorization code grant is tested by connecting the account', async () => {
    const result = await testCredential('oAuth2Api', {
      grantType: 'authorizationCode', authUrl: 'https://id.example.com/auth', accessTokenUrl: 'https://id.example.com/token', clientId: 'a', clientSecret: 'b',
    });
    expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/Only the client credentials grant/) });
  });
});

describe('private network guard', () => {
  it('knows internal addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.31.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '64:ff9b::a00:1', 'not-an-ip']) {
      expect(isInternalAddress(a), a).toBe(true);
    }
    for (const a of ['1.1.1.1', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(isInternalAddress(a), a).toBe(false);
  });

  it('refuses hosts that resolve to them unless allowed, and pins the checked address', async () => {
    await expect(resolveTarget('localhost')).rejects.toThrow(/internal address \(127\.0\.0\.1\)/);
    await expect(resolveTarget('[::1]')).rejects.toThrow(/'\[::1\]' is internal/);
    expect(await resolveTarget('localhost', { allowPrivateNetwork: true })).toEqual({ address: 'localhost' });
    expect(await resolveTarget('8.8.8.8')).toEqual({ address: '8.8.8.8' });
  });

  it('is on by default for every testable type', async () => {
    const cases: [string, object][] = [
      ['postgres', { host: '127.0.0.1' }], ['mySql', { host: 'localhost' }], ['redis', { host: '10.0.0.5' }], ['smtp', { host: '127.0.0.1' }],
      ['oAuth2Api', { grantType: 'clientCredentials', accessTokenUrl: 'http://127.0.0.1:8080/token', clientId: 'a', clientSecret: 'b' }],
    ];
    for (const [type, data] of cases) {
      expect((await testCredential(type, data)).message, type).toMatch(/does not test credentials against its private network/);
    }
  });
});

describe('a server that accepts connections but never answers', () => {
  let server: Server;
  let port: number;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // resume(): read and drop, so that the client hanging up is noticed.
    server = createServer((socket) => void sockets.push(socket.resume()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([['postgres', {}], ['smtp', { secure: false }], ['redis', {}], ['mySql', {}]])('times out cleanly for %s, and hangs up', async (type, extra) => {
    const started = Date.now();
    const result = await testCredential(type, { host: '127.0.0.1', port, password: 'pw-hidden', ...extra }, { allowPrivateNetwork: true, timeoutMs: 300 });
    expect(result).toEqual({ status: 'Error', message: `No answer from 127.0.0.1:${port} within 0.3 s` });
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect.poll(() => sockets.filter((s) => !s.closed).length, { timeout: 2_000 }).toBe(0);
    expect(sockets.length).toBeGreaterThan(0);
  });
});

describe('scrubSecrets', () => {
  it('removes every secret, longest first, also URL-encoded', () => {
    expect(scrubSecrets('postgres://u:p%40ss@h failed for p@ss and p', ['p', 'p@ss'])).toBe('***ostgres://u:***@h failed for *** and ***');
    expect(scrubSecrets('nothing here', ['', undefined, 42])).toBe('nothing here');
  });
});
