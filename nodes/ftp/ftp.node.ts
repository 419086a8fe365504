// FTP (n8n-nodes-base.ftp v1): lists, downloads, uploads, renames and deletes remote files over FTP
// or SFTP, with the `ftp` or `sftp` credential.
import { posix } from 'node:path';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { prepareBinaryData } from '../n8n-api/binary-helpers.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { ftpProperties } from './ftp.description.ts';
import { withRemoteFiles, type RemoteFiles } from './remote-files.ts';

/** Every entry below `path`, directories first listed then descended into (n8n's order). */
async function listRecursive(files: RemoteFiles, path: string): Promise<JsonObject[]> {
  const found: JsonObject[] = [];
  const pending = [path];
  for (let i = 0; i < pending.length; i++) {
    for (const entry of await files.list(pending[i])) {
      found.push(entry);
      if (entry.type === 'd') pending.push(String(entry.path));
    }
  }
  return found;
}

async function runItem(ctx: ExecuteContext, files: RemoteFiles, operation: string, item: Item, i: number): Promise<Item[]> {
  const paired = { item: i };
  switch (operation) {
    case 'list': {
      const path = param(ctx, 'path', i, '/');
      const entries = param(ctx, 'recursive', i, false) ? await listRecursive(files, path) : await files.list(path);
      return entries.map((json) => ({ json, pairedItem: paired }));
    }
    case 'download': {
      const path = param(ctx, 'path', i, '');
      const property = param(ctx, 'binaryPropertyName', i, 'data');
      const binary = await prepareBinaryData(await files.download(path), posix.basename(path));
      return [{ json: item.json, binary: { ...item.binary, [property]: binary }, pairedItem: paired }];
    }
    case 'upload': {
      const path = param(ctx, 'path', i, '');
      const content = param(ctx, 'binaryData', i, true)
        ? binaryBuffer(ctx.node.name, item, param(ctx, 'binaryPropertyName', i, 'data'), i).buffer
        : Buffer.from(param(ctx, 'fileContent', i, ''), 'utf8');
      await files.upload(path, content);
      return [{ json: item.json, ...(item.binary ? { binary: item.binary } : {}), pairedItem: paired }];
    }
    case 'rename': {
      const options = collection(ctx, 'options', i);
      await files.rename(param(ctx, 'oldPath', i, ''), param(ctx, 'newPath', i, ''), options.createDirectories === true);
      return [{ json: { success: true }, pairedItem: paired }];
    }
    case 'delete': {
      const options = collection(ctx, 'options', i);
      await files.delete(param(ctx, 'path', i, ''), options.folder === true, options.folder === true && options.recursive === true);
      return [{ json: { success: true }, pairedItem: paired }];
    }
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not known`, { itemIndex: i });
  }
}

async function execute(ctx: ExecuteContext) {
  const items = ctx.getInputData();
  const protocol = param(ctx, 'protocol', 0, 'ftp');
  const operation = param(ctx, 'operation', 0, 'download');
  const credentials = await ctx.credentials.get(protocol === 'sftp' ? 'sftp' : 'ftp');
  const fail = (error: unknown, i: number): Item => {
    if (!ctx.continueOnFail()) {
      if (error instanceof NodeOperationError) throw error;
      throw new NodeOperationError(ctx.node.name, errorMessage(error), { itemIndex: i });
    }
    return { json: { error: errorMessage(error) }, pairedItem: { item: i } };
  };
  const output: Item[] = [];
  let connected = false;
  try {
    await withRemoteFiles(protocol, credentials, async (files) => {
      connected = true;
      for (let i = 0; i < items.length; i++) {
        try {
          output.push(...(await runItem(ctx, files, operation, items[i], i)));
        } catch (error) {
          output.push(fail(error, i));
        }
      }
    });
  } catch (error) {
    // The connection itself failed: every item fails alike.
    if (!connected) return [items.map((_, i) => fail(error, i))];
    throw error;
  }
  return [output];
}

export const ftpNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.ftp',
    displayName: 'FTP',
    group: ['input'],
    version: [1],
    description: 'Transfers files via FTP or SFTP',
    icon: 'fa:server',
    defaults: { name: 'FTP', color: '#303050' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [
      { name: 'ftp', required: true, displayOptions: { show: { protocol: ['ftp'] } } },
      { name: 'sftp', required: true, displayOptions: { show: { protocol: ['sftp'] } } },
    ],
    properties: ftpProperties,
  },
  execute,
};
