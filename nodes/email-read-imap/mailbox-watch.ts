// Keeps one IMAP connection on a mailbox (imapflow idles on it, so the server pushes new mail),
// and calls `check` after each (re)connect and whenever the mailbox grows. When the server drops
// the connection it reconnects with backoff; `forceReconnectMinutes` renews it on a timer, for
// servers that end long connections. Checks never overlap.
import { ImapFlow } from 'imapflow';
import { errorMessage } from '../shared/items.ts';

export interface ImapCredential {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  allowUnauthorizedCerts: boolean;
}

export function imapCredential(data: Record<string, unknown>): ImapCredential {
  return {
    host: String(data.host ?? '').trim(), port: Number(data.port ?? 993), secure: data.secure !== false,
    user: String(data.user ?? ''), password: String(data.password ?? ''), allowUnauthorizedCerts: data.allowUnauthorizedCerts === true,
  };
}

/** A connected client (not yet on a mailbox); errors say what the server answered. */
export async function connectImap(c: ImapCredential, timeoutMs = 20_000): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: c.host, port: c.port, secure: c.secure, auth: { user: c.user, pass: c.password }, logger: false,
    tls: { rejectUnauthorized: !c.allowUnauthorizedCerts, ...(c.secure ? { servername: c.host } : {}) },
    connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: 10 * 60_000,
    // IDLE as soon as the connection is free (imapflow waits 15 s by default), so new mail is pushed
    // at once; renewing it every few minutes also notices a connection that died silently.
    autoIdleDelay: 100, maxIdleTime: 4 * 60_000,
  });
  // An error after connecting also closes the client; 'close' is what the watcher acts on.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw new Error(imapErrorMessage(error, c));
  }
  return client;
}

/** imapflow's "Command failed" hides the server's words in `responseText`. */
export function imapErrorMessage(error: unknown, c: Pick<ImapCredential, 'host' | 'port'>): string {
  const e = error as { authenticationFailed?: boolean; responseText?: string; code?: string };
  if (e.authenticationFailed) {
    const said = e.responseText ?? 'the server refused the user or password';
    return /authentication failed/i.test(said) ? said : `Authentication failed: ${said}`;
  }
  if (e.code === 'ECONNREFUSED') return `Connection refused by ${c.host}:${c.port}`;
  return e.responseText ? `${errorMessage(error)}: ${e.responseText}` : errorMessage(error);
}

export interface WatchOptions {
  credential: ImapCredential;
  mailbox: string;
  forceReconnectMinutes?: number;
  check(client: ImapFlow): Promise<void>;
  /** A failure outside `start` (a check, a reconnect that keeps failing). */
  onError(error: Error): void;
}

const MAX_BACKOFF_MS = 30_000;

export function watchMailbox(o: WatchOptions) {
  let client: ImapFlow | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let renew: NodeJS.Timeout | undefined;
  let checking: Promise<void> = Promise.resolve();
  let failures = 0;

  const check = (c: ImapFlow) => {
    checking = checking.then(() => (c.usable && !closed ? o.check(c) : undefined)).catch((error: unknown) => o.onError(error instanceof Error ? error : new Error(String(error))));
    return checking;
  };

  async function open(): Promise<void> {
    const c = await connectImap(o.credential);
    try {
      await c.mailboxOpen(o.mailbox);
    } catch (error) {
      await c.logout().catch(() => c.close());
      throw new Error(`Cannot open the mailbox "${o.mailbox}": ${imapErrorMessage(error, o.credential)}`);
    }
    if (closed) return void (await c.logout().catch(() => c.close()));
    client = c;
    c.on('exists', () => void check(c));
    c.on('close', () => {
      if (client === c) client = undefined;
      if (!closed) schedule();
    });
    // Mail that came while nobody listened (before activation, during an outage).
    void check(c);
  }

  function schedule() {
    if (closed || retry) return;
    const delay = Math.min(500 * 2 ** failures, MAX_BACKOFF_MS);
    retry = setTimeout(() => {
      retry = undefined;
      open().then(() => { failures = 0; }, (error: unknown) => {
        // Say so once per outage, then keep trying quietly.
        if (failures === 0) o.onError(new Error(`IMAP reconnect failed: ${errorMessage(error)}`));
        failures++;
        schedule();
      });
    }, delay);
  }

  return {
    /** Connects and opens the mailbox; fails (and keeps nothing open) when that fails. */
    async start(): Promise<void> {
      await open();
      const minutes = Number(o.forceReconnectMinutes);
      if (minutes > 0) {
        renew = setInterval(() => void client?.logout().catch(() => client?.close()), minutes * 60_000);
      }
    },
    async close(): Promise<void> {
      closed = true;
      clearTimeout(retry);
      clearInterval(renew);
      await checking;
      const c = client;
      client = undefined;
      if (c) await c.logout().catch(() => c.close());
    },
  };
}
