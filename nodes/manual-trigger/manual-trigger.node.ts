// Manual Trigger (n8n-nodes-base.manualTrigger v1): a run begins here with the injected trigger
// items (one empty item for a click on "Execute workflow").
import type { ExecuteContext, NodeDescription, NodeType } from '../../engine/index.ts';

type TriggerDescription = NodeDescription & { triggerKind?: 'trigger' };

/** The trigger items, or one empty item when there are none. */
export async function passThrough(ctx: ExecuteContext) {
  const items = ctx.getInputData();
  return [items.length ? items : [{ json: {} }]];
}

const manualTriggerDescription: TriggerDescription = {
  name: 'n8n-nodes-base.manualTrigger',
  displayName: 'Manual Trigger',
  group: ['trigger'],
  version: [1],
  description: 'Runs the flow on clicking a button in n8n',
  icon: 'fa:mouse-pointer',
  defaults: { name: "When clicking ‘Execute workflow’", color: '#909298' },
  inputs: [],
  outputs: ['main'],
  triggerKind: 'trigger',
  properties: [
    {
      displayName: 'This node is where the workflow execution starts (when you click the ‘test’ button on the canvas).<br><br> <a data-action="showNodeCreator">Explore other ways to trigger your workflow</a> (e.g on a schedule, or a webhook)',
      name: 'notice',
      type: 'notice',
      default: '',
    },
  ],
};

export const manualTriggerNode: NodeType = { description: manualTriggerDescription, execute: passThrough };
