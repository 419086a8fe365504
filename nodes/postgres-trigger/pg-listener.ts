// A LISTEN on a dedicated Postgres connection that comes back by itself: when the connection drops
// (server restart, pg_terminate_backend) it reconnects with a growing pause and listens again.
import pg from 'pg';
import type { JsonObject } from '../../engine/index.ts';
import { pgConfig } from '../shared/pg-config.ts';

export interface PgNotification {
  channel: string;
  payload: unknown;
  processId: number;
}

export interface ListenOptions {
  credentials: Record<string, unknown>;
  channel: string;
  connectionTimeout: number;
  /** Runs on every (re)connection before LISTEN, e.g. to create the trigger function. */
  setup?(client: pg.Client): Promise<void>;
  onNotification(notification: PgNotification): void;
  /** A failed (re)connection; the listener keeps trying. */
  onError(error: Error): void;
}

export interface Listener {
  /** Resolves once the first LISTEN is in place, rejects when the first connection fails. */
  ready: Promise<void>;
  close(): Promise<void>;
}

const RETRY_MS = [250, 500, 1000, 2000, 5000];

function parsePayload(payload: string | undefined): unknown {
  if (payload === undefined) return undefined;
  try {
    return JSON.parse(payload) as JsonObject;
  } catch {
    return payload;
  }
}

export function listen(options: ListenOptions): Listener {
  let client: pg.Client | undefined;
  let closed = false;
  let attempt = 0;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client(pgConfig(options.credentials, options.connectionTimeout));
    client = next;
    const lost = (error?: Error) => {
      if (closed || client !== next) return;
      client = undefined;
      next.removeAllListeners('notification');
      void next.end().catch(() => {});
      if (error) options.onError(error);
      scheduleReconnect();
    };
    next.on('error', (error) => lost(error));
    next.on('end', () => lost(new Error('The Postgres connection ended')));
    next.on('notification', (message) => {
      if (message.channel !== options.channel) return;
      options.onNotification({ channel: message.channel, payload: parsePayload(message.payload), processId: message.processId });
    });
    await next.connect();
    await options.setup?.(next);
    await next.query(`LISTEN ${ident(options.channel)}`);
    attempt = 0;
  };

  const scheduleReconnect = () => {
    if (closed) return;
    const delay = RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)];
    retry = setTimeout(() => {
      connect().catch((error: Error) => {
        options.onError(error);
        const failed = client;
        client = undefined;
        void failed?.end().catch(() => {});
        scheduleReconnect();
      });
    }, delay);
    retry.unref();
  };

  const ready = connect().catch(async (error: Error) => {
    const failed = client;
    client = undefined;
    closed = true;
    await failed?.end().catch(() => {});
    throw error;
  });

  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      if (!current) return;
      current.removeAllListeners('notification');
      await current.query(`UNLISTEN ${ident(options.channel)}`).catch(() => {});
      await current.end().catch(() => {});
    },
  };
}

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
