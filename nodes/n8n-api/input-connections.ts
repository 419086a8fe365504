// n8n's getInputConnectionData: what the AI sub-nodes (model, memory, tools, embeddings) wired
// into a node's non-main inputs supply. Weft workflows connect no sub-nodes yet, so this answers
// as n8n does when nothing is connected: a required input fails with n8n's own message (the one
// users search for), an optional one gives undefined (single connection) or [] (several).
import { NodeOperationError, UserError } from './n8n-workflow/errors.ts';
import type { N8nNodeDescription } from './n8n-types.ts';

type NodeRef = { name: string; [key: string]: unknown };

export function inputConnectionData(node: NodeRef, inputs: N8nNodeDescription['inputs'], connectionType: string): unknown[] | undefined {
  const declared = (typeof inputs === 'string' ? [] : inputs)
    .map((entry) => (typeof entry === 'string' ? { type: entry } : entry))
    .filter((entry) => entry.type === connectionType);
  if (declared.length === 0) throw new UserError('Node does not have input of type', { extra: { nodeName: node.name, connectionType } });
  const required = declared.find((entry) => entry.required);
  if (required) throw new NodeOperationError(node, `A ${required.displayName ?? connectionType} sub-node must be connected and enabled`);
  // n8n adds up maxConnections over the inputs of this type; exactly 1 means "a single value".
  const maxConnections = declared.reduce((sum, entry) => sum + (typeof entry.maxConnections === 'number' ? entry.maxConnections : 0), 0);
  return maxConnections === 1 ? undefined : [];
}
