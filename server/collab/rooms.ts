// The open rooms of this server, one per workflow: opened on the first connection, closed (edits
// committed, document stored) when the last one has been gone for a while, and kept in step with
// workflow events written elsewhere through one subscription on the log.
import { streamId } from '../../domain/index.ts';
import type { EventStore, Subscription } from '../../events/index.ts';
import type { RunCommand } from '../commands.ts';
import type { Logger } from '../logger.ts';
import type { WorkflowDoc } from '../../projections/index.ts';
import { openLiveRoom, type LivePeer, type LiveRoom, type LiveRoomSettings } from './live-room.ts';

export interface CollabRoomsDeps {
  events: EventStore;
  run: RunCommand;
  findWorkflow(id: string): Promise<WorkflowDoc | undefined>;
  logger: Logger;
  settings: LiveRoomSettings & {
    /** How long a room with nobody in it stays open, in ms. */
    roomIdleMs: number;
  };
}

export interface CollabRooms {
  /** Joins a peer to the workflow's room, opening it when needed. */
  join(workflowId: string, peer: LivePeer): Promise<LiveRoom>;
  leave(room: LiveRoom, peer: LivePeer): void;
  get(workflowId: string): LiveRoom | undefined;
  stats(): { rooms: number; peers: number };
  /** Commits and stores every open room, then closes them. */
  close(): Promise<void>;
}

export function createCollabRooms(deps: CollabRoomsDeps): CollabRooms {
  const rooms = new Map<string, LiveRoom>();
  const opening = new Map<string, Promise<LiveRoom>>();
  const idleTimers = new Map<string, NodeJS.Timeout>();
  /** Rooms being closed: reopening waits until their last updates are stored. */
  const closingRooms = new Map<string, Promise<void>>();
  let subscription: Subscription | undefined;
  let closing = false;

  function follow(): void {
    if (subscription) return;
    subscription = deps.events.subscribe({ from: 'end', filter: { streamPrefixes: ['workflow-'] } }, (event) => {
      const room = rooms.get(streamId(event.stream));
      // A deleted workflow can take no more edits: its editors are told and disconnected.
      if (room && event.type === 'WorkflowDeleted') {
        room.endAll(4410, 'this workflow was deleted');
        return;
      }
      if (room && event.revision > room.revision()) {
        room.catchUp().catch((err) => deps.logger.warn({ err, workflowId: room.workflowId }, 'collab: catching up failed'));
      }
    });
    subscription.done.catch((err) => deps.logger.error({ err }, 'collab: workflow subscription stopped'));
  }

  async function open(workflowId: string): Promise<LiveRoom> {
    const existing = rooms.get(workflowId);
    if (existing) return existing;
    let pending = opening.get(workflowId);
    if (!pending) {
      follow();
      const previous = closingRooms.get(workflowId) ?? Promise.resolve();
      pending = previous.then(() => openLiveRoom(workflowId, deps)).finally(() => opening.delete(workflowId));
      opening.set(workflowId, pending);
    }
    const room = await pending;
    rooms.set(workflowId, room);
    return room;
  }

  async function closeRoom(workflowId: string): Promise<void> {
    const room = rooms.get(workflowId);
    if (!room || room.peerCount() > 0) return;
    rooms.delete(workflowId);
    const done = room.close().catch((err) => deps.logger.error({ err, workflowId }, 'collab: closing a room failed'));
    closingRooms.set(workflowId, done);
    await done;
    if (closingRooms.get(workflowId) === done) closingRooms.delete(workflowId);
  }

  return {
    async join(workflowId, peer) {
      if (closing) throw new Error('collaboration is shutting down');
      const room = await open(workflowId);
      clearTimeout(idleTimers.get(workflowId));
      idleTimers.delete(workflowId);
      room.join(peer);
      return room;
    },
    leave(room, peer) {
      room.leave(peer);
      if (room.peerCount() > 0 || closing) return;
      clearTimeout(idleTimers.get(room.workflowId));
      idleTimers.set(room.workflowId, setTimeout(() => {
        idleTimers.delete(room.workflowId);
        void closeRoom(room.workflowId);
      }, deps.settings.roomIdleMs));
    },
    get: (workflowId) => rooms.get(workflowId),
    stats: () => ({ rooms: rooms.size, peers: [...rooms.values()].reduce((n, r) => n + r.peerCount(), 0) }),
    async close() {
      closing = true;
      for (const timer of idleTimers.values()) clearTimeout(timer);
      idleTimers.clear();
      await Promise.allSettled([...opening.values(), ...closingRooms.values()]);
      for (const [workflowId, room] of [...rooms]) {
        rooms.delete(workflowId);
        await room.close().catch((err) => deps.logger.error({ err, workflowId }, 'collab: closing a room failed'));
      }
      await subscription?.close();
    },
  };
}
