// CSV text from items, following what SheetJS (which n8n uses) writes: nested objects flattened to
// `a.b` columns, headers in first-seen order, booleans as TRUE/FALSE, quoting only when needed.
export function flattenObject(value: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, entry] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (entry !== null && typeof entry === 'object' && !Array.isArray(entry) && Object.keys(entry).length > 0) {
      flattenObject(entry as Record<string, unknown>, path, out);
    } else {
      out[path] = entry;
    }
  }
  return out;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function quoted(text: string, delimiter: string): string {
  const needsQuotes = text.includes(delimiter) || /["\n\r]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

export function rowsToCsv(rows: Record<string, unknown>[], options: { delimiter?: string; headerRow?: boolean } = {}): string {
  const delimiter = options.delimiter || ',';
  const flat = rows.map((row) => flattenObject(row));
  const headers = [...new Set(flat.flatMap((row) => Object.keys(row)))];
  const lines: string[] = [];
  if (options.headerRow !== false) lines.push(headers.map((header) => quoted(header, delimiter)).join(delimiter));
  for (const row of flat) lines.push(headers.map((header) => quoted(cellText(row[header]), delimiter)).join(delimiter));
  return lines.join('\n');
}
