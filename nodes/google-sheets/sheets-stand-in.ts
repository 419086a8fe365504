// A local stand-in for Google's token endpoint and the Sheets API v4, written from Google's public
// references (service-account JWT bearer flow; spreadsheets.get/batchUpdate, values.get/update/
// append/clear/batchUpdate with A1 ranges; Drive's files.list and files.delete). It keeps spreadsheets in memory and records requests.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import { importSPKI, jwtVerify, type JWTPayload } from 'jose';

type Cell = string | number | boolean;
export interface StandInSheet { sheetId: number; title: string; rows: Cell[][] }
export interface SeenRequest { method: string; path: string; query: Record<string, string>; body: unknown; authorization?: string }

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const SERVICE_ACCOUNT = {
  email: 'robot@project.iam.gserviceaccount.com',
  privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};
export const OAUTH_TOKEN = 'ya29.oauth-token';
export const SERVICE_TOKEN = 'ya29.service-account-token';

interface Range { title: string; r1: number; c1: number; r2: number; c2: number }

const colNumber = (letters: string) => letters.split('').reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

function parseRange(text: string, sheets: StandInSheet[]): Range {
  const bang = text.lastIndexOf('!');
  let title = bang >= 0 ? text.slice(0, bang) : text;
  const cells = bang >= 0 ? text.slice(bang + 1) : '';
  if (title.startsWith("'")) title = title.slice(1, -1).replace(/''/g, "'");
  if (!sheets.some((s) => s.title === title)) throw new Error(`Unable to parse range: ${text}`);
  const full = { title, r1: 1, c1: 1, r2: Infinity, c2: Infinity };
  if (!cells) return full;
  const [from, to = from] = cells.split(':');
  const part = (ref: string, end: boolean) => {
    const m = /^([A-Z]*)(\d*)$/.exec(ref.toUpperCase());
    if (!m) throw new Error(`Unable to parse range: ${text}`);
    return { c: m[1] ? colNumber(m[1]) : end ? Infinity : 1, r: m[2] ? Number(m[2]) : end ? Infinity : 1 };
  };
  const a = part(from, false);
  const b = part(to, true);
  return { title, r1: a.r, c1: a.c, r2: b.r, c2: b.c };
}

const trimRow = (row: Cell[]) => { const out = [...row]; while (out.length && (out.at(-1) === '' || out.at(-1) === undefined)) out.pop(); return out; };

function read(sheet: StandInSheet, range: Range): Cell[][] {
  const rows = sheet.rows.slice(range.r1 - 1, range.r2 === Infinity ? undefined : range.r2)
    .map((row) => trimRow(row.slice(range.c1 - 1, range.c2 === Infinity ? undefined : range.c2).map((c) => c ?? '')));
  while (rows.length && rows.at(-1)!.length === 0) rows.pop();
  return rows;
}

function write(sheet: StandInSheet, range: Range, values: Cell[][]): void {
  values.forEach((row, i) => {
    const r = range.r1 - 1 + i;
    while (sheet.rows.length <= r) sheet.rows.push([]);
    row.forEach((value, j) => {
      const target = sheet.rows[r];
      while (target.length < range.c1 - 1 + j) target.push('');
      target[range.c1 - 1 + j] = value;
    });
  });
}

function clear(sheet: StandInSheet, range: Range): void {
  sheet.rows.forEach((row, r) => {
    if (r + 1 < range.r1 || r + 1 > range.r2) return;
    for (let c = range.c1 - 1; c < Math.min(row.length, range.c2); c++) row[c] = '';
  });
}

/** USER_ENTERED turns numeric text into numbers, as typing into the sheet would; RAW keeps text. */
const entered = (values: Cell[][], option: string) => values.map((row) => row.map((v) => (option === 'USER_ENTERED' && typeof v === 'string' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v)));

export interface DriveFile { id: string; name: string; mimeType: string; modifiedTime: string; webViewLink?: string }

/** Drive's `q` as the Sheets node writes it: clauses `name contains '…'` and `mimeType = '…'` joined by `and`. */
function driveQuery(q: string): (file: DriveFile) => boolean {
  const tests = q.split(/\s+and\s+/).map((clause) => {
    const contains = /^name contains '((?:[^'\\]|\\.)*)'$/.exec(clause.trim());
    if (contains) { const text = contains[1].replace(/\\(.)/g, '$1').toLowerCase(); return (f: DriveFile) => f.name.toLowerCase().includes(text); }
    const mime = /^mimeType = '([^']*)'$/.exec(clause.trim());
    if (mime) return (f: DriveFile) => f.mimeType === mime[1];
    throw new Error(`Invalid Value: q (${clause})`);
  });
  return (file) => tests.every((test) => test(file));
}

export interface SheetsStandIn {
  url: string;
  seen: SeenRequest[];
  spreadsheets: Map<string, StandInSheet[]>;
  /** The files Drive's files.list answers (GET /drive/v3/files), newest modification first for orderBy modifiedTime. */
  driveFiles: DriveFile[];
  assertions: JWTPayload[];
  /** The next Sheets call answers 429 with Retry-After: 1. */
  rateLimitOnce: () => void;
  close: () => Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSheetsStandIn(): Promise<SheetsStandIn> {
  const spreadsheets = new Map<string, StandInSheet[]>();
  const driveFiles: DriveFile[] = [];
  const seen: SeenRequest[] = [];
  const assertions: JWTPayload[] = [];
  const verifyKey = await importSPKI(publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'RS256');
  let limitNext = false;
  let sheetCounter = 1000;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const text = await bodyOf(req);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
      res.end(JSON.stringify(body));
    };
    const googleError = (code: number, message: string, status: string) => reply(code, { error: { code, message, status } });

    if (req.method === 'POST' && url.pathname === '/token') {
      const form = new URLSearchParams(text);
      if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return reply(400, { error: 'unsupported_grant_type' });
      try {
        const { payload } = await jwtVerify(form.get('assertion') ?? '', verifyKey, { audience: 'https://oauth2.googleapis.com/token', issuer: SERVICE_ACCOUNT.email });
        assertions.push(payload);
        return reply(200, { access_token: SERVICE_TOKEN, expires_in: 3599, token_type: 'Bearer' });
      } catch {
        return reply(400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
      }
    }
    const body = text ? JSON.parse(text) : undefined;
    seen.push({ method: req.method ?? '', path: decodeURIComponent(url.pathname), query: Object.fromEntries(url.searchParams), body, authorization: req.headers.authorization });
    if (req.headers.authorization !== `Bearer ${OAUTH_TOKEN}` && req.headers.authorization !== `Bearer ${SERVICE_TOKEN}`) {
      return googleError(401, 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', 'UNAUTHENTICATED');
    }
    if (limitNext) {
      limitNext = false;
      return reply(429, { error: { code: 429, message: 'Quota exceeded for quota metric', status: 'RESOURCE_EXHAUSTED' } }, { 'retry-after': '1' });
    }
    if (req.method === 'GET' && url.pathname === '/drive/v3/files') {
      // files.list (developers.google.com/drive/api/reference/rest/v3/files/list): pageSize ≤ 1000 (100 by default), pageToken.
      let match: (file: DriveFile) => boolean;
      try { match = driveQuery(url.searchParams.get('q') ?? ''); } catch (error) { return googleError(400, (error as Error).message, 'INVALID_ARGUMENT'); }
      const files = driveFiles.filter(match);
      if (url.searchParams.get('orderBy')?.startsWith('modifiedTime')) files.sort((a, b) => a.modifiedTime.localeCompare(b.modifiedTime));
      if (url.searchParams.get('orderBy') === 'modifiedTime desc') files.reverse();
      const size = Math.min(Number(url.searchParams.get('pageSize') ?? 100) || 100, 1000);
      const start = Number(url.searchParams.get('pageToken') ?? 0) || 0;
      const page = files.slice(start, start + size).map((f) => ({ id: f.id, name: f.name, webViewLink: f.webViewLink ?? `https://docs.google.com/spreadsheets/d/${f.id}/edit?usp=drivesdk` }));
      return reply(200, { ...(start + size < files.length ? { nextPageToken: String(start + size) } : {}), files: page });
    }
    const driveFile = /^\/drive\/v3\/files\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'DELETE' && driveFile) {
      // files.delete (developers.google.com/drive/api/reference/rest/v3/files/delete): an empty 204, or 404 notFound.
      const id = decodeURIComponent(driveFile[1]);
      if (!spreadsheets.delete(id)) return googleError(404, `File not found: ${id}.`, 'NOT_FOUND');
      res.writeHead(204);
      return res.end();
    }
    if (req.method === 'POST' && url.pathname === '/v4/spreadsheets') {
      const spreadsheetId = `NEW${spreadsheets.size + 1}`;
      const titles: Array<{ title: string; hidden?: boolean }> = (body.sheets ?? [{ properties: { title: 'Sheet1' } }]).map((s: { properties: { title: string; hidden?: boolean } }) => s.properties);
      const created = titles.map((t, index) => ({ sheetId: index === 0 ? 0 : ++sheetCounter, title: t.title, rows: [] as Cell[][] }));
      spreadsheets.set(spreadsheetId, created);
      return reply(200, {
        spreadsheetId, properties: { title: body.properties?.title || 'Untitled spreadsheet', locale: body.properties?.locale ?? 'en_US', autoRecalc: body.properties?.autoRecalc ?? 'ON_CHANGE' },
        sheets: created.map((sheet, index) => ({ properties: { sheetId: sheet.sheetId, title: sheet.title, index, sheetType: 'GRID', ...(titles[index].hidden ? { hidden: true } : {}) } })),
        spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`,
      });
    }
    const m = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/.exec(url.pathname);
    const sheets = m ? spreadsheets.get(m[1]) : undefined;
    if (!m || !sheets) return googleError(404, 'Requested entity was not found.', 'NOT_FOUND');
    const rest = decodeURIComponent(m[2]);
    const option = url.searchParams.get('valueInputOption') ?? '';
    try {
      if (req.method === 'GET' && rest === '') {
        return reply(200, { spreadsheetId: m[1], sheets: sheets.map((s) => ({ properties: { sheetId: s.sheetId, title: s.title, index: 0, sheetType: 'GRID', gridProperties: { rowCount: Math.max(s.rows.length, 1000), columnCount: 26 } } })) });
      }
      if (req.method === 'POST' && rest === ':batchUpdate') {
        const replies = (body.requests as Array<Record<string, any>>).map((request) => {
          if (request.addSheet) {
            const properties = { sheetId: ++sheetCounter, title: request.addSheet.properties.title, index: sheets.length, sheetType: 'GRID', gridProperties: { rowCount: 1000, columnCount: 26 } };
            sheets.push({ sheetId: properties.sheetId, title: properties.title, rows: [] });
            return { addSheet: { properties } };
          }
          const sheetOf = (id: number) => { const s = sheets.find((x) => x.sheetId === id); if (!s) throw new Error(`No grid with id: ${id}`); return s; };
          if (request.deleteSheet) sheets.splice(sheets.indexOf(sheetOf(request.deleteSheet.sheetId)), 1);
          if (request.appendDimension) sheetOf(request.appendDimension.sheetId);
          if (request.deleteDimension) {
            const { sheetId, dimension, startIndex, endIndex } = request.deleteDimension.range;
            const s = sheetOf(sheetId);
            if (dimension === 'ROWS') s.rows.splice(startIndex, endIndex - startIndex);
            else s.rows.forEach((row) => row.splice(startIndex, endIndex - startIndex));
          }
          return {};
        });
        return reply(200, { spreadsheetId: m[1], replies });
      }
      if (req.method === 'POST' && rest === '/values:batchUpdate') {
        if (!['RAW', 'USER_ENTERED'].includes(body.valueInputOption)) return googleError(400, "Invalid valueInputOption", 'INVALID_ARGUMENT');
        for (const entry of body.data) {
          const range = parseRange(entry.range, sheets);
          write(sheets.find((s) => s.title === range.title)!, range, entered(entry.values, body.valueInputOption));
        }
        return reply(200, { spreadsheetId: m[1], totalUpdatedCells: body.data.length });
      }
      const v = /^\/values\/(.+?)(:append|:clear)?$/.exec(rest);
      if (!v) return googleError(404, 'Requested entity was not found.', 'NOT_FOUND');
      const range = parseRange(v[1], sheets);
      const sheet = sheets.find((s) => s.title === range.title)!;
      if (req.method === 'GET' && !v[2]) {
        const render = url.searchParams.get('valueRenderOption') ?? 'FORMATTED_VALUE';
        const dates = url.searchParams.get('dateTimeRenderOption') ?? 'SERIAL_NUMBER';
        if (!['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'].includes(render) || !['SERIAL_NUMBER', 'FORMATTED_STRING'].includes(dates)) {
          return googleError(400, 'Invalid value at \'value_render_option\'', 'INVALID_ARGUMENT');
        }
        const values = read(sheet, range);
        return reply(200, { range: v[1], majorDimension: 'ROWS', ...(values.length ? { values } : {}) });
      }
      if (req.method === 'PUT' && !v[2]) {
        if (!['RAW', 'USER_ENTERED'].includes(option)) return googleError(400, "Invalid valueInputOption", 'INVALID_ARGUMENT');
        write(sheet, range, entered(body.values, option));
        return reply(200, { spreadsheetId: m[1], updatedRange: v[1], updatedRows: body.values.length });
      }
      if (req.method === 'POST' && v[2] === ':append') {
        if (!['RAW', 'USER_ENTERED'].includes(option)) return googleError(400, "Invalid valueInputOption", 'INVALID_ARGUMENT');
        // The table is the data from the range's first row down; new rows go right after it.
        const next = Math.max(range.r1, sheet.rows.length + 1);
        write(sheet, { ...range, r1: next }, entered(body.values, option));
        return reply(200, { spreadsheetId: m[1], tableRange: v[1], updates: { updatedRows: body.values.length } });
      }
      if (req.method === 'POST' && v[2] === ':clear') {
        clear(sheet, range);
        return reply(200, { spreadsheetId: m[1], clearedRange: v[1] });
      }
      return googleError(404, 'Requested entity was not found.', 'NOT_FOUND');
    } catch (error) {
      return googleError(400, (error as Error).message, 'INVALID_ARGUMENT');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, seen, spreadsheets, driveFiles, assertions,
    rateLimitOnce: () => { limitNext = true; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
