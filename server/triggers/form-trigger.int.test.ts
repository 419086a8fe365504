// Form Trigger on a real server: the hosted page on /form/<path> (escaped, sanitised, with its
// validation attributes), submissions urlencoded and multipart (a file becomes binary), required
// fields refused with the form shown again, "Workflow Finishes" answering with the last item, and
// the test form on /form-test/<path> while the editor listens.
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
async function createActive(definition: object): Promise<string> {
  const created = await api('POST', '/api/v1/workflows', definition);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const activated = await api('POST', `/api/v1/workflows/${created.body.id}/activate`, {});
  expect(activated.status, JSON.stringify(activated.body)).toBe(200);
  return created.body.id as string;
}

const FIELDS = {
  values: [
    { fieldLabel: 'Your name', fieldType: 'text', requiredField: true, placeholder: 'Ada "the first"' },
    { fieldLabel: 'Email', fieldType: 'email' },
    { fieldLabel: 'Age', fieldType: 'number' },
    { fieldLabel: 'Colours', fieldType: 'checkbox', fieldOptions: { values: [{ option: 'red' }, { option: 'blue' }, { option: '<green>' }] } },
    { fieldLabel: 'CV file', fieldType: 'file', multipleFiles: false, acceptFileTypes: '.txt, .pdf' },
    { fieldType: 'html', html: '<p>Read <a href="https://example.com/terms" onclick="steal()">the terms</a></p><script>alert(1)</script><input name="x">' },
    { fieldType: 'hiddenField', fieldName: 'source', fieldValue: 'web' },
  ],
};

function formWorkflow(path: string, parameters: Record<string, unknown> = {}, code = "return [{ json: { greeting: 'hello ' + $input.first().json['Your name'] } }];") {
  return {
    name: `Form ${path}`, settings: { executionOrder: 'v1' },
    nodes: [
      {
        id: 'f', name: 'On form submission', type: 'n8n-nodes-base.formTrigger', typeVersion: 2.3, position: [0, 0], webhookId: `wh-${path}`,
        parameters: { formTitle: '<b>Contact & "us"</b>', formDescription: 'We <i>answer</i> fast<script>alert(2)</script>', formFields: FIELDS, options: { path }, ...parameters },
      },
      { id: 'c', name: 'Greet', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: code } },
    ],
    connections: { 'On form submission': { main: [[{ node: 'Greet', type: 'main', index: 0 }]] } },
  };
}

async function finishedRun(executionId: string) {
  // "Form Is Submitted" answers before the run ends: wait for it to finish.
  await expect.poll(async () => {
    await weft.runtime.executions.settle();
    return (await api('GET', `/api/v1/executions/${executionId}`)).body?.status;
  }, { timeout: 8000 }).toMatch(/success|error/);
  const run = await api('GET', `/api/v1/executions/${executionId}?includeData=true`);
  expect(run.status).toBe(200);
  return run.body;
}

const triggerItem = (run: { data: { resultData: { runData: Record<string, Array<{ data: { main: unknown[][] } }>> } } }) =>
  run.data.resultData.runData['On form submission'][0].data.main[0][0] as { json: Record<string, unknown>; binary?: Record<string, { fileName: string; mimeType: string; data: string }> };

describe('Form Trigger', () => {
  beforeAll(async () => {
    await createActive(formWorkflow('contact'));
    await createActive(formWorkflow('contact-last', { responseMode: 'lastNode' }));
  });

  it('serves the form with labels, required marks and validation attributes, texts escaped and HTML sanitised', async () => {
    const res = await fetch(`${weft.url}/form/contact?Email=ada@example.com`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'nonce-");
    const html = await res.text();
    expect(html).toContain('<h1>&lt;b&gt;Contact &amp; &quot;us&quot;&lt;/b&gt;</h1>');
    expect(html).toContain('We <i>answer</i> fast');
    expect(html).not.toContain('alert(');
    expect(html).not.toContain('onclick');
    expect(html).not.toContain('name="x"');
    expect(html).toContain('<a href="https://example.com/terms">the terms</a>');
    expect(html).toMatch(/<label for="field-0">Your name<span class="required-mark"[^>]*>\*<\/span><\/label><input type="text" id="field-0" name="field-0" placeholder="Ada &quot;the first&quot;" required>/);
    expect(html).toContain('<input type="email" id="field-1" name="field-1" value="ada@example.com" autocomplete="email">');
    expect(html).toContain('<input type="number" id="field-2" name="field-2" step="any">');
    expect(html).toContain('value="&lt;green&gt;"');
    expect(html).toContain('<input type="file" id="field-4" name="field-4" accept=".txt,.pdf">');
    expect(html).toContain('<input type="hidden" name="field-6" value="web">');
    expect(html).toContain('<form class="form" method="POST" action="" enctype="multipart/form-data">');
    expect(html).toContain('<button type="submit" class="submit-btn">Submit</button>');
  });

  it('runs with the answers of an urlencoded submission and answers with the completion page', async () => {
    const body = new URLSearchParams([['field-0', '  Ada  '], ['field-1', 'ada@example.com'], ['field-2', '36'], ['field-3', 'red'], ['field-3', '<green>'], ['field-6', 'web']]);
    const res = await fetch(`${weft.url}/form/contact?ref=mail`, { method: 'POST', body });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Your response has been recorded');
    const executionId = res.headers.get('x-weft-execution-id');
    expect(executionId).toBeTruthy();
    const run = await finishedRun(executionId!);
    expect(run.status).toBe('success');
    const item = triggerItem(run);
    expect(item.json).toMatchObject({
      'Your name': 'Ada', Email: 'ada@example.com', Age: 36, Colours: ['red', '<green>'], 'CV file': null, source: 'web',
      formMode: 'production', formQueryParameters: { ref: 'mail' },
    });
    expect(Date.parse(String(item.json.submittedAt))).toBeGreaterThan(Date.now() - 60_000);
    expect(run.data.resultData.runData.Greet[0].data.main[0][0].json).toEqual({ greeting: 'hello Ada' });
  });

  it('takes a multipart submission with a file as binary data', async () => {
    const form = new FormData();
    form.append('field-0', 'Grace');
    form.append('field-3', 'blue');
    form.append('field-4', new Blob(['my cv text'], { type: 'text/plain' }), 'cv.txt');
    const res = await fetch(`${weft.url}/form/contact`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const run = await finishedRun(res.headers.get('x-weft-execution-id')!);
    const item = triggerItem(run);
    expect(item.json['CV file']).toEqual({ filename: 'cv.txt', mimetype: 'text/plain', size: 10 });
    expect(item.json.Colours).toEqual(['blue']);
    expect(item.binary?.CV_file.fileName).toBe('cv.txt');
    expect(item.binary?.CV_file.mimeType).toBe('text/plain');
    expect(Buffer.from(item.binary!.CV_file.data, 'base64').toString()).toBe('my cv text');
  });

  it('refuses a submission without its required field: the form again, with the error and what was sent, and no run', async () => {
    const res = await fetch(`${weft.url}/form/contact`, { method: 'POST', body: new URLSearchParams([['field-0', '   '], ['field-1', 'kept@example.com']]) });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-weft-execution-id')).toBeNull();
    const html = await res.text();
    expect(html).toContain('Your name is required');
    expect(html).toContain('value="kept@example.com"');
  });

  it('answers "Workflow Finishes" with the last node\'s item once the run ends', async () => {
    const res = await fetch(`${weft.url}/form/contact-last`, { method: 'POST', body: new URLSearchParams([['field-0', 'Linus']]) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ greeting: 'hello Linus' });
  });

  it('serves the test form while the editor listens; the page does not use the listening up, the submission runs once', async () => {
    const created = await api('POST', '/api/v1/workflows', formWorkflow('contact-test'));
    expect(created.status).toBe(201);
    const listen = await api('POST', `/api/v1/workflows/${created.body.id}/test-webhook`);
    expect(listen.status, JSON.stringify(listen.body)).toBe(200);
    for (let i = 0; i < 2; i++) {
      const page = await fetch(`${weft.url}/form-test/contact-test`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('This is a test version of your form');
    }
    const res = await fetch(`${weft.url}/form-test/contact-test`, { method: 'POST', body: new URLSearchParams([['field-0', 'Tess']]) });
    expect(res.status).toBe(200);
    const run = await finishedRun(res.headers.get('x-weft-execution-id')!);
    expect(run.mode).toBe('manual');
    expect(triggerItem(run).json).toMatchObject({ 'Your name': 'Tess', formMode: 'test' });
    expect((await fetch(`${weft.url}/form-test/contact-test`, { method: 'POST', body: new URLSearchParams([['field-0', 'Again']]) })).status).toBe(404);
  });
});

describe('Wait node "On Form Submitted"', () => {
  it('parks the run; its form on /form-waiting/<executionId> resumes it with the answers', async () => {
    await createActive({
      name: 'Approval', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 'f', name: 'On form submission', type: 'n8n-nodes-base.formTrigger', typeVersion: 2.3, position: [0, 0], webhookId: 'wh-approval',
          parameters: { formTitle: 'Request', formFields: { values: [{ fieldLabel: 'Item', fieldType: 'text', requiredField: true }] }, options: { path: 'request' } } },
        { id: 'w', name: 'Wait', type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [200, 0], webhookId: 'wh-approval-wait',
          parameters: {
            resume: 'form', formTitle: 'Approve <it>', formFields: { values: [{ fieldLabel: 'Decision', fieldType: 'radio', requiredField: true, fieldOptions: { values: [{ option: 'yes' }, { option: 'no' }] } }] },
            options: { respondWithOptions: { values: { respondWith: 'text', formSubmittedText: 'Decision saved' } } },
          } },
        { id: 'c', name: 'After', type: 'n8n-nodes-base.code', typeVersion: 2, position: [400, 0],
          parameters: { jsCode: "return [{ json: { item: $('On form submission').first().json.Item, decision: $input.first().json.Decision } }];" } },
      ],
      connections: {
        'On form submission': { main: [[{ node: 'Wait', type: 'main', index: 0 }]] },
        Wait: { main: [[{ node: 'After', type: 'main', index: 0 }]] },
      },
    });
    // A form page follows the trigger (the Wait node's), so the browser is sent on to it, as in n8n.
    const submitted = await fetch(`${weft.url}/form/request`, { method: 'POST', body: new URLSearchParams([['field-0', 'laptop']]), redirect: 'manual' });
    expect(submitted.status).toBe(303);
    const executionId = submitted.headers.get('x-weft-execution-id')!;
    expect(submitted.headers.get('location')).toBe(`/form-waiting/${executionId}`);
    await expect.poll(async () => (await api('GET', `/api/v1/executions/${executionId}`)).body?.status, { timeout: 8000 }).toBe('waiting');

    const page = await fetch(`${weft.url}/form-waiting/${executionId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<h1>Approve &lt;it&gt;</h1>');
    expect(html).toContain('<input type="radio" id="field-0-option-0" name="field-0" value="yes" required>');

    const empty = await fetch(`${weft.url}/form-waiting/${executionId}`, { method: 'POST', body: new URLSearchParams() });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Decision is required');

    const answered = await fetch(`${weft.url}/form-waiting/${executionId}`, { method: 'POST', body: new URLSearchParams([['field-0', 'yes']]) });
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain('Decision saved');
    const run = await finishedRun(executionId);
    expect(run.status).toBe('success');
    expect(run.data.resultData.runData.After[0].data.main[0][0].json).toEqual({ item: 'laptop', decision: 'yes' });
    expect(run.data.resultData.runData.Wait.at(-1).data.main[0][0].json).toMatchObject({ Decision: 'yes', formMode: 'production' });
  });
});
