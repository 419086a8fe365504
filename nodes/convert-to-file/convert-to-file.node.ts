// Convert to File (n8n-nodes-base.convertToFile v1, 1.1): items to a CSV, HTML, XLSX, ODS, XLS, RTF,
// JSON or text file, each item to an ICS event file, or a base64 string to a file.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { getPath } from '../shared/paths.ts';
import { prepareBinaryData } from './binary-data.ts';
import { convertToFileProperties } from './convert-to-file.description.ts';
import { rowsToCsv } from './csv-write.ts';
import { icsEvent } from './ics-write.ts';
import { rowsToSheetjs, SHEETJS_MIME_TYPES, type SheetjsFormat, type SheetjsWriteOptions } from './sheetjs-write.ts';
import { rowsToHtml } from './sheet-html.ts';
import { encodeText } from './text-encoding.ts';
import { rowsToXlsx, type SheetWriteOptions } from './xlsx-write.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const allPaired = (items: Item[]) => items.map((_, item) => ({ item }));

function fileItem(ctx: ExecuteContext, itemIndex: number, file: ReturnType<typeof prepareBinaryData>, pairedItem: Item['pairedItem']): Item {
  const property = param(ctx, 'binaryPropertyName', itemIndex, 'data');
  return { json: {}, binary: { [property]: file }, pairedItem };
}

function toCsv(ctx: ExecuteContext, items: Item[]): Item[] {
  const options = collection(ctx, 'options', 0);
  const csv = rowsToCsv(items.map((item) => item.json), { delimiter: options.delimiter as string, headerRow: options.headerRow as boolean });
  const fileName = options.fileName !== undefined ? String(options.fileName) : 'File.csv';
  // SheetJS writes CSV buffers with a UTF-8 byte order mark.
  return [fileItem(ctx, 0, prepareBinaryData(encodeText(csv, 'utf8', true), fileName, 'text/csv'), allPaired(items))];
}

/** All items as one HTML table file (File.html unless named), as SheetJS writes a sheet. */
function toHtml(ctx: ExecuteContext, items: Item[]): Item[] {
  const options = collection(ctx, 'options', 0);
  const html = rowsToHtml(items.map((item) => item.json), { headerRow: options.headerRow as boolean });
  const fileName = options.fileName !== undefined ? String(options.fileName) : 'File.html';
  // n8n takes the MIME type from the file name's extension.
  const mimeType = /\.html?$/i.test(fileName) ? 'text/html' : 'text/plain';
  return [fileItem(ctx, 0, prepareBinaryData(Buffer.from(html, 'utf8'), fileName || undefined, mimeType), allPaired(items))];
}

/** All items as one XLSX workbook (File.xlsx unless named). */
async function toXlsx(ctx: ExecuteContext, items: Item[]): Promise<Item[]> {
  const options = collection(ctx, 'options', 0);
  const content = await rowsToXlsx(items.map((item) => item.json), options as SheetWriteOptions);
  const fileName = options.fileName ? String(options.fileName) : 'File.xlsx';
  return [fileItem(ctx, 0, prepareBinaryData(content, fileName, XLSX_MIME), allPaired(items))];
}

/** All items as one ODS, XLS or RTF file (File.<format> unless named). */
function toSheetjs(ctx: ExecuteContext, items: Item[], format: SheetjsFormat): Item[] {
  const options = collection(ctx, 'options', 0);
  const content = rowsToSheetjs(items.map((item) => item.json), format, options as SheetjsWriteOptions);
  const fileName = options.fileName ? String(options.fileName) : `File.${format}`;
  return [fileItem(ctx, 0, prepareBinaryData(content, fileName, SHEETJS_MIME_TYPES[format]), allPaired(items))];
}

/** Each item as one ICS event file (event.ics unless named). */
function toIcs(ctx: ExecuteContext, items: Item[]): Item[] {
  const output: Item[] = [];
  items.forEach((_item, itemIndex) => {
    try {
      const additionalFields = collection(ctx, 'additionalFields', itemIndex);
      const ics = icsEvent({
        title: param(ctx, 'title', itemIndex, ''),
        start: ctx.getNodeParameter('start', itemIndex, ''),
        end: ctx.getNodeParameter('end', itemIndex, ''),
        allDay: param(ctx, 'allDay', itemIndex, false),
        additionalFields,
        timezone: ctx.timezone,
      });
      const fileName = additionalFields.fileName ? String(additionalFields.fileName) : 'event.ics';
      output.push(fileItem(ctx, itemIndex, prepareBinaryData(Buffer.from(ics, 'utf8'), fileName, 'text/calendar'), { item: itemIndex }));
    } catch (error) {
      if (!ctx.continueOnFail()) throw error instanceof NodeOperationError ? error : new NodeOperationError(ctx.node.name, errorMessage(error), { itemIndex });
      output.push({ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } });
    }
  });
  return output;
}

/** n8n's createBinaryFromJson: a value (or the whole json) as a file; objects become JSON. */
function valueToFile(value: unknown, options: JsonObject, mimeType: string, fileName: string | undefined) {
  const text = typeof value === 'object' && value !== null ? JSON.stringify(value, null, options.format ? 2 : undefined) : String(value);
  const type = typeof value === 'object' && value !== null ? 'application/json' : mimeType;
  const file = prepareBinaryData(encodeText(text, options.encoding as string, options.addBOM as boolean), fileName, type);
  if (!file.fileName) file.fileName = `file${file.fileExtension ? `.${file.fileExtension}` : ''}`;
  return file;
}

function toJson(ctx: ExecuteContext, items: Item[]): Item[] {
  if (param(ctx, 'mode', 0, 'once') === 'once') {
    const options = collection(ctx, 'options', 0);
    const file = valueToFile(items.map((item) => item.json), options, 'application/json', (options.fileName as string) || undefined);
    return [fileItem(ctx, 0, file, allPaired(items))];
  }
  return items.map((item, itemIndex) => {
    const options = collection(ctx, 'options', itemIndex);
    return fileItem(ctx, itemIndex, valueToFile(item.json, options, 'application/json', (options.fileName as string) || undefined), { item: itemIndex });
  });
}

function sourceValue(ctx: ExecuteContext, item: Item, itemIndex: number): unknown {
  const sourceProperty = param(ctx, 'sourceProperty', itemIndex, '');
  const value = sourceProperty ? getPath(item.json, sourceProperty) : item.json;
  if (value === undefined) {
    throw new NodeOperationError(ctx.node.name, `The value in "${sourceProperty}" is not set`, { itemIndex });
  }
  return value;
}

function perItem(ctx: ExecuteContext, items: Item[], operation: string): Item[] {
  const output: Item[] = [];
  items.forEach((item, itemIndex) => {
    try {
      const options = collection(ctx, 'options', itemIndex);
      const value = sourceValue(ctx, item, itemIndex);
      let file;
      if (operation === 'toText') {
        file = valueToFile(value, options, 'text/plain', (options.fileName as string) || 'file.txt');
      } else {
        const isBase64 = ctx.node.typeVersion === 1 ? options.dataIsBase64 !== false : true;
        const mimeType = (options.mimeType as string) || 'application/octet-stream';
        if (!isBase64) file = valueToFile(value, options, mimeType, (options.fileName as string) || undefined);
        else {
          file = prepareBinaryData(Buffer.from(String(value), 'base64'), (options.fileName as string) || undefined, mimeType);
          if (!file.fileName) file.fileName = `file${file.fileExtension ? `.${file.fileExtension}` : ''}`;
        }
      }
      output.push(fileItem(ctx, itemIndex, file, { item: itemIndex }));
    } catch (error) {
      if (!ctx.continueOnFail()) throw error instanceof NodeOperationError ? error : new NodeOperationError(ctx.node.name, errorMessage(error), { itemIndex });
      output.push({ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } });
    }
  });
  return output;
}

export const convertToFileNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.convertToFile',
    displayName: 'Convert to File',
    group: ['input'],
    version: [1, 1.1],
    description: 'Convert JSON data to binary data',
    defaults: { name: 'Convert to File' },
    inputs: ['main'],
    outputs: ['main'],
    properties: convertToFileProperties,
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const operation = param(ctx, 'operation', 0, 'csv');
    if (operation === 'csv') return [items.length ? toCsv(ctx, items) : []];
    if (operation === 'html') return [items.length ? toHtml(ctx, items) : []];
    if (operation === 'xlsx') return [items.length ? await toXlsx(ctx, items) : []];
    if (operation === 'ods' || operation === 'xls' || operation === 'rtf') return [items.length ? toSheetjs(ctx, items, operation) : []];
    if (operation === 'iCal') return [toIcs(ctx, items)];
    if (operation === 'toJson') return [items.length ? toJson(ctx, items) : []];
    if (operation === 'toText' || operation === 'toBinary') return [perItem(ctx, items, operation)];
    throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported yet`);
  },
};
