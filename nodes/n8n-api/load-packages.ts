// Loads n8n community node packages from a folder: each package's package.json `n8n` field lists
// its compiled node and credential files (n8nNodesApiVersion 1). Node classes become our NodeTypes
// (adapt-node.ts); credential classes are kept raw for the credential layer. A package that fails
// to load is reported with its error, never thrown, so one bad package cannot stop the others.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { NodeType } from '../../engine/index.ts';
import { adaptNodeType } from './adapt-node.ts';
import type { CredentialTypeLookup } from './execute-functions.ts';
import type { N8nCredentialType, N8nNodeTypeInstance, N8nVersionedNodeType } from './n8n-types.ts';
import { packageRequire } from './require-hook.ts';

export interface LoadedPackage {
  name: string;
  version: string;
  /** The package's folder on disk. */
  path: string;
  nodes: NodeType[];
  credentialTypes: N8nCredentialType[];
  error?: string;
}

export interface LoadedPackages {
  packages: LoadedPackage[];
  /** Every credential type of every loaded package, by name (what adapted nodes sign requests with). */
  credentialType: CredentialTypeLookup;
}

interface PackageJson {
  name?: string;
  version?: string;
  n8n?: { n8nNodesApiVersion?: number; nodes?: string[]; credentials?: string[] };
}

/** Package folders in `dir`: `dir` itself as node_modules (scoped ones too), or `dir/node_modules`. */
export function findPackageFolders(dir: string): string[] {
  const root = existsSync(join(dir, 'node_modules')) ? join(dir, 'node_modules') : dir;
  const out: string[] = [];
  for (const entry of readdirSync(root)) {
    if (entry.startsWith('.')) continue;
    const full = join(root, entry);
    if (!statSync(full).isDirectory()) continue;
    if (entry.startsWith('@')) {
      for (const scoped of readdirSync(full)) if (existsSync(join(full, scoped, 'package.json'))) out.push(join(full, scoped));
    } else if (existsSync(join(full, 'package.json'))) out.push(full);
  }
  return out.sort();
}

/**
 * The class (or instance) a compiled node/credential file exports. n8n names it after the file
 * (`dist/nodes/Foo/Foo.node.js` exports `Foo`); that export is tried first.
 */
function exportedInstance(exports: unknown, file: string): object {
  const named = (basename(file).split('.')[0] ?? '').toLowerCase();
  const entries = exports !== null && typeof exports === 'object' ? Object.entries(exports as object) : [['', exports] as [string, unknown]];
  entries.sort(([a], [b]) => Number(b.toLowerCase() === named) - Number(a.toLowerCase() === named));
  const candidates = entries.map(([, value]) => value as unknown);
  for (const candidate of candidates) {
    if (typeof candidate === 'function') {
      try {
        const made = new (candidate as new () => object)();
        if (made && typeof made === 'object') return made;
      } catch { /* not a constructor we can call without arguments */ }
    }
  }
  const plain = candidates.find((c) => c !== null && typeof c === 'object');
  if (plain) return plain as object;
  throw new Error(`${file} exports no class`);
}

function loadOne(folder: string, lookup: CredentialTypeLookup): LoadedPackage {
  const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as PackageJson;
  const result: LoadedPackage = { name: pkg.name ?? folder, version: pkg.version ?? '0.0.0', path: folder, nodes: [], credentialTypes: [] };
  try {
    const n8n = pkg.n8n;
    if (!n8n) throw new Error('package.json has no "n8n" field');
    if (n8n.n8nNodesApiVersion !== undefined && n8n.n8nNodesApiVersion !== 1) throw new Error(`n8nNodesApiVersion ${n8n.n8nNodesApiVersion} is not supported (only 1)`);
    const load = packageRequire(join(folder, 'package.json'));
    for (const file of n8n.credentials ?? []) {
      result.credentialTypes.push(exportedInstance(load(resolve(folder, file)), file) as N8nCredentialType);
    }
    for (const file of n8n.nodes ?? []) {
      const instance = exportedInstance(load(resolve(folder, file)), file) as N8nNodeTypeInstance | N8nVersionedNodeType;
      result.nodes.push(...adaptNodeType(result.name, instance, lookup));
    }
  } catch (error) {
    result.nodes = [];
    result.credentialTypes = [];
    result.error = error instanceof Error ? error.message : String(error);
  }
  return result;
}

/**
 * Loads every n8n package found in `dir` (see findPackageFolders); others are skipped silently.
 * Pass the same `credentials` map to several calls (several folders) so nodes of one folder can
 * sign requests with credential types another folder brings.
 */
export function loadN8nPackages(dir: string, credentials = new Map<string, N8nCredentialType>()): LoadedPackages {
  const lookup: CredentialTypeLookup = (name) => credentials.get(name);
  const packages: LoadedPackage[] = [];
  for (const folder of findPackageFolders(dir)) {
    let pkg: PackageJson;
    try {
      pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as PackageJson;
    } catch {
      continue;
    }
    if (!pkg.n8n) continue;
    const loaded = loadOne(folder, lookup);
    for (const type of loaded.credentialTypes) credentials.set(type.name, type);
    packages.push(loaded);
  }
  return { packages, credentialType: lookup };
}
