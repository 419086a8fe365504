// One workflow's collaboration room, transport-agnostic: peers exchange y-websocket messages
// through it. Read-only peers receive the document and awareness, but their updates are dropped
// and they are told so. After each peer update the server repairs what concurrency broke.
import * as Y from 'yjs';
import {
  awarenessMessage, awarenessProtocol, decoding, durableMessage, encoding, MESSAGE_AUTH, MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, permissionDeniedMessage, syncProtocol, syncStep1Message, updateMessage,
} from './protocol.ts';
import { repairDoc, type Repair } from './repair.ts';
import { createUpdateGuard } from './update-guard.ts';

/** A connection in a room. It is also the origin of the transactions its updates make. */
export interface RoomPeer {
  readonly userId: string;
  readonly readOnly: boolean;
  send(message: Uint8Array): void;
}

export interface RoomOptions {
  doc: Y.Doc;
  /** Resolves once every update applied so far is stored; peers are then told "durable". Default: at once. */
  whenDurable?: () => Promise<void>;
  /** Repair invalid states after each peer update (the server does; default true). */
  repair?: boolean;
  onRepairs?: (repairs: Repair[]) => void;
  /** Refuse updates that would nest the document deeper than this (the server sets it). */
  maxDepth?: number;
  /** A peer's update was refused, and why: the server ends that connection. */
  onRefused?: (peer: RoomPeer, reason: string) => void;
}

export interface Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  join(peer: RoomPeer): void;
  leave(peer: RoomPeer): void;
  receive(peer: RoomPeer, message: Uint8Array): void;
  peers(): RoomPeer[];
  /** Publishes the server's own awareness fields (e.g. `problems` that block saving). */
  setServerState(field: string, value: unknown): void;
  destroy(): void;
}

interface PeerState {
  /** Awareness client ids this peer controls, removed when it leaves. */
  clients: Set<number>;
  /** Update messages received, for "durable" acknowledgements. */
  updates: number;
}

export function createRoom(options: RoomOptions): Room {
  const { doc } = options;
  const awareness = new awarenessProtocol.Awareness(doc);
  const peers = new Map<RoomPeer, PeerState>();
  const whenDurable = options.whenDurable ?? (() => Promise.resolve());
  const guard = options.maxDepth === undefined ? undefined : createUpdateGuard(doc, options.maxDepth);

  const broadcast = (message: Uint8Array, except?: unknown) => {
    for (const peer of peers.keys()) if (peer !== except) safeSend(peer, message);
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => broadcast(updateMessage(update), origin);
  doc.on('update', onUpdate);
  const onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    const state = peers.get(origin as RoomPeer);
    if (state) {
      for (const id of [...added, ...updated]) state.clients.add(id);
      for (const id of removed) state.clients.delete(id);
    }
    broadcast(awarenessMessage(awareness, [...added, ...updated, ...removed]));
  };
  awareness.on('update', onAwareness);

  function applyPeerUpdate(peer: RoomPeer, state: PeerState, decoder: decoding.Decoder): void {
    if (peer.readOnly) {
      safeSend(peer, permissionDeniedMessage());
      return;
    }
    // Sync step 2 and update messages both carry one update.
    const update = decoding.readVarUint8Array(decoder);
    const refusal = guard?.check(update);
    if (refusal) {
      safeSend(peer, permissionDeniedMessage(refusal));
      options.onRefused?.(peer, refusal);
      return;
    }
    state.updates += 1;
    const count = state.updates;
    Y.applyUpdate(doc, update, peer);
    if (options.repair !== false) {
      const repairs = repairDoc(doc);
      if (repairs.length > 0) options.onRepairs?.(repairs);
    }
    void whenDurable().then(
      () => peers.has(peer) && safeSend(peer, durableMessage(count)),
      () => undefined, // not durable: no acknowledgement; the client still holds the edit
    );
  }

  return {
    doc,
    awareness,
    join(peer) {
      peers.set(peer, { clients: new Set(), updates: 0 });
      safeSend(peer, syncStep1Message(doc));
      if (peer.readOnly) safeSend(peer, permissionDeniedMessage());
      const states = [...awareness.getStates().keys()];
      if (states.length > 0) safeSend(peer, awarenessMessage(awareness, states));
    },
    leave(peer) {
      const state = peers.get(peer);
      if (!state) return;
      peers.delete(peer);
      if (state.clients.size > 0) awarenessProtocol.removeAwarenessStates(awareness, [...state.clients], null);
    },
    receive(peer, message) {
      const state = peers.get(peer);
      if (!state) return;
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MESSAGE_SYNC: {
          const syncType = decoding.readVarUint(decoder);
          if (syncType === syncProtocol.messageYjsSyncStep1) {
            const encoder = encoding.createEncoder();
            encoding.writeVarUint(encoder, MESSAGE_SYNC);
            syncProtocol.readSyncStep1(decoder, encoder, doc);
            safeSend(peer, encoding.toUint8Array(encoder));
          } else {
            applyPeerUpdate(peer, state, decoder);
          }
          return;
        }
        case MESSAGE_AWARENESS:
          awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), peer);
          return;
        case MESSAGE_QUERY_AWARENESS:
          safeSend(peer, awarenessMessage(awareness, [...awareness.getStates().keys()]));
          return;
        case MESSAGE_AUTH:
        default:
          return; // clients have nothing to say on these
      }
    },
    peers: () => [...peers.keys()],
    setServerState(field, value) {
      awareness.setLocalStateField(field, value);
    },
    destroy() {
      doc.off('update', onUpdate);
      awareness.off('update', onAwareness);
      awareness.destroy();
      peers.clear();
    },
  };
}

function safeSend(peer: RoomPeer, message: Uint8Array): void {
  try {
    peer.send(message);
  } catch {
    // A peer whose transport broke is removed by its close handler.
  }
}
