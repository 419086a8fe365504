// The collaboration endpoint: y-websocket protocol at /collab/<workflowId> on the shared HTTP server.
// The socket is authenticated like REST (session cookie or X-API-KEY header; browsers, which
// cannot set headers on a WebSocket, send the cookie anyway, and programs may put the key in
// `?apiKey=`), and access is checked on the workflow: write access edits, read access watches.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { AppError, ENTITY_ID_PATTERN } from '../../domain/index.ts';
import type { AccessControl } from '../auth/access-control.ts';
import type { Principal } from '../auth/principal.ts';
import { SESSION_COOKIE } from '../http/guard.ts';
import type { Logger } from '../logger.ts';
import type { WorkflowDoc } from '../../projections/index.ts';
import type { LivePeer } from './live-room.ts';
import type { CollabRooms } from './rooms.ts';

export const COLLAB_PATH = '/collab/';

export interface CollabChannelDeps {
  /** Whether the upgrade's Origin may open a socket (a foreign page gets 403). */
  originAllowed(headers: http.IncomingHttpHeaders): boolean;
  rooms: CollabRooms;
  access: AccessControl;
  authenticateHeaders(headers: Record<string, string | string[] | undefined>): Promise<Principal | undefined>;
  findWorkflow(id: string): Promise<WorkflowDoc | undefined>;
  logger: Logger;
  /** Largest message accepted from a client, in bytes. */
  maxMessageBytes: number;
  /** How often open sockets are pinged and their access checked again, in ms. */
  accessRecheckMs: number;
}

const STATUS: Record<string, [number, string]> = {
  unauthenticated: [401, 'Unauthorized'],
  forbidden: [403, 'Forbidden'],
  not_found: [404, 'Not Found'],
  validation_failed: [400, 'Bad Request'],
};

/** Answers an upgrade we refuse with a JSON error, like REST does. */
function refuse(socket: Duplex, error: unknown): void {
  const app = error instanceof AppError ? error : new AppError('internal', 'The collaboration room could not be opened');
  const [status, text] = STATUS[app.code] ?? [500, 'Internal Server Error'];
  const body = JSON.stringify({ code: app.code, message: app.message, details: app.details });
  socket.end(`HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** Detaches from the server and closes every collaboration socket. */
export interface CollabChannel {
  close(): Promise<void>;
}

export function attachCollabChannel(server: http.Server, deps: CollabChannelDeps): CollabChannel {
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxMessageBytes });
  const alive = new WeakMap<WebSocket, boolean>();
  /** How each socket was admitted, to check again that its access still holds. */
  const admitted = new Map<WebSocket, { req: http.IncomingMessage; url: URL; readOnly: boolean }>();

  async function admit(req: http.IncomingMessage, url: URL): Promise<{ workflowId: string; principal: Principal; readOnly: boolean }> {
    const workflowId = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length));
    if (!ENTITY_ID_PATTERN.test(workflowId)) throw new AppError('not_found', `Workflow '${workflowId}' was not found`);
    const headers = { ...req.headers };
    const apiKey = url.searchParams.get('apiKey');
    if (apiKey) headers['x-api-key'] = apiKey;
    const principal = await deps.authenticateHeaders(headers);
    if (!principal) throw new AppError('unauthenticated', `Sign in (cookie ${SESSION_COOKIE}), or send an API key in X-API-KEY or ?apiKey=`);
    const owner = await deps.findWorkflow(workflowId);
    if (!owner || owner.deleted) throw new AppError('not_found', `Workflow '${workflowId}' was not found`);
    try {
      await deps.access.authorize(principal, owner, 'write', 'Workflow', workflowId);
      return { workflowId, principal, readOnly: false };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'forbidden') throw error;
      await deps.access.authorize(principal, owner, 'read', 'Workflow', workflowId);
      return { workflowId, principal, readOnly: true };
    }
  }

  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Other channels (Socket.IO at /socket.io) handle their own upgrades on this server.
    if (!url.pathname.startsWith(COLLAB_PATH)) return;
    socket.on('error', () => socket.destroy());
    if (!deps.originAllowed(req.headers)) {
      refuse(socket, new AppError('forbidden', `Origin ${String(req.headers.origin)} may not open collaboration sockets (see PUBLIC_URL and ALLOWED_ORIGINS)`));
      return;
    }
    admit(req, url).then(
      ({ workflowId, principal, readOnly }) => {
        wss.handleUpgrade(req, socket, head, (ws) => {
          admitted.set(ws, { req, url, readOnly });
          ws.once('close', () => admitted.delete(ws));
          void connect(ws, workflowId, principal, readOnly);
        });
      },
      (error) => refuse(socket, error),
    );
  };
  server.on('upgrade', onUpgrade);

  async function connect(ws: WebSocket, workflowId: string, principal: Principal, readOnly: boolean): Promise<void> {
    const peer: LivePeer = {
      userId: principal.userId,
      name: principal.name,
      readOnly,
      send(message) {
        if (ws.readyState === WebSocket.OPEN) ws.send(message, { binary: true });
      },
      end(code, reason) {
        ws.close(code, reason);
      },
    };
    // Messages that arrive while the room opens are handled in order once it is open.
    const early: Uint8Array[] = [];
    let onMessage = (data: Uint8Array) => void early.push(data);
    ws.on('message', (data: Buffer) => onMessage(new Uint8Array(data)));
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    let room;
    try {
      room = await deps.rooms.join(workflowId, peer);
    } catch (error) {
      deps.logger.warn({ err: error, workflowId }, 'collab: could not open the room');
      ws.close(1011, 'the room could not be opened');
      return;
    }
    const joined = room;
    onMessage = (data) => {
      try {
        joined.room.receive(peer, data);
      } catch (error) {
        deps.logger.warn({ err: error, workflowId }, 'collab: malformed message; closing the connection');
        ws.close(1003, 'malformed message');
      }
    };
    for (const data of early) onMessage(data);
    ws.on('close', () => deps.rooms.leave(joined, peer));
    if (ws.readyState !== WebSocket.OPEN) deps.rooms.leave(joined, peer);
  }

  // Connections that stopped answering pings are dropped, so their awareness goes away; and
  // access is checked again, so an ended session, a revoked key or a lost role ends the socket.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
      const how = admitted.get(ws);
      if (!how) continue;
      admit(how.req, how.url).then(
        (now) => {
          if (now.readOnly !== how.readOnly) ws.close(4409, 'your access to this workflow changed: reconnect');
        },
        () => ws.close(4403, 'access to this workflow ended'),
      );
    }
  }, deps.accessRecheckMs);
  heartbeat.unref();

  return {
    async close() {
      clearInterval(heartbeat);
      server.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
