// Read Binary File (n8n-nodes-base.readBinaryFile v1), legacy: one file per item, added to the
// item's binary data; only inside the allowed folders (FILES_ALLOWED_DIRS).
import type { Item, NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { param } from '../shared/params.ts';
import { assertAllowed, fileAsBinary, fileError } from './local-file.ts';

export const readBinaryFileNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.readBinaryFile',
    displayName: 'Read Binary File',
    icon: 'fa:file-import',
    group: ['input'],
    version: [1],
    description: 'Reads a binary file from disk',
    defaults: { name: 'Read Binary File', color: '#449922' },
    inputs: ['main'],
    outputs: ['main'],
    properties: [
      { displayName: 'File Path', name: 'filePath', type: 'string', default: '', required: true, placeholder: '/data/example.jpg', description: 'Path of the file to read' },
      { displayName: 'Property Name', name: 'dataPropertyName', type: 'string', default: 'data', required: true,
        description: 'Name of the binary property to which to write the data of the read file' },
    ],
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const output: Item[] = [];
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      try {
        const path = assertAllowed(ctx, param(ctx, 'filePath', itemIndex, ''), itemIndex);
        const binary = await fileAsBinary(path).catch((error: unknown) => { throw fileError(ctx, error, itemIndex); });
        const item = items[itemIndex];
        output.push({ json: item.json, binary: { ...item.binary, [param(ctx, 'dataPropertyName', itemIndex, 'data')]: binary }, pairedItem: { item: itemIndex } });
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        output.push({ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } });
      }
    }
    return [output];
  },
};
