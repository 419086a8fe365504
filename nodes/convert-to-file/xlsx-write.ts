// Items to an XLSX workbook (exceljs), as n8n writes a sheet from items: one column per key in the
// order keys first appear, an optional header row, nested values as JSON text.
import ExcelJS from 'exceljs';
import type { JsonObject } from '../../engine/index.ts';

export interface SheetWriteOptions {
  sheetName?: string;
  headerRow?: boolean;
  compression?: boolean;
}

function cell(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !(value instanceof Date)) return JSON.stringify(value);
  return value as ExcelJS.CellValue;
}

export async function rowsToXlsx(rows: JsonObject[], options: SheetWriteOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName || 'Sheet');
  const keys: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  if (options.headerRow !== false) sheet.addRow(keys);
  for (const row of rows) sheet.addRow(keys.map((key) => cell(row[key])));
  const written = await workbook.xlsx.writeBuffer({ zip: { compression: options.compression ? 'DEFLATE' : 'STORE' } } as never);
  return Buffer.from(written as ArrayBuffer);
}
