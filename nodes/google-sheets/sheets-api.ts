// Calls to the Google Sheets API v4 the way n8n's Google Sheets node makes them: a Bearer token from
// the node's Google credential, JSON bodies, and Google's `{error: {code, message, status}}` answers
// turned into node errors that repeat Google's message. A 429 is waited out a few times.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { GOOGLE_SHEETS_SCOPES } from '../google-shared/google.credentials.ts';
import { googleAccessToken } from '../google-shared/google-auth.ts';
import { statusErrorMessage } from '../http-request/response.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { param } from '../shared/params.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { googleMessage } from '../google-shared/google-errors.ts';

const TIMEOUT_MS = 300_000;

export interface SheetsClient {
  ctx: ExecuteContext;
  transport: Dispatcher;
}

export const sheetsBaseUrl = () => serviceUrl('google-sheets', 'https://sheets.googleapis.com');
/** Drive's API, where a spreadsheet is deleted as the file it is. */
export const sheetsDriveBaseUrl = () => serviceUrl('google-drive', 'https://www.googleapis.com');

/** n8n's V2 defaults to OAuth2; V1 to the service account. */
function credentialType(ctx: ExecuteContext): string {
  const fallback = ctx.node.typeVersion < 3 ? 'serviceAccount' : 'oAuth2';
  return param(ctx, 'authentication', 0, fallback) === 'serviceAccount' ? 'googleApi' : 'googleSheetsOAuth2Api';
}

/** One API call; `path` starts with `/v4/…` (or is a full URL), `query` values are strings (repeated keys as arrays). */
export async function sheetsRequest(client: SheetsClient, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string,
  body?: JsonObject, query: Record<string, string | string[] | undefined> = {}): Promise<JsonObject> {
  const { ctx } = client;
  const token = await googleAccessToken(ctx, client.transport, credentialType(ctx), GOOGLE_SHEETS_SCOPES);
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const entry of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(key, entry);
  }
  const url = `${/^https?:\/\//.test(path) ? '' : sheetsBaseUrl()}${path}${search.size ? `?${search.toString()}` : ''}`;
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const payload = body === undefined ? undefined : JSON.stringify(body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  // The shared loop: 429s waited out (three times, a minute at most), a 401 to an OAuth2 token renewed once.
  const response = await sendWaitingOutRateLimits(client.transport, { method, url, headers, ...(payload !== undefined ? { body: payload } : {}) }, {
    timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, oauth2: ctx,
  });
  const text = response.body.toString('utf8');
  if (response.statusCode >= 400) {
    const said = googleMessage(text);
    throw new NodeOperationError(ctx.node.name, statusErrorMessage(response.statusCode), { description: said ?? text.slice(0, 500) });
  }
  if (!text) return {};
  return JSON.parse(text) as JsonObject;
}

const encodeRange = (range: string) => encodeURIComponent(range);

export type Cell = string | number | boolean | null;

/** values.get: the rows of `range` (Google leaves out trailing empty cells and rows). */
export async function getValues(client: SheetsClient, spreadsheetId: string, range: string,
  valueRenderOption = 'UNFORMATTED_VALUE', dateTimeRenderOption = 'FORMATTED_STRING'): Promise<Cell[][]> {
  const answer = await sheetsRequest(client, 'GET', `/v4/spreadsheets/${spreadsheetId}/values/${encodeRange(range)}`, undefined, {
    valueRenderOption, dateTimeRenderOption,
  });
  return (answer.values as Cell[][] | undefined) ?? [];
}

export function appendValues(client: SheetsClient, spreadsheetId: string, range: string, values: Cell[][], valueInputOption: string, insertDataOption?: string): Promise<JsonObject> {
  return sheetsRequest(client, 'POST', `/v4/spreadsheets/${spreadsheetId}/values/${encodeRange(range)}:append`, { range, values },
    { valueInputOption, ...(insertDataOption ? { insertDataOption } : {}) });
}

export function updateValues(client: SheetsClient, spreadsheetId: string, range: string, values: Cell[][], valueInputOption: string): Promise<JsonObject> {
  return sheetsRequest(client, 'PUT', `/v4/spreadsheets/${spreadsheetId}/values/${encodeRange(range)}`, { range, values }, { valueInputOption });
}

export function batchUpdateValues(client: SheetsClient, spreadsheetId: string, data: Array<{ range: string; values: Cell[][] }>, valueInputOption: string): Promise<JsonObject> {
  return sheetsRequest(client, 'POST', `/v4/spreadsheets/${spreadsheetId}/values:batchUpdate`, { valueInputOption, data });
}

export function clearValues(client: SheetsClient, spreadsheetId: string, range: string): Promise<JsonObject> {
  return sheetsRequest(client, 'POST', `/v4/spreadsheets/${spreadsheetId}/values/${encodeRange(range)}:clear`, {});
}

export function batchUpdateSpreadsheet(client: SheetsClient, spreadsheetId: string, requests: JsonObject[]): Promise<JsonObject> {
  return sheetsRequest(client, 'POST', `/v4/spreadsheets/${spreadsheetId}:batchUpdate`, { requests });
}

export interface SheetProperties { sheetId: number; title: string; gridProperties?: { rowCount?: number; columnCount?: number } }

export async function sheetList(client: SheetsClient, spreadsheetId: string): Promise<SheetProperties[]> {
  const answer = await sheetsRequest(client, 'GET', `/v4/spreadsheets/${spreadsheetId}`, undefined, { fields: 'sheets.properties' });
  return ((answer.sheets as JsonObject[] | undefined) ?? []).map((sheet) => sheet.properties as unknown as SheetProperties);
}

/** Drive's files.delete (DELETE /drive/v3/files/{id}, 204): n8n's Delete Spreadsheet. */
export async function deleteSpreadsheetFile(client: SheetsClient, spreadsheetId: string): Promise<void> {
  await sheetsRequest(client, 'DELETE', `${sheetsDriveBaseUrl()}/drive/v3/files/${encodeURIComponent(spreadsheetId)}`);
}
