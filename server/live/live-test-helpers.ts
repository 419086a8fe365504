// Helpers for the live-runs tests: real HTTP calls and real Socket.IO clients against a listening
// server, and a recorder of every live message a client receives.
import { io, type Socket } from 'socket.io-client';
import type { LiveAck, LiveClientToServer, LiveMessage, LiveServerToClient, NodeDataReply, WatchReply } from '../../domain/index.ts';
import { TEST_OWNER } from '../test-support.ts';

export type LiveClient = Socket<LiveServerToClient, LiveClientToServer>;

/** A workflow whose run takes a while: trigger, a wait, a Set, another wait, a Set. */
export function slowWorkflow(name: string, waitSeconds = 0.6) {
  const node = (id: string, nodeName: string, type: string, parameters: Record<string, unknown>, x: number, typeVersion = 1) =>
    ({ id, name: nodeName, type, typeVersion, position: [x, 0], parameters });
  const set = (value: string) => ({ assignments: { assignments: [{ id: value, name: 'step', value, type: 'string' }] }, options: {} });
  return {
    name,
    nodes: [
      node('n1', 'Start', 'n8n-nodes-base.manualTrigger', {}, 0),
      node('n2', 'Wait 1', 'n8n-nodes-base.wait', { amount: waitSeconds, unit: 'seconds' }, 200, 1.1),
      { ...node('n3', 'Set 1', 'n8n-nodes-base.set', set('one'), 400), typeVersion: 3.4 },
      node('n4', 'Wait 2', 'n8n-nodes-base.wait', { amount: waitSeconds, unit: 'seconds' }, 600, 1.1),
      { ...node('n5', 'Set 2', 'n8n-nodes-base.set', set('two'), 800), typeVersion: 3.4 },
    ],
    connections: {
      Start: { main: [[{ node: 'Wait 1', type: 'main', index: 0 }]] },
      'Wait 1': { main: [[{ node: 'Set 1', type: 'main', index: 0 }]] },
      'Set 1': { main: [[{ node: 'Wait 2', type: 'main', index: 0 }]] },
      'Wait 2': { main: [[{ node: 'Set 2', type: 'main', index: 0 }]] },
    },
    settings: { executionOrder: 'v1' },
  };
}

/** A JSON call to the API; throws on an unexpected status. */
export async function api<T = Record<string, unknown>>(
  baseUrl: string, method: string, path: string,
  options: { body?: unknown; headers?: Record<string, string>; expect?: number } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-api-key': TEST_OWNER.apiKey, ...options.headers },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  const body = (text ? JSON.parse(text) : {}) as T;
  if (options.expect !== undefined && response.status !== options.expect) {
    throw new Error(`${method} ${path}: expected ${options.expect}, got ${response.status} ${text}`);
  }
  return { status: response.status, body, headers: response.headers };
}

export async function createWorkflow(baseUrl: string, definition: unknown, headers: Record<string, string> = {}): Promise<string> {
  const { body } = await api<{ id: string }>(baseUrl, 'POST', '/api/v1/workflows', { body: definition, headers, expect: 201 });
  return body.id;
}

export async function runWorkflow(baseUrl: string, workflowId: string): Promise<string> {
  const { body } = await api<{ executionId: string }>(baseUrl, 'POST', `/api/v1/workflows/${workflowId}/run`, { body: {}, expect: 201 });
  return body.executionId;
}

/** A connected client (API key in the handshake unless `auth`/`headers` say otherwise). */
export async function connect(baseUrl: string, options: { apiKey?: string; cookie?: string } = { apiKey: TEST_OWNER.apiKey }): Promise<LiveClient> {
  const socket: LiveClient = io(baseUrl, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(options.apiKey ? { auth: { apiKey: options.apiKey } } : {}),
    ...(options.cookie ? { extraHeaders: { cookie: options.cookie } } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return socket;
}

/** Everything a client received, and a way to wait for a message. */
export function record(socket: LiveClient) {
  const messages: LiveMessage[] = [];
  const waiters: { match: (m: LiveMessage) => boolean; resolve: (m: LiveMessage) => void }[] = [];
  socket.on('live', (message) => {
    messages.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.match(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  });
  return {
    messages,
    /** Resolves with the first message (already received or future) that matches. */
    until(match: (m: LiveMessage) => boolean, timeoutMs = 10_000): Promise<LiveMessage> {
      const seen = messages.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching live message in ${timeoutMs} ms; got ${messages.map((m) => m.type).join(', ')}`)), timeoutMs);
        waiters.push({ match, resolve: (m) => { clearTimeout(timer); resolve(m); } });
      });
    },
  };
}

export function watch(socket: LiveClient, room: string, after?: number): Promise<LiveAck<WatchReply>> {
  return socket.timeout(10_000).emitWithAck('watch', { room: room as never, ...(after === undefined ? {} : { after }) });
}

export function nodeData(socket: LiveClient, executionId: string, node: string, runIndex = 0): Promise<LiveAck<NodeDataReply>> {
  return socket.timeout(10_000).emitWithAck('nodeData', { executionId, node, runIndex });
}

/** A message's identity for sequence comparisons. */
export const key = (m: LiveMessage) => `${m.stream}#${m.revision}:${m.type}${'node' in m.data ? `:${(m.data as { node: string }).node}` : ''}`;

/** A quick run with many steps: a trigger and `length` Set nodes in a row. */
export function chainWorkflow(length: number) {
  const names = Array.from({ length }, (_, i) => `Step ${i + 1}`);
  return {
    name: `Chain of ${length}`,
    nodes: [
      { id: 's0', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      ...names.map((name, i) => ({
        id: `s${i + 1}`, name, type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [(i + 1) * 200, 0],
        parameters: { assignments: { assignments: [{ id: `a${i}`, name: 'step', value: i + 1, type: 'number' }] }, options: {} },
      })),
    ],
    connections: Object.fromEntries(['Start', ...names.slice(0, -1)].map((from, i) => [from, { main: [[{ node: names[i], type: 'main', index: 0 }]] }])),
    settings: { executionOrder: 'v1' },
  };
}
