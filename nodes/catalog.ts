// The catalog of built-in nodes (catalog.json): every node type's description and credential type,
// and the module that implements it, so a server lists, validates and describes nodes without loading
// their code. It is made from the node folders (`npm run build:catalog`), never edited by hand: a node
// is a folder named after its n8n type (`splitInBatches` → `split-in-batches/`), whose `*.node.ts`
// modules export its implementations and whose `*.credentials.ts` modules export its credential types.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CredentialType } from '../domain/index.ts';
import type { NodeDescription, NodeType } from '../engine/index.ts';

/**
 * A description as plain JSON: functions (outputsFor, requiredInputs) stay with the code, and
 * `dynamicOutputs` says that outputsFor exists. A full description is one too.
 */
export type NodeDescriptionData = Omit<NodeDescription, 'outputsFor' | 'requiredInputs'> & { dynamicOutputs?: true };

/** Where an export lives: a module path relative to nodes/, without extension, and the export's name. */
export interface CatalogSource {
  module: string;
  export: string;
}

export interface NodeCatalog {
  nodes: Array<CatalogSource & { description: NodeDescriptionData }>;
  credentials: Array<CatalogSource & { type: CredentialType }>;
}

const NODE_MODULE = /\.node\.(ts|js)$/;
const CREDENTIALS_MODULE = /\.credentials\.(ts|js)$/;

/** n8n's package of AI nodes; its types live in folders prefixed `ai-` (its `openAi` is not n8n-nodes-base's). */
const AI_PACKAGE = '@n8n/n8n-nodes-langchain';

/** The folder a type's code lives in: its name after the package prefix, in kebab case. */
export function nodeFolderName(typeName: string): string {
  const dot = typeName.indexOf('.');
  const local = typeName.slice(dot + 1).replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  return typeName.slice(0, dot) === AI_PACKAGE ? `ai-${local}` : local;
}

export function descriptionData(description: NodeDescription): NodeDescriptionData {
  const plain = JSON.parse(JSON.stringify(description)) as NodeDescriptionData;
  return typeof description.outputsFor === 'function' ? { ...plain, dynamicOutputs: true } : plain;
}

function isNodeType(value: unknown): value is NodeType {
  const candidate = value as Partial<NodeType> | null;
    if (typeof candidate !== 'object' || candidate === null || typeof candidate.description?.name !== 'string') return false;
  return typeof candidate.execute === 'function' || typeof candidate.supplyData === 'function';
}

function isCredentialType(value: unknown): value is CredentialType {
  const candidate = value as Partial<CredentialType> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.name === 'string' && Array.isArray(candidate.fields);
}

/**
 * Reads every node folder under `root` (nodes/) and builds the catalog. Throws when a folder's type
 * is not named after it, or when two implementations claim one version of a type.
 */
export async function buildNodeCatalog(root: string): Promise<NodeCatalog> {
  const catalog: NodeCatalog = { nodes: [], credentials: [] };
  const folders = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const folder of folders) {
    const files = readdirSync(path.join(root, folder)).filter((f) => NODE_MODULE.test(f) || CREDENTIALS_MODULE.test(f)).sort();
    for (const file of files) {
      const module = `${folder}/${file.replace(/\.(ts|js)$/, '')}`;
      const exports = (await import(pathToFileURL(path.join(root, folder, file)).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exports).sort(([a], [b]) => a.localeCompare(b))) {
        if (NODE_MODULE.test(file) && isNodeType(value)) {
          if (nodeFolderName(value.description.name) !== folder) {
            throw new Error(`${module}: '${value.description.name}' belongs in a folder named '${nodeFolderName(value.description.name)}'`);
          }
          catalog.nodes.push({ module, export: name, description: descriptionData(value.description) });
        } else if (CREDENTIALS_MODULE.test(file) && isCredentialType(value)) {
          catalog.credentials.push({ module, export: name, type: value });
        }
      }
    }
  }
  checkVersions(catalog);
  return catalog;
}

function checkVersions(catalog: NodeCatalog): void {
  const seen = new Map<string, string>();
  for (const entry of catalog.nodes) {
    for (const version of entry.description.version) {
      const key = `${entry.description.name}@${version}`;
      const other = seen.get(key);
      if (other) throw new Error(`${key} is implemented twice: ${other} and ${entry.module}.${entry.export}`);
      seen.set(key, `${entry.module}.${entry.export}`);
    }
  }
  const names = new Map<string, string>();
  for (const entry of catalog.credentials) {
    const other = names.get(entry.type.name);
    if (other) throw new Error(`credential type '${entry.type.name}' is defined twice: ${other} and ${entry.module}`);
    names.set(entry.type.name, entry.module);
  }
}

/** The catalog as written to catalog.json: stable order, one entry per line group, a final newline. */
export function serializeCatalog(catalog: NodeCatalog): string {
  return `${JSON.stringify(catalog, null, 1)}\n`;
}
