// Item List Output Parser (@n8n/n8n-nodes-langchain.outputParserItemList v1): the answer as a list
// of items, split on a separator, at most numberOfItems of them.
import type { NodeType, SupplyDataContext } from '../../engine/index.ts';
import { connectionHintNotice } from '../ai-shared/chain-descriptions.ts';
import { ItemListOutputParser } from '../ai-shared/chain-output-parsers.ts';

export const outputParserItemListNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.outputParserItemList',
    displayName: 'Item List Output Parser',
    icon: 'fa:bars',
    group: ['transform'],
    version: [1],
    description: 'Return the results as separate items',
    defaults: { name: 'Item List Output Parser' },
    inputs: [],
    outputs: ['ai_outputParser'],
    outputNames: ['Output Parser'],
    properties: [
      connectionHintNotice(['AI Chain', 'AI Agent']),
      {
        displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {},
        options: [
          { displayName: 'Number Of Items', name: 'numberOfItems', type: 'number', default: -1, description: 'Defines how many items should be returned maximally. If set to -1, there is no limit.' },
          { displayName: 'Separator', name: 'separator', type: 'string', default: '\\n', description: 'Defines the separator that should be used to split the results into separate items. Defaults to a new line but can be changed depending on the data that should be returned.' },
        ],
      },
    ],
  },
  async supplyData(ctx: SupplyDataContext, itemIndex: number) {
    const options = (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as { numberOfItems?: number; separator?: string };
    return { response: new ItemListOutputParser(ctx, options) };
  },
};
