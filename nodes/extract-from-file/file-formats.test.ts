// XLSX, PDF and ICS through Extract from File and Convert to File, with files made independently
// of the nodes (exceljs directly, a PDF written by hand, an ICS text).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

const fileItem = (content: Buffer, fileName: string, mimeType: string, json = {}): Item => ({ json, binary: { data: { data: content.toString('base64'), mimeType, fileName } } });

async function extract(parameters: Record<string, unknown>, items: Item[], continueOnFail = false) {
  const result = await runChain([{ name: 'X', type: 'n8n-nodes-base.extractFromFile', parameters, continueOnFail }], { items });
  return { items: outputOf(result, 'X'), error: result.data.resultData.error?.message };
}

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Other').addRow(['x']);
  const sheet = book.addWorksheet('Data');
  sheet.addRow(['name', 'when', 'total', 'note']);
  sheet.addRow(['Ada', new Date(Date.UTC(2024, 2, 1)), { formula: '2*3', result: 6 }, 'first']);
  sheet.addRow([]);
  sheet.addRow(['Grace', null, 7.5]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A two-page PDF with Helvetica text and a title, written by hand. */
function pdf(pages: string[]): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${pages.map((_, i) => `${3 + i * 2} 0 R`).join(' ')}] /Count ${pages.length} >>`];
  const font = 3 + pages.length * 2;
  pages.forEach((text, i) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents ${4 + i * 2} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`);
    const stream = `BT /F1 18 Tf 20 100 Td (${text}) Tj ET`;
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  });
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>', '<< /Title (Quarterly report) /Author (Ada) >>');
  let out = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('Extract from XLSX', () => {
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  it('reads a named sheet: header keys, typed values, formula results, dates as ISO, blank rows skipped', async () => {
    const { items } = await extract({ operation: 'xlsx', options: { sheetName: 'Data' } }, [fileItem(await workbook(), 'book.xlsx', xlsx)]);
    expect(items.map((i) => i.json)).toEqual([
      { name: 'Ada', when: '2024-03-01T00:00:00.000Z', total: 6, note: 'first' },
      { name: 'Grace', total: 7.5 },
    ]);
    expect(items[1].pairedItem).toEqual({ item: 0 });
  });

  it('follows headerRow, includeEmptyCells, range and readAsString; reads the first sheet by default', async () => {
    const file = [fileItem(await workbook(), 'book.xlsx', xlsx)];
    expect((await extract({ operation: 'xlsx' }, file)).items).toEqual([]);
    expect((await extract({ operation: 'xlsx', options: { sheetName: 'Data', headerRow: false, range: 'A1:A2' } }, file)).items.map((i) => i.json)).toEqual([{ row: ['name'] }, { row: ['Ada'] }]);
    expect((await extract({ operation: 'xlsx', options: { sheetName: 'Data', includeEmptyCells: true } }, file)).items[1].json).toEqual({ name: 'Grace', when: '', total: 7.5, note: '' });
    expect((await extract({ operation: 'xlsx', options: { sheetName: 'Data', readAsString: true } }, file)).items[1].json).toEqual({ name: 'Grace', total: '7.5' });
  });

  it('names a missing sheet and a file that is not a workbook', async () => {
    expect((await extract({ operation: 'xlsx', options: { sheetName: 'Nope' } }, [fileItem(await workbook(), 'b.xlsx', xlsx)])).error).toBe("Sheet 'Nope' not found");
    expect((await extract({ operation: 'xlsx' }, [fileItem(Buffer.from('plain text'), 'b.xlsx', xlsx)])).error).toMatch(/^The file is not a valid XLSX workbook/);
  });
});

describe('Convert to XLSX', () => {
  it('writes one workbook of all items that exceljs reads back', async () => {
    const result = await runChain([{ name: 'C', type: 'n8n-nodes-base.convertToFile', typeVersion: 1.1, parameters: { operation: 'xlsx', options: { sheetName: 'Out', fileName: 'out.xlsx' } } }], {
      items: [{ json: { a: 1, b: 'x' } }, { json: { b: 'y', c: { nested: true } } }],
    });
    const [item] = outputOf(result, 'C');
    expect(item.binary!.data).toMatchObject({ fileName: 'out.xlsx', fileExtension: 'xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(item.binary!.data.data, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Out')!;
    expect(sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1))).toEqual([['a', 'b', 'c'], [1, 'x'], [undefined, 'y', '{"nested":true}']]);
  });
});

describe('Extract from PDF', () => {
  it('gives the text of all pages, the page counts and the document info', async () => {
    const { items } = await extract({ operation: 'pdf' }, [fileItem(pdf(['Hello page one', 'Second page here']), 'r.pdf', 'application/pdf', { keep: 1 })]);
    expect(items[0].json).toMatchObject({ numpages: 2, numrender: 2, text: 'Hello page one\n\nSecond page here', info: { Title: 'Quarterly report', Author: 'Ada', PDFFormatVersion: '1.4' } });
    expect(items[0].json.keep).toBeUndefined();
    expect(items[0].binary).toEqual({});
  });

  it('one text per page, at most maxPages, keeping the source', async () => {
    const { items } = await extract({ operation: 'pdf', options: { joinPages: false, maxPages: 1, keepSource: 'both' } }, [fileItem(pdf(['One', 'Two']), 'r.pdf', 'application/pdf', { keep: 1 })]);
    expect(items[0].json).toMatchObject({ keep: 1, numpages: 2, numrender: 1, text: ['One'] });
    expect(items[0].binary!.data.fileName).toBe('r.pdf');
  });

  it('names a file that is not a PDF; continueOnFail goes on', async () => {
    const bad = fileItem(Buffer.from('not a pdf'), 'x.pdf', 'application/pdf');
    expect((await extract({ operation: 'pdf' }, [bad])).error).toMatch(/^The file is not a valid PDF/);
    const { items } = await extract({ operation: 'pdf' }, [bad, fileItem(pdf(['Fine']), 'r.pdf', 'application/pdf')], true);
    expect(items[0].json.error).toMatch(/^The file is not a valid PDF/);
    expect(items[1].json.text).toBe('Fine');
  });
});

describe('Extract from ICS', () => {
  const ics = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Weft//Test//EN', 'METHOD:PUBLISH',
    'BEGIN:VEVENT', 'UID:a@weft.test', 'DTSTAMP:20240301T080000Z', 'DTSTART;VALUE=DATE:20240310', 'DTEND;VALUE=DATE:20240311', 'SUMMARY:Holiday',
    'ORGANIZER;CN=Ada:mailto:ada@weft.test', 'ATTENDEE;CN=Grace:mailto:grace@weft.test', 'RRULE:FREQ=YEARLY', 'END:VEVENT',
    'END:VCALENDAR', '',
  ].join('\r\n');

  it('gives the calendar with its events, people, all-day dates and recurrence', async () => {
    const { items } = await extract({ operation: 'fromIcs' }, [fileItem(Buffer.from(ics), 'c.ics', 'text/calendar')]);
    const calendar = items[0].json.data as { version: string; method: string; events: Record<string, unknown>[] };
    expect(calendar).toMatchObject({ version: '2.0', prodId: '-//Weft//Test//EN', method: 'PUBLISH' });
    expect(calendar.events).toEqual([expect.objectContaining({
      uid: 'a@weft.test', summary: 'Holiday', start: expect.objectContaining({ type: 'DATE' }),
      organizer: { email: 'ada@weft.test', name: 'Ada' }, attendees: [{ email: 'grace@weft.test', name: 'Grace' }], recurrenceRule: 'FREQ=YEARLY',
    })]);
  });

  it('names a file that is not a calendar', async () => {
    expect((await extract({ operation: 'fromIcs' }, [fileItem(Buffer.from('hello'), 'c.ics', 'text/calendar')])).error).toBe('The file is not an iCalendar file (no BEGIN:VCALENDAR)');
  });
});
