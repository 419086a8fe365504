// Extract from File (n8n-nodes-base.extractFromFile v1): rows from a CSV, XLSX, ODS, XLS or RTF file,
// the text of a PDF, a value from a JSON, ICS, text or XML file, or a file as a base64 string. HTML
// files are not implemented.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { decodeText } from '../convert-to-file/text-encoding.ts';
import { errorMessage } from '../shared/items.ts';
import { deepCopy } from '../shared/objects.ts';
import { collection, param } from '../shared/params.ts';
import { setPath } from '../shared/paths.ts';
import { csvRows, type CsvReadOptions } from './csv-read.ts';
import { extractFromFileProperties } from './extract-from-file.description.ts';
import { icsCalendar } from './ics-read.ts';
import { pdfData, type PdfReadOptions } from './pdf-read.ts';
import { sheetjsRows, type SheetjsReadOptions } from './sheetjs-read.ts';
import { xlsxRows, type SheetReadOptions } from './spreadsheet-read.ts';

function extractCsv(ctx: ExecuteContext, item: Item, itemIndex: number): Item[] {
  const options = collection(ctx, 'options', itemIndex);
  const property = param(ctx, 'binaryPropertyName', itemIndex, 'data');
  const { buffer } = binaryBuffer(ctx.node.name, item, property, itemIndex);
  const text = decodeText(buffer, options.encoding as string, false);
  return csvRows(text, options as CsvReadOptions).map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

async function extractXlsx(ctx: ExecuteContext, item: Item, itemIndex: number): Promise<Item[]> {
  const options = collection(ctx, 'options', itemIndex) as SheetReadOptions;
  const { buffer } = binaryBuffer(ctx.node.name, item, param(ctx, 'binaryPropertyName', itemIndex, 'data'), itemIndex);
  return (await xlsxRows(buffer, options)).map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/** ODS, XLS and RTF rows; a file of another kind is named as such, as n8n does. */
function extractSheetjs(ctx: ExecuteContext, item: Item, itemIndex: number, format: string): Item[] {
  const options = collection(ctx, 'options', itemIndex) as SheetjsReadOptions;
  const { buffer, binary } = binaryBuffer(ctx.node.name, item, param(ctx, 'binaryPropertyName', itemIndex, 'data'), itemIndex);
  try {
    return sheetjsRows(buffer, options).map((json) => ({ json: json as JsonObject, pairedItem: { item: itemIndex } }));
  } catch (error) {
    if (binary.fileExtension && binary.fileExtension !== format) {
      throw new NodeOperationError(ctx.node.name, `The file selected in 'Input Binary Field' is not in ${format} format`, {
        itemIndex, description: `Try to change the operation or select a ${format} file in 'Input Binary Field'`,
      });
    }
    throw error;
  }
}

/** A PDF's text and metadata, with n8n's keepSource choices. */
async function extractPdf(ctx: ExecuteContext, item: Item, itemIndex: number): Promise<Item> {
  const options = collection(ctx, 'options', itemIndex);
  const property = param(ctx, 'binaryPropertyName', itemIndex, 'data');
  const { buffer } = binaryBuffer(ctx.node.name, item, property, itemIndex);
  const data = await pdfData(buffer, options as PdfReadOptions);
  const keepSource = options.keepSource as string | undefined;
  const json: JsonObject = keepSource && keepSource !== 'binary' ? { ...deepCopy(item.json), ...data } : data;
  const output: Item = { json, pairedItem: { item: itemIndex } };
  if (keepSource === 'binary' || keepSource === 'both') output.binary = item.binary;
  else {
    const rest = { ...item.binary };
    delete rest[property];
    output.binary = rest;
  }
  return output;
}

/** fromJson, fromIcs, text, xml and binaryToPropery: the file's content put into one field; skipped without a file. */
function extractToField(ctx: ExecuteContext, item: Item, itemIndex: number, operation: string): Item | undefined {
  const options = collection(ctx, 'options', itemIndex);
  const property = param(ctx, 'binaryPropertyName', itemIndex, 'data');
  if (!item.binary?.[property]) return undefined;
  const { buffer } = binaryBuffer(ctx.node.name, item, property, itemIndex);
  const keepSource = options.keepSource as string | undefined;
  const json: JsonObject = keepSource && keepSource !== 'binary' ? deepCopy(item.json) : {};
  let value: unknown;
  if (operation === 'binaryToPropery') value = buffer.toString('base64');
  else {
    const text = decodeText(buffer, options.encoding as string, options.stripBOM !== false);
    value = text;
    if (operation === 'fromJson') {
      try {
        value = text === '' ? {} : JSON.parse(text);
      } catch (error) {
        throw new NodeOperationError(ctx.node.name, errorMessage(error), { itemIndex });
      }
    }
    if (operation === 'fromIcs') value = icsCalendar(text);
  }
  setPath(json, param(ctx, 'destinationKey', itemIndex, 'data'), value);
  const output: Item = { json, pairedItem: { item: itemIndex } };
  if (keepSource === 'binary' || keepSource === 'both') output.binary = item.binary;
  else {
    const rest = { ...item.binary };
    delete rest[property];
    output.binary = rest;
  }
  return output;
}

export const extractFromFileNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.extractFromFile',
    displayName: 'Extract from File',
    group: ['input'],
    version: [1],
    description: 'Convert binary data to JSON',
    defaults: { name: 'Extract from File' },
    inputs: ['main'],
    outputs: ['main'],
    properties: extractFromFileProperties,
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const operation = param(ctx, 'operation', 0, 'csv');
    if (!['csv', 'xlsx', 'ods', 'xls', 'rtf', 'pdf', 'fromIcs', 'fromJson', 'text', 'xml', 'binaryToPropery'].includes(operation)) {
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported yet`);
    }
    const output: Item[] = [];
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      try {
        if (operation === 'csv') output.push(...extractCsv(ctx, items[itemIndex], itemIndex));
        else if (operation === 'xlsx') output.push(...(await extractXlsx(ctx, items[itemIndex], itemIndex)));
        else if (['ods', 'xls', 'rtf'].includes(operation)) output.push(...extractSheetjs(ctx, items[itemIndex], itemIndex, operation))
        else if (operation === 'pdf') output.push(await extractPdf(ctx, items[itemIndex], itemIndex));
        else {
          const extracted = extractToField(ctx, items[itemIndex], itemIndex, operation);
          if (extracted) output.push(extracted);
        }
      } catch (error) {
        if (!ctx.continueOnFail()) {
          throw error instanceof NodeOperationError ? error : new NodeOperationError(ctx.node.name, errorMessage(error), { itemIndex });
        }
        output.push({ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } });
      }
    }
    return [output];
  },
};
