// A community node's own methods in the node panel, in real Chromium: a dropdown whose choices the
// node loads from its service with the chosen credential (n8n's loadOptionsMethod), loading again
// when the parameter it depends on changes, and a resource locator whose list the node searches
// (listSearch) with paging; the picks are saved in n8n's shapes. A refused key shows the reason.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { METHODS_NODE, writeMethodsPackage } from '../../server/index.ts';
import { chromiumAvailable, ownerApi, screenshot, settled, signedInPage, startHarness, within, type Harness } from './harness.ts';

const KEY = 'panel-key-8c1d';

async function openPanel(page: Page, name: string) {
  await (await settled(page.locator(`[data-node-name="${name}"]`))).dblclick();
  await within(5_000, async () => (await page.locator(`[data-testid="node-panel"][aria-label="Node ${name}"]`).count()) === 1, `the panel of ${name} opens`);
}

describe.skipIf(!chromiumAvailable())('node methods in the panel', () => {
  let h: Harness;
  let service: Server;
  let base = '';
  const teams: string[] = [];
  const nodesDir = mkdtempSync(path.join(tmpdir(), 'weft-e2e-methods-'));

  beforeAll(async () => {
    service = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      res.setHeader('content-type', 'application/json');
      if (req.headers['x-api-key'] !== KEY) {
        res.statusCode = 401;
        return res.end(JSON.stringify({ message: 'unknown key' }));
      }
      if (url.pathname === '/projects') {
        const team = url.searchParams.get('team') ?? '';
        teams.push(team);
        return res.end(JSON.stringify(team === 'labs' ? [{ id: 'p9', title: 'Skunkworks' }] : [{ id: 'p1', title: 'Apollo' }, { id: 'p2', title: 'Gemini' }]));
      }
      if (url.pathname === '/docs') {
        const page = Number(url.searchParams.get('page'));
        const q = url.searchParams.get('q') ?? '';
        return res.end(JSON.stringify({ items: [{ id: `${q}d${page}`, title: `${q || 'Doc'} ${page}` }], ...(page < 2 ? { next: String(page + 1) } : {}) }));
      }
      res.statusCode = 404;
      res.end('{}');
    });
    await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
    writeMethodsPackage(nodesDir, { tokenUrl: `${base}/token`, authUrl: `${base}/authorize` });
    h = await startHarness({ NODES_DIR: nodesDir });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    service?.close();
    rmSync(nodesDir, { recursive: true, force: true });
  });

  it('loads a dropdown from the service, again when what it depends on changes, and searches a list', async () => {
    const good = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/credentials', { name: 'Fixture key', type: 'weftFixtureApi', data: { baseUrl: base, apiKey: KEY, region: 'us' } });
    const bad = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/credentials', { name: 'Old key', type: 'weftFixtureApi', data: { baseUrl: base, apiKey: 'revoked', region: 'eu' } });
    const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', {
      name: 'Methods',
      nodes: [{ id: 'm1', name: 'Docs', type: METHODS_NODE, typeVersion: 2, position: [0, 0], parameters: { team: 'core' }, credentials: { weftFixtureApi: { id: good.id, name: 'Fixture key' } } }],
      connections: {},
    });
    const { page, context } = await signedInPage(h);
    await page.goto(`/workflows/${created.id}`);
    await openPanel(page, 'Docs');

    // The Project dropdown holds what the service answered for team "core", described per choice.
    const project = page.locator('[data-param="project"]');
    await within(5_000, async () => (await project.locator('option').allTextContents()).includes('Gemini'), 'the choices load');
    expect(await project.locator('option').allTextContents()).toEqual(['— choose —', 'Apollo', 'Gemini']);
    expect(await project.locator('option', { hasText: 'Apollo' }).getAttribute('title')).toBe('in core (us)');
    await project.locator('select').selectOption({ label: 'Gemini' });

    // The resource locator lists the service's docs; "More…" fetches the next page; a pick is saved with its name.
    const locator = page.locator('[data-param="doc"] [data-testid="resource-locator"]');
    await within(5_000, async () => (await locator.locator('[data-testid="locator-results"] button', { hasText: 'Doc 1' }).count()) === 1, 'the list loads');
    await locator.locator('button', { hasText: 'More…' }).click();
    await within(5_000, async () => (await locator.locator('[data-testid="locator-results"] button', { hasText: 'Doc 2' }).count()) === 1, 'the next page loads');
    await locator.locator('input[type="search"]').fill('spec');
    await locator.locator('input[type="search"]').press('Enter');
    await within(5_000, async () => (await locator.locator('[data-testid="locator-results"] button', { hasText: 'spec 1' }).count()) === 1, 'the search narrows the list');
    await locator.locator('[data-testid="locator-results"] button', { hasText: 'spec 1' }).click();
    expect(await locator.locator('[data-testid="locator-chosen"]').textContent()).toBe('spec 1');
    await screenshot(page, '60-node-methods-panel');

    await within(5_000, async () => {
      const wf = await ownerApi<{ nodes: { name: string; parameters: Record<string, unknown> }[] }>(h, 'GET', `/api/v1/workflows/${created.id}`);
      const p = wf.nodes[0].parameters;
      return p.project === 'p2' && JSON.stringify(p.doc) === JSON.stringify({ __rl: true, mode: 'list', value: 'specd1', cachedResultName: 'spec 1', cachedResultUrl: 'https://docs.example.com/d/specd1' });
    }, 'the picks are saved in n8n shapes');

    // Changing the team it depends on loads the choices again; the earlier pick shows as not in the list.
    await page.locator('[data-param="team"] input').fill('labs');
    await within(5_000, async () => (await project.locator('option').allTextContents()).includes('Skunkworks'), 'the choices load again');
    expect(teams.at(-1)).toBe('labs');
    expect(await project.locator('option').first().textContent()).toBe('p2 (not in the list)');
    await page.keyboard.press('Escape');
    await context.close();

    // With a refused key, the panel says why instead of showing an empty list.
    const refused = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', {
      name: 'Methods with an old key',
      nodes: [{ id: 'm1', name: 'Docs', type: METHODS_NODE, typeVersion: 2, position: [0, 0], parameters: { team: 'core' }, credentials: { weftFixtureApi: { id: bad.id, name: 'Old key' } } }],
      connections: {},
    });
    const second = await signedInPage(h);
    await second.page.goto(`/workflows/${refused.id}`);
    await openPanel(second.page, 'Docs');
    const error = second.page.locator('[data-testid="loaded-options-error"]');
    await within(5_000, async () => (await error.count()) === 1, 'the error shows');
    expect(await error.textContent()).toMatch(/Could not load the choices: .+/);
    expect(await error.textContent()).not.toContain('revoked');
    await second.context.close();
  });
});
