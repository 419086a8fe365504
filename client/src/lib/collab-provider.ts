// The WebSocket transport for collab's client (y-websocket protocol: sync, awareness, auth and
// "durable") on the room `/collab/<workflowId>`, reconnecting with backoff.
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { createCollabClient, type CollabClient } from '../../../collab/index.ts';

export type CollabStatus = 'connecting' | 'connected' | 'synced' | 'disconnected' | 'denied';

export interface CollabProvider {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly client: CollabClient;
  readonly status: CollabStatus;
  /** Set when the server told us our updates are not applied (a viewer). */
  readonly readOnly: boolean;
  onStatus(listener: (status: CollabStatus, reason?: string) => void): () => void;
  destroy(): void;
}

export function connectCollab(url: string, doc: Y.Doc): CollabProvider {
  const awareness = new Awareness(doc);
  const listeners = new Set<(status: CollabStatus, reason?: string) => void>();
  let status: CollabStatus = 'connecting';
  let socket: WebSocket | undefined;
  let destroyed = false;
  let readOnly = false;
  let attempts = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (next: CollabStatus, reason?: string) => {
    status = next;
    for (const l of listeners) l(next, reason);
  };
  const client = createCollabClient({
    doc,
    awareness,
    send(message) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(message);
    },
    onReadOnly(reason) {
      readOnly = true;
      for (const l of listeners) l(status, reason);
    },
  });

  function open(): void {
    if (destroyed) return;
    setStatus('connecting');
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    socket = ws;
    ws.onopen = () => {
      attempts = 0;
      setStatus('connected');
      client.start();
      void client.whenSynced().then(() => {
        if (socket === ws) setStatus('synced');
      });
    };
    ws.onmessage = (event) => client.receive(new Uint8Array(event.data as ArrayBuffer));
    ws.onclose = (event) => {
      if (socket === ws) socket = undefined;
      // Stop showing other people's cursors while we cannot hear from them.
      removeAwarenessStates(awareness, [...awareness.getStates().keys()].filter((c) => c !== doc.clientID), 'disconnect');
      if (destroyed) return;
      if (event.code >= 4400 && event.code < 4500) {
        setStatus('denied', event.reason);
        return;
      }
      setStatus('disconnected', event.reason);
      attempts++;
      retry = setTimeout(open, Math.min(10_000, 250 * 2 ** Math.min(attempts, 6)));
    };
  }

  const provider: CollabProvider = {
    doc,
    awareness,
    client,
    get status() {
      return status;
    },
    get readOnly() {
      return readOnly;
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      destroyed = true;
      clearTimeout(retry);
      removeAwarenessStates(awareness, [doc.clientID], 'destroy');
      client.destroy();
      socket?.close();
      awareness.destroy();
    },
  };
  open();
  return provider;
}

/** The WebSocket URL of a workflow's room on this origin. */
export function collabUrl(workflowId: string): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab/${encodeURIComponent(workflowId)}`;
}
