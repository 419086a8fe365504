// The FTP node's two protocols behind one interface: FTP (basic-ftp) and SFTP (ssh2-sftp-client).
// One connection per credential is shared between runs. An FTP control connection runs one command
// at a time, so its users take turns; SFTP multiplexes requests and needs no turns.
import { posix } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { Client as FtpClient, FTPError } from 'basic-ftp';
import SftpClient from 'ssh2-sftp-client';
import type { JsonObject } from '../../engine/index.ts';
import { credentialKey, sharedClients } from '../shared/shared-clients.ts';
import { describeSshError, sshConnectConfig } from '../ssh/ssh-connection.ts';
import { ftpEntry, joinPath, sftpEntry } from './ftp-listing.ts';

const TIMEOUT_MS = 15_000;

export interface RemoteFiles {
  /** The directory's entries (without `.` and `..`), each with its full `path`. */
  list(path: string): Promise<JsonObject[]>;
  download(path: string): Promise<Buffer>;
  /** Writes the file, creating missing parent directories. */
  upload(path: string, content: Buffer): Promise<void>;
  rename(oldPath: string, newPath: string, createDirectories: boolean): Promise<void>;
  delete(path: string, folder: boolean, recursive: boolean): Promise<void>;
}

// ---- FTP ----------------------------------------------------------------------------------------

interface FtpSession {
  client: FtpClient;
  /** The login directory, restored after commands that change directory. */
  home: string;
  /** The tail of the queue of users waiting for their turn. */
  turn: Promise<void>;
}

async function openFtp(data: Record<string, unknown>, timeoutMs = TIMEOUT_MS): Promise<FtpSession> {
  const host = String(data.host ?? '');
  const port = Number(data.port ?? 21);
  const client = new FtpClient(timeoutMs);
  try {
    await client.access({ host, port, user: String(data.username ?? '') || 'anonymous', password: String(data.password ?? '') });
  } catch (error) {
    client.close();
    const message = (error as Error).message;
    if (error instanceof FTPError && error.code === 530) throw new Error(`FTP login to ${host}:${port} failed: ${message}`);
    throw new Error(`Could not connect to the FTP server at ${host}:${port}: ${message}`);
  }
  return { client, home: await client.pwd(), turn: Promise.resolve() };
}

const ftpSessions = sharedClients<FtpSession>(async (session) => session.client.close());

function ftpFiles(session: FtpSession): RemoteFiles {
  const { client } = session;
  const back = () => client.cd(session.home);
  const list = async (path: string) => (await client.list(path)).filter((f) => f.name !== '.' && f.name !== '..').map((f) => ({ ...ftpEntry(f), path: joinPath(path, f.name) }));
  return {
    list,
    async download(path) {
      const chunks: Buffer[] = [];
      const sink = new PassThrough();
      sink.on('data', (chunk: Buffer) => chunks.push(chunk));
      await client.downloadTo(sink, path);
      return Buffer.concat(chunks);
    },
    async upload(path, content) {
      try {
        await client.uploadFrom(Readable.from([content]), path);
      } catch (error) {
        // 553: the server cannot create the file there, typically because the folder is missing.
        if (!(error instanceof FTPError) || error.code !== 553) throw error;
        await client.ensureDir(posix.dirname(path));
        await back();
        await client.uploadFrom(Readable.from([content]), path);
      }
    },
    async rename(oldPath, newPath, createDirectories) {
      if (createDirectories) {
        await client.ensureDir(posix.dirname(newPath));
        await back();
      }
      await client.rename(oldPath, newPath);
    },
    async delete(path, folder, recursive) {
      if (!folder) return void (await client.remove(path));
      if (recursive) {
        await client.removeDir(path);
        await back();
      } else await client.send(`RMD ${path}`);
    },
  };
}

async function withFtp<R>(data: Record<string, unknown>, fn: (files: RemoteFiles) => Promise<R>): Promise<R> {
  const key = credentialKey(data);
  return ftpSessions.use(key, () => openFtp(data), async (session) => {
    const previous = session.turn;
    let done!: () => void;
    session.turn = new Promise((resolve) => (done = resolve));
    await previous;
    try {
      return await fn(ftpFiles(session));
    } finally {
      done();
      // A dropped control connection is not reused: the next use logs in again.
      if (session.client.closed) void ftpSessions.discard(key);
    }
  });
}

// ---- SFTP ---------------------------------------------------------------------------------------

const sftpClients = sharedClients<SftpClient>(async (client) => void (await client.end()));

async function openSftp(data: Record<string, unknown>, onClose: () => void, timeoutMs = TIMEOUT_MS): Promise<SftpClient> {
  const config = sshConnectConfig(data, timeoutMs);
  const client = new SftpClient('weft-ftp');
  try {
    await client.connect({ ...config, retries: 0 });
  } catch (error) {
    const cause = error as Error & { level?: string };
    // ssh2-sftp-client prefixes "connect: " and keeps ssh2's level on the error.
    const message = cause.message.replace(/^connect:\s*/, '').replace(/^getConnection:\s*/, '');
    throw new Error(describeSshError(Object.assign(new Error(message), { level: cause.level ?? (/authentication/i.test(message) ? 'client-authentication' : undefined) }), config));
  }
  client.on('close', onClose);
  return client;
}

function sftpFiles(client: SftpClient): RemoteFiles {
  const ensureParent = async (path: string) => {
    const dir = posix.dirname(path);
    if (!(await client.exists(dir))) await client.mkdir(dir, true);
  };
  return {
    async list(path) {
      const entries = await client.list(path);
      return entries.filter((f) => f.name !== '.' && f.name !== '..').map((f) => ({ ...sftpEntry(f as never), path: joinPath(path, f.name) }));
    },
    async download(path) {
      return (await client.get(path)) as Buffer;
    },
    async upload(path, content) {
      await ensureParent(path);
      await client.put(content, path);
    },
    async rename(oldPath, newPath, createDirectories) {
      if (createDirectories) await ensureParent(newPath);
      await client.rename(oldPath, newPath);
    },
    async delete(path, folder, recursive) {
      if (folder) await client.rmdir(path, recursive);
      else await client.delete(path);
    },
  };
}

function withSftp<R>(data: Record<string, unknown>, fn: (files: RemoteFiles) => Promise<R>): Promise<R> {
  const key = credentialKey(data);
  return sftpClients.use(key, () => openSftp(data, () => void sftpClients.discard(key)), (client) => fn(sftpFiles(client)));
}

/** Runs `fn` with the shared connection for this protocol and credential. */
export function withRemoteFiles<R>(protocol: string, data: Record<string, unknown>, fn: (files: RemoteFiles) => Promise<R>): Promise<R> {
  return protocol === 'sftp' ? withSftp(data, fn) : withFtp(data, fn);
}

/** Connects, logs in and disconnects (the credential test). */
export async function checkRemoteFiles(protocol: string, data: Record<string, unknown>, timeoutMs?: number): Promise<void> {
  if (protocol === 'sftp') {
    const client = await openSftp(data, () => {}, timeoutMs);
    await client.end();
  } else {
    (await openFtp(data, timeoutMs)).client.close();
  }
}
