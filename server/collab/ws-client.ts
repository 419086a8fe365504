// A Node collaboration client over a real WebSocket (ws + the collab client): for end-to-end tests
// and benchmarks, the same protocol a browser editor speaks.
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { createCollabClient, type CollabClient } from '../../collab/index.ts';

export interface WsCollabClient extends CollabClient {
  socket: WebSocket;
  /** Closes the socket (the document stays, for a later reconnect). */
  disconnect(): Promise<void>;
  /** Opens a new socket for the same document; resolves once synced. */
  reconnect(): Promise<void>;
}

export interface ConnectOptions {
  /** http://host:port of the server. */
  url: string;
  workflowId: string;
  headers?: Record<string, string>;
  /** Reuse a document (reconnecting clients keep their edits). */
  doc?: Y.Doc;
  /** Resolve before the first sync (read-only clients still sync). Default: wait for sync. */
  waitForSync?: boolean;
}

export async function connectCollab(options: ConnectOptions): Promise<WsCollabClient> {
  const doc = options.doc ?? new Y.Doc();
  let socket!: WebSocket;
  const client = createCollabClient({ doc, send: (message) => socket.send(message) });
  const open = () =>
    new Promise<void>((resolve, reject) => {
      socket = new WebSocket(`${options.url.replace(/^http/, 'ws')}/collab/${options.workflowId}`, { headers: options.headers });
      socket.binaryType = 'nodebuffer';
      socket.on('message', (data: Buffer) => client.receive(new Uint8Array(data)));
      socket.once('open', () => {
        client.start();
        resolve();
      });
      socket.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c));
        res.on('end', () => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode} ${body}`), { status: res.statusCode, body })));
      });
      socket.once('error', reject);
    });
  await open();
  if (options.waitForSync !== false) await client.whenSynced();
  Object.defineProperty(client, 'socket', { get: () => socket });
  const result = Object.assign(client, {
    async disconnect() {
      if (socket.readyState === WebSocket.CLOSED) return;
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.close();
      });
    },
    async reconnect() {
      await open();
      await client.whenSynced();
    },
  });
  return result as WsCollabClient;
}
