// The Google Sheets node's (v3, v4) editor methods: spreadsheets through Drive's files.list (one
// page per call, Drive's nextPageToken as token), a spreadsheet's grid sheets, and a sheet's header
// row (row 1) for the column dropdowns, as n8n lists them.
import { NodeOperationError, type ExecuteContext, type JsonObject, type ListSearchPage, type LoadedOption, type NodeMethods } from '../../engine/index.ts';
import { GOOGLE_SHEETS_SCOPES } from '../google-shared/google.credentials.ts';
import { googleAccessToken } from '../google-shared/google-auth.ts';
import { statusErrorMessage } from '../http-request/response.ts';
import { createTransport } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { param } from '../shared/params.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { cellText, quotedSheet, sheetReferenceOf, spreadsheetIdOf } from './sheets-data.ts';
import { getValues, sheetsRequest, type SheetsClient } from './sheets-api.ts';

const driveBaseUrl = () => serviceUrl('google-drive', 'https://www.googleapis.com');
const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';

async function withClient<T>(ctx: ExecuteContext, fn: (client: SheetsClient) => Promise<T>): Promise<T> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    return await fn({ ctx, transport });
  } catch (error) {
    throw error instanceof NodeOperationError ? error : serviceCallError(ctx.node.name, error, 0);
  } finally {
    await transport.close();
  }
}

/** Drive's files.list with the node's Google credential, through the shared 429 / OAuth2-renewal loop. */
async function driveFiles(client: SheetsClient, query: Record<string, string>): Promise<JsonObject> {
  const { ctx } = client;
  const type = param(ctx, 'authentication', 0, 'oAuth2') === 'serviceAccount' ? 'googleApi' : 'googleSheetsOAuth2Api';
  const token = await googleAccessToken(ctx, client.transport, type, GOOGLE_SHEETS_SCOPES);
  const url = `${driveBaseUrl()}/drive/v3/files?${new URLSearchParams(query).toString()}`;
  const response = await sendWaitingOutRateLimits(client.transport, { method: 'GET', url, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, {
    timeoutMs: 60_000, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, oauth2: ctx,
  });
  const text = response.body.toString('utf8');
  if (response.statusCode >= 400) {
    let said: string | undefined;
    try { said = (JSON.parse(text) as { error?: { message?: string } }).error?.message; } catch { /* not JSON */ }
    throw new NodeOperationError(ctx.node.name, statusErrorMessage(response.statusCode), { description: said ?? text.slice(0, 500) });
  }
  return text ? (JSON.parse(text) as JsonObject) : {};
}

interface SheetEntry { sheetId?: number; title?: string; sheetType?: string }

async function sheetsOf(client: SheetsClient, spreadsheetId: string): Promise<SheetEntry[]> {
  const answer = await sheetsRequest(client, 'GET', `/v4/spreadsheets/${spreadsheetId}`, undefined, { fields: 'sheets.properties' });
  return ((answer.sheets as JsonObject[] | undefined) ?? []).map((sheet) => (sheet.properties ?? {}) as SheetEntry);
}

/** Row 1 of the chosen sheet, as the spreadsheet shows it; [] without a spreadsheet. */
async function headerRow(ctx: ExecuteContext): Promise<string[]> {
  const document = param<unknown>(ctx, 'documentId', 0, null);
  const spreadsheetId = spreadsheetIdOf(document);
  if (!document || !spreadsheetId) return [];
  return withClient(ctx, async (client) => {
    const locator = param<unknown>(ctx, 'sheetName', 0, '');
    const reference = sheetReferenceOf(locator);
    const sheets = await sheetsOf(client, spreadsheetId);
    const sheet = 'title' in reference ? sheets.find((s) => s.title === reference.title) : sheets.find((s) => String(s.sheetId) === reference.gid);
    if (!sheet) {
      const byName = 'title' in reference;
      throw new NodeOperationError(ctx.node.name, `Sheet with ${byName ? 'name' : 'ID'} ${byName ? reference.title : reference.gid} not found`);
    }
    const rows = await getValues(client, spreadsheetId, `${quotedSheet(String(sheet.title))}!1:1`, 'FORMATTED_VALUE');
    return (rows[0] ?? []).map(cellText);
  });
}

export const googleSheetsMethods: NodeMethods = {
  listSearch: {
    async spreadSheetsSearch(ctx, filter, paginationToken): Promise<ListSearchPage> {
      const clauses = [...(filter ? [`name contains '${filter.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`] : []), `mimeType = '${SPREADSHEET_MIME}'`];
      const answer = await withClient(ctx, (client) => driveFiles(client, {
        q: clauses.join(' and '), fields: 'nextPageToken, files(id, name, webViewLink)', orderBy: 'modifiedTime desc',
        includeItemsFromAllDrives: 'true', supportsAllDrives: 'true', ...(paginationToken ? { pageToken: paginationToken } : {}),
      }));
      const results = ((answer.files as JsonObject[] | undefined) ?? []).map((file) => ({ name: String(file.name), value: String(file.id), url: String(file.webViewLink) }));
      return typeof answer.nextPageToken === 'string' ? { results, paginationToken: answer.nextPageToken } : { results };
    },
    /** The grid sheets (not charts); the first sheet's id 0 is kept as `gid=0`, as n8n stores it. */
    async sheetsSearch(ctx): Promise<ListSearchPage> {
      const spreadsheetId = spreadsheetIdOf(param<unknown>(ctx, 'documentId', 0, ''));
      const sheets = await withClient(ctx, (client) => sheetsOf(client, spreadsheetId));
      return { results: sheets.filter((sheet) => sheet.sheetType === 'GRID').map((sheet) => ({
        name: String(sheet.title), value: sheet.sheetId || 'gid=0', url: `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit#gid=${sheet.sheetId ?? 0}`,
      })) };
    },
  },
  loadOptions: {
    async getSheetHeaderRowAndSkipEmpty(ctx): Promise<LoadedOption[]> {
      return (await headerRow(ctx)).filter(Boolean).map((column) => ({ name: column, value: column }));
    },
    /** An unnamed column gets n8n's `col_<position>` name. */
    async getSheetHeaderRowWithGeneratedColumnNames(ctx): Promise<LoadedOption[]> {
      return (await headerRow(ctx)).map((column, index) => {
        const name = column || `col_${index + 1}`;
        return { name, value: name };
      });
    },
  },
};
