// n8n's AI sub-nodes in the editor, in real Chromium against a real server: an imported AI Agent
// workflow (chat model, memory, tool) draws its typed connections dashed between the sub-nodes' top
// handles and the agent's labelled inputs under it; a new tool connects by dragging (only into a
// matching input), a second chat model replaces the first, a typed edge deletes, and the stored
// workflow keeps n8n's connection shape throughout. The palette lists these types under AI.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable, ownerApi, ROOT, screenshot, signedInPage, startHarness, within, type Harness } from './harness.ts';

const AI = '@n8n/n8n-nodes-langchain';

/**
 * Stand-ins, as a hand-compiled package of n8n's AI package name, for the AI types Weft does not
 * have built in yet (a built-in type may not be replaced, so those are left out): what n8n declares
 * for their inputs and outputs, and nothing else.
 */
const STAND_INS: Record<string, string> = {
  agent: `{ displayName: 'AI Agent', name: 'agent', group: ['transform'], version: [2, 2.1, 2.2], description: 'Agent', defaults: { name: 'AI Agent' },
    inputs: ['main', { type: 'ai_languageModel', displayName: 'Chat Model', required: true, maxConnections: 1 }, { type: 'ai_memory', displayName: 'Memory', maxConnections: 1 }, { type: 'ai_tool', displayName: 'Tool' }],
    outputs: ['main'], properties: [] }`,
  lmChatOpenAi: `{ displayName: 'OpenAI Chat Model', name: 'lmChatOpenAi', group: ['transform'], version: [1, 1.1, 1.2], description: 'Model', defaults: { name: 'OpenAI Chat Model' }, inputs: [], outputs: ['ai_languageModel'], outputNames: ['Model'], properties: [] }`,
  memoryBufferWindow: `{ displayName: 'Simple Memory', name: 'memoryBufferWindow', group: ['transform'], version: [1, 1.1, 1.2, 1.3], description: 'Memory', defaults: { name: 'Simple Memory' }, inputs: [], outputs: ['ai_memory'], outputNames: ['Memory'], properties: [] }`,
  toolCalculator: `{ displayName: 'Calculator', name: 'toolCalculator', group: ['transform'], version: 1, description: 'Calculator', defaults: { name: 'Calculator' }, inputs: [], outputs: ['ai_tool'], outputNames: ['Tool'], properties: [] }`,
  toolWikipedia: `{ displayName: 'Wikipedia', name: 'toolWikipedia', group: ['transform'], version: 1, description: 'Wikipedia', defaults: { name: 'Wikipedia' }, inputs: [], outputs: ['ai_tool'], outputNames: ['Tool'], properties: [] }`,
};

function writeStandIns(dir: string): void {
  const builtIn = new Set((JSON.parse(readFileSync(path.join(ROOT, 'nodes', 'catalog.json'), 'utf8')) as { nodes: { description: { name: string } }[] }).nodes.map((n) => n.description.name));
  const missing = Object.keys(STAND_INS).filter((name) => !builtIn.has(`${AI}.${name}`));
  const folder = path.join(dir, '@n8n', 'n8n-nodes-langchain');
  mkdirSync(path.join(folder, 'dist'), { recursive: true });
  for (const name of missing) {
    const cls = name[0]!.toUpperCase() + name.slice(1);
    const body = name === 'agent' ? 'async execute() { return [this.getInputData()]; }' : 'async supplyData() { return { response: {} }; }';
    writeFileSync(path.join(folder, 'dist', `${cls}.node.js`), `"use strict";\nclass ${cls} { constructor() { this.description = ${STAND_INS[name]}; } ${body} }\nexports.${cls} = ${cls};\n`);
  }
  writeFileSync(path.join(folder, 'package.json'), JSON.stringify({
    name: AI, version: '0.0.1', n8n: { n8nNodesApiVersion: 1, nodes: missing.map((name) => `dist/${name[0]!.toUpperCase()}${name.slice(1)}.node.js`) },
  }));
}

const WORKFLOW = {
  name: 'Support agent',
  nodes: [
    { id: 'a1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
    { id: 'a2', name: 'AI Agent', type: `${AI}.agent`, typeVersion: 2.2, position: [260, 0], parameters: { options: {} } },
    { id: 'a3', name: 'OpenAI Chat Model', type: `${AI}.lmChatOpenAi`, typeVersion: 1.2, position: [180, 260], parameters: { model: { __rl: true, mode: 'list', value: 'gpt-4o-mini' }, options: {} } },
    { id: 'a4', name: 'Simple Memory', type: `${AI}.memoryBufferWindow`, typeVersion: 1.3, position: [340, 260], parameters: {} },
    { id: 'a5', name: 'Calculator', type: `${AI}.toolCalculator`, typeVersion: 1, position: [500, 260], parameters: {} },
    { id: 'a6', name: 'Wikipedia', type: `${AI}.toolWikipedia`, typeVersion: 1, position: [660, 260], parameters: {} },
    { id: 'a7', name: 'Backup Model', type: `${AI}.lmChatOpenAi`, typeVersion: 1.2, position: [20, 260], parameters: {} },
  ],
  connections: {
    Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
    'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
    'Simple Memory': { ai_memory: [[{ node: 'AI Agent', type: 'ai_memory', index: 0 }]] },
    Calculator: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
  },
  settings: {},
};

type Stored = { id: string; nodes: { name: string; type: string }[]; connections: Record<string, Record<string, { node: string; type: string; index: number }[][]>> };

describe.skipIf(!chromiumAvailable())('AI sub-nodes in the editor', () => {
  let h: Harness;
  const nodesDir = mkdtempSync(path.join(tmpdir(), 'weft-ai-e2e-'));
  beforeAll(async () => {
    writeStandIns(nodesDir);
    h = await startHarness({ NODES_DIR: nodesDir });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    rmSync(nodesDir, { recursive: true, force: true });
  });

  /** Drags from one handle to another with the mouse, as a person connects two nodes. */
  async function drag(page: Page, from: string, to: string) {
    const a = (await page.locator(from).boundingBox())!;
    const b = (await page.locator(to).boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await page.mouse.up();
  }

  it('draws, connects, replaces and deletes typed connections, keeping n8n\'s JSON', async () => {
    const { page, context } = await signedInPage(h);
    const file = path.join(nodesDir, 'support-agent.json');
    writeFileSync(file, JSON.stringify(WORKFLOW));
    await page.click('[data-testid="import-open"]');
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForURL(/\/workflows\/[A-Za-z0-9_-]+$/);
    const workflowId = page.url().split('/').pop()!;
    await page.waitForSelector('[data-testid="save-state"][data-sync]');
    const stored = () => ownerApi<Stored>(h, 'GET', `/api/v1/workflows/${workflowId}`);
    const node = (name: string) => `.svelte-flow__node:has([data-node-name="${name}"])`;
    const input = (type: string) => `${node('AI Agent')} .svelte-flow__handle[data-connection-type="${type}"]`;
    const output = (name: string) => `${node(name)} .svelte-flow__handle.sub-handle.source`;

    // The agent's inputs under it, the required one marked; the sub-nodes round, handle on top, no main input.
    await within(5_000, async () => (await page.locator('.svelte-flow__edge.typed').count()) === 3, 'the three typed connections are drawn');
    const labels = page.locator(`${node('AI Agent')} [data-testid="sub-input"]`);
    expect((await labels.allTextContents()).map((t) => t.trim())).toEqual(['Chat Model*', 'Memory', 'Tool']);
    expect(await labels.first().getAttribute('data-required')).toBe('true');
    for (const name of ['OpenAI Chat Model', 'Simple Memory', 'Calculator', 'Wikipedia', 'Backup Model']) {
      expect(await page.locator(`${node(name)} .node.sub-node`).count()).toBe(1);
      expect(await page.locator(`${node(name)} .svelte-flow__handle.target`).count()).toBe(0);
      expect(await page.locator(`${node(name)} .svelte-flow__handle-top.source`).count()).toBe(1);
    }
    for (const type of ['ai_languageModel', 'ai_memory', 'ai_tool']) expect(await page.locator(`.svelte-flow__edge.type-${type}`).count()).toBe(1);
    // Dashed, unlike a main connection.
    expect(await page.locator('.svelte-flow__edge.typed .svelte-flow__edge-path').first().evaluate((el) => getComputedStyle(el).strokeDasharray)).not.toBe('none');
    expect(await page.locator('.svelte-flow__edge:not(.typed) .svelte-flow__edge-path').first().evaluate((el) => getComputedStyle(el).strokeDasharray)).toBe('none');
    await screenshot(page, '90-ai-agent-imported');

    // A tool dropped on the Memory input does not connect; on the Tool input it does.
    await drag(page, output('Wikipedia'), input('ai_memory'));
    await new Promise((r) => setTimeout(r, 500));
    expect((await stored()).connections.Wikipedia).toBeUndefined();
    await drag(page, output('Wikipedia'), input('ai_tool'));
    await within(3_000, async () => (await stored()).connections.Wikipedia !== undefined, 'the tool connection is stored');
    expect((await stored()).connections.Wikipedia).toEqual({ ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] });
    expect((await stored()).connections.Calculator).toEqual({ ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] });
    await within(3_000, async () => (await page.locator('.svelte-flow__edge.type-ai_tool').count()) === 2, 'both tools are drawn');

    // A second chat model replaces the first: the agent takes one at most.
    await drag(page, output('Backup Model'), input('ai_languageModel'));
    await within(3_000, async () => (await stored()).connections['Backup Model'] !== undefined, 'the backup model is connected');
    const afterReplace = await stored();
    expect(afterReplace.connections['Backup Model']).toEqual({ ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] });
    expect(afterReplace.connections['OpenAI Chat Model']).toBeUndefined();
    await within(3_000, async () => (await page.locator('.svelte-flow__edge.type-ai_languageModel').count()) === 1, 'one chat model edge');
    await screenshot(page, '91-ai-agent-connected');

    // The palette lists n8n's AI types under AI.
    await page.click('[data-testid="canvas"] .svelte-flow__pane', { position: { x: 20, y: 20 } });
    await page.keyboard.press('Tab');
    const item = page.locator(`[data-testid="palette-item"][data-type="${AI}.lmChatOpenAi"]`);
    const group = await item.evaluate((el) => {
      let heading = el.previousElementSibling;
      while (heading && heading.tagName !== 'H4') heading = heading.previousElementSibling;
      return heading?.getAttribute('data-group');
    });
    expect(group).toBe('ai');
    await page.keyboard.press('Escape');

    // The + under the Tool input lists tools only, and the one picked is wired in under the agent.
    await page.click(`${node('AI Agent')} [data-testid="add-sub-node"][data-connection-type="ai_tool"]`);
    const listed = await page.locator('[data-testid="palette-item"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-type')));
    expect(listed).toContain(`${AI}.toolCalculator`);
    expect(listed).not.toContain(`${AI}.lmChatOpenAi`);
    expect(listed).not.toContain('n8n-nodes-base.set');
    await page.click(`[data-testid="palette-item"][data-type="${AI}.toolCalculator"]`);
    await within(3_000, async () => (await stored()).connections.Calculator1 !== undefined, 'the new tool is wired in');
    expect((await stored()).connections.Calculator1).toEqual({ ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] });
    await page.keyboard.press('Escape');
    await within(3_000, async () => (await page.locator('.svelte-flow__edge.type-ai_tool').count()) === 3, 'three tools are drawn');

    // A typed edge deletes like a main one.
    await page.keyboard.press('1');
    await new Promise((r) => setTimeout(r, 400));
    // The middle of the drawn curve (its box's middle may lie off the line).
    const middle = await page.locator('.svelte-flow__edge.type-ai_memory path.svelte-flow__edge-interaction').evaluate((el) => {
      const line = el as SVGPathElement;
      const at = line.getPointAtLength(line.getTotalLength() / 2);
      const m = line.getScreenCTM()!;
      return { x: at.x * m.a + at.y * m.c + m.e, y: at.x * m.b + at.y * m.d + m.f };
    });
    await page.mouse.click(middle.x, middle.y);
    await page.keyboard.press('Delete');
    await within(3_000, async () => (await stored()).connections['Simple Memory'] === undefined, 'the memory connection is deleted');
    expect((await stored()).connections.Start).toEqual(WORKFLOW.connections.Start);
    expect(h.consoleErrors).toEqual([]);
    await context.close();
  });
});
