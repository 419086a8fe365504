// RSS Read (n8n-nodes-base.rssFeedRead v1, 1.1, 1.2): the entries of an RSS or Atom feed, one item
// each. v1 reads the first item's URL once; later versions read one feed per input item.
import type { ExecuteContext, Item, NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { readFeed } from './feed.ts';

export const rssFeedReadNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.rssFeedRead',
    displayName: 'RSS Read',
    group: ['input'],
    version: [1, 1.1, 1.2],
    description: 'Reads data from an RSS Feed',
    defaults: { name: 'RSS Read', color: '#b02020' },
    inputs: ['main'],
    outputs: ['main'],
    properties: [
      { displayName: 'URL', name: 'url', type: 'string', default: '', required: true, description: 'URL of the RSS feed' },
      {
        displayName: 'Options',
        name: 'options',
        type: 'collection',
        placeholder: 'Add option',
        default: {},
        options: [{ displayName: 'Ignore SSL Issues (Insecure)', name: 'ignoreSSL', type: 'boolean', default: false, description: 'Whether to read the feed even if SSL certificate validation fails' }],
      },
    ],
  },
  async execute(ctx: ExecuteContext) {
    const inputs = ctx.node.typeVersion < 1.1 ? ctx.getInputData().slice(0, 1) : ctx.getInputData();
    const output: Item[] = [];
    for (let i = 0; i < inputs.length; i++) {
      try {
        const options = collection(ctx, 'options', i);
        const entries = await readFeed(ctx, String(param(ctx, 'url', i, '')), { ignoreSSL: options.ignoreSSL === true, itemIndex: i });
        output.push(...entries.map((json) => ({ json, pairedItem: { item: i } })));
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        output.push({ json: { error: errorMessage(error) }, pairedItem: { item: i } });
      }
    }
    return [output];
  },
};
