// The Form Trigger's response modes on a real server, over HTTP: "Using 'Respond to Webhook' Node"
// (v2.1) answers with that node's response and tells the page to show it; "Workflow Finishes" with
// Form nodes after it still sends the browser on to the next page (as n8n does); and a multi-page
// form on the test URL runs in manual mode with the test notice on its later pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support.ts';
import { ownerApi } from './trigger-test-support.ts';

let weft: TestServer;
beforeAll(async () => {
  weft = await startTestServer();
});
afterAll(async () => {
  await weft?.close();
});

const api = ownerApi(() => weft);

async function create(definition: object, activate: boolean): Promise<string> {
  const created = await api('POST', '/api/v1/workflows', definition);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if (activate) expect((await api('POST', `/api/v1/workflows/${created.body.id}/activate`, {})).status).toBe(200);
  return created.body.id as string;
}

const trigger = (path: string, typeVersion: number, parameters: Record<string, unknown> = {}) => ({
  id: 't', name: 'Form', type: 'n8n-nodes-base.formTrigger', typeVersion, position: [0, 0], webhookId: `wh-${path}`,
  parameters: { formTitle: 'Ask', formFields: { values: [{ fieldLabel: 'Name', requiredField: true }] }, ...(typeVersion < 2.2 ? { path } : { options: { path } }), ...parameters },
});

/** Form Trigger → Form page (one question) → Form Ending. */
const twoPages = (path: string, parameters: Record<string, unknown> = {}) => ({
  name: `Two pages ${path}`, settings: { executionOrder: 'v1' },
  nodes: [
    trigger(path, 2.3, parameters),
    { id: 'p', name: 'Page 2', type: 'n8n-nodes-base.form', typeVersion: 1, position: [200, 0], parameters: { formFields: { values: [{ fieldLabel: 'Colour' }] } } },
    { id: 'e', name: 'End', type: 'n8n-nodes-base.form', typeVersion: 1, position: [400, 0], parameters: { operation: 'completion', completionTitle: 'All done', completionMessage: '=Colour: {{ $json.Colour }}' } },
  ],
  connections: { Form: { main: [[{ node: 'Page 2', type: 'main', index: 0 }]] }, 'Page 2': { main: [[{ node: 'End', type: 'main', index: 0 }]] } },
});

async function runOf(executionId: string) {
  await expect.poll(async () => (await api('GET', `/api/v1/executions/${executionId}`)).body?.status, { timeout: 8000 }).toMatch(/success|error/);
  return (await api('GET', `/api/v1/executions/${executionId}?includeData=true`)).body;
}

describe('Form Trigger response modes', () => {
  it("answers with the Respond to Webhook node's response (\"Using 'Respond to Webhook' Node\")", async () => {
    await create({
      name: 'Respond node', settings: { executionOrder: 'v1' },
      nodes: [
        trigger('ask-respond', 2.1, { responseMode: 'responseNode' }),
        { id: 'r', name: 'Respond', type: 'n8n-nodes-base.respondToWebhook', typeVersion: 1.1, position: [200, 0], parameters: { respondWith: 'text', responseBody: '=Hello {{ $json.Name }}' } },
      ],
      connections: { Form: { main: [[{ node: 'Respond', type: 'main', index: 0 }]] } },
    }, true);
    const page = await (await fetch(`${weft.url}/form/ask-respond`)).text();
    expect(page).toContain('"useResponseData":true');
    const res = await fetch(`${weft.url}/form/ask-respond`, { method: 'POST', body: new URLSearchParams([['field-0', 'Ada']]), headers: { 'x-form-script': '1' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('Hello Ada');
    expect((await runOf(res.headers.get('x-weft-execution-id')!)).status).toBe('success');
  });

  it('"Workflow Finishes" with Form nodes after the trigger goes on to the next page', async () => {
    await create(twoPages('ask-last', { responseMode: 'lastNode' }), true);
    const res = await fetch(`${weft.url}/form/ask-last`, { method: 'POST', body: new URLSearchParams([['field-0', 'Bo']]), headers: { 'x-form-script': '1' } });
    expect(res.status).toBe(200);
    const { formWaitingUrl } = (await res.json()) as { formWaitingUrl: string };
    expect(formWaitingUrl).toBe(`/form-waiting/${res.headers.get('x-weft-execution-id')}`);
    // A page without a title of its own has the trigger's.
    expect(await (await fetch(weft.url + formWaitingUrl)).text()).toContain('<h1>Ask</h1>');
    const next = await fetch(weft.url + formWaitingUrl, { method: 'POST', body: new URLSearchParams([['field-0', 'teal']]), headers: { 'x-form-script': '1' } });
    expect(await next.json()).toEqual({ formWaitingUrl });
    const ending = await (await fetch(weft.url + formWaitingUrl)).text();
    expect(ending).toContain('All done');
    expect(ending).toContain('Colour: teal');
    // The run is over: another submission of its page is refused, saying why.
    const again = await fetch(weft.url + formWaitingUrl, { method: 'POST', body: new URLSearchParams([['field-0', 'blue']]) });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ message: expect.stringContaining('is not waiting') });
  });

  it('runs a multi-page form from the test URL in manual mode, its later pages marked as a test', async () => {
    const id = await create(twoPages('ask-test'), false);
    expect((await api('POST', `/api/v1/workflows/${id}/test-webhook`)).status).toBe(200);
    const res = await fetch(`${weft.url}/form-test/ask-test`, { method: 'POST', body: new URLSearchParams([['field-0', 'Cy']]), redirect: 'manual' });
    expect(res.status).toBe(303);
    const next = res.headers.get('location')!;
    const page = await (await fetch(weft.url + next)).text();
    expect(page).toContain('This is a test version of your form');
    await fetch(weft.url + next, { method: 'POST', body: new URLSearchParams([['field-0', 'red']]), redirect: 'manual' });
    const run = await runOf(res.headers.get('x-weft-execution-id')!);
    expect(run.mode).toBe('manual');
    expect(run.data.resultData.runData['Page 2'].at(-1).data.main[0][0].json).toMatchObject({ Colour: 'red', formMode: 'test' });
  });
});
