// HTML (n8n-nodes-base.html v1, 1.1, 1.2): generate HTML from a template, extract content with CSS
// selectors, or render all items as one HTML table.
import { NodeOperationError, type ExecuteContext, type Item, type NodeType } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { evaluateExpression, getResolvables } from '../shared/expression.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param, rawParam } from '../shared/params.ts';
import { getPath } from '../shared/paths.ts';
import { extractFromHtml, type ExtractionValue } from './html-extract.ts';
import { htmlTable, type TableOptions } from './html-table.ts';
import { EXTRACTION_VALUES_DEFAULT_V11, HTML_TEMPLATE_DEFAULT, htmlProperties } from './html.description.ts';

function convertToTable(ctx: ExecuteContext, items: Item[]): Item[] {
  const options = collection(ctx, 'options', 0) as TableOptions;
  const perRow = (name: string) => (row: number) => String(collection(ctx, 'options', row)[name] ?? '');
  const table = htmlTable(items.map((item) => item.json), options, perRow('rowAttributes'), perRow('cellAttributes'));
  return [{ json: { table }, pairedItem: items.map((_, item) => ({ item })) }];
}

function generateTemplate(ctx: ExecuteContext, itemIndex: number): Item {
  const stored = rawParam(ctx, 'html');
  let html = typeof stored === 'string' && stored.startsWith('=') ? String(ctx.getNodeParameter('html', itemIndex)) : String(stored ?? HTML_TEMPLATE_DEFAULT);
  for (const resolvable of getResolvables(html)) {
    html = html.replace(resolvable, String(evaluateExpression(ctx, resolvable, itemIndex)));
  }
  return { json: { html }, pairedItem: { item: itemIndex } };
}

/** The HTML documents of one item: a JSON property (string or list of strings) or a binary file. */
function htmlSources(ctx: ExecuteContext, item: Item, itemIndex: number): unknown[] {
  const dataPropertyName = param(ctx, 'dataPropertyName', itemIndex, 'data');
  if (param(ctx, 'sourceData', itemIndex, 'json') === 'binary') {
    return [binaryBuffer(ctx.node.name, item, dataPropertyName, itemIndex).buffer.toString('utf-8')];
  }
  const value = ctx.node.typeVersion === 1 ? item.json[dataPropertyName] : getPath(item.json, dataPropertyName);
  if (value === undefined) {
    throw new NodeOperationError(ctx.node.name, `No property named "${dataPropertyName}" exists!`, { itemIndex });
  }
  return Array.isArray(value) ? value : [value];
}

function extractContent(ctx: ExecuteContext, item: Item, itemIndex: number): Item[] {
  const version = ctx.node.typeVersion;
  const fallback = version > 1 ? EXTRACTION_VALUES_DEFAULT_V11 : {};
  const extraction = param<unknown>(ctx, 'extractionValues', itemIndex, fallback) as { values?: ExtractionValue[] };
  const values = (extraction?.values ?? []).map((value) => ({ ...value, returnValue: value.returnValue ?? 'text' }));
  const options = collection(ctx, 'options', itemIndex);
  return htmlSources(ctx, item, itemIndex).map((html) => ({
    json: extractFromHtml(String(html), values, options, version),
    pairedItem: { item: itemIndex },
  }));
}

export const htmlNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.html',
    displayName: 'HTML',
    group: ['transform'],
    version: [1, 1.1, 1.2],
    description: 'Work with HTML',
    defaults: { name: 'HTML' },
    inputs: ['main'],
    outputs: ['main'],
    properties: htmlProperties,
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const operation = param(ctx, 'operation', 0, 'generateHtmlTemplate');
    if (operation === 'convertToHtmlTable' && items.length) return [convertToTable(ctx, items)];
    const output: Item[] = [];
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      try {
        if (operation === 'generateHtmlTemplate') output.push(generateTemplate(ctx, itemIndex));
        else if (operation === 'extractHtmlContent') output.push(...extractContent(ctx, items[itemIndex], itemIndex));
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        output.push({ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } });
      }
    }
    return [output];
  },
};
