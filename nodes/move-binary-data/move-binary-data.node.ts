// Convert to/from binary data (n8n-nodes-base.moveBinaryData v1, 1.1), the legacy node n8n 1.x
// exports still hold: a binary property's bytes become JSON (all of it, or one key), or JSON (all,
// or one key) becomes a binary property. An item without the source is left out, as in n8n.
import { NodeOperationError, type BinaryData, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { decodeText, encodeText } from '../convert-to-file/text-encoding.ts';
import { errorMessage } from '../shared/items.ts';
import { deepCopy } from '../shared/objects.ts';
import { collection, param } from '../shared/params.ts';
import { getPath, setPath, unsetPath } from '../shared/paths.ts';
import { moveBinaryDataProperties } from './move-binary-data.description.ts';

/** MIME types by extension, for a file name given without a MIME type (n8n looks it up the same way). */
const MIME_BY_EXTENSION: Record<string, string> = {
  json: 'application/json', txt: 'text/plain', csv: 'text/csv', html: 'text/html', htm: 'text/html', xml: 'application/xml',
  pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml',
};

function parseJson(ctx: ExecuteContext, text: string, itemIndex: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new NodeOperationError(ctx.node.name, `The data is not valid JSON: ${errorMessage(error)}`, { itemIndex });
  }
}

function binaryToJson(ctx: ExecuteContext, item: Item, itemIndex: number, options: JsonObject): Item | undefined {
  const sourceKey = param(ctx, 'sourceKey', itemIndex, 'data');
  const binary = getPath(item.binary ?? {}, sourceKey) as BinaryData | undefined;
  if (binary === undefined) return undefined;
  const buffer = Buffer.from(binary.data, 'base64');
  const decode = () => decodeText(buffer, options.encoding as string | undefined, options.stripBOM !== false);
  const result: Item = { json: {}, pairedItem: { item: itemIndex } };
  if (param(ctx, 'setAllData', itemIndex, true)) {
    result.json = parseJson(ctx, decode(), itemIndex) as JsonObject;
  } else {
    result.json = deepCopy(item.json);
    let value: unknown = options.keepAsBase64 === true ? buffer.toString('base64') : decode();
    if (options.jsonParse) value = parseJson(ctx, value as string, itemIndex);
    setPath(result.json, param(ctx, 'destinationKey', itemIndex, 'data'), value);
  }
  if (options.keepSource === true) {
    result.binary = item.binary;
  } else {
    result.binary = deepCopy(item.binary ?? {});
    unsetPath(result.binary, sourceKey);
  }
  return result;
}

function jsonToBinary(ctx: ExecuteContext, item: Item, itemIndex: number, options: JsonObject): Item | undefined {
  const convertAllData = param(ctx, 'convertAllData', itemIndex, true);
  const destinationKey = param(ctx, 'destinationKey', itemIndex, 'data');
  const sourceKey = convertAllData ? '' : param(ctx, 'sourceKey', itemIndex, 'data');
  let value: unknown = convertAllData ? item.json : getPath(item.json, sourceKey);
  if (value === undefined) return undefined;

  let mimeType = (options.mimeType as string | undefined) || undefined;
  let data: Buffer;
  if (options.dataIsBase64 !== true) {
    if (options.useRawData !== true || typeof value === 'object') {
      value = JSON.stringify(value);
      mimeType ??= 'application/json';
    }
    data = encodeText(String(value), options.encoding as string | undefined, options.addBOM === true);
  } else {
    data = Buffer.from(String(value), 'base64');
  }
  const fileName = (options.fileName as string | undefined) || undefined;
  if (!mimeType && ctx.node.typeVersion === 1) mimeType = 'application/json';
  mimeType ??= MIME_BY_EXTENSION[fileName?.split('.').pop()?.toLowerCase() ?? ''] ?? 'text/plain';
  const binary = prepareBinaryData(data, fileName, mimeType);
  // v1.1 names a file that has no name, so it can be downloaded as such.
  if (!binary.fileName && ctx.node.typeVersion > 1) binary.fileName = `file${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;

  const result: Item = { json: {}, binary: deepCopy(item.binary ?? {}), pairedItem: { item: itemIndex } };
  setPath(result.binary as Record<string, unknown>, destinationKey, binary);
  if (options.keepSource === true) result.json = item.json;
  else if (!convertAllData) {
    result.json = deepCopy(item.json);
    unsetPath(result.json, sourceKey);
  }
  return result;
}

export const moveBinaryDataNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.moveBinaryData',
    displayName: 'Convert to/from binary data',
    icon: 'fa:exchange-alt',
    group: ['transform'],
    version: [1, 1.1],
    description: 'Move data between binary and JSON properties',
    defaults: { name: 'Convert to/from binary data', color: '#7722CC' },
    inputs: ['main'],
    outputs: ['main'],
    properties: moveBinaryDataProperties,
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const mode = param(ctx, 'mode', 0, 'binaryToJson');
    const output: Item[] = [];
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      try {
        const options = collection(ctx, 'options', itemIndex);
        let result: Item | undefined;
        if (mode === 'binaryToJson') result = binaryToJson(ctx, items[itemIndex], itemIndex, options);
        else if (mode === 'jsonToBinary') result = jsonToBinary(ctx, items[itemIndex], itemIndex, options);
        else throw new NodeOperationError(ctx.node.name, `The operation "${mode}" is not known!`, { itemIndex });
        if (result) output.push(result);
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        output.push({ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } });
      }
    }
    return [output];
  },
};
