// The real-time sockets check the browser's Origin: a foreign page cannot open /collab or
// /socket.io with the user's cookie, while the editor's own pages and programs without an Origin can.
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { sampleWorkflow, startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';

const EVIL = 'http://evil.example';
const PARTNER = 'https://partner.example';
const PUBLIC = 'https://weft.example';

let server: TestServer;
let workflowId: string;

beforeAll(async () => {
  server = await startTestServer({ ALLOWED_ORIGINS: PARTNER, PUBLIC_URL: `${PUBLIC}/` });
  const res = await fetch(`${server.url}/api/v1/workflows`, {
    method: 'POST', headers: { 'x-api-key': TEST_OWNER.apiKey, 'content-type': 'application/json' }, body: JSON.stringify(sampleWorkflow('Origins')),
  });
  expect(res.status).toBe(201);
  workflowId = ((await res.json()) as { id: string }).id;
});
afterAll(() => server.close());

/** Opens /collab with these headers: 'open', or the HTTP status the upgrade was refused with. */
function collabUpgrade(headers: Record<string, string>): Promise<string> {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${workflowId}`, { headers: { 'x-api-key': TEST_OWNER.apiKey, ...headers } });
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('unexpected-response', (_req, res) => resolve(`http ${res.statusCode}`));
    socket.once('error', reject);
  });
}

/** Connects to Socket.IO over one transport with these headers: 'connected' or the error. */
function liveHandshake(transport: 'websocket' | 'polling', headers: Record<string, string>): Promise<string> {
  const socket = io(server.url, { transports: [transport], reconnection: false, forceNew: true, auth: { apiKey: TEST_OWNER.apiKey }, extraHeaders: headers });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(`refused: ${error.message}`));
  }).finally(() => socket.close()) as Promise<string>;
}

describe('Origin checks on the real-time sockets', () => {
  it('refuse a foreign page on /collab with 403, and admit the same origin, PUBLIC_URL, ALLOWED_ORIGINS and no Origin', async () => {
    expect(await collabUpgrade({ origin: EVIL })).toBe('http 403');
    expect(await collabUpgrade({ origin: 'null' })).toBe('http 403');
    expect(await collabUpgrade({ origin: server.url })).toBe('open');
    expect(await collabUpgrade({ origin: PARTNER })).toBe('open');
    expect(await collabUpgrade({ origin: PUBLIC })).toBe('open');
    expect(await collabUpgrade({ origin: 'http://weft.example' })).toBe('http 403');
    expect(await collabUpgrade({})).toBe('open');
  });

  it('fail a foreign Socket.IO handshake on either transport, and admit the same origin and no Origin', async () => {
    for (const transport of ['websocket', 'polling'] as const) {
      expect(await liveHandshake(transport, { origin: EVIL })).toMatch(/^refused/);
      expect(await liveHandshake(transport, { origin: server.url })).toBe('connected');
      expect(await liveHandshake(transport, {})).toBe('connected');
    }
    expect(await liveHandshake('websocket', { origin: PARTNER })).toBe('connected');
  });
});
