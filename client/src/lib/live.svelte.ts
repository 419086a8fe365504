// The live feed of runs and workflow changes over Socket.IO (domain/live-messages.ts): watch a
// workflow's room, and keep each node's state for the run being shown on the canvas.
import { io, type Socket } from 'socket.io-client';
import type { LiveClientToServer, LiveMessage, LiveServerToClient, LiveRoom } from '../../../domain/index.ts';
import { foldLiveAiStep, type AiStep } from './ai-steps.ts';

export type NodeRunState = {
  status: 'running' | 'success' | 'error' | 'waiting' | 'canceled';
  itemCounts: (number | null)[];
  error?: string;
  runs: number;
};

export class RunView {
  executionId = $state<string | undefined>(undefined);
  status = $state<'idle' | 'running' | 'success' | 'error' | 'canceled' | 'crashed' | 'waiting'>('idle');
  nodes = $state<Record<string, NodeRunState>>({});
  error = $state('');
  /** AI root nodes' model calls, tool calls and memory uses in this run, as they happen. */
  aiSteps = $state<AiStep[]>([]);

  reset(executionId: string | undefined): void {
    this.executionId = executionId;
    this.nodes = {};
    this.aiSteps = [];
    this.error = '';
    this.status = executionId ? 'running' : 'idle';
  }

  /** Folds one live message of the shown run into node states. */
  take(message: LiveMessage): void {
    if (!message.executionId) return;
    if (message.type === 'run.started' || message.type === 'run.queued') {
      if (message.executionId !== this.executionId) this.reset(message.executionId);
      this.status = 'running';
      return;
    }
    if (message.executionId !== this.executionId) return;
    const d = message.data as Record<string, unknown>;
    const node = typeof d.node === 'string' ? d.node : undefined;
    switch (message.type) {
      case 'node.started':
        if (node) this.nodes = { ...this.nodes, [node]: { status: 'running', itemCounts: this.nodes[node]?.itemCounts ?? [], runs: (this.nodes[node]?.runs ?? 0) } };
        break;
      case 'node.finished':
        if (node) this.nodes = { ...this.nodes, [node]: { status: message.data.status, itemCounts: message.data.itemCounts, runs: (this.nodes[node]?.runs ?? 0) + 1 } };
        break;
      case 'node.failed':
        if (node) this.nodes = { ...this.nodes, [node]: { status: 'error', itemCounts: message.data.itemCounts, error: message.data.error.message, runs: (this.nodes[node]?.runs ?? 0) + 1 } };
        break;
      // A sub-node (a chat model, a tool) shows each use its root makes of it as it happens.
      case 'subnode.started':
        this.aiSteps = foldLiveAiStep(this.aiSteps, message);
        if (node) this.nodes = { ...this.nodes, [node]: { status: 'running', itemCounts: [], runs: this.nodes[node]?.runs ?? 0 } };
        break;
      case 'subnode.finished': {
        this.aiSteps = foldLiveAiStep(this.aiSteps, message);
        if (!node) break;
        const failed = message.data.status === 'error';
        this.nodes = { ...this.nodes, [node]: { status: failed ? 'error' : message.data.status, itemCounts: [], runs: (this.nodes[node]?.runs ?? 0) + 1, ...(failed ? { error: message.data.error?.message ?? 'failed' } : {}) } };
        break;
      }
      case 'run.waiting':
      case 'run.paused':
        this.status = 'waiting';
        break;
      case 'run.resumed':
        this.status = 'running';
        break;
      case 'run.finished':
        this.status = message.data.status;
        this.error = message.data.error?.message ?? '';
        break;
    }
  }
}

export interface LiveConnection {
  watch(room: LiveRoom, after?: number): Promise<void>;
  unwatch(room: LiveRoom): void;
  onMessage(listener: (message: LiveMessage) => void): () => void;
  readonly connected: boolean;
  close(): void;
}

/** Connects with the session cookie; rooms are re-joined after a reconnect, resuming where they were. */
export function connectLive(onState?: (connected: boolean) => void): LiveConnection {
  const socket: Socket<LiveServerToClient, LiveClientToServer> = io({ path: '/socket.io', transports: ['websocket'], withCredentials: true });
  const listeners = new Set<(message: LiveMessage) => void>();
  const rooms = new Map<LiveRoom, number | undefined>();
  let connected = false;

  const join = (room: LiveRoom, after?: number) =>
    new Promise<void>((resolve, reject) => {
      socket.timeout(10_000).emit('watch', { room, ...(after === undefined ? {} : { after }) }, (err: Error | null, reply) => {
        if (err) return reject(err);
        if (!reply.ok) return reject(new Error(reply.error.message));
        if (room.startsWith('workflow:')) rooms.set(room, reply.position);
        resolve();
      });
    });

  socket.on('connect', () => {
    connected = true;
    onState?.(true);
    for (const [room, after] of rooms) void join(room, after).catch(() => undefined);
  });
  socket.on('disconnect', () => {
    connected = false;
    onState?.(false);
  });
  socket.on('connect_error', () => onState?.(false));
  socket.on('live', (message) => {
    if (message.room.startsWith('workflow:')) rooms.set(message.room, Math.max(rooms.get(message.room) ?? 0, message.position));
    for (const l of listeners) l(message);
  });

  return {
    async watch(room, after) {
      rooms.set(room, after);
      if (socket.connected) await join(room, after);
    },
    unwatch(room) {
      rooms.delete(room);
      if (socket.connected) socket.emit('unwatch', { room });
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get connected() {
      return connected;
    },
    close() {
      socket.close();
    },
  };
}
