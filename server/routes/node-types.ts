// The node palette for the editor: every node description of the registry, grouped like n8n's
// (triggers, flow, transform, core, integrations), without the server-side functions.
import { credentialDisplayName } from '../../domain/index.ts';
import type { NodeDescription, NodeType } from '../../engine/index.ts';
import { builtInNodeIcon, descriptionData, type NodeDescriptionData } from '../../nodes/index.ts';
import { route, type Route } from '../http/route.ts';

export const PALETTE_GROUPS = [
  { name: 'trigger', label: 'Triggers' },
  { name: 'flow', label: 'Flow' },
  { name: 'transform', label: 'Data transformation' },
  { name: 'core', label: 'Core' },
  { name: 'integration', label: 'Integrations' },
] as const;

export type PaletteGroup = (typeof PALETTE_GROUPS)[number]['name'];

/** n8n's palette places these by name; anything else falls back to its description's group. */
const FLOW = new Set(['if', 'filter', 'switch', 'merge', 'splitInBatches', 'wait', 'noOp', 'stopAndError', 'compareDatasets', 'executeWorkflow']);
const CORE = new Set(['code', 'function', 'functionItem', 'httpRequest', 'respondToWebhook', 'stickyNote', 'crypto', 'dateTime', 'xml', 'html', 'convertToFile', 'extractFromFile']);
const TRANSFORM = new Set(['set', 'aggregate', 'itemLists', 'limit', 'removeDuplicates', 'renameKeys', 'sort', 'splitOut', 'summarize']);

export function paletteGroupOf(description: NodeDescriptionData): PaletteGroup {
  const short = description.name.replace(/^n8n-nodes-base\./, '');
  if (description.triggerKind || description.group.includes('trigger') || /trigger$/i.test(short) || short === 'start') return 'trigger';
  // Community packages' nodes are integrations whatever group they declare (n8n's 'transform' is common).
  if (!description.name.startsWith('n8n-nodes-base.')) return 'integration';
  if (FLOW.has(short)) return 'flow';
  if (CORE.has(short)) return 'core';
  if (TRANSFORM.has(short) || description.group.includes('transform')) return 'transform';
  return description.group.includes('output') ? 'integration' : 'core';
}

/** A description for the editor: each credential carries its type's display name, for the pickers. */
function publicDescription(description: NodeDescriptionData) {
  const plain = descriptionData(description as NodeDescription);
  // A built-in type whose `file:` icon is not drawn yet shows its glyph instead of a broken picture.
  const builtIn = builtInNodeIcon(description.name);
  if (builtIn && !builtIn.icon && plain.icon?.startsWith('file:')) delete plain.icon;
  const credentials = description.credentials?.map((c) => ({ ...c, displayName: credentialDisplayName(c.name) }));
  return { ...plain, ...(credentials ? { credentials } : {}), category: paletteGroupOf(description) };
}

export function nodeTypeCatalog(types: readonly NodeDescriptionData[]) {
  const descriptions = types.map(publicDescription);
  // One palette entry per type name: the implementation with the newest version.
  const newest = new Map<string, NodeDescriptionData>();
  for (const t of types) {
    const current = newest.get(t.name);
    if (!current || Math.max(...t.version) > Math.max(...current.version)) newest.set(t.name, t);
  }
  const groups = PALETTE_GROUPS.map((g) => ({
    name: g.name,
    label: g.label,
    types: [...newest.values()].filter((d) => paletteGroupOf(d) === g.name).sort((a, b) => a.displayName.localeCompare(b.displayName)).map((d) => d.name),
  }));
  return { groups, types: descriptions };
}

/**
 * `types` lists the registry as it is now (community packages come and go); `packages` is what
 * changes when they do, so the catalog is built again only then.
 */
export function nodeTypeRoutes(types: () => readonly NodeDescriptionData[], packages: () => ReadonlyMap<string, readonly NodeType[]>): Route[] {
  let catalog: { of: (readonly NodeType[])[]; answer: ReturnType<typeof nodeTypeCatalog> } | undefined;
  const current = () => {
    const of = [...packages().values()];
    if (!catalog || catalog.of.length !== of.length || catalog.of.some((list, i) => list !== of[i])) catalog = { of, answer: nodeTypeCatalog(types()) };
    return catalog.answer;
  };
  return [
    route({
      method: 'get', path: '/api/v1/node-types', tag: 'editor', access: { kind: 'signedIn' },
      summary: 'Every node type with its description (parameters, inputs, outputs), grouped for the palette',
      responses: { 200: '`{groups: [{name, label, types}], types: [description]}`; `credentials: [{name, displayName, required, displayOptions}]`', 401: 'Not signed in' },
      async handler(ctx) {
        ctx.set('Cache-Control', 'private, max-age=60');
        ctx.body = current();
      },
    }),
  ];
}
