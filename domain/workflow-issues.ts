// What keeps a workflow from running as it stands, node by node (n8n's "node issues"). The server
// refuses activation for these, and the editor marks the nodes: one check for both.
import type { WorkflowDefinition } from './workflow-definition.ts';

export interface NodeIssue {
  node: string;
  /** Index of the node in `definition.nodes`, for an error's path. */
  index: number;
  message: string;
}

/** `installed` says whether a node type exists in this typeVersion (the server's registry, the editor's catalog). */
export function nodeIssues(definition: WorkflowDefinition, installed: (type: string, version: number) => boolean): NodeIssue[] {
  const issues: NodeIssue[] = [];
  definition.nodes.forEach((node, index) => {
    if (node.disabled) return;
    if (!installed(node.type, node.typeVersion)) {
      issues.push({ node: node.name, index, message: `its type '${node.type}' (version ${node.typeVersion}) is not installed on this instance` });
      return;
    }
    // An imported reference by name that matched no credential of the workspace (id null).
    for (const [type, ref] of Object.entries(node.credentials ?? {})) {
      if (!ref.id) issues.push({ node: node.name, index, message: `no ${type} credential is chosen${ref.name ? ` ('${ref.name}' was not found)` : ''}` });
    }
  });
  return issues;
}
