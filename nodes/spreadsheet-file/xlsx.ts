// xlsx workbooks with exceljs, shaped like SheetJS's sheet_to_json / json_to_sheet (which n8n uses):
// typed cell values, dates as Excel serial numbers, empty cells left out unless asked for.
import ExcelJS from 'exceljs';

export interface SheetReadOptions {
  sheetName?: string;
  headerRow?: boolean;
  includeEmptyCells?: boolean;
  /** A1 range ("A1:C10") or the 0-based first row, as SheetJS's `range`. */
  range?: string;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell's value as SheetJS reads it: formulas give their result, rich text its text, dates their serial. */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH) / 86_400_000;
  if (typeof value !== 'object') return value;
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return value.error;
  return undefined;
}

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/** Rows and columns to read, 1-based inclusive. */
function bounds(sheet: ExcelJS.Worksheet, range: string | undefined) {
  const all = { top: 1, left: 1, bottom: sheet.rowCount, right: sheet.columnCount };
  if (!range) return all;
  if (/^\d+$/.test(range.trim())) return { ...all, top: Number(range) + 1 };
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(range.trim());
  if (!match) throw new Error(`The range "${range}" is not A1 notation or a row number`);
  return { top: Number(match[2]), left: columnNumber(match[1]), bottom: Number(match[4] ?? sheet.rowCount), right: match[3] ? columnNumber(match[3]) : sheet.columnCount };
}

export async function readXlsx(buffer: Buffer, options: SheetReadOptions): Promise<unknown[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  if (workbook.worksheets.length === 0) throw new Error('Spreadsheet does not have any sheets!');
  const sheet = options.sheetName ? workbook.getWorksheet(options.sheetName) : workbook.worksheets[0];
  if (!sheet) throw new Error(`Spreadsheet does not contain sheet called "${options.sheetName}"!`);
  const { top, left, bottom, right } = bounds(sheet, options.range);
  const grid: unknown[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = sheet.getRow(r);
    const cells: unknown[] = [];
    for (let c = left; c <= right; c++) cells.push(cellValue(row.getCell(c).value));
    grid.push(cells);
  }
  const filled = (cells: unknown[]) => cells.some((value) => value !== undefined && value !== '');
  if (options.headerRow === false) {
    return grid.filter(filled).map((cells) => cells.map((value) => value ?? (options.includeEmptyCells ? '' : undefined)));
  }
  const [header = [], ...body] = grid;
  const keys = header.map((value, n) => (value === undefined ? `__EMPTY${n ? `_${n}` : ''}` : String(value)));
  return body.filter(filled).map((cells) => {
    const row: Record<string, unknown> = {};
    keys.forEach((key, n) => {
      const value = cells[n];
      if (value !== undefined) row[key] = value;
      else if (options.includeEmptyCells) row[key] = '';
    });
    return row;
  });
}

/** One sheet of the rows, headers in first-seen order; nested values as JSON text. */
export async function writeXlsx(rows: Record<string, unknown>[], options: { sheetName?: string; headerRow?: boolean; compression?: boolean }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName || 'Sheet');
  const headers = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  if (options.headerRow !== false) sheet.addRow(headers);
  for (const row of rows) {
    sheet.addRow(headers.map((header) => {
      const value = row[header];
      return value !== null && typeof value === 'object' ? JSON.stringify(value) : (value as ExcelJS.CellValue);
    }));
  }
  const data = await workbook.xlsx.writeBuffer({ zip: { compression: options.compression ? 'DEFLATE' : 'STORE' } } as ExcelJS.XlsxWriteOptions);
  return Buffer.from(data as ArrayBuffer);
}
