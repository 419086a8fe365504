// CSV text from items, following what SheetJS's json_to_sheet + CSV writer (which n8n uses) produce:
// headers in first-seen order, booleans as TRUE/FALSE, quoting only when needed. SheetJS takes a
// nested object or list as a cell description rather than a value, so such cells come out empty.
function cellText(value: unknown): string {
  if (value === null || value === undefined || typeof value === 'object') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function quoted(text: string, delimiter: string): string {
  const needsQuotes = text.includes(delimiter) || /["\n\r]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

export function rowsToCsv(rows: Record<string, unknown>[], options: { delimiter?: string; headerRow?: boolean } = {}): string {
  const delimiter = options.delimiter || ',';
  const headers = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines: string[] = [];
  if (options.headerRow !== false) lines.push(headers.map((header) => quoted(header, delimiter)).join(delimiter));
  for (const row of rows) lines.push(headers.map((header) => quoted(cellText(row[header]), delimiter)).join(delimiter));
  return lines.join('\n');
}
