// Read/Write Files from Disk (n8n-nodes-base.readWriteFile v1, 1.1): files matching a glob become
// binary items; a binary property becomes a file. Only inside the allowed folders (FILES_ALLOWED_DIRS).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { glob } from 'tinyglobby';
import { NodeOperationError, type ExecuteContext, type Item, type NodeType } from '../../engine/index.ts';
import { binaryBuffer, prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { absolutePath, allowedFolders, assertAllowed, isInside, notAllowedMessage, realPath } from './allowed-paths.ts';
import { mimeTypeOf } from './mime.ts';
import { readWriteFileProperties } from './read-write-file.description.ts';

/** The folder a glob starts from: its segments before the first one with a pattern character. */
function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments) {
    if (/[*?[\]{}()!+@]/.test(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/') || '/';
}

async function readFiles(ctx: ExecuteContext, itemIndex: number): Promise<Item[]> {
  const selector = absolutePath(ctx, String(param(ctx, 'fileSelector', itemIndex, '')).replace(/\\/g, '/'));
  const options = collection(ctx, 'options', itemIndex);
  const property = (options.dataPropertyName as string) || 'data';
  // The glob may not even look outside the allowed folders.
  assertAllowed(ctx, globBase(selector), itemIndex);
  const files = (await glob(selector, { absolute: true, onlyFiles: true, dot: false, expandDirectories: false })).sort();
  if (files.length === 0 && ctx.node.typeVersion > 1) {
    throw new NodeOperationError(ctx.node.name, 'No file(s) found', { itemIndex, description: `No file matching the selector "${selector}" found` });
  }
  const folders = allowedFolders(ctx);
  const items: Item[] = [];
  for (const file of files) {
    // A symlink inside an allowed folder may lead out of it.
    if (!folders.some((folder) => isInside(realPath(file), folder))) {
      const { message, description } = notAllowedMessage(file, folders);
      throw new NodeOperationError(ctx.node.name, message, { itemIndex, description });
    }
    const content = await readFile(file);
    const binary = prepareBinaryData(content, basename(file), mimeTypeOf(file, content));
    binary.directory = dirname(file);
    if (options.fileName !== undefined) binary.fileName = String(options.fileName);
    if (options.fileExtension !== undefined) binary.fileExtension = String(options.fileExtension);
    if (options.mimeType !== undefined) binary.mimeType = String(options.mimeType);
    items.push({
      json: { mimeType: binary.mimeType, fileType: binary.fileType, fileName: binary.fileName, fileExtension: binary.fileExtension, fileSize: binary.fileSize },
      binary: { [property]: binary },
      pairedItem: { item: itemIndex },
    });
  }
  return items;
}

async function writeOne(ctx: ExecuteContext, item: Item, itemIndex: number): Promise<Item> {
  const fileName = String(param(ctx, 'fileName', itemIndex, ''));
  if (!fileName) throw new NodeOperationError(ctx.node.name, 'No file path given', { itemIndex, description: 'Set "File Path and Name"' });
  const property = param(ctx, 'dataPropertyName', itemIndex, 'data');
  const options = collection(ctx, 'options', itemIndex);
  const { buffer } = binaryBuffer(ctx.node.name, item, property, itemIndex);
  const path = assertAllowed(ctx, fileName, itemIndex);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, buffer, { flag: options.append ? 'a' : 'w' });
  const output: Item = { json: { ...item.json, fileName }, pairedItem: { item: itemIndex } };
  if (item.binary !== undefined) output.binary = { ...item.binary };
  return output;
}

/** File system errors as n8n words them, naming the path. */
function fileError(ctx: ExecuteContext, error: unknown, itemIndex: number, operation: string): NodeOperationError {
  if (error instanceof NodeOperationError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const path = (error as NodeJS.ErrnoException).path ?? '';
  if (code === 'ENOENT') return new NodeOperationError(ctx.node.name, `The file "${path}" could not be ${operation === 'read' ? 'found' : 'written: its folder does not exist'}`, { itemIndex });
  if (code === 'EACCES' || code === 'EPERM') return new NodeOperationError(ctx.node.name, `You don't have the permissions to access ${path}`, { itemIndex, description: 'Make sure that the user running Weft may access this path' });
  if (code === 'EISDIR') return new NodeOperationError(ctx.node.name, `${path} is a folder, not a file`, { itemIndex });
  return new NodeOperationError(ctx.node.name, errorMessage(error), { itemIndex });
}

export const readWriteFileNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.readWriteFile',
    displayName: 'Read/Write Files from Disk',
    group: ['input'],
    version: [1, 1.1],
    description: 'Read or write files from the computer that runs Weft',
    defaults: { name: 'Read/Write Files from Disk' },
    inputs: ['main'],
    outputs: ['main'],
    properties: readWriteFileProperties,
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const operation = param(ctx, 'operation', 0, 'read');
    const output: Item[] = [];
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      try {
        if (operation === 'read') output.push(...(await readFiles(ctx, itemIndex)));
        else output.push(await writeOne(ctx, items[itemIndex], itemIndex));
      } catch (error) {
        const failure = fileError(ctx, error, itemIndex, operation);
        if (!ctx.continueOnFail()) throw failure;
        output.push({ json: { error: failure.message }, pairedItem: { item: itemIndex } });
      }
    }
    return [output];
  },
};
