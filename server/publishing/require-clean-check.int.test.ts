// `settings.requireCleanCheck`: the draft goes live only after a check of exactly that draft came out
// clean; an edit after the check, or a check that was not clean, keeps publishing refused (409).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftCheckStreamName } from '../../domain/index.ts';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';
import { checkedWorkflow } from './check-testing.ts';

let server: TestServer;
let service: Server;
let serviceUrl = '';

const api = (p: string, body?: object) =>
  fetch(`${server.url}${p}`, { method: body ? 'POST' : 'GET', body: body ? JSON.stringify(body) : undefined, headers: { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json' } });
const put = (p: string, body: object) =>
  fetch(`${server.url}${p}`, { method: 'PUT', body: JSON.stringify(body), headers: { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json' } });

async function expectStatus<T = any>(res: Promise<Response>, status: number): Promise<T> {
  const r = await res;
  const text = await r.text();
  expect(r.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const workflow = (tag: string, answer: string) =>
  checkedWorkflow({ name: 'Gated', hookPath: 'gated-hook', serviceUrl, tag, answer, settings: { requireCleanCheck: true } });

beforeAll(async () => {
  service = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ stored: JSON.parse(body || '{}').tag ?? null }));
    });
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  await server.close();
  await new Promise((resolve) => service.close(resolve));
});

describe('require a clean check before publishing', () => {
  it('refuses to publish until this exact draft checked clean', async () => {
    const { id } = await expectStatus(api('/api/v1/workflows', workflow('={{ $json.body.n }}', '=stored {{ $json.stored }}')), 201);

    // Never checked: activating (which publishes) is refused, and says why.
    const refused = await expectStatus(api(`/api/v1/workflows/${id}/activate`, {}), 409);
    expect(refused.message).toContain('requires a clean check before publishing');
    expect(refused.details).toEqual([{ path: 'settings.requireCleanCheck', message: 'no check of this draft' }]);
    expect(await expectStatus(api(`/api/v1/workflows/${id}/check`), 200)).toEqual({ check: null, required: true });

    // No production runs yet: a check of nothing is clean, and opens the gate.
    const first = await expectStatus(api(`/api/v1/workflows/${id}/check`, {}), 200);
    expect(first).toMatchObject({ clean: true, runs: [] });
    await expectStatus(api(`/api/v1/workflows/${id}/activate`, {}), 200);
    for (const n of ['1', '2']) {
      const res = await fetch(`${server.url}/webhook/gated-hook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n }) });
      expect(await res.json()).toEqual({ answer: `stored ${n}` });
    }

    // An edit after that check: the check was of an older draft and no longer counts.
    const edited = await expectStatus(put(`/api/v1/workflows/${id}`, workflow('={{ $json.body.n }}', '=kept {{ $json.stored }}')), 200);
    expect((await expectStatus(api(`/api/v1/workflows/${id}/publish`, { message: 'kept' }), 409)).message).toContain('has not been checked');

    const second = await expectStatus(api(`/api/v1/workflows/${id}/check`, {}), 200);
    expect(second).toMatchObject({ clean: true, revision: edited.revision, counts: { changed: 2 } });
    expect((await expectStatus(api(`/api/v1/workflows/${id}/check`), 200)).check).toMatchObject({ revision: second.revision, clean: true });
    const published = await expectStatus(api(`/api/v1/workflows/${id}/publish`, { message: 'kept' }), 200);
    expect(published.published).toMatchObject({ message: 'kept' });

    // A check that stops at the POST node is not clean: publishing stays refused, with or without {check: true}.
    await expectStatus(put(`/api/v1/workflows/${id}`, workflow('=order {{ $json.body.n }}', '=kept {{ $json.stored }}')), 200);
    expect(await expectStatus(api(`/api/v1/workflows/${id}/check`, {}), 200)).toMatchObject({ clean: false, counts: { stopped: 2 } });
    expect((await expectStatus(api(`/api/v1/workflows/${id}/publish`, {}), 409)).message).toContain('last check of this draft was not clean');
    const checkedFirst = await expectStatus(api(`/api/v1/workflows/${id}/publish`, { check: true }), 409);
    expect(checkedFirst.message).toContain('Not published: the check of the draft was not clean (0 new error, 2 stopped');
    expect(checkedFirst.details[0].message).toContain('Post it stopped');

    // {check: true} checks the draft and publishes it when clean.
    await expectStatus(put(`/api/v1/workflows/${id}`, workflow('={{ $json.body.n }}', '=third {{ $json.stored }}')), 200);
    const third = await expectStatus(api(`/api/v1/workflows/${id}/publish`, { check: true, message: 'third' }), 200);
    expect(third.published).toMatchObject({ message: 'third' });
    const res = await fetch(`${server.url}/webhook/gated-hook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n: '3' }) });
    expect(await res.json()).toEqual({ answer: 'third 3' });

    // Every check is on the workflow's own check stream, never in its versions.
    const recorded = await server.runtime.events.readStream(draftCheckStreamName(id));
    expect(recorded.map((e) => [e.type, (e.data as { clean: boolean }).clean])).toEqual([
      ['WorkflowDraftChecked', true], ['WorkflowDraftChecked', true], ['WorkflowDraftChecked', false], ['WorkflowDraftChecked', false], ['WorkflowDraftChecked', true],
    ]);
  }, 60_000);

  it('does not gate workflows without the setting, and refuses bad publish bodies', async () => {
    const plain = checkedWorkflow({ name: 'Ungated', hookPath: 'ungated-hook', serviceUrl, tag: 'x', answer: 'y' });
    const { id } = await expectStatus(api('/api/v1/workflows', plain), 201);
    await expectStatus(api(`/api/v1/workflows/${id}/publish`, {}), 200);
    expect((await expectStatus(api(`/api/v1/workflows/${id}/publish`, { check: true, revision: 0 }), 400)).details[0].path).toBe('check');
    expect((await expectStatus(api(`/api/v1/workflows/${id}/publish`, { check: 'yes' }), 400)).details[0].path).toContain('check');
  }, 30_000);
});
