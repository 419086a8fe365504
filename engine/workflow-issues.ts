// What keeps a workflow from running as it stands, node by node (n8n's "node issues"): checked
// before a workflow is activated, so that it is refused with the reasons rather than failing every
// run it starts.
import type { WorkflowDefinition } from '../domain/index.ts';
import type { NodeType } from './node-sdk.ts';

export interface NodeIssue {
  node: string;
  /** Index of the node in `definition.nodes`, for an error's path. */
  index: number;
  kind: 'unknownType' | 'credentialNotSet';
  message: string;
}

export function nodeIssues(definition: WorkflowDefinition, nodeType: (type: string, version: number) => NodeType | undefined): NodeIssue[] {
  const issues: NodeIssue[] = [];
  definition.nodes.forEach((node, index) => {
    if (node.disabled) return;
    if (!nodeType(node.type, node.typeVersion)) {
      issues.push({ node: node.name, index, kind: 'unknownType', message: `its type '${node.type}' (version ${node.typeVersion}) is not installed on this instance` });
      return;
    }
    // An imported reference by name that matched no credential of the workspace (id null).
    for (const [type, ref] of Object.entries(node.credentials ?? {})) {
      if (!ref.id) issues.push({ node: node.name, index, kind: 'credentialNotSet', message: `no ${type} credential is chosen${ref.name ? ` ('${ref.name}' was not found)` : ''}` });
    }
  });
  return issues;
}
