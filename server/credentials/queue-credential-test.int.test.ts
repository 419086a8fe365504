// The RabbitMQ and MQTT credential tests against the real brokers of this machine (RabbitMQ 5672,
// Mosquitto 1883), plus a Mosquitto started here with a password file, since the shared one lets
// anyone in. A missing broker fails on CI and skips elsewhere.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCredential } from './credential-test.ts';
import { checkService, type ServiceCheck } from './test-services.ts';

const HOST = '127.0.0.1';
const local = { allowPrivateNetwork: true };
const ok = { status: 'OK', message: 'Connection successful' };
const services = {
  rabbitmq: await checkService('RabbitMQ', HOST, 5672),
  mosquitto: await checkService('Mosquitto', HOST, 1883),
};

const reachable = (check: ServiceCheck) => () => {
  if (check.problem) throw new Error(check.problem);
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: HOST, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe.skipIf(services.rabbitmq.skip)('RabbitMQ', () => {
  const base = { hostname: HOST, port: 5672, username: 'guest', password: 'guest', vhost: '/', ssl: false };
  it('is reachable', reachable(services.rabbitmq));

  it('logs in and opens the vhost', async () => {
    expect(await testCredential('rabbitmq', base, local)).toEqual(ok);
  });

  it("reports a wrong password and an unknown vhost in the broker's words, without the password", async () => {
    const wrong = await testCredential('rabbitmq', { ...base, password: 'not-the-Secret-42' }, local);
    expect(wrong.status).toBe('Error');
    expect(wrong.message).toContain('ACCESS_REFUSED');
    expect(wrong.message).not.toContain('not-the-Secret-42');
    const vhost = await testCredential('rabbitmq', { ...base, vhost: 'weft-no-such-vhost' }, local);
    expect(vhost.status).toBe('Error');
    expect(vhost.message).toMatch(/NOT_ALLOWED.*weft-no-such-vhost/);
  });

  it('reports a closed port with the host and port', async () => {
    const port = await freePort();
    expect(await testCredential('rabbitmq', { ...base, port }, local)).toEqual({ status: 'Error', message: `Connection refused by ${HOST}:${port}; check the host and port` });
  });

  it('refuses loopback hosts unless private networks are allowed', async () => {
    const guarded = await testCredential('rabbitmq', base);
    expect(guarded.status).toBe('Error');
  });
});

describe.skipIf(services.mosquitto.skip)('MQTT', () => {
  const base = { protocol: 'mqtt', host: HOST, port: 1883, clean: true, ssl: false };
  let broker: ChildProcess | undefined;
  let dir = '';
  let securedPort = 0;

  beforeAll(async () => {
    // A broker of our own that checks passwords: user `weft`, password `right-Secret-7`.
    dir = mkdtempSync(path.join(tmpdir(), 'weft-mosquitto-'));
    securedPort = await freePort();
    const passwords = path.join(dir, 'passwords');
    writeFileSync(passwords, '');
    await new Promise<void>((resolve, reject) => {
      spawn('mosquitto_passwd', ['-b', passwords, 'weft', 'right-Secret-7'], { stdio: 'ignore' })
        .on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`mosquitto_passwd exited with ${code}`))))
        .on('error', reject);
    });
    const config = path.join(dir, 'mosquitto.conf');
    writeFileSync(config, [`listener ${securedPort} ${HOST}`, 'allow_anonymous false', `password_file ${passwords}`, 'user root', 'persistence false', ''].join('\n'));
    broker = spawn('mosquitto', ['-c', config], { stdio: 'ignore' });
    for (let i = 0; i < 50; i++) {
      if (await listening(securedPort)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the test Mosquitto did not start');
  }, 15_000);

  afterAll(() => {
    broker?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is reachable', reachable(services.mosquitto));

  it('connects to the shared broker and to the password-checking one with the right password', async () => {
    expect(await testCredential('mqtt', base, local)).toEqual(ok);
    expect(await testCredential('mqtt', { ...base, port: securedPort, username: 'weft', password: 'right-Secret-7' }, local)).toEqual(ok);
  });

  it("reports a wrong password in the broker's words, without the password", async () => {
    const wrong = await testCredential('mqtt', { ...base, port: securedPort, username: 'weft', password: 'wrong-Secret-9' }, local);
    expect(wrong.status).toBe('Error');
    expect(wrong.message).toMatch(/Not authorized|Bad username or password/);
    expect(wrong.message).not.toContain('wrong-Secret-9');
  });

  it('reports a closed port with the host and port', async () => {
    const port = await freePort();
    expect(await testCredential('mqtt', { ...base, port }, local)).toEqual({ status: 'Error', message: `Connection refused by ${HOST}:${port}; check the host and port` });
  });

  it("does not take over the credential's client ID (a running trigger keeps its connection)", async () => {
    const clientId = `weft-cred-${Math.random().toString(36).slice(2, 8)}`;
    const trigger = await mqtt.connectAsync(`mqtt://${HOST}:1883`, { clientId, reconnectPeriod: 0 });
    let dropped = false;
    trigger.on('close', () => (dropped = true));
    try {
      expect(await testCredential('mqtt', { ...base, clientId }, local)).toEqual(ok);
      await new Promise((r) => setTimeout(r, 200));
      expect(dropped).toBe(false);
    } finally {
      await trigger.endAsync();
    }
  });
});

describe('a broker that accepts connections but never answers', () => {
  let server: Server;
  let port = 0;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // resume(): read and drop, so that the client hanging up is noticed.
    server = createServer((socket) => void sockets.push(socket.resume()));
    await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([
    ['rabbitmq', { hostname: HOST, username: 'guest', password: 'pw-hidden' }],
    ['mqtt', { host: HOST, username: 'u', password: 'pw-hidden' }],
  ])('times out cleanly for %s, and hangs up', async (type, data) => {
    const started = Date.now();
    const result = await testCredential(type, { ...data, port }, { allowPrivateNetwork: true, timeoutMs: 300 });
    expect(result).toEqual({ status: 'Error', message: `No answer from ${HOST}:${port} within 0.3 s` });
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect.poll(() => sockets.filter((s) => !s.closed).length, { timeout: 2_000 }).toBe(0);
    expect(sockets.length).toBeGreaterThan(0);
  });
});
