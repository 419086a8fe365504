// The registry imports a node's code only when asked to (each test file gets fresh modules).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getNodeType, loadedNodeModules, loadNodeType, loadNodeTypes, nodeDescription, nodeDescriptions } from './index.ts';

describe('the node registry', () => {
  it('describes every built-in type without loading any code, and loads only what a workflow uses', async () => {
    expect(loadedNodeModules()).toEqual([]);
    expect(nodeDescriptions().length).toBeGreaterThanOrEqual(50);
    expect(nodeDescription('n8n-nodes-base.wait', 1.1)?.displayName).toBe('Wait');
    expect(nodeDescription('n8n-nodes-base.switch', 3.2)?.dynamicOutputs).toBe(true);
    expect(() => getNodeType('n8n-nodes-base.wait', 1.1)).toThrow(/not loaded: call loadNodeTypes/);
    expect(loadedNodeModules()).toEqual([]);

    await loadNodeTypes([{ type: 'n8n-nodes-base.wait', typeVersion: 1.1 }, { type: 'n8n-nodes-base.if', typeVersion: 2 }, { type: 'acme.unknown' }]);
    expect(loadedNodeModules()).toEqual(['if/if-v2.node', 'wait/wait.node']);
    expect(getNodeType('n8n-nodes-base.wait', 1.1)?.description.version).toContain(1.1);
    expect(getNodeType('acme.unknown', 1)).toBeUndefined();
    expect(() => getNodeType('n8n-nodes-base.if', 1)).toThrow(/not loaded/);
  });

  it('answers a minor version it does not list with the nearest lower implementation', async () => {
    const type = await loadNodeType('n8n-nodes-base.if', 2.9);
    expect(type?.description.version).toContain(2);
    expect(nodeDescription('n8n-nodes-base.if', 2.9)?.version).toEqual(type?.description.version);
    expect(nodeDescription('n8n-nodes-base.if', 0.5)).toBeUndefined();
  });

  it("keeps node folders' code out of nodes/index.ts: only the shared and scheduling helpers load with it", () => {
    const source = readFileSync(path.join(import.meta.dirname, 'index.ts'), 'utf8');
    const staticFolders = [...source.matchAll(/^(?:import|export)[^;]*?from '\.\/([a-z0-9-]+)\//gms)].map((m) => m[1]);
    const allowed = new Set(['n8n-api', 'shared', 'schedule-trigger', 'respond-to-webhook']);
    expect(staticFolders.filter((folder) => !allowed.has(folder))).toEqual([]);
  });
});
