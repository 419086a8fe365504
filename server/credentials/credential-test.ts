// "Test credential": connects with the given data and answers OK or a readable error, like n8n's
// credential test. Every connection is closed, and no message ever carries a secret value.
import { ImapFlow } from 'imapflow';
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
import nodemailer from 'nodemailer';
import pg from 'pg';
import {
  AppError, credentialTypeExtends, getCredentialType, parseCredentialData, type CredentialType, type OAuth2ApiData,
} from '../../domain/index.ts';
import {
  canTestPackageCredential, checkMongoConnection, checkMqttConnection, checkRabbitConnection, checkRemoteFiles, checkSshConnection, serviceCredentialTests, testPackageCredential,
} from '../../nodes/index.ts';
import { resolveTarget } from './network-guard.ts';
import { clientCredentialsToken, describeFetchError } from './oauth2.ts';
import { scrubSecrets } from './scrub.ts';

export interface CredentialTestResult {
  status: 'OK' | 'Error';
  message: string;
}

export interface CredentialTestOptions {
  /** Allow hosts on loopback and private networks (self-hosted setups); off by default against SSRF. */
  allowPrivateNetwork?: boolean;
  /** How long each step (connect, authenticate, query) may take; TEST_TIMEOUT_MS by default. */
  timeoutMs?: number;
}

export const TEST_TIMEOUT_MS = 5_000;

type Data = Record<string, unknown>;
type Options = CredentialTestOptions & { timeoutMs: number };
type Tester = (data: Data, options: Options) => Promise<string>;

// RabbitMQ's credential names its host `hostname`.
const hostOf = (d: Data) => String(d.host ?? d.hostname);
const where = (d: Data) => `${hostOf(d)}:${String(d.port)}`;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

async function testPostgres(d: Data, o: Options): Promise<string> {
  const target = await resolveTarget(String(d.host), o);
  // libpq semantics: 'require' encrypts without verifying the certificate; 'allow' tries plain first.
  const tls = { rejectUnauthorized: false, ...(target.servername ? { servername: target.servername } : {}) };
  const attempt = async (ssl: false | typeof tls) => {
    const client = new pg.Client({
      host: target.address, port: Number(d.port), database: text(d.database), user: text(d.user), password: text(d.password) ?? '',
      ssl, connectionTimeoutMillis: o.timeoutMs, query_timeout: o.timeoutMs, application_name: 'weft credential test',
    });
    client.on('error', () => {}); // a server dropping us after connect must not crash the process
    try {
      await client.connect();
      await client.query('SELECT 1');
    } finally {
      await client.end().catch(() => {});
    }
  };
  if (d.ssl === 'require') await attempt(tls);
  else if (d.ssl === 'allow') await attempt(false).catch((error: Error) => (/no encryption|SSL/i.test(error.message) ? attempt(tls) : Promise.reject(error)));
  else await attempt(false);
  return 'Connection successful';
}

async function testMySql(d: Data, o: Options): Promise<string> {
  const target = await resolveTarget(String(d.host), o);
  const connection = await mysql.createConnection({
    host: target.address, port: Number(d.port), database: text(d.database), user: text(d.user), password: text(d.password) ?? '',
    ssl: d.ssl ? {} : undefined, connectTimeout: o.timeoutMs,
  });
  try {
    await connection.query({ sql: 'SELECT 1', timeout: o.timeoutMs });
  } finally {
    await connection.end().catch(() => connection.destroy());
  }
  return 'Connection successful';
}

async function testRedis(d: Data, o: Options): Promise<string> {
  const target = await resolveTarget(String(d.host), o);
  // Each step is sent explicitly, so a failure names the step instead of ioredis's generic close.
  const client = new Redis({
    host: target.address, port: Number(d.port), lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: o.timeoutMs,
    commandTimeout: o.timeoutMs, enableReadyCheck: false, enableOfflineQueue: false, retryStrategy: () => null,
  });
  let connectionError: Error | undefined;
  client.on('error', (error: Error) => (connectionError ??= error));
  let note = '';
  try {
    await client.connect().catch((error: Error) => Promise.reject(connectionError ?? error));
    const password = text(d.password);
    if (password) {
      const user = text(d.user);
      try {
        await (user ? client.auth(user, password) : client.auth(password));
      } catch (error) {
        // A password the server does not ask for is harmless; say so rather than fail.
        if (user || !/without any password configured/.test((error as Error).message)) throw error;
        note = ' (the server does not require a password)';
      }
    }
    await client.select(Number(d.database));
    await client.client('SETNAME', 'weft-credential-test'); // visible in CLIENT LIST while it lasts
    await client.ping();
  } finally {
    client.disconnect();
  }
  return `Connection successful${note}`;
}

async function testSmtp(d: Data, o: Options): Promise<string> {
  const target = await resolveTarget(String(d.host), o);
  const user = text(d.user);
  const transport = nodemailer.createTransport({
    host: target.address, port: Number(d.port), secure: d.secure === true,
    ...(target.servername ? { servername: target.servername, tls: { servername: target.servername } } : {}),
    ...(user ? { auth: { user, pass: text(d.password) ?? '' } } : {}),
    connectionTimeout: o.timeoutMs, greetingTimeout: o.timeoutMs, socketTimeout: o.timeoutMs,
  });
  try {
    await transport.verify();
  } finally {
    transport.close();
  }
  return 'Connection successful';
}

async function testOAuth2(d: Data, o: Options): Promise<string> {
  const data = d as unknown as OAuth2ApiData;
  if (data.grantType !== 'clientCredentials') {
    throw new AppError('validation_failed', 'Only the client credentials grant can be tested; for the authorization code grant, connect the account');
  }
  // fetch cannot be pinned to the checked address; the check still stops the plain cases.
  await resolveTarget(new URL(data.accessTokenUrl).hostname, o);
  const token = await clientCredentialsToken(data);
  const lifetime = token.expires_at ? `, valid for ${Math.round((token.expires_at - Date.now()) / 1000)} s` : '';
  return `Got an access token${lifetime}`;
}

/** IMAP (the Email Trigger's credential): log in, list the mailboxes, then leave. */
async function testImap(d: Data, o: Options): Promise<string> {
  const target = await resolveTarget(String(d.host), o);
  const servername = target.servername ?? String(d.host);
  const client = new ImapFlow({
    host: target.address, port: Number(d.port), secure: d.secure !== false, logger: false,
    auth: { user: text(d.user) ?? '', pass: text(d.password) ?? '' },
    tls: { rejectUnauthorized: d.allowUnauthorizedCerts !== true, servername },
    connectionTimeout: o.timeoutMs, greetingTimeout: o.timeoutMs, socketTimeout: o.timeoutMs,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.list();
  } catch (error) {
    // imapflow's "Command failed" keeps the server's own words in responseText.
    const said = (error as { responseText?: string }).responseText;
    throw said ? new Error(said) : error;
  } finally {
    await client.logout().catch(() => client.close());
  }
  return 'Connection successful';
}

/** FTP and SFTP (the FTP node's credentials): log in, then leave. */
async function testRemoteFiles(protocol: 'ftp' | 'sftp', d: Data, o: Options): Promise<string> {
  const target = await resolveTarget(String(d.host), o);
  await checkRemoteFiles(protocol, { ...d, host: target.address }, o.timeoutMs);
  return 'Connection successful';
}

/** SSH with a password or a private key: authenticate, then leave. */
async function testSsh(d: Data, o: Options): Promise<string> {
  const target = await resolveTarget(String(d.host), o);
  await checkSshConnection({ ...d, host: target.address }, o.timeoutMs);
  return 'Connection successful';
}

/** RabbitMQ: open a connection (login and vhost), then leave. */
async function testRabbitmq(d: Data, o: Options): Promise<string> {
  const target = await resolveTarget(String(d.hostname), o);
  await checkRabbitConnection({ ...d, hostname: target.address }, o.timeoutMs);
  return 'Connection successful';
}

/** MQTT: connect until the broker accepts (CONNACK), then leave. */
async function testMqtt(d: Data, o: Options): Promise<string> {
  const target = await resolveTarget(String(d.host), o);
  await checkMqttConnection({ ...d, host: target.address }, o.timeoutMs);
  return 'Connection successful';
}

/** MongoDB: connect (logging in), `ping`, and check the database is listed; every host passes the network guard first. */
async function testMongoDb(d: Data, o: Options): Promise<string> {
  let first: Data | undefined;
  try {
    await checkMongoConnection(d, o.timeoutMs, async (host, port) => {
      first ??= { host, port: port ?? 27017 };
      await resolveTarget(host, o);
    });
  } catch (error) {
    // A connection string has no host and port fields for describe() to name: name its first host.
    if (d.configurationType !== 'connectionString' || !first) throw error;
    throw new Error(describe(error, first, o.timeoutMs), { cause: error });
  }
  return 'Connection successful';
}

/** n8n's API (and Weft's, which answers it): list one page of workflows with the key, as n8n's credential test does. */
async function testN8nApi(d: Data, o: Options): Promise<string> {
  const base = String(d.baseUrl ?? '').replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(`${base}/workflows?limit=5`);
  } catch {
    throw new AppError('validation_failed', `The base URL '${base}' is not a URL; it looks like https://weft.example.com/api/v1`);
  }
  // fetch cannot be pinned to the checked address; the check still stops the plain cases.
  await resolveTarget(url.hostname, o);
  const res = await fetch(url, { headers: { 'X-N8N-API-KEY': String(d.apiKey ?? ''), accept: 'application/json' }, redirect: 'manual', signal: AbortSignal.timeout(o.timeoutMs) });
  const body = (await res.text().catch(() => '')).slice(0, 1_000_000);
  if (res.status === 401 || res.status === 403) throw new AppError('validation_failed', `The API key was refused (HTTP ${res.status})`);
  const notApi = `${base}/workflows is not the n8n API (it answered HTTP ${res.status}${res.ok ? ' without a list of workflows' : ''}); the base URL ends in /api/v1`;
  if (res.status === 404) throw new AppError('validation_failed', notApi);
  if (!res.ok) throw new AppError('validation_failed', `The server answered HTTP ${res.status} ${res.statusText}`);
  // A web page answered with 200 (an editor's catch-all route) is not the API either.
  let list: unknown;
  try {
    list = (JSON.parse(body) as { data?: unknown }).data;
  } catch {
    list = undefined;
  }
  if (!Array.isArray(list)) throw new AppError('validation_failed', notApi);
  return 'Connection successful';
}

const testers: Record<string, Tester> = {
  ftp: (d, o) => testRemoteFiles('ftp', d, o), sftp: (d, o) => testRemoteFiles('sftp', d, o), sshPassword: testSsh, sshPrivateKey: testSsh, rabbitmq: testRabbitmq, mongoDb: testMongoDb, mqtt: testMqtt, postgres: testPostgres, mySql: testMySql, redis: testRedis, smtp: testSmtp, imap: testImap, oAuth2Api: testOAuth2, n8nApi: testN8nApi,
  // The SaaS nodes' own: they ask the service (who the token belongs to).
  ...Object.fromEntries(Object.entries(serviceCredentialTests).map(([type, test]): [string, Tester] => [type, (d, o) => test(d, o.timeoutMs, !o.allowPrivateNetwork)])),
};

/** Whether testCredential can do more for this type than say it cannot. */
export function canTestCredential(typeName: string): boolean {
  const type = getCredentialType(typeName);
  // Community package types: their own test (request or node method), else the OAuth2 token test.
  if (type?.package) return canTestPackageCredential(typeName) || credentialTypeExtends(typeName, 'oAuth2Api');
  return type?.testable === true && Object.hasOwn(testers, typeName);
}

/** Package types with a test of their own, answered by the n8n layer (its messages are final). */
async function testPackageType(typeName: string, data: Data, secrets: string[], options: CredentialTestOptions): Promise<CredentialTestResult> {
  const result = await testPackageCredential(typeName, data, { blockPrivateNetworks: !options.allowPrivateNetwork });
  if (!result) return { status: 'Error', message: 'This credential type cannot be tested' };
  return { status: result.status, message: scrubSecrets(result.message, secrets).slice(0, 500) };
}

function secretValues(type: CredentialType, data: Data): string[] {
  return type.fields.filter((f) => f.secret).flatMap((f) => {
    const value = data[f.name];
    if (typeof value === 'string') return [value];
    return typeof value === 'object' && value !== null ? Object.values(value).filter((v): v is string => typeof v === 'string') : [];
  });
}

/** A readable reason: drivers report refusals and timeouts as bare codes, or as an AggregateError per address. */
function describe(error: unknown, d: Data, timeoutMs: number): string {
  if (error instanceof AppError && error.details.length) {
    return `${error.message}: ${error.details.map((x) => (x.path ? `${x.path}: ${x.message}` : x.message)).join('; ')}`;
  }
  const first = error instanceof AggregateError && error.errors.length ? error.errors[0] : error;
  const { code, message = '' } = first as { code?: string; message?: string };
  const codes = [code, /\b(E[A-Z]{4,})\b/.exec(message)?.[1]];
  const is = (...names: string[]) => names.some((n) => codes.includes(n));
  if (is('ECONNREFUSED')) return `Connection refused by ${where(d)}; check the host and port`;
  if (is('ENOTFOUND', 'EAI_AGAIN')) return `The host '${hostOf(d)}' could not be resolved`;
  if (is('EHOSTUNREACH', 'ENETUNREACH')) return `${where(d)} cannot be reached from this server`;
  if (is('ETIMEDOUT') || /timeout|timed out|never received/i.test(message)) return `No answer from ${where(d)} within ${timeoutMs / 1000} s`;
  if (is('ECONNRESET')) return `${where(d)} closed the connection; check that it is the right service and port, and the SSL setting`;
  if (/wrong version number|packet length too long/i.test(message)) return `${where(d)} does not speak SSL/TLS on this port; turn SSL off or use its SSL port`;
  if (message === 'fetch failed') return describeFetchError(error);
  return message || code || 'The test failed for an unknown reason';
}

/** Connects with the credential and reports whether that worked. Never throws. */
export async function testCredential(typeName: string, data: unknown, options: CredentialTestOptions = {}): Promise<CredentialTestResult> {
  const type = getCredentialType(typeName);
  if (!type || !canTestCredential(typeName)) return { status: 'Error', message: 'This credential type cannot be tested' };
  const timeout = options.timeoutMs ?? TEST_TIMEOUT_MS;
  let parsed: Data;
  try {
    parsed = parseCredentialData(typeName, data);
  } catch (error) {
    const secrets = typeof data === 'object' && data !== null ? secretValues(type, data as Data) : [];
    return { status: 'Error', message: scrubSecrets(describe(error, {}, timeout), secrets) };
  }
  const secrets = secretValues(type, parsed);
  if (type.package && canTestPackageCredential(typeName)) return testPackageType(typeName, parsed, secrets, options);
  const tester = testers[typeName] ?? (credentialTypeExtends(typeName, 'oAuth2Api') ? testOAuth2 : undefined);
  if (!tester) return { status: 'Error', message: 'This credential type cannot be tested' };
  try {
    return { status: 'OK', message: scrubSecrets(await tester(parsed, { ...options, timeoutMs: timeout }), secrets) };
  } catch (error) {
    return { status: 'Error', message: scrubSecrets(describe(error, parsed, timeout), secrets).slice(0, 500) };
  }
}
