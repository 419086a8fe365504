// The browser hardening headers, in-process: on the editor page, on API answers (errors too), and
// not the editor's policy on webhook answers (the workflow's own page decides there).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

const CLIENT_INDEX = fileURLToPath(new URL('../../client/dist/index.html', import.meta.url));

let rt: TestRuntime;
let framed: TestRuntime;

beforeAll(async () => {
  rt = await startTestRuntime();
  framed = await startTestRuntime({ FRAME_ANCESTORS: "'self' https://portal.example" });
});
afterAll(async () => {
  await rt.dispose();
  await framed.dispose();
});

function expectEditorHeaders(res: request.Response) {
  const csp = String(res.headers['content-security-policy']);
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('connect-src')).toContain("'self'");
  expect(csp).not.toMatch(/\*|unsafe-eval|script-src[^;]*unsafe-inline/);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('same-origin');
}

describe('security headers', () => {
  it('are on the editor page', async () => {
    // The suite builds the editor first (npm test runs build:client); without a build, / is the landing page.
    expect(existsSync(CLIENT_INDEX), 'run `npm run build:client` first').toBe(true);
    const res = await request(rt.app.koa.callback()).get('/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<div id="app">');
    expectEditorHeaders(res);
    expectEditorHeaders(await request(rt.app.koa.callback()).get('/workflows/some-id'));
  });

  it('are on API answers, errors included', async () => {
    const ok = await request(rt.app.koa.callback()).get('/api/v1/workflows').set('X-API-KEY', TEST_OWNER.apiKey);
    expect(ok.status).toBe(200);
    expectEditorHeaders(ok);
    const unauthenticated = await request(rt.app.koa.callback()).get('/api/v1/workflows');
    expect(unauthenticated.status).toBe(401);
    expectEditorHeaders(unauthenticated);
    expectEditorHeaders(await request(rt.app.koa.callback()).get('/api/v1/nothing-here'));
  });

  it('lets webhook answers set their own policy: only nosniff is imposed', async () => {
    const res = await request(rt.app.koa.callback()).get('/webhook/not-registered');
    expect(res.status).toBe(404);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeUndefined();
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('names the configured frame ancestors and leaves out X-Frame-Options, which cannot', async () => {
    const res = await request(framed.app.koa.callback()).get('/api/v1/auth/session');
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'self' https:\/\/portal\.example(;|$)/);
    expect(res.headers['x-frame-options']).toBeUndefined();
  });
});
