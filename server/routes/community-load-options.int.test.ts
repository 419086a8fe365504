// POST /api/v1/node-types/methods with a real community package installed by the CLI
// (n8n-nodes-unifi-access, for the self-hosted UniFi Access console): its loadOptions call the
// console's developer API with the vault's token, and the editor gets the options as the package
// maps them. The local console answers what UniFi Access's public API documentation says
// (overview: the {code, msg, data} envelope and 401 for a bad token; "Fetch All Access Policies";
// "Fetch Devices", whose data is an array of arrays grouped by door), not what the node expects.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.ts';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

const PACKAGE = 'n8n-nodes-unifi-access';
const NODE = `${PACKAGE}.unifiAccess`;
const TOKEN = 'unifi-Token-9c41d2e7';
const WRONG_TOKEN = 'unifi-Wrong-5b08aa13';

const policies = [
  { id: 'ed09985c-e1f7-4e8b-b0c5-2ec6f0d3a6b1', name: 'Default Admin Policy', resources: [{ id: 'd5573467-d6b3-4e8f-8e48-8a322b91664a', type: 'door_group' }], schedule_id: '73facd6c-839e-4521-a4f4-c07e1d44e748' },
  { id: 'b96948a4-fed9-40a3-9c4a-e473822a3db7', name: 'Night Shift', resources: [{ id: '6ff875d2-af87-470b-9cb5-774c6596afc8', type: 'door' }], schedule_id: '52c9a4d8-6d8c-4e47-b9d7-b2e5a3f1c0aa' },
];
// Two doors: the first with its hub and a reader that has an alias, the second with a bare reader.
const device = (id: string, name: string, alias: string, type: string, locationId: string) => ({
  alias, capabilities: ['pin_code', 'nfc'], connected_uah_id: type === 'UAH' ? '' : '7483c2773855', id, is_adopted: true,
  is_connected: true, is_managed: false, is_online: true, location_id: locationId, name, type,
});
const devices = [
  [device('7483c2773855', 'UA-HUB-3855', '', 'UAH', 'door-1'), device('e4388302b6a4', 'UA-G2-PRO-B6A4', 'Front Door Reader', 'UA-G2-PRO', 'door-1')],
  [device('28704e113f2a', 'UA-LITE-3F2A', '', 'UA-Lite', 'door-2')],
];

const seen: Array<{ method?: string; path: string; query: string; headers: IncomingHttpHeaders }> = [];
function unifiConsole(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://console');
  seen.push({ method: req.method, path: url.pathname, query: url.search, headers: req.headers });
  res.setHeader('content-type', 'application/json');
  if (req.headers.authorization !== `Bearer ${TOKEN}`) {
    res.statusCode = 401;
    return res.end(JSON.stringify({ code: 'CODE_ACCESS_TOKEN_INVALID', msg: 'The provided access token is invalid.' }));
  }
  if (req.method === 'GET' && url.pathname === '/api/v1/developer/access_policies') return res.end(JSON.stringify({ code: 'SUCCESS', msg: 'success', data: policies }));
  if (req.method === 'GET' && url.pathname === '/api/v1/developer/devices') return res.end(JSON.stringify({ code: 'SUCCESS', msg: 'success', data: devices }));
  res.statusCode = 404;
  res.end(JSON.stringify({ code: 'CODE_RESOURCE_NOT_FOUND', msg: 'The requested resource was not found.' }));
}

/** A certificate signed by nobody, as a console serves on port 12445 (the docs tell curl --insecure). */
function selfSignedCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const [key, cert] = [path.join(dir, 'console.key'), path.join(dir, 'console.crt')];
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=unifi-console.local'], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.error?.message ?? made.stderr}`);
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'weft-community-methods-'));
const unifi: Server = createServer(unifiConsole);
const unifiTls = createTlsServer(selfSignedCertificate(dataDir), unifiConsole);
let rt: TestRuntime;
let credentialId = '';
let wrongCredentialId = '';
let tlsUrl = '';

const post = (p: string, body: object) => request(rt.app.koa.callback()).post(p).set('X-API-KEY', TEST_OWNER.apiKey).send(body);
const loadOptions = (method: string, credential = credentialId) => post('/api/v1/node-types/methods', {
  nodeType: NODE, typeVersion: 1, method, kind: 'loadOptions', currentNodeParameters: { resource: 'user', operation: 'update' },
  credentials: { unifiAccessApi: { id: credential, name: 'Console' } },
});

beforeAll(async () => {
  // Installed the way users do, by the CLI into the server's DATA_DIR (npm's cache makes reruns fast).
  const installed = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'weft.js'), 'nodes', 'install', `${PACKAGE}@1.0.7`], {
    encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error' },
  });
  expect(installed.status, installed.stderr).toBe(0);
  expect(installed.stdout).toContain(NODE);
  await new Promise<void>((resolve) => unifi.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => unifiTls.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(unifi.address() as AddressInfo).port}`;
  tlsUrl = `https://127.0.0.1:${(unifiTls.address() as AddressInfo).port}`;
  rt = await startTestRuntime({}, dataDir);
  const created = await post('/api/v1/credentials', { name: 'Console', type: 'unifiAccessApi', data: { url, accessToken: TOKEN, allowUnauthorizedCerts: false } });
  expect(created.status, created.text).toBe(201);
  credentialId = created.body.id;
  const wrong = await post('/api/v1/credentials', { name: 'Old console token', type: 'unifiAccessApi', data: { url, accessToken: WRONG_TOKEN, allowUnauthorizedCerts: false } });
  expect(wrong.status, wrong.text).toBe(201);
  wrongCredentialId = wrong.body.id;
}, 240_000);

afterAll(async () => {
  await rt?.dispose();
  await new Promise((resolve) => unifi.close(resolve));
  await new Promise((resolve) => unifiTls.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

describe(`${PACKAGE}'s loadOptions through the editor's methods endpoint`, () => {
  it('lists the access policies by name, valued by id, read with the bearer token', async () => {
    seen.length = 0;
    const res = await loadOptions('getAccessPolicies');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ options: [
      { name: 'Default Admin Policy', value: 'ed09985c-e1f7-4e8b-b0c5-2ec6f0d3a6b1' },
      { name: 'Night Shift', value: 'b96948a4-fed9-40a3-9c4a-e473822a3db7' },
    ] });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/api/v1/developer/access_policies', query: '' });
    expect(seen[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(res.text).not.toContain(TOKEN);
  });

  it('lists the devices of every door, by alias where they have one, else by name', async () => {
    seen.length = 0;
    const res = await loadOptions('getDevices');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ options: [
      { name: 'UA-HUB-3855', value: '7483c2773855' },
      { name: 'Front Door Reader', value: 'e4388302b6a4' },
      { name: 'UA-LITE-3F2A', value: '28704e113f2a' },
    ] });
    expect(seen).toMatchObject([{ method: 'GET', path: '/api/v1/developer/devices', headers: { authorization: `Bearer ${TOKEN}` } }]);
  });

  it('answers a token the console refuses with a 503 whose JSON message names the failure, not the token', async () => {
    seen.length = 0;
    const res = await loadOptions('getAccessPolicies', wrongCredentialId);
    expect(res.status).toBe(503);
    expect(res.type).toBe('application/json');
    expect(res.body.message).toMatch(/getAccessPolicies/);
    expect(res.body.message).toContain('Authorization failed - please check your credentials');
    expect(seen).toMatchObject([{ path: '/api/v1/developer/access_policies', headers: { authorization: `Bearer ${WRONG_TOKEN}` } }]);
    expect(res.text).not.toContain(WRONG_TOKEN);
    expect(res.text).not.toContain(TOKEN);
  });

  it("reaches a console with a self-signed certificate only when the credential's Ignore SSL Issues is on", async () => {
    const make = async (allowUnauthorizedCerts: boolean) => (await post('/api/v1/credentials', { name: `TLS ${allowUnauthorizedCerts}`, type: 'unifiAccessApi', data: { url: tlsUrl, accessToken: TOKEN, allowUnauthorizedCerts } })).body.id as string;
    seen.length = 0;
    const insecure = await loadOptions('getAccessPolicies', await make(true));
    expect(insecure.status, insecure.text).toBe(200);
    expect(insecure.body.options.map((o: { name: string }) => o.name)).toEqual(['Default Admin Policy', 'Night Shift']);
    expect(seen).toHaveLength(1);
    seen.length = 0;
    const checked = await loadOptions('getAccessPolicies', await make(false));
    expect(checked.status).toBe(503);
    expect(checked.body.message).toMatch(/certificate/i);
    expect(seen).toHaveLength(0);
    expect(checked.text).not.toContain(TOKEN);
  });
});
