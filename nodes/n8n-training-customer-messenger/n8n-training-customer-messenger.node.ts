// Customer Messenger (n8n training) (n8n-nodes-base.n8nTrainingCustomerMessenger v1): a dummy
// node from n8n's courses that pretends to message a customer and reports what it "sent".
import type { ExecuteContext, Item, NodeType } from '../../engine/index.ts';
import { param } from '../shared/params.ts';

export const n8nTrainingCustomerMessengerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.n8nTrainingCustomerMessenger',
    displayName: 'Customer Messenger (n8n training)',
    group: ['transform'],
    version: [1],
    description: 'Dummy node used for n8n training',
    defaults: { name: 'Customer Messenger (n8n training)' },
    inputs: ['main'],
    outputs: ['main'],
    properties: [
      { displayName: 'Customer ID', name: 'customerId', type: 'string', required: true, default: '' },
      { displayName: 'Message', name: 'message', type: 'string', required: true, typeOptions: { rows: 4 }, default: '' },
    ],
  },
  async execute(ctx: ExecuteContext) {
    return [
      ctx.getInputData().map((_, itemIndex): Item => {
        const customerId = param<unknown>(ctx, 'customerId', itemIndex, '');
        const message = param<unknown>(ctx, 'message', itemIndex, '');
        // The double space after the colon is n8n's own text; workflows match on it.
        return { json: { output: `Sent message to customer ${String(customerId)}:  ${String(message)}` }, pairedItem: { item: itemIndex } };
      }),
    ];
  },
};
