// The icons of node types: n8n descriptions name them as `file:foo.svg`, a file beside the node's
// code, inside its package (community types) or its node folder (built-in ones). Served only from
// inside that folder, and an SVG with a policy that runs no script (an SVG opened on its own is a
// document).
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { NotFoundError } from '../../domain/index.ts';
import type { NodeType } from '../../engine/index.ts';
import { builtInNodeIcon } from '../../nodes/index.ts';
import { route, type Route } from '../http/route.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
};
const MAX_BYTES = 1024 * 1024;
/** Styles may be inline (most SVG icons use them); nothing else loads or runs. */
const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/**
 * The folder of an installed or local package, as the loader finds them: `<root>/node_modules/<name>`
 * or `<root>/<name>`; a NODES_DIR folder may be named otherwise, so the root's folders are read last.
 */
export function packageFolder(roots: readonly string[], packageName: string): string | undefined {
  const nameOf = (folder: string) => {
    try {
      return (JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: string }).name;
    } catch {
      return undefined;
    }
  };
  const bases = roots.map((root) => (existsSync(path.join(root, 'node_modules')) ? path.join(root, 'node_modules') : root));
  for (const base of bases) {
    const folder = path.join(base, packageName);
    if (isInside(base, folder) && nameOf(folder) === packageName) return folder;
  }
  for (const base of bases) {
    const entries = existsSync(base) ? readdirSync(base, { withFileTypes: true }) : [];
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name.startsWith('@')) continue;
      const folder = path.join(base, entry.name);
      if (nameOf(folder) === packageName) return folder;
    }
  }
  return undefined;
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The icon file of a node: relative to the folder of the node's compiled file (n8n's rule). The
 * package.json lists those files; the one named after the node is tried first.
 */
export function iconFile(folder: string, nodeName: string, icon: string): string | undefined {
  let nodes: string[] = [];
  try {
    nodes = (JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { n8n?: { nodes?: string[] } }).n8n?.nodes ?? [];
  } catch {
    return undefined;
  }
  const short = nodeName.split('.').pop()!.toLowerCase();
  const named = (file: string) => path.basename(file).split('.')[0]!.toLowerCase() === short;
  const ordered = [...nodes.filter(named), ...nodes.filter((f) => !named(f))];
  const real = realpathSync(folder);
  for (const nodeFile of ordered) {
    const candidate = path.resolve(folder, path.dirname(nodeFile), icon);
    if (!isInside(folder, candidate) || !existsSync(candidate)) continue;
    // Symbolic links may point anywhere: the real file must be inside the package too.
    const resolved = realpathSync(candidate);
    if (isInside(real, resolved) && statSync(resolved).isFile()) return resolved;
  }
  return undefined;
}

/**
 * `packages` is the registry's types by package (community ones only); `roots` are the folders
 * packages load from (DATA_DIR/nodes and NODES_DIR).
 */
export function nodeIconRoutes(packages: () => ReadonlyMap<string, readonly NodeType[]>, roots: () => readonly string[]): Route[] {
  return [
    route({
      method: 'get', path: '/api/v1/node-icons/:type', tag: 'editor', access: { kind: 'signedIn' },
      summary: "The icon file of a node type (its description's `file:` icon), built in or from a community package",
      params: z.object({ type: z.string().min(1).max(300).describe('The node type, e.g. n8n-nodes-foo.foo (URL-encoded)') }),
      responses: { 200: 'The image (SVG, PNG, JPEG, GIF or WebP)', 404: 'No such type, it has no file icon, or the file is not inside its package or node folder' },
      async handler(ctx, { params }) {
        const found = findIcon(packages(), roots(), params.type);
        if (!found) throw new NotFoundError('Node icon', params.type);
        ctx.set('Cache-Control', 'private, max-age=300');
        if (found.type === 'image/svg+xml') ctx.set('Content-Security-Policy', SVG_POLICY);
        ctx.type = found.type;
        ctx.body = readFileSync(found.file);
      },
    }),
  ];
}

/** A built-in type's `file:` icon, a file in its node folder. */
function builtInIcon(file: string | undefined): { file: string; type: string } | undefined {
  const contentType = file && CONTENT_TYPES[path.extname(file).toLowerCase()];
  return file && contentType && existsSync(file) ? { file, type: contentType } : undefined;
}

function findIcon(packages: ReadonlyMap<string, readonly NodeType[]>, roots: readonly string[], type: string): { file: string; type: string } | undefined {
  const builtIn = builtInNodeIcon(type);
  if (builtIn) return builtInIcon(builtIn.icon);
  for (const [packageName, types] of packages) {
    const node = types.find((t) => t.description.name === type);
    const icon = node?.description.icon;
    if (!icon?.startsWith('file:')) continue;
    const contentType = CONTENT_TYPES[path.extname(icon).toLowerCase()];
    const folder = packageFolder(roots, packageName);
    if (!contentType || !folder) return undefined;
    const file = iconFile(folder, type, icon.slice('file:'.length));
    if (!file || statSync(file).size > MAX_BYTES) return undefined;
    return { file, type: contentType };
  }
  return undefined;
}
