// SSH connections for the SSH node (and the key handling SFTP shares): one ssh2 client per credential,
// shared between items and runs (SSH multiplexes channels, so concurrent commands are fine), dropped
// when the server closes it so the next use reconnects.
import { Client, type ConnectConfig } from 'ssh2';
import { credentialKey, sharedClients } from '../shared/shared-clients.ts';

const CONNECT_TIMEOUT_MS = 15_000;

/**
 * A private key as OpenSSH/PEM wants it. Keys pasted into a single-line field arrive with their line
 * breaks turned into spaces; the base64 body is re-wrapped between its BEGIN/END lines.
 */
export function formatPrivateKey(key: string): string {
  const trimmed = key.trim();
  if (trimmed.includes('\n')) return `${trimmed}\n`;
  const match = /^(-----BEGIN [A-Z0-9 ]+-----)(.*?)(-----END [A-Z0-9 ]+-----)$/.exec(trimmed);
  if (!match) return trimmed;
  const [, begin, body, end] = match;
  const headers: string[] = [];
  let rest = body.trim();
  // Encrypted PEM keys carry "Proc-Type: …" and "DEK-Info: …" headers before a blank line.
  for (const header of ['Proc-Type', 'DEK-Info']) {
    const found = new RegExp(`^${header}: (\\S+)\\s*`).exec(rest);
    if (found) {
      headers.push(`${header}: ${found[1]}`);
      rest = rest.slice(found[0].length);
    }
  }
  const lines = rest.replace(/\s+/g, '').match(/.{1,64}/g) ?? [];
  return [begin, ...headers, ...(headers.length ? [''] : []), ...lines, end, ''].join('\n');
}

/** ssh2 connect options from an `sshPassword`, `sshPrivateKey` or `sftp` credential's data. */
export function sshConnectConfig(data: Record<string, unknown>, timeoutMs = CONNECT_TIMEOUT_MS): ConnectConfig {
  const config: ConnectConfig = {
    host: String(data.host ?? ''),
    port: Number(data.port ?? 22),
    username: String(data.username ?? ''),
    readyTimeout: timeoutMs,
  };
  if (typeof data.privateKey === 'string' && data.privateKey.trim() !== '') {
    config.privateKey = formatPrivateKey(data.privateKey);
    if (typeof data.passphrase === 'string' && data.passphrase !== '') config.passphrase = data.passphrase;
  } else {
    config.password = String(data.password ?? '');
  }
  return config;
}

/** A connection failure in words that say what went wrong and where. */
export function describeSshError(error: unknown, config: ConnectConfig): string {
  const err = error as Error & { level?: string; code?: string };
  const where = `${config.username}@${config.host}:${config.port}`;
  if (err.level === 'client-authentication') return `SSH authentication failed for ${where}: ${err.message}`;
  return `Could not connect to the SSH server at ${where}: ${err.message}`;
}

function open(config: ConnectConfig): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    const failed = (error: Error) => reject(new Error(describeSshError(error, config)));
    client.once('error', failed);
    client.once('ready', () => {
      client.removeListener('error', failed);
      // Later failures (server gone) surface on the channel in use and close the client.
      client.on('error', () => {});
      resolve(client);
    });
    client.connect(config);
  });
}

const clients = sharedClients<Client>(async (client) => {
  client.end();
});

/** Runs `fn` with the shared SSH connection for this credential, opening it on first use. */
export function withSsh<R>(data: Record<string, unknown>, fn: (client: Client) => Promise<R>): Promise<R> {
  const key = credentialKey(data);
  const config = sshConnectConfig(data);
  return clients.use(key, async () => {
    const client = await open(config);
    client.once('close', () => void clients.discard(key));
    return client;
  }, fn);
}

/** Connects once and disconnects (the credential test). */
export async function checkSshConnection(data: Record<string, unknown>, timeoutMs?: number): Promise<void> {
  const client = await open(sshConnectConfig(data, timeoutMs));
  client.end();
}

export interface CommandResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** Single-quotes a value for a POSIX shell. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Runs `command` through the remote shell in `cwd`; output trimmed, as n8n's SSH node returns it. */
export function execCommand(client: Client, command: string, cwd: string, signal?: AbortSignal): Promise<CommandResult> {
  const full = cwd ? `cd ${shellQuote(cwd)} && ${command}` : command;
  return new Promise((resolve, reject) => {
    client.exec(full, (error, stream) => {
      if (error) return reject(error);
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      const abort = () => stream.close();
      signal?.addEventListener('abort', abort, { once: true });
      stream.on('data', (chunk: Buffer) => stdout.push(chunk));
      stream.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      stream.on('close', (code: number | null, exitSignal?: string) => {
        signal?.removeEventListener('abort', abort);
        resolve({
          code: code ?? null,
          signal: exitSignal ?? null,
          stdout: Buffer.concat(stdout).toString('utf8').trim(),
          stderr: Buffer.concat(stderr).toString('utf8').trim(),
        });
      });
    });
  });
}

/** Reads a remote file over the connection's SFTP channel. */
export function readRemoteFile(client: Client, path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    client.sftp((error, sftp) => {
      if (error) return reject(error);
      sftp.readFile(path, (readError, data) => {
        sftp.end();
        if (readError) reject(new Error(`Could not read ${path}: ${readError.message}`));
        else resolve(data);
      });
    });
  });
}

/** Writes a remote file over the connection's SFTP channel. */
export function writeRemoteFile(client: Client, path: string, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    client.sftp((error, sftp) => {
      if (error) return reject(error);
      sftp.writeFile(path, data, (writeError) => {
        sftp.end();
        if (writeError) reject(new Error(`Could not write ${path}: ${writeError.message}`));
        else resolve();
      });
    });
  });
}
