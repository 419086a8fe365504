// The Form Trigger's hosted form in Chromium: a published Form Trigger → Code workflow; the page is
// filled (text, checkboxes, a file), the browser's own validation stops an empty required field,
// the submission shows the completion text, and the recorded run holds the answers and the file.
import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_OWNER, type TestServer } from '../../server/index.ts';
import { CHROMIUM, chromiumAvailable, screenshot } from './harness.ts';

let weft: TestServer;
let browser: Browser;

async function api(method: string, url: string, body?: unknown) {
  const res = await fetch(weft.url + url, {
    method, headers: { 'x-api-key': TEST_OWNER.apiKey, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

describe.skipIf(!chromiumAvailable())('Form Trigger page in a browser', () => {
  beforeAll(async () => {
    weft = await startTestServer();
    const created = await api('POST', '/api/v1/workflows', {
      name: 'Job application', settings: { executionOrder: 'v1' },
      nodes: [
        {
          id: 'f', name: 'On form submission', type: 'n8n-nodes-base.formTrigger', typeVersion: 2.3, position: [0, 0], webhookId: 'wh-apply',
          parameters: {
            formTitle: 'Apply <now>', formDescription: 'Tell us about you', options: { path: 'apply', respondWithOptions: { values: { respondWith: 'text', formSubmittedText: 'Thanks, we got it' } } },
            formFields: {
              values: [
                { fieldLabel: 'Name', fieldType: 'text', requiredField: true },
                { fieldLabel: 'Role', fieldType: 'dropdown', fieldOptions: { values: [{ option: 'Engineer' }, { option: 'Designer' }] }, requiredField: true },
                { fieldLabel: 'Skills', fieldType: 'checkbox', fieldOptions: { values: [{ option: 'TypeScript' }, { option: 'SQL' }, { option: 'CSS' }] } },
                { fieldLabel: 'CV', fieldType: 'file', multipleFiles: false },
              ],
            },
          },
        },
        { id: 'c', name: 'Done', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: 'return $input.all();' } },
      ],
      connections: { 'On form submission': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
    });
    await api('POST', `/api/v1/workflows/${created.id}/activate`, {});
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  });
  afterAll(async () => {
    await browser?.close();
    await weft?.close();
  });

  it('fills the form, uploads a file, submits, and the run has the item and the binary', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Every answer the page gets must be a success (the browser's own favicon request aside).
    page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`));
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
    await page.goto(`${weft.url}/form/apply`);
    await expect(page.title()).resolves.toBe('Apply <now>');
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Apply <now>');

    // The browser refuses the empty required field: nothing is sent.
    await page.click('.submit-btn');
    expect(await page.locator('#field-0').evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
    await expect(page.locator('#completion').isHidden()).resolves.toBe(true);

    await page.fill('#field-0', 'Ada Lovelace');
    await page.selectOption('#field-1', 'Engineer');
    await page.check('label.choice:has-text("TypeScript") input');
    await page.check('label.choice:has-text("SQL") input');
    const dir = mkdtempSync(path.join(tmpdir(), 'weft-form-'));
    const cv = path.join(dir, 'cv.txt');
    writeFileSync(cv, 'Analytical engines');
    await page.setInputFiles('#field-3', cv);
    await screenshot(page, 'form-page-filled');
    await page.click('.submit-btn');
    await page.locator('#completion').waitFor({ state: 'visible' });
    await expect(page.locator('#completion p').textContent()).resolves.toBe('Thanks, we got it');
    expect(await page.locator('#form-card').isHidden()).toBe(true);
    expect(errors).toEqual([]);

    let runs: Array<{ id: string; status: string }> = [];
    await expect.poll(async () => {
      runs = (await api('GET', '/api/v1/executions?status=success')).data;
      return runs.length;
    }, { timeout: 8000 }).toBe(1);
    const run = await api('GET', `/api/v1/executions/${runs[0].id}?includeData=true`);
    const item = run.data.resultData.runData.Done[0].data.main[0][0];
    expect(item.json).toMatchObject({
      Name: 'Ada Lovelace', Role: 'Engineer', Skills: ['TypeScript', 'SQL'], CV: { filename: 'cv.txt', mimetype: 'text/plain', size: 18 }, formMode: 'production',
    });
    expect(item.binary.CV.fileName).toBe('cv.txt');
    expect(Buffer.from(item.binary.CV.data, 'base64').toString()).toBe('Analytical engines');
    await context.close();
  });
});
