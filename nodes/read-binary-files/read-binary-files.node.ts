// Read Binary Files (n8n-nodes-base.readBinaryFiles v1), legacy: every file a glob matches becomes
// one item; the glob may not reach outside the allowed folders (FILES_ALLOWED_DIRS), nor may a
// symlink it finds.
import { glob } from 'tinyglobby';
import { NodeOperationError, type Item, type NodeType } from '../../engine/index.ts';
import { absolutePath, allowedFolders, assertAllowed, fileAsBinary, fileError, isInside, notAllowedMessage, realPath } from '../read-binary-file/local-file.ts';
import { param } from '../shared/params.ts';

/** The folder a glob starts from: its segments before the first one with a pattern character. */
function globBase(pattern: string): string {
  const fixed: string[] = [];
  for (const segment of pattern.split('/')) {
    if (/[*?[\]{}()!+@]/.test(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/') || '/';
}

export const readBinaryFilesNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.readBinaryFiles',
    displayName: 'Read Binary Files',
    icon: 'fa:file-import',
    group: ['input'],
    version: [1],
    description: 'Reads binary files from disk',
    defaults: { name: 'Read Binary Files', color: '#44AA22' },
    inputs: ['main'],
    outputs: ['main'],
    properties: [
      { displayName: 'File Selector', name: 'fileSelector', type: 'string', default: '', required: true, placeholder: '*.jpg', description: 'Pattern for files to read' },
      { displayName: 'Property Name', name: 'dataPropertyName', type: 'string', default: 'data', required: true,
        description: 'Name of the binary property to which to write the data of the read files' },
    ],
  },
  // n8n reads the parameters of the first item only and runs once.
  async execute(ctx) {
    const selector = absolutePath(ctx, param(ctx, 'fileSelector', 0, '').replace(/\\/g, '/'));
    const property = param(ctx, 'dataPropertyName', 0, 'data');
    assertAllowed(ctx, globBase(selector), 0);
    const folders = allowedFolders(ctx);
    const output: Item[] = [];
    for (const file of (await glob(selector, { absolute: true, onlyFiles: true, dot: false, expandDirectories: false })).sort()) {
      if (!folders.some((folder) => isInside(realPath(file), folder))) {
        const { message, description } = notAllowedMessage(file, folders);
        throw new NodeOperationError(ctx.node.name, message, { itemIndex: 0, description });
      }
      const binary = await fileAsBinary(file).catch((error: unknown) => { throw fileError(ctx, error, 0); });
      output.push({ json: {}, binary: { [property]: binary }, pairedItem: { item: 0 } });
    }
    return [output];
  },
};
