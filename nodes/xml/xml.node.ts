// XML (n8n-nodes-base.xml v1): parses an XML string property into JSON, or builds XML from the item's JSON.
import { NodeOperationError, type ExecuteContext, type Item, type NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { xmlProperties } from './xml.description.ts';
import { jsonToXml, xmlToJson } from './xml-convert.ts';

export const xmlNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.xml',
    displayName: 'XML',
    group: ['transform'],
    version: [1],
    description: 'Convert data from and to XML',
    defaults: { name: 'XML', color: '#333377' },
    inputs: ['main'],
    outputs: ['main'],
    properties: xmlProperties,
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const mode = param(ctx, 'mode', 0, 'xmlToJson');
    const output: Item[] = [];
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      try {
        const dataPropertyName = param(ctx, 'dataPropertyName', itemIndex, 'data');
        const options = collection(ctx, 'options', itemIndex);
        const json = items[itemIndex].json;
        if (mode === 'xmlToJson') {
          const xml = json[dataPropertyName];
          if (xml === undefined) {
            throw new NodeOperationError(ctx.node.name, `Item has no JSON property called "${dataPropertyName}"`, { itemIndex });
          }
          const parsed = (await xmlToJson(xml as string, options)) as Record<string, unknown> | null;
          output.push({ json: JSON.parse(JSON.stringify(parsed ?? {})), pairedItem: { item: itemIndex } });
        } else if (mode === 'jsonToxml') {
          output.push({ json: { [dataPropertyName]: jsonToXml(json, options) }, pairedItem: { item: itemIndex } });
        } else {
          throw new NodeOperationError(ctx.node.name, `The operation "${mode}" is not known!`, { itemIndex });
        }
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        output.push({ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } });
      }
    }
    return [output];
  },
};
