// Markdown (n8n-nodes-base.markdown v1): Markdown to HTML (marked) or HTML to Markdown (turndown),
// the result set at the destination key of a copy of the item's json.
import { NodeOperationError, type ExecuteContext, type Item, type NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { deepCopy } from '../shared/objects.ts';
import { collection, param } from '../shared/params.ts';
import { setPath } from '../shared/paths.ts';
import { htmlToMarkdown } from './html-to-markdown.ts';
import { markdownToHtml } from './markdown-to-html.ts';
import { markdownProperties } from './markdown.description.ts';

export const markdownNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.markdown',
    displayName: 'Markdown',
    group: ['output'],
    version: [1],
    description: 'Convert data between Markdown and HTML',
    defaults: { name: 'Markdown', color: '#000000' },
    inputs: ['main'],
    outputs: ['main'],
    properties: markdownProperties,
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const mode = param(ctx, 'mode', 0, 'htmlToMarkdown');
    const output: Item[] = [];
    for (let i = 0; i < items.length; i++) {
      try {
        const options = collection(ctx, 'options', i);
        const source = mode === 'markdownToHtml' ? param<unknown>(ctx, 'markdown', i, '') : param<unknown>(ctx, 'html', i, '');
        if (typeof source !== 'string') throw new NodeOperationError(ctx.node.name, `The ${mode === 'markdownToHtml' ? 'Markdown' : 'HTML'} to convert must be text, not ${Array.isArray(source) ? 'an array' : typeof source}`, { itemIndex: i });
        const converted = mode === 'markdownToHtml' ? markdownToHtml(source, options) : htmlToMarkdown(source, options);
        const json = deepCopy(items[i].json);
        setPath(json, param(ctx, 'destinationKey', i, 'data'), converted);
        output.push({ json, pairedItem: { item: i } });
      } catch (error) {
        const failure = error instanceof NodeOperationError ? error : new NodeOperationError(ctx.node.name, errorMessage(error), { itemIndex: i });
        if (!ctx.continueOnFail()) throw failure;
        output.push({ json: { error: failure.message }, pairedItem: { item: i } });
      }
    }
    return [output];
  },
};
