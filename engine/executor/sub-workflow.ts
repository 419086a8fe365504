// The parts of running a sub-workflow that every host shares: where it starts and what it returns.
import type { WorkflowDefinition } from '../../domain/index.ts';
import { lastNodeOutput, type RunResult } from '../run-data.ts';
import type { Item } from '../node-sdk.ts';

const SUB_WORKFLOW_TRIGGERS = ['n8n-nodes-base.executeWorkflowTrigger'];

/** The node a sub-workflow starts at: its enabled Execute Workflow Trigger, as n8n requires. */
export function subWorkflowStartNode(definition: WorkflowDefinition): string {
  const trigger = definition.nodes.find((n) => SUB_WORKFLOW_TRIGGERS.includes(n.type) && !n.disabled);
  if (!trigger) {
    throw new Error("Missing node to start execution: the workflow you call needs an 'Execute Workflow Trigger' node");
  }
  return trigger.name;
}

/** What the caller gets: the last node's output, or the sub-workflow's error. */
export function subWorkflowResult(result: RunResult): Item[] {
  if (result.status === 'error' || result.status === 'canceled') {
    const error = result.data.resultData.error;
    throw new Error(error?.message ?? `The sub-workflow ended as ${result.status}`);
  }
  return lastNodeOutput(result);
}
