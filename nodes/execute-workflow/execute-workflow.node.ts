// Execute Workflow (n8n-nodes-base.executeWorkflow v1–1.2): runs another workflow, stored (by id)
// or given as JSON, with this node's items, once for all items or once per item.
import { NodeOperationError, type ExecuteContext, type Item, type NodeProperty, type NodeType, type SubWorkflowSource } from '../../engine/index.ts';
import { param } from '../shared/params.ts';
import { option, optionsCollection } from '../shared/properties.ts';

const SINCE_1_1 = { '@version': [{ _cnd: { gte: 1.1 } }] };
const BEFORE_1_1 = { '@version': [{ _cnd: { lt: 1.1 } }] };

const properties: NodeProperty[] = [
  {
    displayName: 'Source', name: 'source', type: 'options', default: 'database',
    description: 'Where to get the workflow to execute from',
    options: [
      option('Database', 'database', 'Load the workflow from the database by ID'),
      option('Define Below', 'parameter', 'Pass the JSON code of a workflow'),
    ],
  },
  {
    displayName: 'Workflow ID', name: 'workflowId', type: 'string', default: '', required: true,
    description: 'The workflow to execute', displayOptions: { show: { source: ['database'], ...BEFORE_1_1 } },
  },
  {
    displayName: 'Workflow', name: 'workflowId', type: 'resourceLocator', default: { __rl: true, value: '', mode: 'list' }, required: true,
    description: 'The workflow to execute', displayOptions: { show: { source: ['database'], ...SINCE_1_1 } },
  },
  {
    displayName: 'Workflow JSON', name: 'workflowJson', type: 'json', default: '\n\n\n', required: true,
    typeOptions: { rows: 10 }, description: 'The workflow JSON code to execute', displayOptions: { show: { source: ['parameter'] } },
  },
  {
    displayName: 'Mode', name: 'mode', type: 'options', default: 'once', noDataExpression: true,
    options: [
      option('Run once with all items', 'once', 'Pass all items into a single execution of the sub-workflow'),
      option('Run once for each item', 'each', 'Call the sub-workflow individually for each item'),
    ],
  },
  optionsCollection(
    [{ displayName: 'Wait For Sub-Workflow Completion', name: 'waitForSubWorkflow', type: 'boolean', default: true, description: 'Whether the main workflow should wait for the sub-workflow to complete its execution before proceeding' }],
    { displayOptions: { show: SINCE_1_1 } },
  ),
];

function sourceOf(ctx: ExecuteContext, itemIndex: number): SubWorkflowSource {
  const source = param(ctx, 'source', itemIndex, 'database');
  if (source === 'parameter') {
    const raw = param(ctx, 'workflowJson', itemIndex, '');
    try {
      return { definition: typeof raw === 'string' ? JSON.parse(raw) : raw };
    } catch {
      throw new NodeOperationError(ctx.node.name, 'The Workflow JSON is not valid JSON', { itemIndex });
    }
  }
  if (source !== 'database') throw new NodeOperationError(ctx.node.name, `The source "${source}" is not supported`, { itemIndex });
  const ref = param<unknown>(ctx, 'workflowId', itemIndex, '');
  const workflowId = String(typeof ref === 'object' && ref !== null ? (ref as { value?: unknown }).value ?? '' : ref);
  if (!workflowId) throw new NodeOperationError(ctx.node.name, 'No workflow to execute was selected', { itemIndex });
  return { workflowId };
}

/** n8n pairs a sub-workflow's result with the input by position when the counts match, else with every input item. */
function pairWith(output: Item[], inputCount: number): Item[] {
  const all = Array.from({ length: inputCount }, (_, item) => ({ item }));
  return output.map((item, i) => ({ ...item, pairedItem: output.length === inputCount ? { item: i } : all }));
}

export const executeWorkflowNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.executeWorkflow',
    displayName: 'Execute Workflow',
    group: ['transform'],
    version: [1, 1.1, 1.2],
    description: 'Execute another workflow',
    icon: 'fa:sign-in-alt',
    defaults: { name: 'Execute Workflow', color: '#ff6d5a' },
    inputs: ['main'],
    outputs: ['main'],
    properties,
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const wait = ctx.node.typeVersion < 1.1 ? true : param(ctx, 'options.waitForSubWorkflow', 0, true);
    if (param(ctx, 'mode', 0, 'once') === 'each') {
      const out: Item[] = [];
      for (let i = 0; i < items.length; i++) {
        const result = await ctx.executeSubWorkflow(sourceOf(ctx, i), [items[i]], { wait });
        for (const item of result) out.push({ ...item, pairedItem: { item: i } });
      }
      return [wait ? out : items];
    }
    const result = await ctx.executeSubWorkflow(sourceOf(ctx, 0), items, { wait });
    return [wait ? pairWith(result, items.length) : items];
  },
};
