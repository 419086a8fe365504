// Starts a real runtime (SQLite files in a fresh temp folder) for tests; no mocks.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from './config.ts';
import { createHttpServer } from './http-server.ts';
import { createLogger } from './logger.ts';
import { startRuntime, type Runtime } from './runtime.ts';

export interface TestRuntime extends Runtime {
  /** Closes the runtime and deletes its data folder. */
  dispose(): Promise<void>;
}

/** The owner every test runtime starts with, and the owner's API key in the default workspace. */
export const TEST_OWNER = { email: 'owner@example.com', password: 'correct horse battery', apiKey: 'wk_test_owner_key_0123456789abcdef' };

export async function startTestRuntime(env: Record<string, string> = {}, dataDir?: string): Promise<TestRuntime> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'weft-test-'));
  const config: Config = loadConfig({
    LOG_LEVEL: 'silent', OWNER_EMAIL: TEST_OWNER.email, OWNER_PASSWORD: TEST_OWNER.password, OWNER_API_KEY: TEST_OWNER.apiKey,
    ...env, DATA_DIR: dir,
  });
  const runtime = await startRuntime(config, createLogger(config));
  return {
    ...runtime,
    async dispose() {
      await runtime.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A minimal valid n8n workflow. */
export function sampleWorkflow(name = 'Sample', extra: Record<string, unknown> = {}) {
  return {
    name,
    nodes: [
      { id: 'a1', name: 'When clicking ‘Execute workflow’', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { id: 'a2', name: 'Edit Fields', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [220, 0], parameters: { assignments: { assignments: [{ id: 'x', name: 'greeting', value: '=Hello {{ $json.name }}', type: 'string' }] }, options: {} } },
    ],
    connections: { 'When clicking ‘Execute workflow’': { main: [[{ node: 'Edit Fields', type: 'main', index: 0 }]] } },
    settings: { executionOrder: 'v1' },
    ...extra,
  };
}

export interface TestServer {
  runtime: TestRuntime;
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A test runtime behind a real listening HTTP server with every real-time channel attached. */
export async function startTestServer(env: Record<string, string> = {}, dataDir?: string): Promise<TestServer> {
  const runtime = await startTestRuntime(env, dataDir);
  const listener = createHttpServer(runtime);
  await new Promise<void>((resolve) => listener.server.listen(0, '127.0.0.1', resolve));
  const port = (listener.server.address() as AddressInfo).port;
  return {
    runtime, port, url: `http://127.0.0.1:${port}`,
    async close() {
      await listener.closeChannels();
      listener.server.closeAllConnections();
      await new Promise<void>((resolve) => listener.server.close(() => resolve()));
      await runtime.dispose();
    },
  };
}
