// Where n8n's Form node (n8n-nodes-base.form) may stand: after a Form Trigger (some main ancestor
// is one, however far up), and a "Form Ending" page last (no Form node after it). n8n checks this
// when the node runs; Weft also reports it as a node issue in the editor and on activation. The
// messages are n8n's.
import type { WorkflowDefinition, WorkflowNode } from './workflow-definition.ts';

export const FORM_NODE_TYPE = 'n8n-nodes-base.form';
export const FORM_TRIGGER_NODE_TYPE = 'n8n-nodes-base.formTrigger';

/** What is wrong with a Form node given its main ancestors and descendants (empty when placed well). */
export function formPlacementIssues(node: WorkflowNode, parents: readonly WorkflowNode[], children: readonly WorkflowNode[]): string[] {
  if (node.type !== FORM_NODE_TYPE) return [];
  const issues: string[] = [];
  if (!parents.some((p) => p.type === FORM_TRIGGER_NODE_TYPE)) issues.push('Form Trigger node must be set before this node');
  // "page" is the parameter's default; an expression cannot be judged before the run.
  if (node.parameters.operation === 'completion' && children.some((c) => c.type === FORM_NODE_TYPE)) {
    issues.push('Completion has to be the last Form node in the workflow');
  }
  return issues;
}

/** Nodes reached from `name` through main connections, upwards (ancestors) or downwards (descendants). */
export function mainConnected(definition: WorkflowDefinition, name: string, direction: 'up' | 'down'): WorkflowNode[] {
  const next = new Map<string, string[]>();
  for (const [source, byType] of Object.entries(definition.connections)) {
    for (const targets of byType.main ?? []) {
      for (const target of targets ?? []) {
        const [from, to] = direction === 'down' ? [source, target.node] : [target.node, source];
        next.set(from, [...(next.get(from) ?? []), to]);
      }
    }
  }
  const seen = new Set<string>();
  const queue = [name];
  while (queue.length > 0) {
    for (const other of next.get(queue.shift()!) ?? []) {
      if (seen.has(other)) continue;
      seen.add(other);
      queue.push(other);
    }
  }
  return definition.nodes.filter((n) => seen.has(n.name) && n.name !== name);
}
