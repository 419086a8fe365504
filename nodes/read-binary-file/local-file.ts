// Shared by the legacy file nodes (readBinaryFile, readBinaryFiles, writeBinaryFile): a file as n8n
// binary data, and file system errors worded as the Read/Write Files node words them. The
// allowed-folder rule (FILES_ALLOWED_DIRS) is the Read/Write Files node's own (read-write-file/).
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { NodeOperationError, type BinaryData, type ExecuteContext } from '../../engine/index.ts';
import { prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { mimeTypeOf } from '../read-write-file/mime.ts';
import { errorMessage } from '../shared/items.ts';

export { absolutePath, allowedFolders, assertAllowed, isInside, notAllowedMessage, realPath } from '../read-write-file/allowed-paths.ts';

export async function fileAsBinary(path: string): Promise<BinaryData> {
  const content = await readFile(path);
  const binary = prepareBinaryData(content, basename(path), mimeTypeOf(path, content));
  binary.directory = dirname(path);
  return binary;
}

export function fileError(ctx: ExecuteContext, error: unknown, itemIndex: number): NodeOperationError {
  if (error instanceof NodeOperationError) return error;
  const { code, path = '' } = error as NodeJS.ErrnoException;
  if (code === 'ENOENT') return new NodeOperationError(ctx.node.name, `The file "${path}" could not be found`, { itemIndex });
  if (code === 'EACCES' || code === 'EPERM') return new NodeOperationError(ctx.node.name, `You don't have the permissions to access ${path}`, { itemIndex });
  if (code === 'EISDIR') return new NodeOperationError(ctx.node.name, `${path} is a folder, not a file`, { itemIndex });
  return new NodeOperationError(ctx.node.name, errorMessage(error), { itemIndex });
}
