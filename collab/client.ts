// The client side of a room, transport-agnostic: what the editor (over a WebSocket), the tests and
// the benchmarks run. It syncs a local Y.Doc, shares awareness, learns when it is read-only and
// which of its edits the server has stored durably.
import type * as Y from 'yjs';
import {
  authProtocol, awarenessMessage, awarenessProtocol, decoding, encoding, MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_DURABLE,
  MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, syncProtocol, syncStep1Message, updateMessage,
} from './protocol.ts';

export interface CollabClientOptions {
  doc: Y.Doc;
  send(message: Uint8Array): void;
  /** Shares this awareness (cursors, selection, drags in progress); default: a new one. */
  awareness?: awarenessProtocol.Awareness;
  onReadOnly?: (reason: string) => void;
}

export interface CollabClient {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Starts the handshake (call when the transport opens, and again after a reconnect). */
  start(): void;
  receive(message: Uint8Array): void;
  /** True once the server's state has arrived. */
  readonly synced: boolean;
  readonly readOnly: boolean;
  /** Update messages sent, and how many of them the server has stored durably. */
  readonly sent: number;
  readonly durable: number;
  /** Resolves once everything sent so far is stored durably. */
  whenDurable(): Promise<void>;
  whenSynced(): Promise<void>;
  destroy(): void;
}

export function createCollabClient(options: CollabClientOptions): CollabClient {
  const { doc } = options;
  const awareness = options.awareness ?? new awarenessProtocol.Awareness(doc);
  // Transactions that came from the server carry this origin and are not echoed back.
  const remote = { remote: true };
  let sent = 0;
  let durable = 0;
  let synced = false;
  let readOnly = false;
  let waiters: { until: number; resolve: () => void }[] = [];
  let syncWaiters: (() => void)[] = [];

  const send = (message: Uint8Array) => {
    try {
      options.send(message);
    } catch {
      // A closed transport: the next start() after a reconnect resends what is missing.
    }
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === remote) return;
    sent += 1;
    send(updateMessage(update));
  };
  doc.on('update', onUpdate);
  const onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin === remote) return;
    send(awarenessMessage(awareness, [...added, ...updated, ...removed]));
  };
  awareness.on('update', onAwareness);

  return {
    doc,
    awareness,
    start() {
      // A new connection counts afresh; the step 2 it answers with carries every unacknowledged edit.
      sent = 0;
      durable = 0;
      synced = false;
      for (const w of waiters) w.until = 1;
      send(syncStep1Message(doc));
      if (awareness.getLocalState() !== null) send(awarenessMessage(awareness, [doc.clientID]));
    },
    receive(message) {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MESSAGE_SYNC: {
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MESSAGE_SYNC);
          const syncType = syncProtocol.readSyncMessage(decoder, encoder, doc, remote);
          if (syncType === syncProtocol.messageYjsSyncStep1 && !readOnly) {
            sent += 1; // our step 2 carries what the server lacks: it counts as an update
            send(encoding.toUint8Array(encoder));
          } else if (syncType === syncProtocol.messageYjsSyncStep1) {
            send(encoding.toUint8Array(encoder));
          }
          if (syncType === syncProtocol.messageYjsSyncStep2 && !synced) {
            synced = true;
            for (const resolve of syncWaiters) resolve();
            syncWaiters = [];
          }
          return;
        }
        case MESSAGE_AWARENESS:
          awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), remote);
          return;
        case MESSAGE_QUERY_AWARENESS:
          send(awarenessMessage(awareness, [...awareness.getStates().keys()]));
          return;
        case MESSAGE_AUTH:
          authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => {
            readOnly = true;
            options.onReadOnly?.(reason);
          });
          return;
        case MESSAGE_DURABLE: {
          durable = Math.max(durable, decoding.readVarUint(decoder));
          const ready = waiters.filter((w) => w.until <= durable);
          waiters = waiters.filter((w) => w.until > durable);
          for (const w of ready) w.resolve();
          return;
        }
        default:
          return;
      }
    },
    get synced() { return synced; },
    get readOnly() { return readOnly; },
    get sent() { return sent; },
    get durable() { return durable; },
    whenDurable() {
      if (durable >= sent) return Promise.resolve();
      const until = sent;
      return new Promise((resolve) => waiters.push({ until, resolve }));
    },
    whenSynced() {
      return synced ? Promise.resolve() : new Promise((resolve) => syncWaiters.push(resolve));
    },
    destroy() {
      doc.off('update', onUpdate);
      awareness.off('update', onAwareness);
      if (!options.awareness) awareness.destroy();
    },
  };
}
