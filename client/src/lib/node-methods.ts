// The editor's calls of a node's own methods on the server (POST /api/v1/node-types/methods): the
// choices of a dropdown whose options the node loads (n8n's loadOptionsMethod), and the entries of
// a resource locator's searchable list (listSearch). They run with the node's current parameters
// and credentials, so a dropdown can depend on what is chosen above it.
import type { Api } from './api.ts';
import type { NodeProperty, WorkflowNode } from './types.ts';

export interface LoadedOption {
  name: string;
  value: unknown;
  description?: string;
}

export interface ListEntry {
  name: string;
  value: unknown;
  url?: string;
}

function call(node: WorkflowNode, kind: 'loadOptions' | 'listSearch', method: string) {
  return {
    nodeType: node.type, typeVersion: node.typeVersion, method, kind,
    currentNodeParameters: node.parameters ?? {},
    ...(node.credentials ? { credentials: node.credentials } : {}),
  };
}

/** The name of the node method that loads a property's choices, if it has one. */
export function loadOptionsMethod(property: NodeProperty): string | undefined {
  const method = property.typeOptions?.loadOptionsMethod;
  return typeof method === 'string' && method ? method : undefined;
}

/**
 * What the choices depend on: the parameters n8n's loadOptionsDependsOn names (all of them when it
 * names none) and the credentials. The choices load again when this changes.
 */
export function optionsKey(property: NodeProperty, node: WorkflowNode): string {
  const dependsOn = property.typeOptions?.loadOptionsDependsOn;
  const params = node.parameters ?? {};
  const picked = Array.isArray(dependsOn)
    ? dependsOn.map((path) => String(path).split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), params))
    : Object.fromEntries(Object.entries(params).filter(([name]) => name !== property.name));
  return JSON.stringify([picked, node.credentials ?? {}]);
}

export async function loadNodeOptions(api: Api, node: WorkflowNode, method: string): Promise<LoadedOption[]> {
  const answer = await api.request<{ options: LoadedOption[] }>('/api/v1/node-types/methods', { method: 'POST', body: call(node, 'loadOptions', method) });
  return answer.options;
}

export async function searchNodeList(api: Api, node: WorkflowNode, method: string, filter: string, paginationToken?: unknown): Promise<{ results: ListEntry[]; paginationToken?: unknown }> {
  return api.request('/api/v1/node-types/methods', {
    method: 'POST',
    body: { ...call(node, 'listSearch', method), ...(filter ? { filter } : {}), ...(paginationToken !== undefined ? { paginationToken } : {}) },
  });
}
