import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NodeProperty } from '../engine/index.ts';
import { buildNodeCatalog, nodeFolderName, serializeCatalog } from './catalog.ts';

const NODES = import.meta.dirname;

function walk(properties: readonly NodeProperty[], visit: (property: NodeProperty) => void): void {
  for (const property of properties) {
    visit(property);
    for (const option of property.options ?? []) {
      if ('type' in option && 'default' in option) walk([option as NodeProperty], visit);
      if ('values' in option && Array.isArray(option.values)) walk(option.values, visit);
    }
  }
}

describe('the node catalog', () => {
  const built = buildNodeCatalog(NODES);

  // Building imports every node module (the AI ones bring LangChain): slow on a busy machine.
  it('is what the node folders hold now (else: npm run build:catalog)', async () => {
    expect(readFileSync(path.join(NODES, 'catalog.json'), 'utf8')).toBe(serializeCatalog(await built));
  }, 120_000);

  it('lists each version of a type once, in ascending order, with every parameter named, typed and defaulted', async () => {
    const { nodes } = await built;
    expect(nodes.length).toBeGreaterThanOrEqual(50);
    for (const { description } of nodes) {
      expect([...description.version].sort((a, b) => a - b), description.name).toEqual(description.version);
      walk(description.properties, (property) => {
        expect(property.name, `${description.name}: ${property.displayName}`).toBeTruthy();
        expect(property.type, `${description.name}.${property.name}`).toBeTruthy();
        expect(property.default, `${description.name}.${property.name}`).not.toBeUndefined();
      });
    }
  });

  it('names folders after types and refuses a type in the wrong folder', async () => {
    expect(nodeFolderName('n8n-nodes-base.splitInBatches')).toBe('split-in-batches');
    expect(nodeFolderName('n8n-nodes-base.n8nTrainingCustomerDatastore')).toBe('n8n-training-customer-datastore');
    expect(nodeFolderName('n8n-nodes-base.if')).toBe('if');
    expect(nodeFolderName('@n8n/n8n-nodes-langchain.lmChatOpenAi')).toBe('ai-lm-chat-open-ai');
    expect(nodeFolderName('@n8n/n8n-nodes-langchain.openAi')).toBe('ai-open-ai');
    const root = mkdtempSync(path.join(tmpdir(), 'weft-catalog-'));
    mkdirSync(path.join(root, 'wrong'));
    writeFileSync(path.join(root, 'wrong', 'x.node.js'),
      "export const xNode = { description: { name: 'n8n-nodes-base.rightName', version: [1] }, execute: async () => [[]] };\n");
    await expect(buildNodeCatalog(root)).rejects.toThrow(/belongs in a folder named 'right-name'/);
  });

  it('refuses two implementations of one version', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'weft-catalog-'));
    mkdirSync(path.join(root, 'twice'));
    const node = (v: string) => `{ description: { name: 'x.twice', version: [${v}], properties: [] }, execute: async () => [[]] }`;
    writeFileSync(path.join(root, 'twice', 'a.node.js'), `export const aNode = ${node('1, 2')};\nexport const bNode = ${node('2')};\n`);
    await expect(buildNodeCatalog(root)).rejects.toThrow(/x\.twice@2 is implemented twice/);
  });
});
