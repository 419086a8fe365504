// Shared by the bulk replay tests: API calls with the owner's key, and a workflow whose Code node fails on demand.
import { expect } from 'vitest';
import { TEST_OWNER } from '../test-support.ts';

export function apiClient(baseUrl: () => string) {
  const api = (path: string, init: RequestInit = {}) => fetch(`${baseUrl()}${path}`, {
    ...init,
    headers: { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
  const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body) });
  return { api, post };
}

export async function json<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

export const failing = "if ($json.fail) throw new Error('cannot handle ' + $json.kind);\nreturn { json: { ...$json, ok: true } };";
export const fixedCode = 'return { json: { ...$json, ok: true } };';

export function codeWorkflow(jsCode: string) {
  return {
    name: 'Bulk replay',
    settings: { executionOrder: 'v1' },
    nodes: [
      { id: 't', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { id: 'c', name: 'Code', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { mode: 'runOnceForEachItem', jsCode } },
    ],
    connections: { 'Manual Trigger': { main: [[{ node: 'Code', type: 'main', index: 0 }]] } },
  };
}

export interface Summary {
  id: string; status: string; total: number; done: number;
  counts: Record<'nowSucceeds' | 'stillFails' | 'failsDifferently' | 'stillSucceeds' | 'changedOutput', number>;
  items: { executionId: string; replayId?: string; outcome: string; error?: string; changedNodes?: string[] }[];
}

/** Polls the bulk replay until it has finished. */
export async function finished(api: (path: string) => Promise<Response>, id: string, timeoutMs = 20_000): Promise<Summary> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const summary = await json<Summary>(await api(`/api/v1/bulk-replays/${id}`));
    if (summary.status === 'finished') return summary;
    if (Date.now() > deadline) throw new Error(`bulk replay ${id} not finished: ${summary.done}/${summary.total}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
