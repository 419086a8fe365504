// The node registry: every node type by n8n type name and typeVersion. Built-in types are known from
// catalog.json and their code is imported only when a workflow that uses them is about to run, so
// start-up time and memory do not grow with the number of nodes. Community packages' types are
// registered whole when their package loads.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerCredentialTypes as registerDomainCredentialTypes } from '../domain/index.ts';
import type { NodeType } from '../engine/index.ts';
import type { CatalogSource, NodeCatalog, NodeDescriptionData } from './catalog.ts';
import { nodeAsTool, toolVariantBase, toolVariantDescription } from './node-as-tool.ts';

/** Built-in credential types are registered under this owner (packages use their own name). */
export const BUILT_IN_PACKAGE = 'n8n-nodes-base';

const catalog = JSON.parse(readFileSync(new URL('./catalog.json', import.meta.url), 'utf8')) as NodeCatalog;
// Node folders' credential types are part of the vault from the start, like domain's own.
registerDomainCredentialTypes(BUILT_IN_PACKAGE, catalog.credentials.map((c) => c.type));

/** The extension of our own modules: .ts from the sources, .js from dist/. */
const MODULE_EXTENSION = new URL(import.meta.url).pathname.endsWith('.ts') ? '.ts' : '.js';

type BuiltIn = NodeCatalog['nodes'][number];
const builtInByName = new Map<string, BuiltIn[]>();
for (const entry of catalog.nodes) builtInByName.set(entry.description.name, [...(builtInByName.get(entry.description.name) ?? []), entry]);

/** Implementations imported so far, by `module#export`. */
const loaded = new Map<string, NodeType>();
/** Types added at run time (community packages), by the package that brought them. */
const addedByPackage = new Map<string, NodeType[]>();
const packageTypesByName = new Map<string, NodeType[]>();

/** The entry whose versions hold `version`, else the nearest lower one (a minor release we have not listed). */
function pickVersion<T>(candidates: readonly T[] | undefined, versions: (c: T) => readonly number[], version: number): T | undefined {
  if (!candidates) return undefined;
  const exact = candidates.find((c) => versions(c).includes(version));
  if (exact) return exact;
  let best: { candidate: T; version: number } | undefined;
  for (const candidate of candidates) {
    for (const v of versions(candidate)) if (v <= version && (!best || v > best.version)) best = { candidate, version: v };
  }
  return best?.candidate;
}

const keyOf = (source: CatalogSource) => `${source.module}#${source.export}`;
const builtIn = (name: string, version: number) => pickVersion(builtInByName.get(name), (e) => e.description.version, version);
const packaged = (name: string, version: number) => pickVersion(packageTypesByName.get(name), (t) => t.description.version, version);

/** What a type at a version looks like (parameters, inputs, credentials), without loading its code. */
export function nodeDescription(name: string, version: number): NodeDescriptionData | undefined {
  const found = builtIn(name, version)?.description ?? packaged(name, version)?.description;
  if (found) return found;
  // n8n's `…Tool` variants are made from the node they name.
  const base = toolVariantBase(name);
  const baseDescription = base === undefined ? undefined : builtIn(base, version)?.description ?? packaged(base, version)?.description;
  return baseDescription && toolVariantDescription(baseDescription);
}

/** Tool variants made so far, by type name and version. */
const toolVariants = new Map<string, NodeType | undefined>();

async function loadToolVariant(name: string, version: number): Promise<NodeType | undefined> {
  const base = toolVariantBase(name);
  if (base === undefined) return undefined;
  const key = `${name}@${version}`;
  if (!toolVariants.has(key)) {
    const baseType = await loadNodeType(base, version);
    toolVariants.set(key, baseType && nodeAsTool(baseType));
  }
  return toolVariants.get(key);
}

/** Every description, built-in and from packages (what a palette or type listing shows). */
export function nodeDescriptions(): NodeDescriptionData[] {
  return [...catalog.nodes.map((e) => e.description), ...[...addedByPackage.values()].flat().map((t) => t.description)];
}

/** Imports the code of a type at a version; undefined for a type nobody provides. */
export async function loadNodeType(name: string, version: number): Promise<NodeType | undefined> {
  const entry = builtIn(name, version);
  if (!entry) return packaged(name, version) ?? loadToolVariant(name, version);
  const key = keyOf(entry);
  let type = loaded.get(key);
  if (!type) {
    const module = (await import(new URL(`./${entry.module}${MODULE_EXTENSION}`, import.meta.url).href)) as Record<string, NodeType>;
    type = module[entry.export];
    if (!type) throw new Error(`${entry.module} no longer exports ${entry.export}: run npm run build:catalog`);
    loaded.set(key, type);
  }
  return type;
}

/** Loads the code of every node a workflow has, so getNodeType answers for them during its run. */
export async function loadNodeTypes(nodes: Iterable<{ type: string; typeVersion?: number }>): Promise<void> {
  await Promise.all([...nodes].map((node) => loadNodeType(node.type, node.typeVersion ?? 1)));
}

/**
 * The implementation of a type at a version, for code that runs a workflow whose types it loaded
 * (loadNodeTypes). Throws for a built-in type not loaded yet: that is a missing loadNodeTypes call,
 * which must not pass for an unknown type.
 */
export function getNodeType(name: string, version: number): NodeType | undefined {
  const entry = builtIn(name, version);
  if (!entry) return packaged(name, version) ?? toolVariants.get(`${name}@${version}`);
  const type = loaded.get(keyOf(entry));
  if (!type) throw new Error(`node type '${name}' v${version} is not loaded: call loadNodeTypes before running`);
  return type;
}

/**
 * Whether a type is built in, and where its `file:` icon is: a file inside its folder (the newest
 * version's icon), or no icon when it names none or its file is not there.
 */
export function builtInNodeIcon(name: string): { icon?: string } | undefined {
  const entries = builtInByName.get(name);
  if (!entries) return undefined;
  const newest = entries.reduce((a, b) => (Math.max(...b.description.version) > Math.max(...a.description.version) ? b : a));
  const icon = newest.description.icon;
  if (!icon?.startsWith('file:')) return {};
  const folder = fileURLToPath(new URL(`./${newest.module.slice(0, newest.module.indexOf('/'))}/`, import.meta.url));
  const file = path.resolve(folder, icon.slice('file:'.length));
  return path.relative(folder, file).startsWith('..') || !existsSync(file) ? {} : { icon: file };
}

/** Whether a type is one of ours (cheap: no file is looked at). */
export function isBuiltInType(name: string): boolean {
  const base = toolVariantBase(name);
  return builtInByName.has(name) || (base !== undefined && builtInByName.has(base));
}

/** The built-in modules imported so far (start-up should import none). */
export function loadedNodeModules(): string[] {
  return [...new Set([...loaded.keys()].map((key) => key.slice(0, key.indexOf('#'))))].sort();
}

/**
 * Makes types loaded at run time (n8n community packages, see loadN8nPackages) visible to
 * getNodeType, under the package's name so they can be removed together. Registering a package
 * again replaces its earlier types. Built-in types keep precedence: a type named like one is refused.
 */
export function registerNodeTypes(packageName: string, types: readonly NodeType[]): void {
  for (const type of types) {
    if (builtInByName.has(type.description.name)) {
      throw new Error(`'${type.description.name}' is a built-in node type; package '${packageName}' cannot replace it`);
    }
  }
  unregisterNodeTypes(packageName);
  addedByPackage.set(packageName, [...types]);
  for (const type of types) packageTypesByName.set(type.description.name, [...(packageTypesByName.get(type.description.name) ?? []), type]);
}

/** Removes every node type a package registered; returns whether it had any. */
export function unregisterNodeTypes(packageName: string): boolean {
  const types = addedByPackage.get(packageName);
  if (!types) return false;
  addedByPackage.delete(packageName);
  for (const type of types) {
    const list = (packageTypesByName.get(type.description.name) ?? []).filter((t) => t !== type);
    if (list.length === 0) packageTypesByName.delete(type.description.name);
    else packageTypesByName.set(type.description.name, list);
  }
  return true;
}

/** The types registered at run time, by package. */
export function registeredPackages(): ReadonlyMap<string, readonly NodeType[]> {
  return addedByPackage;
}

/** Every package type (community credential tests look among them for a node's own test). */
export function packageNodeTypes(): NodeType[] {
  return [...addedByPackage.values()].flat();
}

const isTrigger = (node: { type: string; typeVersion?: number }) => Boolean(nodeDescription(node.type, node.typeVersion ?? 1)?.triggerKind);

/** Loads the code of a workflow's trigger nodes only: what arming it needs (their hooks). */
export async function loadTriggerNodeTypes(nodes: Iterable<{ type: string; typeVersion?: number }>): Promise<void> {
  await loadNodeTypes([...nodes].filter(isTrigger));
}

/** A trigger node's implementation, loaded by loadTriggerNodeTypes; undefined for other nodes. */
export function triggerNodeType(name: string, version: number): NodeType | undefined {
  return isTrigger({ type: name, typeVersion: version }) ? getNodeType(name, version) : undefined;
}
