// Spreadsheet File (n8n-nodes-base.spreadsheetFile v1, v2), the legacy node n8n 1.x exports still
// hold: read rows from a CSV, XLSX, ODS, XLS or RTF file (one item per row), or write all items as one
// CSV, HTML, XLSX, ODS, XLS or RTF file. Reading HTML is not supported and fails with a clear message.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { rowsToCsv } from '../convert-to-file/csv-write.ts';
import { rowsToHtml } from '../convert-to-file/sheet-html.ts';
import { decodeText, encodeText } from '../convert-to-file/text-encoding.ts';
import { rowsToSheetjs, SHEETJS_MIME_TYPES, type SheetjsFormat } from '../convert-to-file/sheetjs-write.ts';
import { csvRows } from '../extract-from-file/csv-read.ts';
import { sheetjsRows } from '../extract-from-file/sheetjs-read.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { spreadsheetFileProperties } from './spreadsheet-file.description.ts';
import { readXlsx, writeXlsx } from './xlsx.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MIME_TYPES: Record<string, string> = { csv: 'text/csv', html: 'text/html', xlsx: XLSX_MIME, ...SHEETJS_MIME_TYPES };
const isSheetjsFormat = (format: string): format is SheetjsFormat => format === 'ods' || format === 'xls' || format === 'rtf';

function unsupported(format: string): Error {
  return new Error(`The file format "${format}" is not supported here; use CSV, XLSX, ODS, XLS or RTF`);
}

/** The format to read: the one chosen (v2), else what the file's type, extension or bytes say. */
function readFormat(ctx: ExecuteContext, itemIndex: number, binary: { mimeType: string; fileExtension?: string }, bytes: Buffer): string {
  const chosen = ctx.node.typeVersion >= 2 ? param(ctx, 'fileFormat', itemIndex, 'autodetect') : 'autodetect';
  if (chosen !== 'autodetect') return chosen;
  const extension = binary.fileExtension?.toLowerCase();
  if (binary.mimeType === 'text/csv' || (binary.mimeType === 'text/plain' && extension === 'csv')) return 'csv';
  // ODS files are zips too: their extension or MIME type is asked before the bytes.
  const sheetjsFormat = Object.entries(SHEETJS_MIME_TYPES).find(([format, mimeType]) => mimeType === binary.mimeType || format === extension);
  if (sheetjsFormat) return sheetjsFormat[0];
  if (binary.mimeType === XLSX_MIME || extension === 'xlsx' || bytes.subarray(0, 2).toString('latin1') === 'PK') return 'xlsx';
  if (binary.mimeType === 'text/html' || extension === 'html' || extension === 'htm') return 'html';
  if (extension === 'csv') return 'csv';
  return extension ?? binary.mimeType;
}

async function readRows(ctx: ExecuteContext, item: Item, itemIndex: number): Promise<{ rows: unknown[]; format: string; extension?: string }> {
  const options = collection(ctx, 'options', itemIndex);
  const property = param(ctx, 'binaryPropertyName', itemIndex, 'data');
  const binary = item.binary?.[property];
  if (!item.binary) throw new NodeOperationError(ctx.node.name, 'No binary data exists on item!', { itemIndex });
  if (!binary) throw new NodeOperationError(ctx.node.name, `This operation expects the node's input data to contain a binary file '${property}', but none was found [item ${itemIndex}]`, { itemIndex });
  const bytes = Buffer.from(binary.data, 'base64');
  const format = readFormat(ctx, itemIndex, binary, bytes);
  let rows: unknown[];
  if (format === 'csv') {
    const fromLine = Number(options.fromLine ?? 0);
    rows = csvRows(decodeText(bytes, options.encoding as string | undefined, false), {
      delimiter: options.delimiter as string | undefined, headerRow: options.headerRow as boolean | undefined,
      fromLine: fromLine > 0 ? fromLine : undefined, maxRowCount: options.maxRowCount as number | undefined,
      includeEmptyCells: options.includeEmptyCells as boolean | undefined, enableBOM: options.enableBOM as boolean | undefined,
    });
  } else if (format === 'xlsx') {
    rows = await readXlsx(bytes, {
      sheetName: options.sheetName as string | undefined, headerRow: options.headerRow as boolean | undefined,
      includeEmptyCells: options.includeEmptyCells as boolean | undefined, range: options.range ? String(options.range) : undefined,
    });
    // Rows read without a header are lists; the item holds one as `row` (CSV rows come shaped so).
    if (options.headerRow === false) rows = rows.map((row) => ({ row }));
  } else if (isSheetjsFormat(format)) {
    rows = sheetjsRows(bytes, {
      sheetName: options.sheetName as string | undefined, headerRow: options.headerRow as boolean | undefined,
      includeEmptyCells: options.includeEmptyCells as boolean | undefined, range: options.range as string | undefined,
      rawData: options.rawData as boolean | undefined,
    });
  } else {
    throw unsupported(format);
  }
  return { rows, format, extension: binary.fileExtension };
}

async function fromFile(ctx: ExecuteContext, items: Item[]): Promise<Item[]> {
  const output: Item[] = [];
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    let read: Awaited<ReturnType<typeof readRows>> | undefined;
    try {
      read = await readRows(ctx, items[itemIndex], itemIndex);
      for (const row of read.rows) output.push({ json: row as JsonObject, pairedItem: { item: itemIndex } });
    } catch (error) {
      if (ctx.continueOnFail()) {
        output.push({ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } });
        continue;
      }
      if (error instanceof NodeOperationError) throw error;
      throw new NodeOperationError(ctx.node.name, errorMessage(error), { itemIndex });
    }
  }
  return output;
}

async function toFile(ctx: ExecuteContext, items: Item[]): Promise<Item[]> {
  const pairedItem = items.map((_, item) => ({ item }));
  try {
    const format = param(ctx, 'fileFormat', 0, 'xls');
    const options = collection(ctx, 'options', 0);
    const rows = items.map((item) => item.json);
    let content: Buffer;
    if (format === 'csv') content = encodeText(rowsToCsv(rows, { headerRow: options.headerRow as boolean | undefined }), 'utf8', true);
    else if (format === 'html') content = Buffer.from(rowsToHtml(rows, { headerRow: options.headerRow as boolean | undefined }), 'utf8');
    else if (format === 'xlsx') content = await writeXlsx(rows, { sheetName: options.sheetName as string | undefined, headerRow: options.headerRow as boolean | undefined, compression: options.compression === true });
    else if (isSheetjsFormat(format)) content = rowsToSheetjs(rows, format, { sheetName: options.sheetName as string | undefined, headerRow: options.headerRow as boolean | undefined, compression: options.compression === true });
    else throw unsupported(format);
    const file = prepareBinaryData(content, String(options.fileName || `spreadsheet.${format}`), MIME_TYPES[format]);
    return [{ json: {}, binary: { [param(ctx, 'binaryPropertyName', 0, 'data')]: file }, pairedItem }];
  } catch (error) {
    if (!ctx.continueOnFail()) throw error instanceof NodeOperationError ? error : new NodeOperationError(ctx.node.name, errorMessage(error));
    return [{ json: { error: errorMessage(error) }, pairedItem }];
  }
}

export const spreadsheetFileNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.spreadsheetFile',
    displayName: 'Spreadsheet File',
    icon: 'fa:table',
    group: ['transform'],
    version: [1, 2],
    description: 'Reads and writes data from a spreadsheet file like CSV, XLS, ODS, etc',
    defaults: { name: 'Spreadsheet File', color: '#2244FF' },
    inputs: ['main'],
    outputs: ['main'],
    properties: spreadsheetFileProperties,
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const operation = param(ctx, 'operation', 0, 'fromFile');
    if (operation === 'toFile') return [items.length ? await toFile(ctx, items) : []];
    if (operation === 'fromFile') return [await fromFile(ctx, items)];
    throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported!`);
  },
};
