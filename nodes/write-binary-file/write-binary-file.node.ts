// Write Binary File (n8n-nodes-base.writeBinaryFile v1), legacy: an item's binary property is
// written to a file (or appended to it); only inside the allowed folders (FILES_ALLOWED_DIRS).
import { writeFile } from 'node:fs/promises';
import type { Item, NodeType } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { assertAllowed, fileError } from '../read-binary-file/local-file.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';

export const writeBinaryFileNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.writeBinaryFile',
    displayName: 'Write Binary File',
    icon: 'fa:file-export',
    group: ['output'],
    version: [1],
    description: 'Writes a binary file to disk',
    defaults: { name: 'Write Binary File', color: '#CC2233' },
    inputs: ['main'],
    outputs: ['main'],
    properties: [
      { displayName: 'File Name', name: 'fileName', type: 'string', default: '', required: true, placeholder: '/data/example.jpg', description: 'Path to which the file should be written' },
      { displayName: 'Property Name', name: 'dataPropertyName', type: 'string', default: 'data', required: true,
        description: 'Name of the binary property which contains the data for the file to be written' },
      { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {},
        options: [{ displayName: 'Append', name: 'append', type: 'boolean', default: false, description: 'Whether to append to an existing file' }] },
    ],
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const output: Item[] = [];
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      try {
        const item = items[itemIndex];
        const fileName = param(ctx, 'fileName', itemIndex, '');
        const { buffer } = binaryBuffer(ctx.node.name, item, param(ctx, 'dataPropertyName', itemIndex, 'data'), itemIndex);
        const path = assertAllowed(ctx, fileName, itemIndex);
        // Unlike the newer node, this one does not create missing folders (n8n's writeFile neither).
        await writeFile(path, buffer, { flag: collection(ctx, 'options', itemIndex).append ? 'a' : 'w' }).catch((error: unknown) => {
          throw fileError(ctx, error, itemIndex);
        });
        const result: Item = { json: { ...item.json, fileName }, pairedItem: { item: itemIndex } };
        if (item.binary !== undefined) result.binary = item.binary;
        output.push(result);
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        output.push({ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } });
      }
    }
    return [output];
  },
};
