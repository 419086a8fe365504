// What a workflow tool sends its sub-workflow and what it answers the model, as n8n's tool does:
// the item (the model's input, extra fields, or the mapped workflow inputs), the sub-workflow
// source, and the answer text made from the sub-workflow's last node output.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type SubWorkflowSource } from '../../engine/index.ts';
import { toPath } from '../shared/paths.ts';

export function subWorkflowSource(ctx: ExecuteContext, itemIndex: number): SubWorkflowSource {
  if (ctx.getNodeParameter('source', itemIndex, 'database') === 'parameter') {
    const raw = ctx.getNodeParameter('workflowJson', itemIndex, '');
    try {
      return { definition: typeof raw === 'string' ? JSON.parse(raw) : raw };
    } catch (error) {
      throw new NodeOperationError(ctx.node.name, `The provided workflow is not valid JSON: "${(error as Error).message}"`, { itemIndex });
    }
  }
  const ref = ctx.getNodeParameter('workflowId', itemIndex, '');
  const workflowId = String(typeof ref === 'object' && ref !== null ? ((ref as { value?: unknown }).value ?? '') : ref);
  if (!workflowId) throw new NodeOperationError(ctx.node.name, 'No workflow to execute was selected', { itemIndex });
  return { workflowId };
}

function setPath(target: JsonObject, path: string, value: unknown): void {
  const keys = toPath(path);
  let at: Record<string, unknown> = target;
  keys.slice(0, -1).forEach((key, i) => {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    at = at[key] as Record<string, unknown>;
  });
  at[keys[keys.length - 1]] = value;
}

/** A v1 extra field's value in its declared type (Set v2's conversions). */
function fieldValue(field: JsonObject): unknown {
  const type = String(field.type ?? 'stringValue');
  const raw = field[type];
  if (type === 'numberValue') return Number(raw);
  if (type === 'booleanValue') return raw === true || raw === 'true';
  if ((type === 'arrayValue' || type === 'objectValue') && typeof raw === 'string') {
    try {
      return JSON.parse(raw);
    } catch {
      return type === 'arrayValue' ? raw.replace(/^\[|\]$/g, '').split(',').map((s) => s.trim()) : raw;
    }
  }
  return raw;
}

/** v1: the model's input as `query` (or its arguments), plus the extra fields. */
export function v1Item(ctx: ExecuteContext, itemIndex: number, query: unknown): Item {
  const json: JsonObject = typeof query === 'object' && query !== null ? { ...(query as JsonObject) } : { query };
  const fields = ctx.getNodeParameter('fields', itemIndex, {}) as { values?: JsonObject[] };
  for (const field of fields.values ?? []) setPath(json, String(field.name), fieldValue(field));
  return { json };
}

/** v2: the mapped workflow inputs (their $fromAI() answered by the model), else the model's input. */
export function v2Item(toolCtx: ExecuteContext, itemIndex: number, query: unknown): Item {
  const mapping = toolCtx.getNodeParameter('workflowInputs', itemIndex, {}) as { value?: JsonObject | null; schema?: Array<{ id: string; removed?: boolean }> };
  if ((mapping.schema ?? []).length === 0) return { json: typeof query === 'object' && query !== null ? (query as JsonObject) : { query } };
  const removed = new Set((mapping.schema ?? []).filter((f) => f.removed).map((f) => f.id));
  return { json: Object.fromEntries(Object.entries(mapping.value ?? {}).filter(([key]) => !removed.has(key))) };
}

/** n8n's answer text: numbers as text, objects and item lists as indented JSON. */
export function answerText(response: unknown): string {
  if (typeof response === 'number') return response.toString();
  if (typeof response === 'string') return response;
  if (typeof response === 'object' && response !== null) return JSON.stringify(response, null, 2);
  throw new Error(`Wrong output type returned: the response property should be a string, but it is an ${typeof response}`);
}
