// Items to an ODS, XLS or RTF file with SheetJS, as n8n's convertJsonToSpreadsheetBinary writes them:
// one sheet (named "Sheet" unless told), one column per key in first-seen order, an optional header row.
import * as XLSX from '@e965/xlsx';
import type { JsonObject } from '../../engine/index.ts';

export type SheetjsFormat = 'ods' | 'xls' | 'rtf';

export interface SheetjsWriteOptions {
  sheetName?: string;
  headerRow?: boolean;
  compression?: boolean;
}

export const SHEETJS_MIME_TYPES: Record<SheetjsFormat, string> = {
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  xls: 'application/vnd.ms-excel',
  rtf: 'application/rtf',
};

/** Nested values as JSON text, so a cell never holds "[object Object]". */
function cellRow(row: JsonObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
  return out;
}

export function rowsToSheetjs(rows: JsonObject[], format: SheetjsFormat, options: SheetjsWriteOptions = {}): Buffer {
  const sheet = XLSX.utils.json_to_sheet(rows.map(cellRow), { skipHeader: options.headerRow === false });
  const sheetName = options.sheetName || 'Sheet';
  const workbook: XLSX.WorkBook = { SheetNames: [sheetName], Sheets: { [sheetName]: sheet } };
  return XLSX.write(workbook, { bookType: format, bookSST: false, type: 'buffer', compression: options.compression === true }) as Buffer;
}
