// Node descriptions for the editor: which implementation a node uses, its inputs and outputs
// (Switch's depend on its rules), display conditions, and default parameters for a new node.
import { isDisplayed, STARTING_NODE_TYPES, WEBHOOK_NODE_TYPE } from '../../../domain/index.ts';
import type { NodeProperty, NodeTypeCatalog, NodeTypeDescription, WorkflowNode } from './types.ts';
import { newId } from './workflow-model.ts';

export interface Catalog {
  raw: NodeTypeCatalog;
  /** The implementation for a type at a version (the nearest lower one, like the engine). */
  describe(type: string, version: number): NodeTypeDescription | undefined;
  /** The newest implementation, for the palette and for new nodes. */
  newest(type: string): NodeTypeDescription | undefined;
  /** A credential type's name for people, as the node types declare it ("Basic Auth"). */
  credentialName(type: string): string;
}

export function createCatalog(raw: NodeTypeCatalog): Catalog {
  const byName = new Map<string, NodeTypeDescription[]>();
  for (const t of raw.types) byName.set(t.name, [...(byName.get(t.name) ?? []), t]);
  const credentialNames = new Map(raw.types.flatMap((t) => (t.credentials ?? []).map((c) => [c.name, c.displayName ?? c.name] as const)));
  return {
    credentialName: (type) => credentialNames.get(type) ?? type,
    raw,
    describe(type, version) {
      const list = byName.get(type) ?? [];
      const exact = list.find((t) => t.version.includes(version));
      if (exact) return exact;
      let best: { t: NodeTypeDescription; v: number } | undefined;
      for (const t of list) for (const v of t.version) if (v <= version && (!best || v > best.v)) best = { t, v };
      return best?.t ?? list[0];
    },
    newest(type) {
      const list = byName.get(type) ?? [];
      return [...list].sort((a, b) => Math.max(...b.version) - Math.max(...a.version))[0];
    },
  };
}

export const STICKY_TYPE = 'n8n-nodes-base.stickyNote';

/** Output labels of a node as it is configured now; an error output is added when onError asks for one. */
export function outputsOf(node: WorkflowNode, description: NodeTypeDescription | undefined): string[] {
  let labels: string[];
  const p = node.parameters as Record<string, unknown>;
  if (node.type === 'n8n-nodes-base.switch' && node.typeVersion >= 2) {
    const count = switchOutputCount(p, node.typeVersion);
    labels = Array.from({ length: count }, (_, i) => String(i));
  } else if (description) {
    labels = description.outputs.map((_, i) => description.outputNames?.[i] ?? (description.outputs.length > 1 ? String(i) : ''));
  } else {
    labels = [''];
  }
  if (node.onError === 'continueErrorOutput') labels = [...labels, 'error'];
  return labels;
}

function switchOutputCount(p: Record<string, unknown>, version: number): number {
  if (p.mode === 'expression') return Number(version >= 3 ? (p.numberOutputs ?? 4) : (p.outputsAmount ?? 4)) || 0;
  if (version >= 3) {
    const rules = (p.rules as { values?: unknown[] } | undefined)?.values ?? [];
    const extra = (p.options as { fallbackOutput?: unknown } | undefined)?.fallbackOutput === 'extra' ? 1 : 0;
    return rules.length + extra;
  }
  return ((p.rules as { rules?: unknown[] } | undefined)?.rules ?? []).length;
}

export function inputsOf(description: NodeTypeDescription | undefined): string[] {
  if (!description) return ['main'];
  if (description.inputs.length > 1) return description.inputs.map((_, i) => `Input ${i + 1}`);
  return description.inputs.map(() => '');
}

/**
 * n8n's display conditions: every `show` key must match, no `hide` key may match. For properties
 * and for the credentials a node declares. `parameters` must already hold the defaults of unset
 * properties (see withDefaults).
 */
export function isShown(property: Pick<NodeProperty, 'displayOptions'>, parameters: Record<string, unknown>, typeVersion: number): boolean {
  // The engine's own rules, so the form shows exactly the parameters a run will use.
  return isDisplayed(parameters, property, { typeVersion }, parameters);
}

/** Parameters a new node starts with: the visible top-level defaults, as n8n fills them. */
export function defaultParameters(description: NodeTypeDescription, version: number): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const property of description.properties) {
    if (property.type === 'notice' || property.type === 'collection' || property.type === 'fixedCollection') continue;
    if (!isShown(property, withDefaults(description.properties, params), version)) continue;
    if (property.default !== undefined && property.default !== '' && property.name in params === false) params[property.name] = property.default;
  }
  return params;
}

/** The default value of a property, for the panel when a parameter is unset. */
export function valueOrDefault(property: NodeProperty, parameters: Record<string, unknown>): unknown {
  return property.name in parameters ? parameters[property.name] : property.default;
}

/** The node's parameters over its properties' defaults: what display conditions compare against. */
export function withDefaults(properties: NodeProperty[], parameters: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const p of properties) if (p.default !== undefined && !(p.name in merged)) merged[p.name] = p.default;
  return { ...merged, ...parameters };
}

/** Nodes started by an HTTP call (Webhook, and the form and chat triggers as they arrive). */
export function takesCalls(description: NodeTypeDescription | undefined): boolean {
  return description?.triggerKind === 'webhook';
}

/**
 * Whether running the workflow by hand means waiting for a test call: nothing can start it
 * directly (no manual, schedule or other trigger), but a node that takes calls can.
 */
export function waitsForCall(nodes: WorkflowNode[], catalog: Catalog): boolean {
  const enabled = nodes.filter((n) => !n.disabled);
  const kinds = enabled.map((n) => catalog.describe(n.type, n.typeVersion)?.triggerKind);
  const startable = kinds.some((k) => k === 'trigger' || k === 'poll') || enabled.some((n) => STARTING_NODE_TYPES.includes(n.type));
  return !startable && kinds.includes('webhook');
}

/**
 * What a new node gets besides its parameters: a node that takes calls has a webhookId, and a
 * Webhook's path starts as that id (as in n8n), so two new Webhooks never share a URL.
 */
export function newNodeExtras(type: string, description: NodeTypeDescription, params: Record<string, unknown>): { webhookId?: string; parameters: Record<string, unknown> } {
  if (!takesCalls(description)) return { parameters: params };
  const webhookId = newId();
  const parameters = type === WEBHOOK_NODE_TYPE && !params.path ? { ...params, path: webhookId } : params;
  return { webhookId, parameters };
}
