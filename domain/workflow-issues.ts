// What keeps a workflow from running as it stands, node by node (n8n's "node issues": an unknown
// type, parameter issues, credential issues, a Form node out of place). The server refuses activation for these, and the
// editor marks the nodes: one check for both.
import { FORM_NODE_TYPE, formPlacementIssues, mainConnected } from './form-placement.ts';
import { resolveNodeParameters, topLevelDisplay } from './node-parameters.ts';
import type { NodeCredentialDescription, NodeProperty } from './node-properties.ts';
import type { WorkflowDefinition, WorkflowNode } from './workflow-definition.ts';

export interface NodeIssue {
  node: string;
  /** Index of the node in `definition.nodes`, for an error's path. */
  index: number;
  message: string;
}

/** What nodeIssues needs of a node type: the server's registry and the editor's catalog both have it. */
export interface NodeTypeFacts {
  name: string;
  properties: NodeProperty[];
  credentials?: readonly NodeCredentialDescription[];
}

/** The description of a type in a typeVersion, or undefined when it is not installed. */
export type DescribeNodeType = (type: string, version: number) => NodeTypeFacts | undefined;

/**
 * `credentialName` names a credential type for people ("Basic Auth"): the server has the registry,
 * the editor the names the node types came with (and no need to load the registry's schemas).
 */
export function nodeIssues(definition: WorkflowDefinition, describe: DescribeNodeType, credentialName: (type: string) => string = (type) => type): NodeIssue[] {
  const issues: NodeIssue[] = [];
  definition.nodes.forEach((node, index) => {
    if (node.disabled) return;
    const description = describe(node.type, node.typeVersion);
    const messages = description
      ? [...parameterIssues(node, description), ...credentialIssues(node, description, credentialName), ...placementIssues(definition, node)]
      : [`its type '${node.type}' (version ${node.typeVersion}) is not installed on this instance`];
    for (const message of messages) issues.push({ node: node.name, index, message });
  });
  return issues;
}

/** Nodes that must stand in a certain place in the graph (n8n's Form node after a Form Trigger). */
function placementIssues(definition: WorkflowDefinition, node: WorkflowNode): string[] {
  if (node.type !== FORM_NODE_TYPE) return [];
  return formPlacementIssues(node, mainConnected(definition, node.name, 'up'), mainConnected(definition, node.name, 'down'));
}

/** n8n's parameter issues, top level: a displayed required parameter left empty (after defaults). */
function parameterIssues(node: WorkflowNode, description: NodeTypeFacts): string[] {
  const shown = topLevelDisplay(description, node.parameters, node.typeVersion);
  const resolved = resolveNodeParameters(description, node.parameters, node.typeVersion);
  return description.properties
    .filter((p) => p.required === true && shown(p) && isEmpty(resolved[p.name]))
    .map((p) => `parameter '${p.displayName}' is required`);
}

/** An expression ('=…') counts as set: only the run can tell what it gives. */
function isEmpty(value: unknown): boolean {
  if (value !== null && typeof value === 'object' && (value as { __rl?: unknown }).__rl) return isEmpty((value as { value?: unknown }).value);
  return value === undefined || value === null || value === '';
}

/**
 * n8n's credential issues: a displayed credential whose reference matched nothing here (imported by
 * name, id null), or a displayed required one not chosen. Hidden ones are never used by a run.
 */
function credentialIssues(node: WorkflowNode, description: NodeTypeFacts, credentialName: (type: string) => string): string[] {
  const shown = topLevelDisplay(description, node.parameters, node.typeVersion);
  const declared = description.credentials ?? [];
  // A type may be declared more than once (HTTP Request: generic or predefined): any shown entry counts.
  const displayed = declared.filter((c) => shown(c));
  const messages: string[] = [];
  for (const [type, ref] of Object.entries(node.credentials ?? {})) {
    // A type the node does not declare is still checked: nothing says a run will not ask for it.
    const hidden = declared.some((c) => c.name === type) && !displayed.some((c) => c.name === type);
    if (!hidden && !ref.id) messages.push(`no ${credentialName(type)} credential is chosen${ref.name ? ` ('${ref.name}' was not found)` : ''}`);
  }
  const required = new Set(displayed.filter((c) => c.required === true).map((c) => c.name));
  for (const type of required) {
    if (node.credentials?.[type] === undefined) messages.push(`credential '${credentialName(type)}' is required`);
  }
  return messages;
}
