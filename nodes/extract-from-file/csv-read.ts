// CSV rows from text, as n8n's CSV extraction (csv-parse) yields them: string values, keyed by the
// header row or kept as a row list, empty cells dropped unless asked for.
import Papa from 'papaparse';

export interface CsvReadOptions {
  delimiter?: string;
  headerRow?: boolean;
  /** First line to read, 1-based (the header line when there is one). */
  fromLine?: number;
  /** Records to return; -1 for all. */
  maxRowCount?: number;
  includeEmptyCells?: boolean;
  /** Strip a leading byte order mark (csv-parse's `bom`). */
  enableBOM?: boolean;
}

export function csvRows(text: string, options: CsvReadOptions = {}): Array<Record<string, unknown>> {
  const hasBOM = text.charCodeAt(0) === 0xfeff;
  let source = hasBOM ? text.slice(1) : text;
  const fromLine = options.fromLine ?? 1;
  if (fromLine > 1) source = source.split(/\r\n|\n|\r/).slice(fromLine - 1).join('\n');
  const parsed = Papa.parse<string[]>(source, { delimiter: options.delimiter || ',', skipEmptyLines: true });
  let records: string[][] = parsed.data;
  // Without the BOM option csv-parse keeps the mark, in the first cell (Papa Parse always drops it).
  if (hasBOM && !options.enableBOM && fromLine <= 1 && records[0]?.length) records[0][0] = `\ufeff${records[0][0]}`;
  const headerRow = options.headerRow !== false;
  const header = headerRow ? records[0] : undefined;
  if (header) records = records.slice(1);
  const max = options.maxRowCount ?? -1;
  if (max > -1) records = records.slice(0, max);
  return records.map((record, index) => {
    let row: Record<string, unknown> | string[] = record;
    if (header) {
      if (record.length !== header.length) {
        throw new Error(`Invalid Record Length: columns length is ${header.length}, got ${record.length} on line ${index + 2}`);
      }
      row = Object.fromEntries(header.map((key, column) => [key, record[column]]));
    }
    // n8n filters entries even of header-less rows, which turns their list into an index-keyed object.
    if (!options.includeEmptyCells) row = Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ''));
    return header ? (row as Record<string, unknown>) : { row };
  });
}
