// Live runs over Socket.IO: sockets watch a workflow or one run and get every step as it is
// recorded, after what they missed.
//
// Who sends what (several servers): every server holds its own subscription to the shared event
// log (LiveFeed) and sends each event only to ITS OWN sockets (`io.local`). A run executed by a
// worker anywhere lands in the log, so every server sees it and each watcher gets it exactly once,
// from the server it is connected to. Broadcasting through the Redis adapter instead would make
// each of N servers deliver every event N times, and would lose the per-socket replay-to-live
// handoff, which needs the order in which this server's feed delivers. With REDIS_URL set the
// Redis adapter is still attached: it makes cluster-wide room operations (`watchers(room)`, i.e.
// fetchSockets, and any `io.to(room)` emit without `local`) reach the sockets of every server.
//
// Replay to live without gap or duplicate: a joining socket is first parked (the feed copies every
// event for its room into the socket's buffer), the log is read, the feed is awaited until it has
// delivered everything that read returned, the buffer's newer events are sent, and the socket joins
// the room, all in one synchronous step after the wait.
import type http from 'node:http';
import { Redis } from 'ioredis';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import {
  AppError, assertDepthWithin, NotFoundError, ValidationError,
  type LiveAck, type LiveClientToServer, type LiveError, type LiveErrorCode, type LiveRoom, type LiveServerToClient, type NodeDataReply, type WatchReply,
} from '../../domain/index.ts';
import { executionStreamName } from '../../engine/index.ts';
import { hydrateEvent } from '../executions/large-payloads.ts';
import type { Principal } from '../auth/principal.ts';
import type { Runtime } from '../runtime.ts';
import { bulkReplayOwner, bulkReplayRoom, replayBulkReplay, workflowBulkReplaysRoom } from './bulk-replay-live.ts';
import { createLiveFeed } from './live-feed.ts';
import { executionRoom, publicError, workflowRoom, type LiveBody } from './live-mapping.ts';
import { replayExecution, replayWorkflow } from './replay.ts';
import { createRoomAccess, type RoomTarget } from './room-access.ts';
import { createRunOwners } from './run-owners.ts';

interface SocketData {
  principal: Principal;
}

type LiveSocket = Socket<LiveClientToServer, LiveServerToClient, Record<string, never>, SocketData>;

export interface LiveGateway {
  io: Server<LiveClientToServer, LiveServerToClient, Record<string, never>, SocketData>;
  /** Resolves once the feed is subscribed (sockets may connect before; their watch waits). */
  ready: Promise<void>;
  /** How many sockets watch a room, on every server (through the Redis adapter when configured). */
  watchers(room: LiveRoom): Promise<number>;
  close(): Promise<void>;
}

const watchSchema = z.object({ room: z.string().max(100), after: z.number().int().min(-1).optional() }).strict();
const unwatchSchema = z.object({ room: z.string().max(100) }).strict();
const nodeDataSchema = z.object({ executionId: z.string().max(64), node: z.string().min(1).max(256), runIndex: z.number().int().min(0) }).strict();

const LIVE_CODES: readonly LiveErrorCode[] = ['validation_failed', 'not_found', 'unauthenticated', 'forbidden', 'unavailable', 'internal'];
/** How long a joining socket waits for the feed to deliver what its replay read. */
const CATCH_UP_TIMEOUT_MS = 10_000;
/** How long a run's end message waits for the executions read model to hold it. */
const PROJECTED_WAIT_MS = 2_000;

export interface LiveGatewayOptions {
  /** Whether a handshake's Origin may open a socket (a foreign page's handshake fails with 403). */
  originAllowed(headers: http.IncomingHttpHeaders): boolean;
}

export function attachLiveGateway(server: http.Server, runtime: Runtime, options: LiveGatewayOptions): LiveGateway {
  const { config, logger, events, blobs } = runtime;
  const log = logger.child({ part: 'live' });
  const io = new Server<LiveClientToServer, LiveServerToClient, Record<string, never>, SocketData>(server, {
    serveClient: false,
    // Other channels (collaboration) take their own upgrades on this server: leave them alone.
    destroyUpgrade: false,
    // Called on every handshake (polling or WebSocket); later requests carry the handshake's sid.
    allowRequest: (req, callback) => {
      const allowed = options.originAllowed(req.headers);
      callback(allowed ? null : 'origin not allowed', allowed);
    },
  });

  let redis: Redis[] = [];
  if (config.redisUrl) {
    const pub = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
    const sub = pub.duplicate();
    redis = [pub, sub];
    for (const client of redis) client.on('error', (err) => log.warn({ err: err.message }, 'live: redis unreachable'));
    // One channel per installation, like the job queue: installations may share a Redis.
    io.adapter(createAdapter(pub, sub, { key: `${config.queuePrefix}:live` }));
  }

  const owners = createRunOwners({ events, findExecution: (id) => runtime.executions.find(id) });
  const rooms = createRoomAccess({
    access: runtime.access, owners,
    findWorkflow: (id) => runtime.workflows.find(id),
    findExecution: (id) => runtime.executions.find(id),
    findBulkReplay: (id) => bulkReplayOwner(events, id),
    newRunWaitMs: config.liveNewRunWaitMs,
  });

  /** Sockets between reading their replay and joining their room: room → their buffers. */
  const joining = new Map<LiveRoom, Set<LiveBody[]>>();

  const feed = createLiveFeed({
    events, owners, logger: log,
    hasWatchers: () => io.of('/').sockets.size > 0,
    // Bounded: a lagging read model delays a run's end message a little, never live delivery for long.
    projected: (position) => runtime.projections.executions.waitFor(position, PROJECTED_WAIT_MS).catch(() => undefined),
    deliver(body) {
      const targets = roomsFor(body);
      for (const room of targets) {
        // Emitting encodes the packet even for an empty room: skip rooms nobody here watches.
        if (io.of('/').adapter.rooms.get(room)?.size) io.local.to(room).emit('live', { room, ...body } as never);
        for (const buffer of joining.get(room) ?? []) buffer.push(body);
      }
      if (body.type === 'workflow.sharing' && !body.data.shared) void recheckAll();
    },
  });

  /** A bulk replay's progress goes to its own room and its workflow's bulk replay room; everything else to the workflow's and the run's. */
  function roomsFor(body: LiveBody): LiveRoom[] {
    if (body.type === 'bulkReplay.progress' || body.type === 'bulkReplay.finished') return [bulkReplayRoom(body.data.id), workflowBulkReplaysRoom(body.workflowId)];
    return body.executionId ? [workflowRoom(body.workflowId), executionRoom(body.executionId)] : [workflowRoom(body.workflowId)];
  }

  /** The handshake's credentials as headers, for authenticating the socket (again). */
  function handshakeHeaders(socket: Socket): Record<string, string | string[] | undefined> {
    const headers: Record<string, string | string[] | undefined> = { ...socket.handshake.headers };
    const apiKey = (socket.handshake.auth as { apiKey?: unknown } | undefined)?.apiKey;
    if (typeof apiKey === 'string' && apiKey) headers['x-api-key'] = apiKey;
    return headers;
  }

  /**
   * Access can end while a socket watches: sessions end, keys are revoked, members leave, sharing
   * stops. Re-authenticate each socket and re-check its rooms; a failing backend changes nothing.
   */
  async function recheck(socket: LiveSocket): Promise<void> {
    const principal = await runtime.authenticateHeaders(handshakeHeaders(socket)).catch((err: unknown) => (isRefusal(err) ? undefined : socket.data.principal));
    if (!principal) {
      socket.disconnect(true);
      return;
    }
    socket.data.principal = principal;
    for (const room of [...socket.rooms]) {
      if (room === socket.id) continue;
      try {
        await rooms.resolve(principal, room);
      } catch (err) {
        if (!isRefusal(err)) continue;
        await socket.leave(room);
        socket.emit('unwatched', { room: room as LiveRoom, error: toLiveError(err, log) });
      }
    }
  }

  let rechecking: Promise<void> | undefined;
  let recheckAgain = false;
  /** Re-checks every socket on this server, one at a time; a request during a pass runs one more. */
  function recheckAll(): Promise<void> {
    if (rechecking) {
      recheckAgain = true;
      return rechecking;
    }
    rechecking = (async () => {
      do {
        recheckAgain = false;
        for (const socket of io.of('/').sockets.values()) await recheck(socket).catch((err: unknown) => log.warn({ err }, 'live: access re-check failed'));
      } while (recheckAgain);
    })().finally(() => {
      rechecking = undefined;
    });
    return rechecking;
  }
  const recheckTimer = setInterval(() => void recheckAll(), config.liveAccessRecheckMs);
  recheckTimer.unref();

  io.use((socket, next) => {
    runtime.authenticateHeaders(handshakeHeaders(socket)).then(
      (principal) => {
        if (!principal) return next(connectError({ code: 'unauthenticated', message: 'Sign in, or send an API key in the handshake auth (apiKey)' }));
        (socket.data as SocketData).principal = principal;
        next();
      },
      (err: unknown) => next(connectError(toLiveError(err, log))),
    );
  });

  io.on('connection', (socket: LiveSocket) => {
    socket.on('watch', (request, ack) => answer(ack, () => watch(socket, request)));
    socket.on('unwatch', (request, ack) => answer(ack, async () => {
      const { room } = parse(unwatchSchema, request, config.jsonMaxDepth);
      await socket.leave(room);
      return { room: room as LiveRoom };
    }));
    socket.on('nodeData', (request, ack) => answer(ack, () => nodeData(socket, request)));
  });

  async function watch(socket: LiveSocket, request: unknown): Promise<WatchReply> {
    const { room, after } = parse(watchSchema, request, config.jsonMaxDepth);
    const target = await rooms.resolve(socket.data.principal, room);
    await feed.ready;
    // Watching again is a resync: leave, so the replay below is not interleaved with live events.
    await socket.leave(target.room);
    const buffer: LiveBody[] = [];
    const parked = joining.get(target.room) ?? new Set<LiveBody[]>();
    joining.set(target.room, parked.add(buffer));
    try {
      const replay = await readReplay(target, after);
      let last = replay.length ? replay[replay.length - 1].position : 0;
      const byRevision = target.kind === 'execution' || target.kind === 'bulkReplay';
      let revision = byRevision ? (after ?? -1) : undefined;
      let replayed = 0;
      const send = (body: LiveBody) => {
        socket.emit('live', { room: target.room, ...body } as never);
        last = body.position;
        replayed++;
        if (byRevision) revision = body.revision;
      };
      for (const body of replay) send(body);
      await feed.waitFor(last, CATCH_UP_TIMEOUT_MS);
      // From here to the join nothing awaits, so no feed delivery can fall in between.
      for (const body of buffer) if (body.position > last) send(body);
      if (!socket.connected) throw new AppError('unavailable', 'The socket disconnected');
      void socket.join(target.room);
      return {
        room: target.room, workflowId: target.workflowId,
        ...(target.kind === 'execution' ? { executionId: target.executionId, revision } : {}),
        ...(target.kind === 'bulkReplay' ? { bulkReplayId: target.bulkReplayId, revision } : {}),
        replayed,
        position: Math.max(last, feed.position()),
      };
    } finally {
      parked.delete(buffer);
      if (parked.size === 0 && joining.get(target.room) === parked) joining.delete(target.room);
    }
  }

  function readReplay(target: RoomTarget, after: number | undefined): Promise<LiveBody[]> {
    if (target.kind === 'execution') return replayExecution(events, target.executionId, { workflowId: target.workflowId }, after);
    if (target.kind === 'bulkReplay') return replayBulkReplay(events, target.bulkReplayId, after);
    // A workflow's bulk replays room is live only (see domain/live-messages.ts).
    if (after === undefined || target.kind === 'workflowBulkReplays') return Promise.resolve([]);
    return replayWorkflow(events, owners, target.workflowId, after, config.liveReplayMaxEvents);
  }

  async function nodeData(socket: LiveSocket, request: unknown): Promise<NodeDataReply> {
    const { executionId, node, runIndex } = parse(nodeDataSchema, request, config.jsonMaxDepth);
    await rooms.resolve(socket.data.principal, `execution:${executionId}`);
    const recorded = await events.readStream(executionStreamName(executionId));
    for (let i = recorded.length - 1; i >= 0; i--) {
      const { type, data: found } = recorded[i] as { type: string; data: { node?: string; runIndex?: number } };
      if ((type !== 'NodeSucceeded' && type !== 'NodeFailed') || found.node !== node || found.runIndex !== runIndex) continue;
      // A large output is read back from the blob store.
      const { data } = (await hydrateEvent(recorded[i], blobs)) as { data: { taskData?: Record<string, unknown> } };
      const task = data.taskData ?? {};
      return {
        executionId, node, runIndex,
        status: (task.executionStatus ?? (type === 'NodeFailed' ? 'error' : 'success')) as NodeDataReply['status'],
        data: { main: ((task.data as { main?: unknown[] } | undefined)?.main ?? []) as NodeDataReply['data']['main'] },
        ...(task.error ? { error: publicError(task.error) } : {}),
      };
    }
    throw new NotFoundError('Node run', `${node}#${runIndex}`);
  }

  /** Runs a request and acks its outcome; a request sent without an ack is still carried out. */
  function answer<T extends object>(ack: unknown, work: () => Promise<T>): void {
    const reply = (outcome: LiveAck<T>) => {
      if (typeof ack === 'function') (ack as (reply: LiveAck<T>) => void)(outcome);
    };
    work().then((value) => reply({ ok: true, ...value }), (err: unknown) => reply({ ok: false, error: toLiveError(err, log) }));
  }

  return {
    io,
    ready: feed.ready,
    async watchers(room) {
      return (await io.in(room).fetchSockets()).length;
    },
    async close() {
      clearInterval(recheckTimer);
      await feed.close();
      await rechecking;
      // Like io.close(), but leaves the HTTP server to its owner, and only this server's sockets.
      io.local.disconnectSockets(true);
      await io.of('/').adapter.close();
      io.engine.close();
      for (const client of redis) client.disconnect();
    },
  };
}

function parse<T>(schema: z.ZodType<T>, value: unknown, maxDepth: number): T {
  assertDepthWithin(value, maxDepth, 'The request');
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ValidationError('Invalid request', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}

function toLiveError(err: unknown, log: Runtime['logger']): LiveError {
  if (err instanceof AppError) {
    const code = LIVE_CODES.includes(err.code as LiveErrorCode) ? (err.code as LiveErrorCode) : 'validation_failed';
    return { code, message: err.message, ...(err.details.length ? { details: err.details } : {}) };
  }
  log.error({ err }, 'live request failed');
  return { code: 'internal', message: 'Internal error' };
}

/** The answer is no (as opposed to: the check could not be made). */
function isRefusal(err: unknown): boolean {
  return err instanceof AppError && ['not_found', 'forbidden', 'unauthenticated', 'validation_failed'].includes(err.code);
}

function connectError(error: LiveError): Error & { data: LiveError } {
  return Object.assign(new Error(error.message), { data: error });
}
