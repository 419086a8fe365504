// n8n's error workflow: a failed run that was not started by hand starts the workflow named in
// settings.errorWorkflow (or, without one, the workflow itself when it has an Error Trigger),
// which must be active, with the failure as its Error Trigger's item (n8n's payload shape).
import type { Item, RunResult } from '../../engine/index.ts';
import type { WorkflowDoc } from '../../projections/index.ts';
import type { Logger } from '../logger.ts';
import type { ExecutionQueuedData } from './execution-worker.ts';

const isErrorTrigger = (node: { type: string; disabled?: boolean }) => node.type === 'n8n-nodes-base.errorTrigger' && !node.disabled;

/** Which workflow to start, from which node, with which item; undefined when none should run. */
export async function errorWorkflowCall(
  queued: ExecutionQueuedData,
  executionId: string,
  result: RunResult,
  deps: { findWorkflow: (id: string) => Promise<WorkflowDoc | undefined>; publicUrl: string; logger: Logger },
): Promise<{ target: WorkflowDoc; startNode: string; item: Item } | undefined> {
  const { definition, mode } = queued;
  if (result.status !== 'error' || mode === 'manual' || mode === 'error' || mode === 'integrated') return undefined;
  const targetId = definition.settings?.errorWorkflow || (definition.nodes.some(isErrorTrigger) ? queued.workflowId : undefined);
  if (!targetId) return undefined;
  const target = await deps.findWorkflow(targetId);
  if (!target || target.deleted || !target.active) {
    deps.logger.warn({ executionId, errorWorkflow: targetId }, 'error workflow not run: it does not exist or is not active');
    return undefined;
  }
  if (target.workspaceId !== queued.workspaceId && !target.sharedWith.includes(queued.workspaceId)) return undefined;
  const trigger = target.definition.nodes.find(isErrorTrigger);
  if (!trigger) return undefined;
  const error = result.data.resultData.error;
  const item: Item = {
    json: {
      execution: {
        id: executionId,
        url: `${deps.publicUrl}/workflow/${queued.workflowId}/executions/${executionId}`,
        // n8n sends the whole error: its fields, and the failed node as it is in the workflow.
        error: error ? { ...error, ...(error.node ? { node: definition.nodes.find((n) => n.name === error.node) ?? { name: error.node } } : {}) } : {},
        lastNodeExecuted: result.data.resultData.lastNodeExecuted,
        mode,
        ...(queued.retryOf ? { retryOf: queued.retryOf } : {}),
      },
      workflow: { id: queued.workflowId, name: definition.name },
    },
  };
  return { target, startNode: trigger.name, item };
}
