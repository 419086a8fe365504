// n8n's AI sub-nodes in the editor: which typed inputs a root node shows under it (its
// `subNodeInputs` whose displayOptions hold), which nodes are sub-nodes (every output is an `ai_*`
// type), which links a new typed connection replaces (maxConnections), and the AI palette group.
import type { DisplayOptions } from '../../../domain/index.ts';
import { isShown, withDefaults, type Catalog } from './node-catalog.ts';
import type { NodeTypeCatalog, NodeTypeDescription, WorkflowDefinition, WorkflowNode } from './types.ts';
import { links, type Link } from './workflow-model.ts';
import type { NodeRunState } from './live.svelte.ts';
import { statesAt, stepsOf, type RunData } from './replay.ts';

/** n8n's package of AI nodes: its types are the palette's AI group. */
export const AI_PACKAGE_PREFIX = '@n8n/n8n-nodes-langchain.';

/** One sub-node input of a root node, as node descriptions carry it (engine's SubNodeInput). */
export interface SubNodeInputDescription {
  type: string;
  displayName: string;
  required?: boolean;
  maxConnections?: number;
  displayOptions?: DisplayOptions;
}

/** A sub-node input drawn under a node: `index` counts inputs of the same type (n8n's connection index). */
export interface SubNodeSlot {
  type: string;
  index: number;
  label: string;
  required: boolean;
  maxConnections?: number;
}

type Described = Pick<NodeTypeDescription, 'outputs'> & { subNodeInputs?: SubNodeInputDescription[] };

const subNodeInputsOf = (description: Described | undefined) => description?.subNodeInputs ?? [];

/** A sub-node hands something to a root node instead of passing items on: all its outputs are typed. */
export function isSubNode(description: Described | undefined): boolean {
  return !!description && description.outputs.length > 0 && description.outputs.every((o) => o !== 'main');
}

/** The typed outputs a sub-node offers (drawn on top of it); index counts outputs of the same type. */
export function subNodeOutputsOf(description: Described | undefined): { type: string; index: number }[] {
  if (!description) return [];
  return slotsOf(description.outputs.filter((o) => o !== 'main'));
}

/** The sub-node inputs shown for the node's current parameters, each with its index within its type. */
export function activeSubNodeInputs(node: Pick<WorkflowNode, 'parameters' | 'typeVersion'>, description: (Described & Pick<NodeTypeDescription, 'properties'>) | undefined): SubNodeSlot[] {
  const all = subNodeInputsOf(description);
  if (all.length === 0) return [];
  const parameters = withDefaults(description!.properties, (node.parameters ?? {}) as Record<string, unknown>);
  const shown = all.filter((input) => isShown(input, parameters, node.typeVersion));
  // n8n numbers a connection among the inputs of its type the node has now (Chat Model 0, Fallback Model 1).
  const slots = slotsOf(shown.map((input) => input.type));
  return shown.map((input, i) => ({
    type: input.type,
    index: slots[i]!.index,
    label: input.displayName,
    required: input.required === true,
    ...(input.maxConnections !== undefined ? { maxConnections: input.maxConnections } : {}),
  }));
}

function slotsOf(types: string[]): { type: string; index: number }[] {
  const seen = new Map<string, number>();
  return types.map((type) => {
    const index = seen.get(type) ?? 0;
    seen.set(type, index + 1);
    return { type, index };
  });
}

/**
 * The links a new typed connection pushes out: when the root's input takes at most
 * `maxConnections` sub-nodes and is full, the oldest go (n8n replaces a root's only chat model).
 */
export function linksReplacedBy(def: WorkflowDefinition, link: Link, catalog: Catalog): Link[] {
  if (link.type === 'main') return [];
  const root = def.nodes.find((n) => n.name === link.to);
  if (!root) return [];
  const input = activeSubNodeInputs(root, catalog.describe(root.type, root.typeVersion)).find((i) => i.type === link.type && i.index === link.input);
  const max = input?.maxConnections;
  if (max === undefined) return [];
  const existing = links(def.connections).filter((l) => l.to === link.to && l.type === link.type && l.input === link.input && !(l.from === link.from && l.output === link.output));
  return existing.slice(0, Math.max(0, existing.length - max + 1));
}

/** Where a sub-node of this output type sorts inside the AI group (roughly n8n's sub-categories). */
const AI_ORDER = ['main', 'ai_languageModel', 'ai_memory', 'ai_tool', 'ai_outputParser', 'ai_embedding', 'ai_vectorStore', 'ai_retriever', 'ai_document', 'ai_textSplitter'];

function aiRank(description: NodeTypeDescription | undefined): number {
  if (!description || !isSubNode(description)) return 0;
  const rank = AI_ORDER.indexOf(description.outputs[0]!);
  return rank < 0 ? AI_ORDER.length : rank;
}

/**
 * The palette's groups: the server's, with n8n's AI nodes (the langchain package; its triggers stay
 * with the triggers) taken out into an AI group after Triggers, root nodes first, then sub-nodes
 * by kind (models, memories, tools, …).
 */
export function paletteGroups(raw: NodeTypeCatalog, describe: (type: string) => NodeTypeDescription | undefined): NodeTypeCatalog['groups'] {
  const isAi = (group: string, type: string) => group !== 'trigger' && type.startsWith(AI_PACKAGE_PREFIX);
  const ai = raw.groups.flatMap((g) => g.types.filter((t) => isAi(g.name, t)));
  const rest = raw.groups.map((g) => ({ ...g, types: g.types.filter((t) => !isAi(g.name, t)) }));
  if (ai.length === 0) return rest;
  const sorted = [...ai].sort((a, b) => aiRank(describe(a)) - aiRank(describe(b)) || (describe(a)?.displayName ?? a).localeCompare(describe(b)?.displayName ?? b));
  const at = rest.findIndex((g) => g.name === 'trigger') + 1;
  return [...rest.slice(0, at), { name: 'ai', label: 'AI', types: sorted }, ...rest.slice(at)];
}

/**
 * Run states of the sub-nodes in a finished run's data: their uses arrive as run data entries
 * (SubNodeCallFinished), not as live node messages, so the canvas reads them from there.
 */
export function subNodeRunStates(runData: RunData | undefined, def: WorkflowDefinition, catalog: Catalog | undefined): Record<string, NodeRunState> {
  if (!runData || !catalog) return {};
  const subNodes = new Set(def.nodes.filter((n) => isSubNode(catalog.describe(n.type, n.typeVersion))).map((n) => n.name));
  const steps = stepsOf(runData).filter((s) => subNodes.has(s.node));
  return statesAt(steps, steps.length);
}

/**
 * The typed link a new sub-node gets when it is added with a root node selected: into the root's
 * first shown input of the sub-node's output type (a chat model into Chat Model), if there is one.
 */
export function subNodeLinkFor(root: WorkflowNode, rootDescription: NodeTypeDescription | undefined, subDescription: NodeTypeDescription, subName: string): Link | undefined {
  if (!isSubNode(subDescription)) return undefined;
  const [output] = subNodeOutputsOf(subDescription);
  const input = activeSubNodeInputs(root, rootDescription).find((i) => i.type === output!.type);
  return input ? { from: subName, output: output!.index, to: root.name, input: input.index, type: input.type } : undefined;
}
