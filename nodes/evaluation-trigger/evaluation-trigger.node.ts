// Evaluation Trigger (n8n-nodes-base.evaluationTrigger 4.6/4.7): the start of an evaluation. An
// evaluation run (server/evaluations) feeds each dataset row through the workflow as this node's
// output; run by hand in the editor, it outputs the first row with `_rowsLeft`, as n8n does.
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeType } from '../../engine/index.ts';
import { DatasetError, readDataset, type DatasetParameters } from '../shared/evaluation-dataset.ts';
import { evaluationTriggerProperties } from './evaluation-trigger.description.ts';
import { tableSearch, tablesOf } from '../shared/data-table-fields.ts';
import { EVALUATION_TRIGGER_TYPE } from '../shared/evaluation-types.ts';

export const evaluationTriggerNode: NodeType = {
  description: {
    name: EVALUATION_TRIGGER_TYPE,
    displayName: 'Evaluation Trigger',
    icon: 'fa:check-double',
    group: ['trigger'],
    version: [4.6, 4.7],
    description: 'Run a test dataset through your workflow to check performance',
    defaults: { name: 'When fetching a dataset row', color: '#c3c9d5' },
    inputs: [],
    outputs: ['main'],
    triggerKind: 'trigger',
    properties: evaluationTriggerProperties,
  },
  outsideEffects: false,
  methods: {
    listSearch: {
      tableSearch,
    },
  },
  async execute(ctx: ExecuteContext) {
    const tables = tablesOf(ctx);
    let rows;
    try {
      rows = await readDataset(tables, ctx.node.parameters as DatasetParameters);
    } catch (error) {
      if (error instanceof DatasetError) throw new NodeOperationError(ctx.node.name, error.message);
      throw error;
    }
    if (rows.length === 0) throw new NodeOperationError(ctx.node.name, 'The dataset has no rows', { description: 'Add rows to the data table, or loosen the filter' });
    return [[{ json: { ...(rows[0] as JsonObject), _rowsLeft: rows.length - 1 } }]];
  },
};
