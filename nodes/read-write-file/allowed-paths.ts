// Local file access limited to the allowed folders (FILES_ALLOWED_DIRS, like n8n's
// N8N_RESTRICT_FILE_ACCESS_TO). A path is judged by where it really leads: `..` is resolved and so are
// symlinks, for the deepest part of the path that exists (a file about to be written does not yet).
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { NodeOperationError, type ExecuteContext } from '../../engine/index.ts';

/** The path with every symlink in its existing part followed. */
export function realPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
  }
}

export function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** The allowed folders, resolved to where they really are. */
export function allowedFolders(ctx: Pick<ExecuteContext, 'filesAllowedDirs'>): string[] {
  return (ctx.filesAllowedDirs ?? []).map(realPath);
}

/** A relative path is taken from the first allowed folder. */
export function absolutePath(ctx: Pick<ExecuteContext, 'filesAllowedDirs'>, path: string): string {
  if (isAbsolute(path)) return resolve(path);
  const base = ctx.filesAllowedDirs?.[0];
  return base ? resolve(base, path) : resolve(path);
}

export function notAllowedMessage(path: string, folders: string[]): { message: string; description: string } {
  return {
    message: `Access to the file is not allowed: ${path}`,
    description: folders.length
      ? `Allowed folders: ${folders.join(', ')} (set FILES_ALLOWED_DIRS to change them)`
      : 'No folder is allowed: set FILES_ALLOWED_DIRS to the folders this server may read and write',
  };
}

/** The path as a real absolute path; throws a node error when it leads outside the allowed folders. */
export function assertAllowed(ctx: Pick<ExecuteContext, 'filesAllowedDirs' | 'node'>, path: string, itemIndex?: number): string {
  const absolute = absolutePath(ctx, path);
  const real = realPath(absolute);
  const folders = allowedFolders(ctx);
  if (!folders.some((folder) => isInside(real, folder))) {
    const { message, description } = notAllowedMessage(path, folders);
    throw new NodeOperationError(ctx.node.name, message, { itemIndex, description });
  }
  return absolute;
}
