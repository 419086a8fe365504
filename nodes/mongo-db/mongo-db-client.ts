// MongoDB connections from n8n's `mongoDb` credential: the connection string (given, or built
// from host, port, user and password), TLS from the pasted PEM material, one shared client per
// credential for the node, the credential test, and error messages without the address's secrets.
import { createSecureContext } from 'node:tls';
import { MongoClient, type MongoClientOptions } from 'mongodb';
import { credentialKey, sharedClients } from '../shared/shared-clients.ts';

export type MongoCredential = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * n8n's address from values: mongodb://user:password@host:port, or mongodb+srv://… without a port.
 * Unlike n8n, user and password are URL-encoded (so `@` or `/` in a password work) and an empty
 * user leaves the userinfo out (the driver refuses `mongodb://:@host`).
 */
export function buildConnectionString(data: MongoCredential): string {
  const user = text(data.user);
  const userinfo = user ? `${encodeURIComponent(user)}:${encodeURIComponent(String(data.password ?? ''))}@` : '';
  const host = text(data.host);
  return data.port ? `mongodb://${userinfo}${host}:${Number(data.port)}` : `mongodb+srv://${userinfo}${host}`;
}

/** The address and database the credential names (n8n's validateAndResolveMongoCredentials). */
export function resolveMongoCredential(data: MongoCredential): { connectionString: string; database: string } {
  const database = text(data.database);
  if (data.configurationType !== 'connectionString') return { connectionString: buildConnectionString(data), database };
  const connectionString = text(data.connectionString);
  if (!connectionString) throw new Error('Cannot override credentials: valid MongoDB connection string not provided ');
  return { connectionString, database };
}

/** The hosts (and ports, when given) an address points at, for the network guard of the credential test. */
export function connectionHosts(connectionString: string): { host: string; port?: number }[] {
  const rest = connectionString.replace(/^mongodb(\+srv)?:\/\//i, '');
  const authority = rest.split(/[/?]/, 1)[0];
  return authority.slice(authority.lastIndexOf('@') + 1).split(',').filter(Boolean).map((entry) => {
    const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(entry);
    return match?.[2] ? { host: match[1], port: Number(match[2]) } : { host: match?.[1] ?? entry };
  });
}

/**
 * n8n's sanitizeMongoUriInMessage: the address never shows in a message (it may hold a password),
 * nor does any other mongodb:// address with userinfo.
 */
export function hideConnectionString(message: string, connectionString: string): string {
  if (connectionString && message.includes(connectionString)) {
    const scheme = /^mongodb(?:\+srv)?:\/\//i.exec(connectionString)?.[0] ?? '';
    return message.replaceAll(connectionString, `${scheme}[REDACTED]`);
  }
  return message.replace(/mongodb(\+srv)?:\/\/(?=\S*@)\S+/gi, 'mongodb$1://[REDACTED]');
}

/** PEM text pasted on one line (spaces for newlines) back into its block form. */
export function formatPem(pem: string): string {
  const match = /^\s*(-----BEGIN [A-Z0-9 ]+-----)([\s\S]*?)(-----END [A-Z0-9 ]+-----)\s*$/.exec(pem);
  if (!match) return pem;
  const body = match[2].replace(/\s+/g, '');
  return `${match[1]}\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n${match[3]}\n`;
}

export function clientOptions(data: MongoCredential, nodeVersion: number, more: MongoClientOptions = {}): MongoClientOptions {
  const options: MongoClientOptions = { driverInfo: { name: 'n8n_crud', version: nodeVersion > 0 ? String(nodeVersion) : 'unknown' }, ...more };
  if (data.tls !== true) return options;
  const pem = (value: unknown) => (text(value) ? formatPem(text(value)) : undefined);
  const passphrase = text(data.passphrase) || undefined;
  return { ...options, tls: true, secureContext: createSecureContext({ ca: pem(data.ca), cert: pem(data.cert), key: pem(data.key), passphrase }) };
}

/** Connects (the driver checks the server is there and, with a user, logs in) and returns the client. */
export async function connectMongo(data: MongoCredential, nodeVersion: number, more: MongoClientOptions = {}): Promise<MongoClient> {
  const { connectionString } = resolveMongoCredential(data);
  try {
    return await MongoClient.connect(connectionString, clientOptions(data, nodeVersion, more));
  } catch (error) {
    throw new Error(hideConnectionString((error as Error).message, connectionString), { cause: error });
  }
}

/** Like n8n's test, a database the server does not list is an error (skipped when listing is not allowed). */
async function checkDatabaseExists(client: MongoClient, database: string): Promise<void> {
  const listed = await client.db().admin().listDatabases({ nameOnly: true, authorizedDatabases: true }).catch(() => undefined);
  if (listed && !listed.databases.some((db) => db.name === database)) throw new Error(`Database "${database}" does not exist`);
}

/**
 * The credential test: connect, log in and `ping`, each step within `timeoutMs`; the error names
 * what the server said. `checkHost` may refuse a host first (the server's private-network guard).
 */
export async function checkMongoConnection(data: MongoCredential, timeoutMs = 10_000, checkHost?: (host: string, port?: number) => Promise<void>): Promise<void> {
  const { connectionString, database } = resolveMongoCredential(data);
  if (checkHost) for (const { host, port } of connectionHosts(connectionString)) await checkHost(host, port);
  const client = await connectMongo(data, 0, { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs, socketTimeoutMS: timeoutMs, appName: 'weft credential test' })
    .catch((error: Error) => {
      // Server selection reports a silent host as its monitor's last words ("connection <monitor> … closed").
      const cause = error.cause as Error | undefined;
      if (cause?.name === 'MongoServerSelectionError' && !/\bE[A-Z]{4,}\b/.test(error.message)) {
        throw new Error(`Server selection timed out after ${timeoutMs} ms: ${error.message}`, { cause });
      }
      throw error;
    });
  try {
    await client.db(database || undefined).command({ ping: 1 });
    if (database) await checkDatabaseExists(client, database);
  } catch (error) {
    throw new Error(hideConnectionString((error as Error).message, connectionString));
  } finally {
    await client.close().catch(() => {});
  }
}

// The driver keeps its own pool and reconnects by itself, so one client per credential serves every run.
const clients = sharedClients<MongoClient>(async (client) => {
  await client.close();
});

/** Runs `fn` with the credential's shared client (opened on first use). */
export async function withMongo<R>(data: MongoCredential, nodeVersion: number, fn: (client: MongoClient) => Promise<R>): Promise<R> {
  return clients.use(credentialKey(data), () => connectMongo(data, nodeVersion), fn);
}
