// The node icon route against a real server with a local node package (NODES_DIR): a node's
// `file:` icon is served with its content type (SVG with a no-script policy); icons that point
// outside the package (by `..`, an absolute path or a symbolic link), unknown types, built-in types
// and non-file icons answer 404; signing in is required.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_OWNER, type TestServer } from '../index.ts';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6ba9b0000000049454e44ae426082', 'hex');

/** A CommonJS n8n node whose class is named after its file, with the given icon. */
function nodeSource(className: string, name: string, icon: string): string {
  return `class ${className} {
  constructor() {
    this.description = { displayName: '${className}', name: '${name}', icon: ${JSON.stringify(icon)}, group: ['transform'], version: 1,
      description: 'test', defaults: { name: '${className}' }, inputs: ['main'], outputs: ['main'], properties: [] };
  }
  async execute() { return [this.getInputData()]; }
}
module.exports = { ${className} };
`;
}

function writePackage(root: string, outside: string): void {
  // The folder is not named after the package, as a NODES_DIR folder may be.
  const pkg = path.join(root, 'my-icon-nodes');
  const nodes: [string, string, string][] = [
    ['Vector', 'vector', 'file:vector.svg'],
    ['Raster', 'raster', 'file:raster.png'],
    ['Escape', 'escape', 'file:../../../../secret.svg'],
    ['Absolute', 'absolute', `file:${path.join(outside, 'secret.svg')}`],
    ['Linked', 'linked', 'file:linked.svg'],
    ['Awesome', 'awesome', 'fa:code'],
  ];
  for (const [cls, name, icon] of nodes) {
    mkdirSync(path.join(pkg, 'dist', 'nodes', cls), { recursive: true });
    writeFileSync(path.join(pkg, 'dist', 'nodes', cls, `${cls}.node.js`), nodeSource(cls, name, icon));
  }
  writeFileSync(path.join(pkg, 'dist', 'nodes', 'Vector', 'vector.svg'), SVG);
  writeFileSync(path.join(pkg, 'dist', 'nodes', 'Raster', 'raster.png'), PNG);
  symlinkSync(path.join(outside, 'secret.svg'), path.join(pkg, 'dist', 'nodes', 'Linked', 'linked.svg'));
  writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({
    name: 'n8n-nodes-icons', version: '1.0.0',
    n8n: { n8nNodesApiVersion: 1, nodes: nodes.map(([cls]) => `dist/nodes/${cls}/${cls}.node.js`) },
  }));
}

describe('GET /api/v1/node-icons/:type', () => {
  let server: TestServer;
  let dir: string;
  const get = (type: string, key = TEST_OWNER.apiKey) =>
    fetch(`${server.url}/api/v1/node-icons/${encodeURIComponent(type)}`, { headers: key ? { 'x-api-key': key } : {} });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'weft-icons-'));
    const outside = path.join(dir, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'secret.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><text>secret</text></svg>');
    const nodesDir = path.join(dir, 'mine');
    mkdirSync(nodesDir);
    writePackage(nodesDir, outside);
    server = await startTestServer({ NODES_DIR: nodesDir });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves an SVG icon with its type and a policy that runs no script', async () => {
    const response = await get('n8n-nodes-icons.vector');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('image/svg+xml');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('sandbox');
    expect(csp).not.toContain('script-src');
    expect(await response.text()).toBe(SVG);
  });

  it('serves a PNG icon as image/png', async () => {
    const response = await get('n8n-nodes-icons.raster');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses icons outside the package: .. paths, absolute paths and symbolic links', async () => {
    for (const type of ['n8n-nodes-icons.escape', 'n8n-nodes-icons.absolute', 'n8n-nodes-icons.linked']) {
      const response = await get(type);
      expect(response.status, type).toBe(404);
      expect(await response.text(), type).not.toContain('secret');
    }
  });

  it('describes a built-in type with its file icon only when the file is there', async () => {
    const types = (await (await fetch(`${server.url}/api/v1/node-types`, { headers: { 'x-api-key': TEST_OWNER.apiKey } })).json()).types as { name: string; icon?: string }[];
    expect(types.find((t) => t.name === 'n8n-nodes-base.webhook')?.icon).toBe('file:webhook.svg');
    // Postgres names n8n's file:postgres.svg, which is not drawn here: the editor shows its glyph.
    expect(types.filter((t) => t.name === 'n8n-nodes-base.postgres').map((t) => t.icon ?? '')).not.toContainEqual(expect.stringMatching(/^file:/));
    expect((await get('n8n-nodes-base.postgres')).status).toBe(404);
  });

  it("serves a built-in type's icon from its node folder", async () => {
    for (const type of ['n8n-nodes-base.webhook', 'n8n-nodes-base.respondToWebhook']) {
      const response = await get(type);
      expect(response.status, type).toBe(200);
      expect(response.headers.get('content-type')).toContain('image/svg+xml');
      expect(await response.text()).toMatch(/^<svg /);
    }
  });

  it('answers 404 for unknown types, built-in types without a file icon, non-file icons and traversal in the type', async () => {
    for (const type of ['n8n-nodes-nothing.here', 'n8n-nodes-base.set', 'n8n-nodes-icons.awesome', '../../etc/passwd']) {
      expect((await get(type)).status, type).toBe(404);
    }
  });

  it('needs a signed-in caller', async () => {
    expect((await get('n8n-nodes-icons.vector', '')).status).toBe(401);
  });
});
