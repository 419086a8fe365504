// Rows of an ODS, XLS or RTF sheet read with SheetJS, as n8n reads them: the first (or named) sheet,
// objects keyed by the header row or `{ row: [...] }` lists without one, `range` as A1 text or a row
// number, empty cells as '' only when asked, dates as serial numbers (SheetJS's default).
import * as XLSX from '@e965/xlsx';

export interface SheetjsReadOptions {
  sheetName?: string;
  headerRow?: boolean;
  includeEmptyCells?: boolean;
  range?: string | number;
  rawData?: boolean;
}

export function sheetjsRows(content: Buffer, options: SheetjsReadOptions = {}): Record<string, unknown>[] {
  // rawData is passed on as SheetJS's `raw` parsing option, as n8n does.
  const workbook = XLSX.read(content, { type: 'buffer', raw: options.rawData === true });
  if (workbook.SheetNames.length === 0) throw new Error('Spreadsheet does not have any sheets!');
  let sheetName = workbook.SheetNames[0];
  if (options.sheetName) {
    if (!workbook.SheetNames.includes(options.sheetName)) throw new Error(`Spreadsheet does not contain sheet called "${options.sheetName}"!`);
    sheetName = options.sheetName;
  }
  const toJson: XLSX.Sheet2JSONOpts = {};
  if (options.range !== undefined && options.range !== '') {
    toJson.range = Number.isNaN(Number(options.range)) ? String(options.range) : parseInt(String(options.range), 10);
  }
  if (options.includeEmptyCells) toJson.defval = '';
  if (options.headerRow === false) toJson.header = 1;
  const rows = XLSX.utils.sheet_to_json<unknown>(workbook.Sheets[sheetName], toJson);
  return options.headerRow === false ? rows.map((row) => ({ row })) : (rows as Record<string, unknown>[]);
}
