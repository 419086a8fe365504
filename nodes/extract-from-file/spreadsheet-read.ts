// Rows of an XLSX sheet (exceljs), shaped as n8n's spreadsheet extraction gives them: objects keyed by
// the header row (or `{ row: [...] }` without one), empty cells left out unless asked for, numbers
// and booleans typed, dates as ISO strings (Excel serial numbers with rawData), all text with readAsString.
import ExcelJS from 'exceljs';

export interface SheetReadOptions {
  sheetName?: string;
  headerRow?: boolean;
  includeEmptyCells?: boolean;
  range?: string;
  rawData?: boolean;
  readAsString?: boolean;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function cellValue(cell: ExcelJS.Cell, options: SheetReadOptions): unknown {
  if (options.readAsString) return cell.text === '' ? undefined : cell.text;
  let value: unknown = cell.value;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const v = value as { result?: unknown; richText?: Array<{ text: string }>; text?: unknown; error?: string };
    if ('result' in v) value = v.result;
    else if (v.richText) value = v.richText.map((part) => part.text).join('');
    else if ('text' in v) value = v.text;
    else if (v.error) value = v.error;
  }
  if (value instanceof Date) return options.rawData ? (value.getTime() - EXCEL_EPOCH) / 86_400_000 : value.toISOString();
  return value ?? undefined;
}

/** An A1-style range ("A2:C10") as 1-based bounds; undefined parts are open. */
function parseRange(range: string | undefined): { top: number; left: number; bottom: number; right: number } {
  const open = { top: 1, left: 1, bottom: Infinity, right: Infinity };
  const match = range && /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(range.trim());
  if (!match) return open;
  const column = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return {
    top: Number(match[2]), left: column(match[1]),
    bottom: match[4] ? Number(match[4]) : Infinity, right: match[3] ? column(match[3]) : Infinity,
  };
}

export async function xlsxRows(content: Buffer, options: SheetReadOptions = {}): Promise<Record<string, unknown>[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new Error(`The file is not a valid XLSX workbook: ${(error as Error).message}`);
  }
  const sheet = options.sheetName ? workbook.getWorksheet(options.sheetName) : workbook.worksheets[0];
  if (!sheet) throw new Error(options.sheetName ? `Sheet '${options.sheetName}' not found` : 'The workbook has no sheet');
  const bounds = parseRange(options.range);
  const right = Math.min(bounds.right, sheet.columnCount);
  const rows: unknown[][] = [];
  for (let r = bounds.top; r <= Math.min(bounds.bottom, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    const values: unknown[] = [];
    for (let c = bounds.left; c <= right; c++) values.push(cellValue(row.getCell(c), options));
    // Blank rows are skipped, as SheetJS does.
    if (values.some((v) => v !== undefined && v !== '')) rows.push(values);
  }
  const fill = (value: unknown) => (value === undefined && options.includeEmptyCells ? '' : value);
  if (options.headerRow === false) return rows.map((values) => ({ row: values.map(fill) }));
  const [header = [], ...body] = rows;
  const keys = header.map((key, i) => (key === undefined || key === '' ? `__EMPTY${i ? `_${i}` : ''}` : String(key)));
  return body.map((values) => {
    const entry: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      const value = fill(values[i]);
      if (value !== undefined) entry[key] = value;
    });
    return entry;
  });
}
