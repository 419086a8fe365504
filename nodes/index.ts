// The node registry: every implemented node type by n8n type name and typeVersion.
import type { NodeType } from '../engine/index.ts';
import { flowNodeTypes } from './registry-flow.ts';
import { moreNodeTypes } from './registry-more.ts';
import { transformNodeTypes } from './registry-transform.ts';
import { triggerNodeTypes } from './registry-triggers.ts';

export const NODE_TYPES: readonly NodeType[] = [...flowNodeTypes, ...transformNodeTypes, ...moreNodeTypes, ...triggerNodeTypes];

export {
  triggerSchedules, nextCronTime, isDueTick, ScheduleRuleError, scheduleTriggerItem,
  type TriggerSchedule, type WebhookResponse, type WebhookResponseBody,
} from './registry-triggers.ts';

const byName = new Map<string, NodeType[]>();
for (const type of NODE_TYPES) {
  const list = byName.get(type.description.name) ?? [];
  list.push(type);
  byName.set(type.description.name, list);
}

/**
 * The implementation of a node type at a typeVersion. A version between two known ones (a minor
 * n8n release we have not listed) uses the nearest lower implementation.
 */
export function getNodeType(name: string, version: number): NodeType | undefined {
  const candidates = byName.get(name);
  if (!candidates) return undefined;
  const exact = candidates.find((t) => t.description.version.includes(version));
  if (exact) return exact;
  let best: { type: NodeType; version: number } | undefined;
  for (const type of candidates) {
    for (const v of type.description.version) {
      if (v <= version && (!best || v > best.version)) best = { type, version: v };
    }
  }
  return best?.type;
}
