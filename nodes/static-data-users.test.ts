// The list of built-in static-data users is complete: every node folder whose code calls
// getWorkflowStaticData (or keeps dedupe history in it) has its types listed.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import catalog from './catalog.json' with { type: 'json' };
import { mayUseStaticData, STATIC_DATA_NODE_TYPES } from './static-data-users.ts';

const here = new URL('./', import.meta.url);
const USES = /getWorkflowStaticData\(|dedupe-history/;

describe('static data users', () => {
  it('lists every built-in type whose folder uses static data', () => {
    const folders = readdirSync(here, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !['n8n-api', 'shared', 'transform-shared', 'testing'].includes(d.name))
      .filter((d) => readdirSync(new URL(`${d.name}/`, here)).some((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && USES.test(readFileSync(new URL(`${d.name}/${f}`, here), 'utf8'))))
      .map((d) => d.name);
    expect(folders.length).toBeGreaterThan(0);
    const types = new Set(catalog.nodes.filter((n) => folders.includes(n.module.split('/')[0])).map((n) => n.description.name));
    expect([...types].sort()).toEqual([...STATIC_DATA_NODE_TYPES].sort());
  });

  it('answers yes for code that asks, listed and community types; no for other built-in nodes', () => {
    const set = { type: 'n8n-nodes-base.set' };
    expect(mayUseStaticData([set], '{"type":"n8n-nodes-base.set"}')).toBe(false);
    expect(mayUseStaticData([{ type: 'n8n-nodes-base.code' }], '{"jsCode":"const s = $getWorkflowStaticData(\'global\')"}')).toBe(true);
    expect(mayUseStaticData([set, { type: 'n8n-nodes-base.removeDuplicates' }], '')).toBe(true);
    expect(mayUseStaticData([set, { type: 'n8n-nodes-acme.poller' }], '')).toBe(true);
  });
});
