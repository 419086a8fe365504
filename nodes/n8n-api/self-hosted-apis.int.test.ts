// Two more real packages, installed with the CLI, for services people host themselves (so the
// credential's URL can point at a local stand-in written from the service's API documentation):
// Evolution API (programmatic, legacy `helpers.request` with the credential's key in a header) and
// ChatWoot (declarative, its properties built from an OpenAPI document when the package loads,
// signed by the credential type's generic `authenticate`).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerNodeTypes, unregisterPackage } from '../index.ts';
import { loadN8nPackages, type LoadedPackages } from './load-packages.ts';
import { installPackages, outputOf, runChain } from './test-support.ts';

const EVOLUTION = 'n8n-nodes-evolution-api';
const CHATWOOT = '@devlikeapro/n8n-nodes-chatwoot';

interface Received { method?: string; url?: string; headers: IncomingMessage['headers']; body: unknown }
const received: Received[] = [];
let server: Server;
let base: string;
let loaded: LoadedPackages;

/** Answers as the two services document: Evolution API v2 `POST /message/sendText/{instance}` (header `apikey`), ChatWoot `POST /api/v1/accounts/{id}/contacts` (header `api_access_token`). */
function answer(req: IncomingMessage, body: Record<string, unknown>): [number, unknown] {
  const sendText = /^\/message\/sendText\/([^/]+)$/.exec(req.url ?? '');
  if (req.method === 'POST' && sendText) {
    if (req.headers.apikey !== 'evo-key') return [401, { status: 401, error: 'Unauthorized', response: { message: 'Unauthorized' } }];
    return [201, { key: { remoteJid: `${String(body.number)}@s.whatsapp.net`, fromMe: true, id: 'BAE594145F4C59B4' }, message: { extendedTextMessage: { text: body.text } }, messageTimestamp: '1717689097', status: 'PENDING' }];
  }
  const contacts = /^\/api\/v1\/accounts\/(\d+)\/contacts$/.exec(req.url ?? '');
  if (req.method === 'POST' && contacts) {
    // Rails reads `api_access_token` and `Api-Access-Token` as the same header.
    const token = req.headers.api_access_token ?? req.headers['api-access-token'];
    if (token !== 'cw-token') return [401, { error: 'You need to sign in or sign up before continuing.' }];
    return [200, { payload: { contact: { id: 17, name: body.name, email: body.email, phone_number: body.phone_number, account_id: Number(contacts[1]) }, contact_inbox: { inbox: { id: body.inbox_id }, source_id: 'a1b2' } } }];
  }
  return [404, { error: 'Not found' }];
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      received.push({ method: req.method, url: req.url, headers: req.headers, body });
      const [status, json] = answer(req, body);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  loaded = loadN8nPackages(installPackages([`${EVOLUTION}@1.0.4`, `${CHATWOOT}@1.0.2`]));
  for (const pkg of loaded.packages) if (!pkg.error) registerNodeTypes(pkg.name, pkg.nodes);
}, 300_000);
afterAll(() => {
  for (const pkg of loaded.packages) unregisterPackage(pkg.name);
  server.close();
});

it('loads both, with their credential types', () => {
  expect(loaded.packages.map((p) => [p.name, p.error, p.credentialTypes.map((c) => c.name)])).toEqual([
    [CHATWOOT, undefined, ['chatwootApi']],
    [EVOLUTION, undefined, ['evolutionApi']],
  ]);
});

it('sends a WhatsApp text through Evolution API with the credential key, one request per item', async () => {
  received.length = 0;
  const result = await runChain([{
    name: 'Send', type: `${EVOLUTION}.evolutionApi`,
    parameters: { resource: 'messages-api', operation: 'send-text', instanceName: 'shop', remoteJid: '={{ $json.phone }}', messageText: '=Hello {{ $json.name }}' },
    credentials: { evolutionApi: { id: 'c1', name: 'Evolution' } },
  }], {
    items: [{ json: { phone: '5511999990001', name: 'Ana' } }, { json: { phone: '5511999990002', name: 'Bo' } }],
    credentials: { evolutionApi: { 'server-url': base, apikey: 'evo-key' } },
  });
  expect(result.status, JSON.stringify(result.data.resultData.error)).toBe('success');
  expect(received.map((r) => [r.method, r.url, r.headers.apikey, r.body])).toEqual([
    ['POST', '/message/sendText/shop', 'evo-key', { number: '5511999990001', text: 'Hello Ana' }],
    ['POST', '/message/sendText/shop', 'evo-key', { number: '5511999990002', text: 'Hello Bo' }],
  ]);
  expect(outputOf(result, 'Send').map((i) => i.json)).toMatchObject([
    { success: true, data: { key: { remoteJid: '5511999990001@s.whatsapp.net' }, status: 'PENDING' } },
    { success: true, data: { message: { extendedTextMessage: { text: 'Hello Bo' } } } },
  ]);
});

it('fails the run with the node\'s own error when the key is wrong', async () => {
  const result = await runChain([{
    name: 'Send', type: `${EVOLUTION}.evolutionApi`,
    parameters: { resource: 'messages-api', operation: 'send-text', instanceName: 'shop', remoteJid: '1', messageText: 'x' },
    credentials: { evolutionApi: { id: 'c1', name: 'Evolution' } },
  }], { credentials: { evolutionApi: { 'server-url': base, apikey: 'wrong' } } });
  expect(result.status).toBe('error');
  expect(result.data.resultData.error?.message).toBe('Erro ao enviar mensagem de texto');
});

it('creates a ChatWoot contact: URL and body from its OpenAPI-built routing, token from authenticate', async () => {
  received.length = 0;
  const result = await runChain([{
    name: 'Contact', type: `${CHATWOOT}.chatWoot`,
    parameters: { resource: 'Contacts', operation: 'Contact Create', account_id: 3, inbox_id: 9, name: '={{ $json.name }}', email: '={{ $json.email }}' },
    credentials: { chatwootApi: { id: 'c2', name: 'ChatWoot' } },
  }], {
    items: [{ json: { name: 'Ana Lima', email: 'ana@example.com' } }],
    credentials: { chatwootApi: { url: base, accessToken: 'cw-token' } },
  });
  expect(result.status, JSON.stringify(result.data.resultData.error)).toBe('success');
  expect(received).toHaveLength(1);
  expect(received[0]).toMatchObject({ method: 'POST', url: '/api/v1/accounts/3/contacts', headers: { 'api-access-token': 'cw-token', accept: 'application/json' } });
  expect(received[0].body).toMatchObject({ inbox_id: 9, name: 'Ana Lima', email: 'ana@example.com' });
  expect(outputOf(result, 'Contact')[0].json).toMatchObject({ payload: { contact: { id: 17, name: 'Ana Lima', account_id: 3 } } });
});
