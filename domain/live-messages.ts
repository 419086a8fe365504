// The live-runs protocol over Socket.IO: the message and request shapes both the server and the
// browser editor use, so the two cannot drift apart. Types only, no code.
//
// Connection: Socket.IO on the same HTTP server, default path `/socket.io`. A socket
// authenticates with the session cookie (same origin) or with `auth: { apiKey }` in the handshake
// (`io(url, { auth: { apiKey } })`). A refused handshake ends with a `connect_error` whose
// `message` is the reason and whose `data` is a `LiveError`.
//
// Rooms: `workflow:<id>` (the workflow's own events and the events of all its runs) and
// `execution:<id>` (one run). A socket may join a room only if its user may read the workflow
// (or, for an execution room, the run's workspace); otherwise `watch` answers not_found.
//
// Ordering and resuming:
// - Every message carries `stream` and `revision` (0-based index of the event in its stream,
//   `execution-<id>` or `workflow-<id>`) and `position` (the global, strictly increasing log
//   position of the event).
// - Execution room: on `watch` the server first sends every event of the run (or only those with
//   `revision > after`), then the live ones: no gap, no duplicate, ordered by revision. Every
//   event of the stream becomes exactly one message (unknown event types as `run.event`), so the
//   revisions a client sees are contiguous: 0, 1, 2, … A reconnecting client sends
//   `after` = the last `revision` it saw.
// - Workflow room: `after` is a log POSITION (the last `position` the client saw in that room).
//   With it, the server first sends every event of the workflow and of its runs with
//   `position > after`, then live ones, ordered by position. Without it, only events from
//   now on. Positions in a workflow room are increasing but not contiguous (other workflows'
//   events lie between), so a client resumes with the last position it saw; the watch ack's
//   `position` is where live delivery started, usable as `after` if nothing arrived since.
// - The replayed messages always arrive before the `watch` ack; the ack means "caught up".
//
// - Bulk replay room (`bulkreplay:<id>`): like an execution room over the bulk replay's stream
//   `bulkreplay-<id>`: `after` is the last `revision` seen; without it every message from the start.
//   One `bulkReplay.progress` for the start and for each replayed run as it ends, then one
//   `bulkReplay.finished` with the summary. Only members of the bulk replay's workspace may watch
//   (sharing a workflow does not share its bulk replays).
// - `bulkreplays:<workflowId>`: the same messages for every bulk replay of the workflow, from now on
//   only (`after` is ignored; read GET /api/v1/bulk-replays/:id for what came before).
//
// Access is checked on `watch` and again from time to time (and at once when a workflow stops being
// shared): a socket whose user lost access gets `unwatched` for the room; one whose session ended
// or whose API key was revoked is disconnected.

/**
 * A room name: `workflow:<workflowId>`, `execution:<executionId>`, `bulkreplay:<bulkReplayId>` (one
 * bulk replay's progress) or `bulkreplays:<workflowId>` (the progress of every bulk replay of a workflow).
 */
export type LiveRoom = `workflow:${string}` | `execution:${string}` | `bulkreplay:${string}` | `bulkreplays:${string}`;

export type LiveErrorCode = 'validation_failed' | 'not_found' | 'unauthenticated' | 'forbidden' | 'unavailable' | 'internal';

export interface LiveError {
  code: LiveErrorCode;
  message: string;
  details?: { path?: string; message: string }[];
}

/** Every acknowledgement: success with a payload, or an error. */
export type LiveAck<T extends object = Record<string, never>> = ({ ok: true } & T) | { ok: false; error: LiveError };

// ---- client → server ----------------------------------------------------------------------

export interface WatchRequest {
  room: LiveRoom;
  /** Execution room: last `revision` seen. Workflow room: last `position` seen. See above. */
  after?: number;
}

export interface WatchReply {
  room: LiveRoom;
  workflowId: string;
  executionId?: string;
  bulkReplayId?: string;
  /** How many messages were replayed before this ack. */
  replayed: number;
  /** Execution or bulk replay room: revision of the last message sent (-1 when none). */
  revision?: number;
  /** Log position up to which this socket is caught up (resume a workflow room from here). */
  position: number;
}

export interface UnwatchRequest {
  room: LiveRoom;
}

export interface NodeDataRequest {
  executionId: string;
  node: string;
  runIndex: number;
}

/** An n8n item as it appears in run data. */
export interface LiveItem {
  json: Record<string, unknown>;
  binary?: Record<string, unknown>;
  pairedItem?: unknown;
  [key: string]: unknown;
}

export interface NodeDataReply {
  executionId: string;
  node: string;
  runIndex: number;
  status: NodeRunStatus;
  /** Items per output (`main[output]`); null for an output that got nothing. */
  data: { main: (LiveItem[] | null)[] };
  error?: LiveRunError;
}

/** Events the client emits, with their acks (Socket.IO typed-events shape). */
export interface LiveClientToServer {
  watch: (request: WatchRequest, ack: (reply: LiveAck<WatchReply>) => void) => void;
  unwatch: (request: UnwatchRequest, ack?: (reply: LiveAck<{ room: LiveRoom }>) => void) => void;
  nodeData: (request: NodeDataRequest, ack: (reply: LiveAck<NodeDataReply>) => void) => void;
}

// ---- server → client ----------------------------------------------------------------------

export type NodeRunStatus = 'success' | 'error' | 'waiting' | 'canceled';

/** A run or node error as n8n records it. */
export interface LiveRunError {
  message: string;
  name?: string;
  description?: string;
  node?: string;
  itemIndex?: number;
  [key: string]: unknown;
}

export interface LiveDataByType {
  /** The run was accepted and waits for a worker. */
  'run.queued': { mode?: string; queuedAt?: string; startNode?: string; destinationNode?: string; retryOf?: string };
  'run.started': { mode: string; startedAt: string; startNode?: string; destinationNode?: string };
  /** A parked (waiting) run was picked up again. */
  /** `by` and `how` when the step debugger let a paused run go on. */
  'run.resumed': { resumedAt?: string; by?: string; how?: 'continue' | 'step' };
  /** The step debugger parked the run before or after a node (GET …/debug has its data). */
  'run.paused': { node: string; runIndex: number; when: 'before' | 'after'; itemCounts: (number | null)[] };
  /** Someone replaced the paused node's input (one of its inputs). */
  'run.inputEdited': { node: string; input: number; itemCount: number; by?: string };
  /**
   * Note: the run recorder today writes a node's start together with its outcome (one durable
   * append instead of two), so this usually arrives right before that node's finished/failed
   * message rather than when the node begins.
   */
  'node.started': { node: string; runIndex: number; executionIndex: number; inputItemCounts: (number | null)[] };
  /** A failed try that will be retried. */
  'node.retrying': { node: string; runIndex: number; attempt: number; error: LiveRunError };
  /**
   * The node finished. `itemCounts[output]` is the number of items on that output (null: the
   * output got nothing); `noData` marks a node that returned nothing at all. The items themselves
   * come on request (`nodeData`).
   */
  'node.finished': {
    node: string;
    runIndex: number;
    status: NodeRunStatus;
    itemCounts: (number | null)[];
    durationMs: number;
    noData?: boolean;
  };
  'node.failed': { node: string; runIndex: number; error: LiveRunError; itemCounts: (number | null)[]; durationMs: number };
  /**
   * A root node (an AI Agent, a chain) began using one of its sub-nodes: a model call, a tool call, a
   * memory read. `input` is what the sub-node got (the messages sent, the tool's arguments).
   */
  'subnode.started': { node: string; runIndex: number; rootNode: string; connectionType: string; input: unknown };
  /** That use ended: its output (the model's answer, the tool's result) or error, and a model call's tokens and cost. */
  'subnode.finished': {
    node: string;
    runIndex: number;
    status: NodeRunStatus;
    durationMs: number;
    output?: unknown;
    error?: LiveRunError;
    usage?: { model?: string; promptTokens?: number; completionTokens?: number; totalTokens?: number; costUsd?: number };
  };
  'run.waiting': { node: string; waitTill: string };
  'run.finished': { status: 'success' | 'error' | 'canceled' | 'crashed'; stoppedAt: string; error?: LiveRunError; lastNodeExecuted?: string };
  /** An execution event this protocol has no specific message for. */
  'run.event': { eventType: string };
  /**
   * Any change to the definition (created, replaced, a version restored, fine-grained edits):
   * `eventType` names the event, `detail` is its data without a whole `definition` (read that with
   * GET /api/v1/workflows/:id).
   */
  'workflow.edited': { eventType: string; detail: unknown };
  'workflow.activated': Record<string, never>;
  'workflow.deactivated': Record<string, never>;
  /** Activating was refused, or its triggers could not be armed: the workflow stays inactive. */
  'workflow.activationFailed': { reason: string };
  'workflow.renamed': { from: string; to: string };
  'workflow.deleted': Record<string, never>;
  'workflow.restored': Record<string, never>;
  'workflow.tagged': { tags: string[] };
  /** Shared with or unshared from another workspace. */
  'workflow.sharing': { workspaceId: string; shared: boolean };
  /** A bulk replay started (done 0) or one of its replays ended (`item`). */
  'bulkReplay.progress': BulkReplayProgress & { item?: BulkReplayItem };
  /** The bulk replay ended: the last progress, with the count per outcome and every item. */
  'bulkReplay.finished': BulkReplayProgress & { counts: Record<BulkReplayOutcomeName, number>; items: BulkReplayItem[] };
}

export type BulkReplayOutcomeName = 'nowSucceeds' | 'stillFails' | 'failsDifferently' | 'stillSucceeds' | 'changedOutput';

/** Where a bulk replay stands. `succeeded` counts replays that succeeded (nowSucceeds, stillSucceeds, changedOutput). */
export interface BulkReplayProgress {
  id: string;
  total: number;
  done: number;
  succeeded: number;
  stillFailing: number;
  failingDifferently: number;
  state: 'running' | 'finished';
}

/** One replayed run: its original, the replay (absent when it could not start), the outcome. */
export interface BulkReplayItem {
  executionId: string;
  replayId?: string;
  outcome: BulkReplayOutcomeName;
  error?: string;
  changedNodes?: string[];
}

export type LiveMessageType = keyof LiveDataByType;

interface LiveMessageOf<T extends LiveMessageType> {
  /** The room this message was sent to (a socket in both rooms gets it once per room). */
  room: LiveRoom;
  executionId?: string;
  workflowId: string;
  /** `execution-<id>`, `workflow-<id>` or `bulkreplay-<id>`. */
  stream: string;
  /** 0-based index of the event in `stream`. */
  revision: number;
  /** Global log position of the event. */
  position: number;
  type: T;
  /** ISO-8601 time the event was recorded. */
  at: string;
  data: LiveDataByType[T];
}

/** A `live` message; narrow on `type`. */
export type LiveMessage = { [T in LiveMessageType]: LiveMessageOf<T> }[LiveMessageType];

/** The server took a socket out of a room: its user may no longer read it. */
export interface UnwatchedNotice {
  room: LiveRoom;
  error: LiveError;
}

export interface LiveServerToClient {
  live: (message: LiveMessage) => void;
  unwatched: (notice: UnwatchedNotice) => void;
}
