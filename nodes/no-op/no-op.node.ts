// No Operation, do nothing (n8n-nodes-base.noOp v1): hands its input on unchanged.
import type { ExecuteContext, NodeType } from '../../engine/index.ts';

export const noOpNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.noOp',
    displayName: 'No Operation, do nothing',
    group: ['organization'],
    version: [1],
    description: 'No Operation',
    icon: 'fa:arrow-right',
    defaults: { name: 'No Operation, do nothing', color: '#b0b0b0' },
    inputs: ['main'],
    outputs: ['main'],
    properties: [],
  },
  async execute(ctx: ExecuteContext) {
    return [ctx.getInputData()];
  },
};
