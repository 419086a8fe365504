// What the trigger tests share: the REST API as the test owner, creating and activating a workflow,
// and the Set node placed after a trigger to mark the items each run saw.
import { expect } from 'vitest';
import { TEST_OWNER } from '../test-support.ts';

// Test answers are read field by field, as any JSON.
export interface ApiAnswer { status: number; body: any } // eslint-disable-line @typescript-eslint/no-explicit-any
export type Api = (method: string, url: string, body?: unknown) => Promise<ApiAnswer>;

/** Calls the server `server()` names (it starts in beforeAll) with the test owner's API key. */
export function ownerApi(server: () => { url: string }): Api {
  return async (method, url, body) => {
    const res = await fetch(`${server().url}${url}`, {
      method, headers: { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

/** Creates the workflow and activates it, expecting both to succeed; answers its id. */
export function activeWorkflowCreator(api: Api): (definition: object) => Promise<string> {
  return async (definition) => {
    const created = await api('POST', '/api/v1/workflows', definition);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const activated = await api('POST', `/api/v1/workflows/${created.body.id}/activate`);
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    return created.body.id as string;
  };
}

/** Marks each item it gets with `seen: true`, keeping the trigger's fields. */
export const SEEN_NODE = {
  id: 's', name: 'Seen', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0],
  parameters: { assignments: { assignments: [{ id: 'a', name: 'seen', value: true, type: 'boolean' }] }, includeOtherFields: true, options: {} },
};
