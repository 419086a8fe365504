// SSH (n8n-nodes-base.ssh v1): runs commands on a remote host and moves files to and from it, over
// one shared connection per credential (ssh2).
import { posix } from 'node:path';
import type { Client } from 'ssh2';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { prepareBinaryData } from '../n8n-api/binary-helpers.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { execCommand, readRemoteFile, withSsh, writeRemoteFile } from './ssh-connection.ts';
import { sshProperties } from './ssh.description.ts';

/** n8n's rule for `~`: `~/x` is the remote user's home, any other `~…` is refused. */
async function resolveHome(ctx: ExecuteContext, client: Client, path: string, itemIndex: number): Promise<string> {
  if (path.startsWith('~/')) {
    const home = (await execCommand(client, 'echo $HOME', '')).stdout;
    return path.replace('~/', home.endsWith('/') ? home : `${home}/`);
  }
  if (path.startsWith('~')) throw new NodeOperationError(ctx.node.name, 'Invalid path. Replace "~" with home directory or "~/"', { itemIndex });
  return path;
}

/** A file name safe to append to a directory: no separators, no `..`. */
function safeFileName(name: string): string {
  return posix.basename(name.replace(/\\/g, '/')).replace(/^\.+$/, '') || 'file';
}

async function runItem(ctx: ExecuteContext, client: Client, item: Item, i: number): Promise<Item> {
  const resource = param(ctx, 'resource', 0, 'command');
  const operation = param(ctx, 'operation', 0, resource === 'file' ? 'upload' : 'execute');
  if (resource === 'command' && operation === 'execute') {
    const command = param(ctx, 'command', i, '');
    const cwd = await resolveHome(ctx, client, param(ctx, 'cwd', i, '/'), i);
    const result = await execCommand(client, command, cwd, ctx.signal);
    return { json: { ...result }, pairedItem: { item: i } };
  }
  if (resource === 'file' && operation === 'download') {
    const property = param(ctx, 'binaryPropertyName', i, 'data');
    const path = await resolveHome(ctx, client, param(ctx, 'path', i, ''), i);
    const fileName = String(collection(ctx, 'options', i).fileName ?? '') || path;
    const content = await readRemoteFile(client, path);
    const binary = await prepareBinaryData(content, posix.basename(fileName));
    return { json: item.json, binary: { ...item.binary, [property]: binary }, pairedItem: { item: i } };
  }
  if (resource === 'file' && operation === 'upload') {
    const directory = await resolveHome(ctx, client, param(ctx, 'path', i, ''), i);
    const property = param(ctx, 'binaryPropertyName', i, 'data');
    const { buffer, binary } = binaryBuffer(ctx.node.name, item, property, i);
    const fileName = safeFileName(String(collection(ctx, 'options', i).fileName ?? '') || binary.fileName || '');
    await writeRemoteFile(client, `${directory}${directory.endsWith('/') ? '' : '/'}${fileName}`, buffer);
    return { json: { success: true }, pairedItem: { item: i } };
  }
  throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not known for resource "${resource}"`, { itemIndex: i });
}

async function execute(ctx: ExecuteContext) {
  const items = ctx.getInputData();
  const authentication = param(ctx, 'authentication', 0, 'password');
  const credentials = await ctx.credentials.get(authentication === 'privateKey' ? 'sshPrivateKey' : 'sshPassword');
  const output: Item[] = [];
  const fail = (error: unknown, i: number): Item => {
    if (!ctx.continueOnFail()) {
      if (error instanceof NodeOperationError) throw error;
      throw new NodeOperationError(ctx.node.name, errorMessage(error), { itemIndex: i });
    }
    return { json: { error: errorMessage(error) } as JsonObject, pairedItem: { item: i } };
  };
  try {
    await withSsh(credentials, async (client) => {
      for (let i = 0; i < items.length; i++) {
        try {
          output.push(await runItem(ctx, client, items[i], i));
        } catch (error) {
          output.push(fail(error, i));
        }
      }
    });
  } catch (error) {
    // The connection itself failed: every item fails alike.
    if (output.length === 0 && items.length > 0) return [items.map((_, i) => fail(error, i))];
    throw error;
  }
  return [output];
}

export const sshNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.ssh',
    displayName: 'SSH',
    group: ['input'],
    version: [1],
    description: 'Execute commands via SSH',
    icon: 'fa:terminal',
    defaults: { name: 'SSH' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [
      { name: 'sshPassword', required: true, displayOptions: { show: { authentication: ['password'] } } },
      { name: 'sshPrivateKey', required: true, displayOptions: { show: { authentication: ['privateKey'] } } },
    ],
    properties: sshProperties,
  },
  execute,
};
