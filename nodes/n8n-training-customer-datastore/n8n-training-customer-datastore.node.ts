// Customer Datastore (n8n training) (n8n-nodes-base.n8nTrainingCustomerDatastore v1): a dummy
// node from n8n's courses and templates that serves a fixed list of people.
import type { ExecuteContext, Item, NodeProperty, NodeType } from '../../engine/index.ts';
import { deepCopy } from '../shared/objects.ts';
import { param } from '../shared/params.ts';
import { TRAINING_PEOPLE } from './people.ts';

const properties: NodeProperty[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    options: [
      { name: 'Get One Person', value: 'getOnePerson' },
      { name: 'Get All People', value: 'getAllPeople' },
    ],
    default: 'getOnePerson',
  },
  {
    displayName: 'Return All',
    name: 'returnAll',
    type: 'boolean',
    default: false,
    description: 'Whether to return all results or only up to a given limit',
    displayOptions: { show: { operation: ['getAllPeople'] } },
  },
  {
    displayName: 'Limit',
    name: 'limit',
    type: 'number',
    typeOptions: { minValue: 1, maxValue: 10 },
    default: 5,
    description: 'Max number of results to return',
    displayOptions: { show: { operation: ['getAllPeople'], returnAll: [false] } },
  },
];

export const n8nTrainingCustomerDatastoreNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.n8nTrainingCustomerDatastore',
    displayName: 'Customer Datastore (n8n training)',
    group: ['transform'],
    version: [1],
    description: 'Dummy node used for n8n training',
    defaults: { name: 'Customer Datastore (n8n training)' },
    inputs: ['main'],
    outputs: ['main'],
    properties,
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const operation = param(ctx, 'operation', 0, 'getOnePerson');
    const output: Item[] = [];
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      if (operation === 'getOnePerson') {
        // n8n leaves this item unpaired; the engine's auto-pairing fills it in as in n8n.
        output.push({ json: deepCopy(TRAINING_PEOPLE[0]) });
        continue;
      }
      const people = param(ctx, 'returnAll', itemIndex, false)
        ? TRAINING_PEOPLE
        : TRAINING_PEOPLE.slice(0, param(ctx, 'limit', itemIndex, 5));
      for (const person of people) output.push({ json: deepCopy(person), pairedItem: { item: itemIndex } });
    }
    return [output];
  },
};
