// Error Trigger (n8n-nodes-base.errorTrigger v1): starts an error workflow with the failed run's
// details; a manual run without such data gets n8n's example error item.
import type { ExecuteContext, Item, NodeDescription, NodeType } from '../../engine/index.ts';

/** Where n8n's example links point (its REST URL with /rest replaced by /execution). */
const EXAMPLE_BASE_URL = 'http://localhost:5678/execution';

export function exampleErrorData(): Item['json'] {
  const id = 231;
  return {
    execution: {
      id,
      url: `${EXAMPLE_BASE_URL}/workflow/1/${id}`,
      retryOf: '34',
      error: { message: 'Example Error Message', stack: 'Stacktrace' },
      lastNodeExecuted: 'Node With Error',
      mode: 'manual',
    },
    workflow: { id: '1', name: 'Example Workflow' },
  };
}

// Not a trigger in n8n: an ordinary starting node, chosen only after real triggers (see STARTING_NODE_TYPES).
const description: NodeDescription = {
  name: 'n8n-nodes-base.errorTrigger',
  displayName: 'Error Trigger',
  group: ['trigger'],
  version: [1],
  description: 'Triggers the workflow when another workflow has an error',
  icon: 'fa:bug',
  defaults: { name: 'Error Trigger', color: '#0000FF' },
  inputs: [],
  outputs: ['main'],
  properties: [
    {
      displayName:
        'This node will trigger when there is an error in another workflow, as long as that workflow is set up to do so. <a href="https://docs.n8n.io/integrations/core-nodes/n8n-nodes-base.errortrigger" target="_blank">More info</a>',
      name: 'notice',
      type: 'notice',
      default: '',
    },
  ],
};

export const errorTriggerNode: NodeType = {
  outsideEffects: false,
  description,
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData().map((item) => ({ ...item }));
    const empty = items.length === 1 && Object.keys(items[0].json).length === 0 && items[0].binary === undefined;
    if (ctx.mode === 'manual' && empty) items[0].json = exampleErrorData();
    return [items];
  },
};
