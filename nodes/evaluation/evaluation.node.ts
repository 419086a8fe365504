// Evaluation (n8n-nodes-base.evaluation 4.6–4.8): in an evaluation run (mode 'evaluation', started
// by server/evaluations) Set Inputs / Set Outputs record values on the run and Set Metrics scores it;
// Check If Evaluating sends items to the 'Evaluation' output then and to 'Normal' otherwise. Outside
// evaluations Set Inputs / Set Outputs pass their items on unchanged, as in n8n.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { param } from '../transform-shared/params.ts';
import { evaluationProperties } from './evaluation.description.ts';
import { tableSearch } from '../shared/data-table-fields.ts';
import { EVALUATION_NODE_TYPE } from '../shared/evaluation-types.ts';
import { JUDGED_METRICS, metricHandlers } from './metrics.ts';

/**
 * n8n's `evaluationData`: the values Set Inputs / Set Outputs record, kept on the first item only
 * (the evaluation run reads that one) and only in evaluation runs.
 */
function withEvaluationData(ctx: ExecuteContext, data: JsonObject): Item[] {
  const items = ctx.getInputData();
  if (items.length === 0 || ctx.mode !== 'evaluation') return items;
  return [{ ...items[0], evaluationData: data } as Item, ...items.slice(1)];
}

function namedValues(ctx: ExecuteContext, name: string, key: 'input' | 'output'): JsonObject {
  const raw = param<unknown>(ctx, name, 0, {}) as { values?: JsonObject[] | JsonObject };
  const entries = Array.isArray(raw?.values) ? raw.values : raw?.values ? [raw.values] : [];
  if (entries.length === 0) throw new NodeOperationError(ctx.node.name, `No ${key}s to set`, { description: `Add ${key}s with the ‘Add ${key === 'input' ? 'Input' : 'Output'}’ button` });
  return Object.fromEntries(entries.map((e) => [String(e[`${key}Name`] ?? ''), e[`${key}Value`] ?? null])) as JsonObject;
}

async function setMetrics(ctx: ExecuteContext): Promise<Item[]> {
  const items = ctx.getInputData();
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const metric = String(param(ctx, 'metric', i, 'correctness'));
    const handler = Object.hasOwn(metricHandlers, metric) ? metricHandlers[metric] : undefined;
    if (!handler) throw new NodeOperationError(ctx.node.name, `Unknown metric '${metric}'`, { itemIndex: i });
    out.push({ json: await handler(ctx, i), pairedItem: { item: i } });
  }
  return out;
}

export const evaluationNode: NodeType = {
  description: {
    name: EVALUATION_NODE_TYPE,
    displayName: 'Evaluation',
    icon: 'fa:check-double',
    group: ['transform'],
    version: [4.6, 4.7, 4.8],
    description: 'Runs an evaluation',
    defaults: { name: 'Evaluation', color: '#c3c9d5' },
    inputs: ['main'],
    outputs: ['main'],
    outputNames: ['Evaluation', 'Normal'],
    outputsFor: (parameters) => (parameters.operation === 'checkIfEvaluating' ? ['main', 'main'] : ['main']),
    subNodeInputs: [
      { type: 'ai_languageModel', displayName: 'Model', required: true, maxConnections: 1, displayOptions: { show: { operation: ['setMetrics'], metric: JUDGED_METRICS } } },
    ],
    properties: evaluationProperties,
  },
  // Writing outputs back to the dataset happens in the evaluation run, not in the node.
  outsideEffects: (node) => JUDGED_METRICS.includes(String(node.parameters?.metric ?? 'correctness')) && node.parameters?.operation === 'setMetrics',
  methods: {
    listSearch: {
      tableSearch,
    },
  },
  async execute(ctx: ExecuteContext) {
    const operation = String(param(ctx, 'operation', 0, 'setOutputs'));
    switch (operation) {
      case 'setInputs':
        return ctx.mode === 'evaluation' ? [withEvaluationData(ctx, namedValues(ctx, 'inputs', 'input'))] : [ctx.getInputData()];
      case 'setOutputs':
        return ctx.mode === 'evaluation' ? [withEvaluationData(ctx, namedValues(ctx, 'outputs', 'output'))] : [ctx.getInputData()];
      case 'setMetrics':
        return [await setMetrics(ctx)];
      case 'checkIfEvaluating':
        return ctx.mode === 'evaluation' ? [ctx.getInputData(), []] : [[], ctx.getInputData()];
      default:
        throw new NodeOperationError(ctx.node.name, `Unsupported operation '${operation}'`);
    }
  },
};
