// HTTP Request's authentication beyond the generic types: predefined service credential types
// (their own signing rules, OAuth2 tokens), Custom Auth, the editor's list of signing types, and
// client certificates against a real HTTPS server that demands one (certificates made by openssl).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { loadNodeType } from '../index.ts';

type Echo = { method: string; query: Record<string, string>; headers: Record<string, string>; body: string; peer?: string };
let plain: http.Server;
let secure: https.Server;
let base = '';
let secureBase = '';
let dir = '';
const pem = (name: string) => readFileSync(path.join(dir, name), 'utf8');

function echo(req: http.IncomingMessage, res: http.ServerResponse, peer?: string) {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url!, 'http://x');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ method: req.method, query: Object.fromEntries(url.searchParams), headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), peer }));
  });
}

function openssl(...args: string[]) {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'weft-tls-'));
  // A CA, a server certificate for 127.0.0.1 and a client certificate with an encrypted key, all signed by the CA.
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Weft Test CA');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1');
  openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-copy_extensions', 'copy');
  openssl('req', '-newkey', 'rsa:2048', '-passout', 'pass:s3cret', '-keyout', 'client.key', '-out', 'client.csr', '-subj', '/CN=weft-client');
  openssl('x509', '-req', '-in', 'client.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'client.crt', '-days', '2');
  plain = http.createServer((req, res) => echo(req, res));
  secure = https.createServer({ key: pem('server.key'), cert: pem('server.crt'), ca: pem('ca.crt'), requestCert: true, rejectUnauthorized: true }, (req, res) => {
    const peer = (req.socket as import('node:tls').TLSSocket).getPeerCertificate().subject?.CN;
    echo(req, res, typeof peer === 'string' ? peer : undefined);
  });
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => secure.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
  secureBase = `https://127.0.0.1:${(secure.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => plain.close(r));
  await new Promise((r) => secure.close(r));
  rmSync(dir, { recursive: true, force: true });
});

const httpNode = (parameters: Record<string, unknown>, credentialTypes: string[], continueOnFail = false) => ({
  name: 'HTTP', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, parameters, continueOnFail,
  credentials: Object.fromEntries(credentialTypes.map((type) => [type, { id: type, name: type }])),
});

async function call(parameters: Record<string, unknown>, credentials: Record<string, Record<string, unknown>>): Promise<Echo> {
  const result = await runChain([httpNode({ url: `${base}/echo`, ...parameters }, Object.keys(credentials))], { items: [{ json: {} }], credentials });
  return outputOf(result, 'HTTP')[0].json as unknown as Echo;
}

const predefined = (type: string, data: Record<string, unknown>, more: Record<string, unknown> = {}) =>
  call({ authentication: 'predefinedCredentialType', nodeCredentialType: type, ...more }, { [type]: data });

describe('HTTP Request with a predefined credential type', () => {
  it("signs as each service's credential says: Slack, Notion (two headers), GitHub, Discord, Supabase", async () => {
    expect((await predefined('slackApi', { accessToken: 'xoxb-1' })).headers.authorization).toBe('Bearer xoxb-1');
    const notion = await predefined('notionApi', { apiKey: 'secret_n' });
    expect([notion.headers.authorization, notion.headers['notion-version']]).toEqual(['Bearer secret_n', '2022-02-22']);
    expect((await predefined('githubApi', { accessToken: 'ghp_1', server: 'https://api.github.com' })).headers.authorization).toBe('token ghp_1');
    expect((await predefined('discordBotApi', { botToken: 'bot-1' })).headers.authorization).toBe('Bot bot-1');
    const supabase = await predefined('supabaseApi', { host: 'https://x.supabase.co', serviceRole: 'role-1' });
    expect([supabase.headers.apikey, supabase.headers.authorization]).toEqual(['role-1', 'Bearer role-1']);
  });

  it('sends the access token of any OAuth2 type, and replaces an Authorization header the user set', async () => {
    const sent = await predefined('slackOAuth2Api', { oauthTokenData: { access_token: 'oauth-1' } }, {
      sendHeaders: true, headerParameters: { parameters: [{ name: 'Authorization', value: 'mine' }, { name: 'X-Other', value: 'kept' }] },
    });
    expect([sent.headers.authorization, sent.headers['x-other']]).toEqual(['Bearer oauth-1', 'kept']);
  });

  it('refuses a type that cannot sign a request, naming it', async () => {
    const result = await runChain([httpNode({ url: `${base}/echo`, authentication: 'predefinedCredentialType', nodeCredentialType: 'postgres' }, ['postgres'])],
      { items: [{ json: {} }], credentials: { postgres: { host: 'h' } } });
    expect(result.status).toBe('error');
    expect(result.data.resultData.error?.message).toBe("The credential type 'postgres' cannot sign HTTP requests");
  });

  it("lists for the editor the types that can sign, service types included, and not the others", async () => {
    const type = (await loadNodeType('n8n-nodes-base.httpRequest', 4.2))!;
    const ctx = methodContext({ nodeType: type, kind: 'loadOptions', method: 'getPredefinedCredentialTypes', currentNodeParameters: {} },
      { getCredentials: async () => ({}), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
    const values = (await type.methods!.loadOptions!.getPredefinedCredentialTypes(ctx)).map((o) => o.value);
    expect(values).toEqual(expect.arrayContaining(['slackApi', 'slackOAuth2Api', 'notionApi', 'githubApi', 'googleSheetsOAuth2Api', 'openAiApi']));
    expect(values).not.toContain('postgres');
    expect(values).not.toContain('oAuth2Api');
  });
});

describe('HTTP Request with Custom Auth', () => {
  it('merges the JSON headers, query and body into the request', async () => {
    const sent = await call({
      method: 'POST', authentication: 'genericCredentialType', genericAuthType: 'httpCustomAuth',
      sendBody: true, specifyBody: 'json', jsonBody: '{"mine": 1}',
    }, { httpCustomAuth: { json: JSON.stringify({ headers: { 'X-Api-Key': 'k1' }, qs: { tenant: 't1' }, body: { signature: 's1' } }) } });
    expect(sent.headers['x-api-key']).toBe('k1');
    expect(sent.query).toEqual({ tenant: 't1' });
    expect(JSON.parse(sent.body)).toEqual({ mine: 1, signature: 's1' });
  });

  it('fails clearly when the JSON is not valid', async () => {
    const result = await runChain([httpNode({ url: `${base}/echo`, authentication: 'genericCredentialType', genericAuthType: 'httpCustomAuth' }, ['httpCustomAuth'])],
      { items: [{ json: {} }], credentials: { httpCustomAuth: { json: '{headers:' } } });
    expect(result.data.resultData.error?.message).toBe('The Custom Auth credential is not valid JSON');
  });
});

describe('HTTP Request with SSL certificates', () => {
  it('presents the client certificate (with its passphrase) and trusts the given CA', async () => {
    const result = await runChain([httpNode({ url: `${secureBase}/echo`, provideSslCertificates: true }, ['httpSslAuth'])], {
      items: [{ json: {} }],
      credentials: { httpSslAuth: { ca: pem('ca.crt'), cert: pem('client.crt'), key: pem('client.key'), passphrase: 's3cret' } },
    });
    expect(result.status).toBe('success');
    expect((outputOf(result, 'HTTP')[0].json as unknown as Echo).peer).toBe('weft-client');
  });

  it('is refused by the server without a client certificate', async () => {
    const result = await runChain([httpNode({ url: `${secureBase}/echo`, provideSslCertificates: true }, ['httpSslAuth'])], {
      items: [{ json: {} }], credentials: { httpSslAuth: { ca: pem('ca.crt') } },
    });
    expect(result.status).toBe('error');
  });
});
