// Which type each node of a workflow has, as its history goes: a parameter edit names only its
// node, and the history line needs the node's type to use the parameter's display name.
import { nodeKey, type RecordedEvent, type WorkflowDefinition, type WorkflowNode } from '../domain/index.ts';

/** By node key (`nodeKey`): the node's type and typeVersion. */
export type NodeTypes = Record<string, { type: string; typeVersion: number }>;

const entry = (n: WorkflowNode) => ({ type: n.type, typeVersion: n.typeVersion });
const fromDefinition = (d: WorkflowDefinition): NodeTypes => Object.fromEntries(d.nodes.map((n) => [nodeKey(n), entry(n)]));

/** The types after this event; undefined when it changes none (nothing to write). */
export function nextNodeTypes(event: RecordedEvent, current: NodeTypes): NodeTypes | undefined {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'WorkflowCreated':
    case 'WorkflowDefinitionReplaced':
    case 'WorkflowVersionRestored':
      return fromDefinition(data.definition as WorkflowDefinition);
    case 'WorkflowNodeAdded': {
      const node = data.node as WorkflowNode;
      return { ...current, [nodeKey(node)]: entry(node) };
    }
    case 'WorkflowNodeRemoved': {
      const { [data.nodeId as string]: _gone, ...rest } = current;
      return rest;
    }
    case 'WorkflowNodeRenamed': {
      // A node without an id is keyed by its name, so its key moves with it.
      const from = `name:${String(data.from)}`;
      if (!Object.hasOwn(current, from)) return undefined;
      const { [from]: moved, ...rest } = current;
      return { ...rest, [`name:${String(data.to)}`]: moved! };
    }
    case 'WorkflowNodeFieldChanged': {
      const key = data.nodeId as string;
      const was = current[key];
      if (!was || (data.field !== 'type' && data.field !== 'typeVersion')) return undefined;
      return { ...current, [key]: { ...was, [data.field]: data.after } };
    }
    default:
      return undefined;
  }
}
