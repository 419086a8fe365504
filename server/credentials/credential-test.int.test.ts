// Credential tests against the real services of this machine (PostgreSQL, MariaDB, Redis), an SMTP
// server and an OAuth2 provider started here. A missing service fails on CI and skips elsewhere.
import { createServer, type AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCredential } from './credential-test.ts';
import { startTestOAuth2Provider, type TestOAuth2Provider } from './test-oauth2-provider.ts';
import { checkService, type ServiceCheck } from './test-services.ts';

const HOST = '127.0.0.1';
const local = { allowPrivateNetwork: true };
const services = {
  postgres: await checkService('PostgreSQL', HOST, 5432),
  mariadb: await checkService('MariaDB', HOST, 3306),
  redis: await checkService('Redis', HOST, 6379),
};

/** The first test of each suite: on CI a missing service fails here, with the reason. */
const reachable = (check: ServiceCheck) => () => {
  if (check.problem) throw new Error(check.problem);
};

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const ok = { status: 'OK', message: 'Connection successful' };

describe.skipIf(services.postgres.skip)('PostgreSQL', () => {
  const base = { host: HOST, port: 5432, database: 'test', user: 'postgres' };
  it('is reachable', reachable(services.postgres));

  it('connects and runs SELECT 1, also with ssl "allow" on a server without SSL', async () => {
    expect(await testCredential('postgres', base, local)).toEqual(ok);
    expect(await testCredential('postgres', { ...base, ssl: 'allow', password: 'ignored-by-trust' }, local)).toEqual(ok);
  });

  it('reports a wrong port and an unknown database readably', async () => {
    const port = await closedPort();
    expect(await testCredential('postgres', { ...base, port }, local)).toEqual({ status: 'Error', message: `Connection refused by ${HOST}:${port}; check the host and port` });
    expect(await testCredential('postgres', { ...base, database: 'weft_no_such_db' }, local)).toEqual({ status: 'Error', message: 'database "weft_no_such_db" does not exist' });
  });

  it('leaves no session open', async () => {
    await testCredential('postgres', base, local);
    await testCredential('postgres', { ...base, database: 'weft_no_such_db' }, local);
    const admin = new pg.Client(base);
    await admin.connect();
    try {
      const count = async () => (await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'weft credential test'")).rows[0].n;
      await expect.poll(count, { timeout: 3_000 }).toBe(0);
    } finally {
      await admin.end();
    }
  });
});

describe.skipIf(services.mariadb.skip)('MariaDB (mySql)', () => {
  const base = { host: HOST, port: 3306, database: 'test', user: 'root', password: '' };
  it('is reachable', reachable(services.mariadb));

  it('connects and runs SELECT 1', async () => {
    expect(await testCredential('mySql', base, local)).toEqual(ok);
  });

  it('reports a wrong password without revealing it', async () => {
    const result = await testCredential('mySql', { ...base, password: 'Wr0ng-pa55word' }, local);
    expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^Access denied for user 'root'/) });
    expect(result.message).not.toContain('Wr0ng-pa55word');
  });

  it('reports a wrong port and an unknown database', async () => {
    const port = await closedPort();
    expect(await testCredential('mySql', { ...base, port }, local)).toEqual({ status: 'Error', message: `Connection refused by ${HOST}:${port}; check the host and port` });
    expect((await testCredential('mySql', { ...base, database: 'weft_no_such_db' }, local)).message).toMatch(/Unknown database 'weft_no_such_db'/);
  });
});

describe.skipIf(services.redis.skip)('Redis', () => {
  const base = { host: HOST, port: 6379 };
  it('is reachable', reachable(services.redis));

  it('connects, selects the database and pings', async () => {
    expect(await testCredential('redis', base, local)).toEqual(ok);
    expect(await testCredential('redis', { ...base, database: 3 }, local)).toEqual(ok);
  });

  it('reports a database out of range and a wrong port', async () => {
    expect(await testCredential('redis', { ...base, database: 60_000 }, local)).toEqual({ status: 'Error', message: 'ERR DB index is out of range' });
    const port = await closedPort();
    expect(await testCredential('redis', { ...base, port }, local)).toEqual({ status: 'Error', message: `Connection refused by ${HOST}:${port}; check the host and port` });
  });

  it('reports a wrong ACL user or password without revealing the password', async () => {
    const result = await testCredential('redis', { ...base, user: 'weft-nobody', password: 'n0t-the-pa55' }, local);
    expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^WRONGPASS/) });
    expect(result.message).not.toContain('n0t-the-pa55');
  });

  it('leaves no connection open', async () => {
    await testCredential('redis', base, local);
    const admin = new Redis({ host: HOST, port: 6379, lazyConnect: true });
    await admin.connect();
    try {
      const named = async () => String(await admin.client('LIST')).split('\n').filter((l) => l.includes('name=weft-credential-test')).length;
      await expect.poll(named, { timeout: 3_000 }).toBe(0);
    } finally {
      admin.disconnect();
    }
  });
});

describe('SMTP', () => {
  let server: SMTPServer;
  let port: number;
  beforeAll(async () => {
    server = new SMTPServer({
      secure: false, disabledCommands: ['STARTTLS'], allowInsecureAuth: true, logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'mailer' && auth.password === 'm@il-Secret') callback(null, { user: 'mailer' });
        else callback(new Error('Invalid username or password'));
      },
    });
    await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const data = () => ({ host: HOST, port, secure: false, user: 'mailer', password: 'm@il-Secret' });

  it('verifies a login', async () => {
    expect(await testCredential('smtp', data(), local)).toEqual(ok);
  });

  it('reports a refused login without revealing the password', async () => {
    const result = await testCredential('smtp', { ...data(), password: 'wr0ng-m@il' }, local);
    expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/Invalid login/) });
    expect(result.message).not.toContain('wr0ng-m@il');
  });

  it('reports SSL against a plain server, and a wrong port', async () => {
    expect(await testCredential('smtp', { ...data(), secure: true }, local)).toEqual({
      status: 'Error', message: `${HOST}:${port} does not speak SSL/TLS on this port; turn SSL off or use its SSL port`,
    });
    const closed = await closedPort();
    expect(await testCredential('smtp', { ...data(), port: closed }, local)).toEqual({ status: 'Error', message: `Connection refused by ${HOST}:${closed}; check the host and port` });
  });
});

describe('OAuth2 client credentials', () => {
  let provider: TestOAuth2Provider;
  beforeAll(async () => {
    provider = await startTestOAuth2Provider();
  });
  afterAll(() => provider.close());

  const data = (more = {}) => ({
    grantType: 'clientCredentials', accessTokenUrl: provider.tokenUrl, clientId: provider.clientId, clientSecret: provider.clientSecret, ...more,
  });

  it('fetches a token', async () => {
    expect(await testCredential('oAuth2Api', data(), local)).toEqual({ status: 'OK', message: expect.stringMatching(/^Got an access token, valid for 3[56]\d\d s$/) });
    expect(await testCredential('oAuth2Api', data({ authentication: 'body' }), local)).toMatchObject({ status: 'OK' });
  });

  it('reports the provider refusal without the secret', async () => {
    const result = await testCredential('oAuth2Api', data({ clientSecret: 'n0t-my-secret' }), local);
    expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/invalid_client: Client authentication failed/) });
    expect(result.message).not.toContain('n0t-my-secret');
  });
});
