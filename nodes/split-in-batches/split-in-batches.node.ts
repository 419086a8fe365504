// Loop Over Items / Split In Batches (n8n-nodes-base.splitInBatches): v3 outputs [done, loop],
// v2 [loop, done], v1 a single output that stops (null) when no batch is left. State lives in
// the node's per-execution context (items, processedItems, currentRunIndex, noItemsLeft, done).
import type { ExecuteContext, NodeProperty, NodeType } from '../../engine/index.ts';
import { optionsCollection } from '../shared/properties.ts';
import { nextBatch } from './batches.ts';

const notice: NodeProperty = {
  displayName:
    'You may not need this node — n8n nodes automatically run once for each input item. <a href="https://docs.n8n.io/getting-started/key-concepts/looping.html#using-loops-in-n8n" target="_blank">More info</a>',
  name: 'splitInBatchesNotice',
  type: 'notice',
  default: '',
};

function properties(batchSize: number, resetDescription: string): NodeProperty[] {
  return [
    {
      displayName: 'Batch Size',
      name: 'batchSize',
      type: 'number',
      typeOptions: { minValue: 1 },
      default: batchSize,
      description: 'The number of items to return with each call',
    },
    optionsCollection([{ displayName: 'Reset', name: 'reset', type: 'boolean', default: false, description: resetDescription }]),
  ];
}

const LEGACY_RESET = 'Whether the node will be reset and so with the current input-data newly initialized';

export const splitInBatchesV3Node: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.splitInBatches',
    displayName: 'Loop Over Items (Split in Batches)',
    group: ['organization'],
    version: [3],
    description: 'Split data into batches and iterate over each batch',
    icon: 'fa:sync',
    defaults: { name: 'Loop Over Items', color: '#007755' },
    inputs: ['main'],
    outputs: ['main', 'main'],
    outputNames: ['done', 'loop'],
    properties: [
      notice,
      ...properties(
        1,
        'Whether the node starts again from the beginning of the input items. This will treat incoming data as a new set rather than continuing with the previous items.',
      ),
    ],
  },
  async execute(ctx: ExecuteContext) {
    const { batch, done, processed } = nextBatch(ctx, 1, true);
    return done ? [processed, []] : [[], batch];
  },
};

export const splitInBatchesV2Node: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.splitInBatches',
    displayName: 'Split In Batches',
    group: ['organization'],
    version: [2],
    description: 'Split data into batches and iterate over each batch',
    icon: 'fa:th-large',
    defaults: { name: 'Split In Batches', color: '#007755' },
    inputs: ['main'],
    outputs: ['main', 'main'],
    outputNames: ['loop', 'done'],
    properties: [notice, ...properties(10, LEGACY_RESET)],
  },
  async execute(ctx: ExecuteContext) {
    const { batch, done, processed } = nextBatch(ctx, 10, true);
    return done ? [[], processed] : [batch, []];
  },
};

export const splitInBatchesV1Node: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.splitInBatches',
    displayName: 'Split In Batches',
    group: ['organization'],
    version: [1],
    description: 'Split data into batches and iterate over each batch',
    icon: 'fa:th-large',
    defaults: { name: 'Split In Batches', color: '#007755' },
    inputs: ['main'],
    outputs: ['main'],
    properties: properties(10, LEGACY_RESET),
  },
  async execute(ctx: ExecuteContext) {
    const { batch } = nextBatch(ctx, 10, false);
    return batch.length ? [batch] : null;
  },
};
