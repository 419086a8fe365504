// Copy and paste as n8n workflow JSON: what n8n puts on the clipboard (`{nodes, connections,
// pinData}`) pastes here, and what we copy pastes into n8n.
import { normaliseWorkflowJson } from '../../../domain/index.ts';
import type { WorkflowDefinition, WorkflowNode } from './types.ts';
import { clone, connectionsOf, links, newId, uniqueName, type Link } from './workflow-model.ts';

export function copySelection(def: WorkflowDefinition, names: Set<string>): string {
  const nodes = def.nodes.filter((n) => names.has(n.name));
  const kept = links(def.connections).filter((l) => names.has(l.from) && names.has(l.to));
  const pinData = Object.fromEntries(Object.entries(def.pinData ?? {}).filter(([k]) => names.has(k)));
  return JSON.stringify({ nodes, connections: connectionsOf(kept), ...(Object.keys(pinData).length ? { pinData } : {}) }, null, 2);
}

export interface Pasted {
  nodes: WorkflowNode[];
  links: Link[];
  pinData: Record<string, unknown[]>;
}

/**
 * Reads clipboard text as n8n JSON and prepares it for this workflow: fresh ids, names made
 * unique (connections follow the renames), positions moved so the group's corner is at `at`.
 */
export function preparePaste(text: string, def: WorkflowDefinition, at: { x: number; y: number } | undefined): Pasted | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  // Read like an import (string credentials, nulls, dangling connections); pasted nodes get new ids below.
  const data = normaliseWorkflowJson(parsed, { assignNodeIds: false }).workflow;
  if (!data || typeof data !== 'object' || !Array.isArray((data as { nodes?: unknown }).nodes)) return undefined;
  const source = data as { nodes: WorkflowNode[]; connections?: WorkflowDefinition['connections']; pinData?: Record<string, unknown[]> };
  const valid = source.nodes.filter((n) => n && typeof n.name === 'string' && typeof n.type === 'string');
  if (valid.length === 0) return undefined;
  const taken = new Set(def.nodes.map((n) => n.name));
  const renames = new Map<string, string>();
  const minX = Math.min(...valid.map((n) => n.position?.[0] ?? 0));
  const minY = Math.min(...valid.map((n) => n.position?.[1] ?? 0));
  const [dx, dy] = clearOffset(def, valid, at ? at.x - minX : 40, at ? at.y - minY : 40);
  const nodes = valid.map((n) => {
    const name = uniqueName(n.name, taken);
    taken.add(name);
    renames.set(n.name, name);
    const copy = clone(n);
    return {
      ...copy, ...newWebhookId(copy), id: newId(), name, typeVersion: Number(copy.typeVersion ?? 1),
      position: [Math.round((n.position?.[0] ?? 0) + dx), Math.round((n.position?.[1] ?? 0) + dy)] as [number, number],
    };
  });
  const pastedLinks = links(source.connections ?? {})
    .filter((l) => renames.has(l.from) && renames.has(l.to))
    .map((l) => ({ ...l, from: renames.get(l.from)!, to: renames.get(l.to)! }));
  const pinData = Object.fromEntries(Object.entries(source.pinData ?? {}).filter(([k]) => renames.has(k)).map(([k, v]) => [renames.get(k)!, v]));
  return { nodes, links: pastedLinks, pinData };
}

/** Shifts a paste down and right until no pasted node lands on an existing one (pasting twice, duplicating in place). */
function clearOffset(def: WorkflowDefinition, pasted: WorkflowNode[], dx: number, dy: number): [number, number] {
  const overlaps = (x: number, y: number) => pasted.some((p) => def.nodes.some((n) =>
    Math.abs(n.position[0] - ((p.position?.[0] ?? 0) + x)) < 30 && Math.abs(n.position[1] - ((p.position?.[1] ?? 0) + y)) < 30));
  for (let i = 0; i < 50 && overlaps(dx, dy); i++) {
    dx += 40;
    dy += 40;
  }
  return [dx, dy];
}

/**
 * A copy of a node that takes calls answers on its own URL, as in n8n: a new webhookId, and a
 * path that was the old id follows it.
 */
function newWebhookId(node: WorkflowNode): Pick<WorkflowNode, 'webhookId' | 'parameters'> {
  const parameters = node.parameters ?? {};
  if (!node.webhookId) return { parameters };
  const webhookId = newId();
  return { webhookId, parameters: parameters.path === node.webhookId ? { ...parameters, path: webhookId } : parameters };
}

/**
 * Puts text on the clipboard. The asynchronous Clipboard API needs a secure context (https or
 * localhost); an instance reached over plain http on another host falls back to a selection copy.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}
