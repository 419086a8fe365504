// HTML Extract (n8n-nodes-base.htmlExtract v1), the legacy node the HTML node replaced: CSS-selector
// extraction from a JSON property (string or list of strings) or a binary file, one item per document.
import { NodeOperationError, type ExecuteContext, type Item, type NodeProperty, type NodeType } from '../../engine/index.ts';
import { extractFromHtml, type ExtractionValue } from '../html/html-extract.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';

const properties: NodeProperty[] = [
  { displayName: 'Source Data', name: 'sourceData', type: 'options', default: 'json', description: 'If HTML should be read from binary or JSON data',
    options: [{ name: 'Binary', value: 'binary' }, { name: 'JSON', value: 'json' }] },
  { displayName: 'Binary Property', name: 'dataPropertyName', type: 'string', default: 'data', required: true, displayOptions: { show: { sourceData: ['binary'] } },
    description: 'Name of the binary property in which the HTML to extract the data from can be found' },
  { displayName: 'JSON Property', name: 'dataPropertyName', type: 'string', default: 'data', required: true, displayOptions: { show: { sourceData: ['json'] } },
    description: 'Name of the JSON property in which the HTML to extract the data from can be found. The property can either contain a string or an array of strings.' },
  {
    displayName: 'Extraction Values', name: 'extractionValues', placeholder: 'Add Value', type: 'fixedCollection', typeOptions: { multipleValues: true }, default: {},
    options: [{
      name: 'values', displayName: 'Values',
      values: [
        { displayName: 'Key', name: 'key', type: 'string', default: '', description: 'The key under which the extracted value should be saved' },
        { displayName: 'CSS Selector', name: 'cssSelector', type: 'string', default: '', placeholder: '.price', description: 'The CSS selector to use' },
        { displayName: 'Return Value', name: 'returnValue', type: 'options', default: 'text', description: 'What kind of data should be returned',
          options: [
            { name: 'Attribute', value: 'attribute', description: 'Get an attribute value like "class" from an element' },
            { name: 'HTML', value: 'html', description: 'Get the HTML the element contains' },
            { name: 'Text', value: 'text', description: 'Get only the text content of the element' },
            { name: 'Value', value: 'value', description: 'Get value of an input, select or textarea' },
          ] },
        { displayName: 'Attribute', name: 'attribute', type: 'string', default: '', placeholder: 'class', displayOptions: { show: { returnValue: ['attribute'] } },
          description: 'The name of the attribute to return the value off' },
        { displayName: 'Return Array', name: 'returnArray', type: 'boolean', default: false,
          description: 'Returns the values as an array so if multiple ones get found they also get returned separately. If not set all will be returned as a single string.' },
      ],
    }],
  },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {},
    options: [{ displayName: 'Trim Values', name: 'trimValues', type: 'boolean', default: true,
      description: 'Removes automatically all spaces and newlines from the beginning and end of the values' }] },
];

function htmlDocuments(ctx: ExecuteContext, item: Item, itemIndex: number): unknown[] {
  const dataPropertyName = param(ctx, 'dataPropertyName', itemIndex, 'data');
  if (param(ctx, 'sourceData', itemIndex, 'json') === 'json') {
    const value = item.json[dataPropertyName];
    if (value === undefined) throw new NodeOperationError(ctx.node.name, `No property named "${dataPropertyName}" exists!`, { itemIndex });
    return Array.isArray(value) ? value : [value];
  }
  if (!item.binary) throw new NodeOperationError(ctx.node.name, 'No item does not contain binary data!', { itemIndex });
  const binary = item.binary[dataPropertyName];
  if (!binary) throw new NodeOperationError(ctx.node.name, `No property named "${dataPropertyName}" exists!`, { itemIndex });
  return [Buffer.from(binary.data, 'base64').toString('utf-8')];
}

/** This node's text is cheerio's `.text()` as is: '' (not undefined) where nothing matched or the element is empty. */
function withEmptyText(json: Record<string, unknown>, values: ExtractionValue[]): Record<string, unknown> {
  for (const value of values) {
    if (value.returnValue !== 'text') continue;
    const found = json[value.key];
    json[value.key] = Array.isArray(found) ? found.map((entry) => entry ?? '') : found ?? '';
  }
  return json;
}

function extractItem(ctx: ExecuteContext, item: Item, itemIndex: number): Item[] {
  const extraction = param<unknown>(ctx, 'extractionValues', itemIndex, {}) as { values?: ExtractionValue[] };
  const values = (extraction?.values ?? []).map((value) => ({ ...value, returnValue: value.returnValue ?? 'text' }));
  // Trimming is on unless the option is set to false (n8n checks `trimValues === false`).
  const trimValues = collection(ctx, 'options', itemIndex).trimValues !== false;
  return htmlDocuments(ctx, item, itemIndex).map((html) => ({
    json: withEmptyText(extractFromHtml(String(html), values, { trimValues }, 1), values),
    pairedItem: { item: itemIndex },
  }));
}

export const htmlExtractNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.htmlExtract',
    displayName: 'HTML Extract',
    icon: 'fa:cut',
    group: ['transform'],
    version: [1],
    description: 'Extracts data from HTML',
    defaults: { name: 'HTML Extract', color: '#333377' },
    inputs: ['main'],
    outputs: ['main'],
    properties,
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const output: Item[] = [];
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      try {
        output.push(...extractItem(ctx, items[itemIndex], itemIndex));
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        output.push({ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } });
      }
    }
    return [output];
  },
};
