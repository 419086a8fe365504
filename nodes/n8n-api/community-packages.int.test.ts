// Real community packages from npm, installed unchanged (no n8n-workflow: ours answers the
// require), loaded with loadN8nPackages, registered, and run in workflows on the real engine.
import { generateKeyPairSync, createSign, createVerify, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNodeType, registerNodeTypes, unregisterPackage } from '../index.ts';
import { loadN8nPackages, type LoadedPackages } from './load-packages.ts';
import { installPackages, outputOf, runChain } from './test-support.ts';

const PACKAGES = [
  'n8n-nodes-jwt-validate@0.1.4',
  'n8n-nodes-appstore-jwt-generator@0.2.1',
  'n8n-nodes-convert-image@0.0.2',
  'n8n-nodes-turndown-html-to-markdown@1.0.5',
  'n8n-nodes-webpage-content-extractor@0.1.3',
];

let loaded: LoadedPackages;
beforeAll(() => {
  loaded = loadN8nPackages(installPackages(PACKAGES));
  for (const pkg of loaded.packages) if (!pkg.error) registerNodeTypes(pkg.name, pkg.nodes);
}, 300_000);
afterAll(() => {
  for (const pkg of loaded.packages) unregisterPackage(pkg.name);
});

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function signRs256(payload: object, key: KeyObject, kid: string): string {
  const head = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${b64url(JSON.stringify(payload))}`;
  return `${head}.${b64url(createSign('RSA-SHA256').update(head).sign(key))}`;
}

describe('loading', () => {
  it('loads each package the CLI installed', () => {
    const byName = Object.fromEntries(loaded.packages.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(PACKAGES.map((s) => s.slice(0, s.lastIndexOf('@'))).sort());
    expect(loaded.packages.filter((p) => p.error)).toEqual([]);
    expect(byName['n8n-nodes-jwt-validate'].version).toBe('0.1.4');
    expect(byName['n8n-nodes-appstore-jwt-generator'].credentialTypes.map((c) => c.name)).toEqual(['appStoreJWTSecret']);
    const jwt = getNodeType('n8n-nodes-jwt-validate.jwtValidate', 1);
    expect(jwt?.description).toMatchObject({ displayName: 'JWT Validate', inputs: ['main'], outputs: ['main'], version: [1] });
    expect(jwt?.description.properties.map((p) => p.name)).toContain('jwksUrl');
  });
});

describe('n8n-nodes-jwt-validate (helpers.httpRequest to an OpenID issuer)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let server: Server;
  let issuer = '';
  const fetched: string[] = [];
  beforeAll(async () => {
    // A stand-in identity provider: OpenID discovery document and JWKS, per OpenID Connect Discovery 1.0.
    server = createServer((req, res) => {
      fetched.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') return res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
      if (req.url === '/jwks') return res.end(JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' }] }));
      res.statusCode = 404;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('validates a token by discovering the issuer keys', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = signRs256({ iss: issuer, sub: 'user-1', scope: 'read write', iat: now, exp: now + 600 }, privateKey, 'k1');
    const result = await runChain([{
      name: 'Validate', type: 'n8n-nodes-jwt-validate.jwtValidate',
      parameters: { operation: 'validate', jwtToken: token, jwksConfig: 'autoDiscover', options: { requiredScopes: 'read' } },
    }], { items: [{ json: { request: 1 } }] });
    expect(result.status).toBe('success');
    const [item] = outputOf(result, 'Validate');
    expect(item.json).toMatchObject({ request: 1, jwtValid: true, jwtPayload: { sub: 'user-1', iss: issuer } });
    expect(fetched).toContain('/.well-known/openid-configuration');
    expect(fetched).toContain('/jwks');
  });

  it('fails with the node\'s own NodeOperationError when a scope is missing', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = signRs256({ iss: issuer, scope: 'read', iat: now, exp: now + 600 }, privateKey, 'k1');
    const result = await runChain([{
      name: 'Validate', type: 'n8n-nodes-jwt-validate.jwtValidate',
      parameters: { jwtToken: token, jwksConfig: 'customUrl', jwksUrl: `${issuer}/jwks`, options: { requiredScopes: 'admin' } },
    }]);
    expect(result.status).toBe('error');
    expect(result.data.resultData.error).toMatchObject({ name: 'NodeOperationError', node: 'Validate', message: expect.stringContaining('missing required scopes: admin') });
  });

  it('decodes with expressions in parameters', async () => {
    const token = signRs256({ iss: 'x', name: 'Ada' }, privateKey, 'k1');
    const result = await runChain([{
      name: 'Decode', type: 'n8n-nodes-jwt-validate.jwtValidate', parameters: { operation: 'decode', jwtToken: '={{ $json.token }}' },
    }], { items: [{ json: { token } }] });
    expect(outputOf(result, 'Decode')[0].json).toMatchObject({ jwtHeader: { alg: 'RS256', kid: 'k1' }, jwtPayload: { name: 'Ada' } });
  });
});

describe('n8n-nodes-appstore-jwt-generator (getCredentials)', () => {
  it('signs an ES256 token with the credential\'s key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const result = await runChain([{
      name: 'JWT', type: 'n8n-nodes-appstore-jwt-generator.appStoreJWTNode', credentials: { appStoreJWTSecret: { id: 'c1', name: 'App Store' } },
    }], { credentials: { appStoreJWTSecret: { audience: 'appstoreconnect-v1', issuerId: 'issuer-7', apiKey: 'KEY123', privateKey: pem } } });
    expect(result.status).toBe('success');
    const token = String(outputOf(result, 'JWT')[0].json.token);
    const [head, body, sig] = token.split('.');
    expect(JSON.parse(Buffer.from(head, 'base64url').toString())).toEqual({ alg: 'ES256', kid: 'KEY123', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(body, 'base64url').toString())).toMatchObject({ iss: 'issuer-7', aud: 'appstoreconnect-v1' });
    const ok = createVerify('SHA256').update(`${head}.${body}`).verify({ key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(sig, 'base64url'));
    expect(ok).toBe(true);
  });

  it('fails clearly without the credential', async () => {
    const result = await runChain([{ name: 'JWT', type: 'n8n-nodes-appstore-jwt-generator.appStoreJWTNode' }]);
    expect(result.status).toBe('error');
    expect(result.data.resultData.error?.message).toMatch(/appStoreJWTSecret/);
  });
});

/** A 2×2 RGB PNG (PNG spec: signature, IHDR, IDAT with zlib data, IEND; CRC-32 per chunk). */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (buf: Buffer) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(2, 0); ihdr.writeUInt32BE(2, 4); ihdr[8] = 8; ihdr[9] = 2;
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

describe('n8n-nodes-convert-image (binary data in and out)', () => {
  it('converts a PNG binary to JPEG', async () => {
    const png = tinyPng();
    const result = await runChain([{
      name: 'Convert', type: 'n8n-nodes-convert-image.imageFormatConverter',
      parameters: { inputType: 'binary', outputFileFormat: 'image/jpeg', outputType: 'binary', quality: 80 },
    }], { items: [{ json: {}, binary: { data: { data: png.toString('base64'), mimeType: 'image/png', fileType: 'image', fileName: 'dot.png' } } }] });
    expect(result.status).toBe('success');
    const out = outputOf(result, 'Convert')[0].binary?.data;
    expect(out).toMatchObject({ mimeType: 'image/jpeg', fileExtension: 'jpeg', fileType: 'image' });
    expect([...Buffer.from(out!.data, 'base64').subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });
});

describe('n8n-nodes-turndown-html-to-markdown', () => {
  it('turns HTML into Markdown and back', async () => {
    const result = await runChain([
      { name: 'ToMd', type: 'n8n-nodes-turndown-html-to-markdown.mdTurndown', parameters: { operation: 'htmlToMarkdown', input: '={{ $json.html }}', outputKey: 'md' } },
      { name: 'ToHtml', type: 'n8n-nodes-turndown-html-to-markdown.mdTurndown', parameters: { operation: 'markdownToHtml', input: '={{ $json.md }}', outputKey: 'back' } },
    ], { items: [{ json: { html: '<h1>Title</h1><p>Some <strong>bold</strong> text</p>' } }] });
    expect(result.status).toBe('success');
    const [item] = outputOf(result, 'ToHtml');
    expect(item.json.md).toMatch(/Title\n=+\n\nSome \*\*bold\*\* text/);
    expect(String(item.json.back)).toContain('<strong>bold</strong>');
  });
});

describe('n8n-nodes-webpage-content-extractor (jsdom; returnJsonArray of items)', () => {
  const article = `<html lang="en"><head><title>Weaving news</title></head><body><nav>menu menu menu</nav>
    <article><h1>Looms are back</h1>${'<p>Hand looms are returning to small workshops across the valley, where weavers share tools and patterns. </p>'.repeat(8)}</article></body></html>`;
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((_req, res) => { res.setHeader('content-type', 'text/html'); res.end(article); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/news`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('extracts the article of a page fetched by our HTTP Request node', async () => {
    const result = await runChain([
      { name: 'Fetch', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, parameters: { url, options: { response: { response: { responseFormat: 'text' } } } } },
      { name: 'Extract', type: 'n8n-nodes-webpage-content-extractor.webpageContentExtractor', parameters: { html: '={{ $json.data }}' } },
    ]);
    expect(result.status).toBe('success');
    const [item] = outputOf(result, 'Extract');
    expect(item.json).toMatchObject({ title: 'Weaving news', language: 'en' });
    expect(String(item.json.textContent)).toContain('Hand looms are returning');
    expect(String(item.json.textContent)).not.toContain('menu menu');
  });

  it('extracts from HTML given as a parameter (items not wrapped twice)', async () => {
    const result = await runChain([{ name: 'Extract', type: 'n8n-nodes-webpage-content-extractor.webpageContentExtractor', parameters: { html: '={{ $json.page }}' } }], { items: [{ json: { page: article } }] });
    const [item] = outputOf(result, 'Extract');
    expect(Object.keys(item.json)).toContain('content');
    expect(item.json.title).toBe('Weaving news');
  });
});
