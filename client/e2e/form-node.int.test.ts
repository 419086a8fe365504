// Multi-page forms (n8n's Form node) in Chromium: page 1 (with a file) on /form/<path>, the run
// parks at a Form page, the browser is sent to /form-waiting/<executionId> for page 2, and the
// Form Ending shows its screen or redirects; the runs' data (both pages' answers) is read through
// the API. Also the same flow without a script (303s), a page refused for a missing answer, and an
// n8n export of such a workflow imported as it is.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_OWNER, type TestServer } from '../../server/index.ts';
import { CHROMIUM, chromiumAvailable, ROOT } from './harness.ts';

let weft: TestServer;
let browser: Browser;
// A stand-in for the site a Form Ending redirects to: it records what it was asked for.
let thanks: Server;
const thanksRequests: string[] = [];

async function api(method: string, url: string, body?: unknown) {
  const res = await fetch(weft.url + url, {
    method, headers: { 'x-api-key': TEST_OWNER.apiKey, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

type RunItem = { json: Record<string, unknown>; binary?: Record<string, { fileName: string; mimeType: string; data: string }> };
type Run = { status: string; data: { resultData: { runData: Record<string, Array<{ data: { main: RunItem[][] } }>> } } };

/** The finished run a page led to, with its data. */
async function finishedRun(executionId: string): Promise<Run> {
  await expect.poll(async () => (await api('GET', `/api/v1/executions/${executionId}`)).status, { timeout: 8000 }).toMatch(/success|error/);
  return api('GET', `/api/v1/executions/${executionId}?includeData=true`);
}
const lastOutput = (run: Run, node: string): RunItem => {
  const runs = run.data.resultData.runData[node];
  return runs[runs.length - 1].data.main[0][0];
};

function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`));
  return errors;
}

const executionIdOf = (url: string): string => decodeURIComponent(new URL(url).pathname.split('/').pop()!);

describe.skipIf(!chromiumAvailable())('Form node: multi-page forms', () => {
  beforeAll(async () => {
    thanks = createServer((req, res) => {
      thanksRequests.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Thanks</title><h1>Thanks for your answers</h1>');
    });
    await new Promise<void>((resolve) => thanks.listen(0, '127.0.0.1', resolve));
    weft = await startTestServer();
    // The n8n export, imported as it is.
    const fixture = JSON.parse(readFileSync(path.join(ROOT, 'nodes/form/multi-page-form.n8n.json'), 'utf8'));
    const imported = await api('POST', '/api/v1/workflows/import', fixture);
    await api('POST', `/api/v1/workflows/${imported.imported[0].id}/activate`, {});
    const redirectTo = `http://127.0.0.1:${(thanks.address() as AddressInfo).port}/thanks?from=form`;
    const survey = await api('POST', '/api/v1/workflows', {
      name: 'Survey', settings: { executionOrder: 'v1' },
      nodes: [
        {
          id: 't', name: 'Start survey', type: 'n8n-nodes-base.formTrigger', typeVersion: 2.3, position: [0, 0], webhookId: 'wh-survey',
          parameters: { formTitle: 'Survey', formFields: { values: [{ fieldLabel: 'Email', fieldType: 'email', requiredField: true }] }, options: { path: 'survey' } },
        },
        {
          id: 'p', name: 'Rate us', type: 'n8n-nodes-base.form', typeVersion: 2.3, position: [200, 0],
          parameters: {
            defineForm: 'json',
            jsonOutput: '=[{"fieldLabel":"Score","fieldType":"number","requiredField":true},{"fieldLabel":"Why","fieldType":"text","placeholder":"{{ $json.Email }}"}]',
            options: { formTitle: 'Rate us' },
          },
        },
        {
          id: 'e', name: 'Go to thanks', type: 'n8n-nodes-base.form', typeVersion: 2.3, position: [400, 0],
          parameters: { operation: 'completion', respondWith: 'redirect', redirectUrl: redirectTo },
        },
      ],
      connections: { 'Start survey': { main: [[{ node: 'Rate us', type: 'main', index: 0 }]] }, 'Rate us': { main: [[{ node: 'Go to thanks', type: 'main', index: 0 }]] } },
    });
    await api('POST', `/api/v1/workflows/${survey.id}/activate`, {});
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  });
  afterAll(async () => {
    await browser?.close();
    await weft?.close();
    await new Promise((resolve) => thanks?.close(resolve));
  });

  it('fills page 1 with a file, then page 2, and shows the Form Ending; the run holds both pages', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    const errors = trackErrors(page);
    await page.goto(`${weft.url}/form/signup`);
    await page.fill('#field-0', 'Ada');
    const dir = mkdtempSync(path.join(tmpdir(), 'weft-form-node-'));
    const photo = path.join(dir, 'me.txt');
    writeFileSync(photo, 'a portrait');
    await page.setInputFiles('#field-1', photo);
    await page.click('.submit-btn');

    // Page 2, served for the parked run; its title was resolved from page 1's answers.
    await page.waitForURL(/\/form-waiting\//);
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Hello Ada');
    const executionId = executionIdOf(page.url());
    expect((await api('GET', `/api/v1/executions/${executionId}`)).status).toBe('waiting');
    await page.selectOption('#field-0', 'Afternoon');
    await page.fill('#field-1', 'Vegetarian lunch, please');
    await page.click('.submit-btn');

    await expect.poll(() => page.locator('h1').first().textContent()).toBe('See you in the Afternoon');
    await expect(page.locator('.completion p').first().textContent()).resolves.toBe('Thanks, Ada!');
    expect(errors).toEqual([]);

    const run = await finishedRun(executionId);
    expect(run.status).toBe('success');
    const first = lastOutput(run, 'On form submission');
    expect(first.json).toMatchObject({ Name: 'Ada', Photo: { filename: 'me.txt', mimetype: 'text/plain', size: 10 }, formMode: 'production' });
    expect(Buffer.from(first.binary!.Photo.data, 'base64').toString()).toBe('a portrait');
    // The Form node's output is its own page's answers, as in n8n.
    const second = lastOutput(run, 'Choose a session');
    expect(second.json).toMatchObject({ Session: 'Afternoon', Comments: 'Vegetarian lunch, please', formMode: 'production' });
    expect(second.json).not.toHaveProperty('Name');
    expect(lastOutput(run, 'Form ending').json).toEqual(second.json);
    await context.close();
  });

  it('ends in a redirect to the Form Ending URL', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    await page.goto(`${weft.url}/form/survey`);
    await page.fill('#field-0', 'grace@example.com');
    await page.click('.submit-btn');
    await page.waitForURL(/\/form-waiting\//);
    const executionId = executionIdOf(page.url());
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Rate us');
    // JSON-defined fields, their expressions resolved against the run.
    await expect(page.locator('#field-1').getAttribute('placeholder')).resolves.toBe('grace@example.com');
    await page.fill('#field-0', '9');
    await page.fill('#field-1', 'Fast');
    await page.click('.submit-btn');
    await page.waitForURL(/\/thanks\?from=form$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Thanks for your answers');
    expect(thanksRequests).toContain('GET /thanks?from=form');

    const run = await finishedRun(executionId);
    expect(run.status).toBe('success');
    expect(lastOutput(run, 'Start survey').json).toMatchObject({ Email: 'grace@example.com' });
    expect(lastOutput(run, 'Rate us').json).toMatchObject({ Score: 9, Why: 'Fast' });
    await context.close();
  });

  it('works without the page script (303s), refuses a page with a missing answer, and 404s an unknown run', async () => {
    const first = new FormData();
    first.append('field-0', 'Lin');
    const start = await fetch(`${weft.url}/form/signup`, { method: 'POST', body: first, redirect: 'manual' });
    expect(start.status).toBe(303);
    const next = start.headers.get('location')!;
    expect(next).toMatch(/^\/form-waiting\//);
    const executionId = executionIdOf(weft.url + next);

    const refused = await fetch(weft.url + next, { method: 'POST', body: new URLSearchParams([['field-1', 'no session chosen']]) });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Session is required');
    expect((await api('GET', `/api/v1/executions/${executionId}`)).status).toBe('waiting');

    const answered = await fetch(weft.url + next, { method: 'POST', body: new URLSearchParams([['field-0', 'Morning']]), redirect: 'manual' });
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toBe(next);
    const ending = await fetch(weft.url + next);
    expect(ending.status).toBe(200);
    const html = await ending.text();
    expect(html).toContain('See you in the Morning');
    expect(html).toContain('Thanks, Lin!');
    expect(lastOutput(await finishedRun(executionId), 'Choose a session').json).toMatchObject({ Session: 'Morning', Comments: null });

    const unknown = await fetch(`${weft.url}/form-waiting/no-such-run`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'not_found' });
  });
});
