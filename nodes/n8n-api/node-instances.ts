// Remembers which n8n node class instance each adapted NodeType came from, so the editor's node
// methods (methods.loadOptions, listSearch, credentialTest) can be reached from a registry entry.
// A WeakMap: a package reloaded or removed takes its instances with it.
import type { NodeType } from '../../engine/index.ts';
import type { N8nNodeTypeInstance } from './n8n-types.ts';

const instances = new WeakMap<NodeType, N8nNodeTypeInstance>();

export function rememberN8nInstance(type: NodeType, instance: N8nNodeTypeInstance): void {
  instances.set(type, instance);
}

/** The n8n instance behind a registered NodeType; undefined for our own nodes. */
export function n8nInstanceOf(type: NodeType): N8nNodeTypeInstance | undefined {
  return instances.get(type);
}
