// What one evaluated row gave: the metrics of every Set Metrics run (their first item, as n8n's test
// runner reads them) and the values Set Inputs / Set Outputs recorded, from the run's result.
import type { EvaluationMetrics, WorkflowDefinition } from '../../domain/index.ts';
import type { Item, RunResult } from '../../engine/index.ts';
import { EVALUATION_NODE_TYPE } from '../../nodes/index.ts';

export interface RowOutcome {
  metrics: EvaluationMetrics;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  /** Metric values that are not numbers, by name: the row fails with them. */
  invalid: string[];
}

function firstItems(result: RunResult, node: string): Item[] {
  const runs = result.data.resultData.runData[node] ?? [];
  return runs.map((run) => run.data?.main?.[0]?.[0]).filter((item): item is Item => item !== undefined);
}

export function rowOutcome(definition: WorkflowDefinition, result: RunResult): RowOutcome {
  const outcome: RowOutcome = { metrics: {}, inputs: {}, outputs: {}, invalid: [] };
  for (const node of definition.nodes) {
    if (node.type !== EVALUATION_NODE_TYPE || node.disabled) continue;
    const operation = (node.parameters?.operation as string | undefined) ?? 'setOutputs';
    for (const item of firstItems(result, node.name)) {
      if (operation === 'setMetrics') {
        for (const [name, value] of Object.entries(item.json)) {
          if (typeof value === 'number' && Number.isFinite(value)) outcome.metrics[name] = value;
          else outcome.invalid.push(name);
        }
      }
      const recorded = (item as Item & { evaluationData?: Record<string, unknown> }).evaluationData;
      if (recorded && operation === 'setInputs') Object.assign(outcome.inputs, recorded);
      if (recorded && operation === 'setOutputs') Object.assign(outcome.outputs, recorded);
    }
  }
  return outcome;
}
