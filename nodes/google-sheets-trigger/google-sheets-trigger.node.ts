// Google Sheets Trigger (n8n-nodes-base.googleSheetsTrigger v1): a poller over one sheet. Row Added
// compares the row count with the last one seen (lastIndexChecked); Row Updated / Added or Updated
// first ask Drive for the spreadsheet's newest revision (lastRevision, as n8n keeps it) and, when it
// moved on, compare the sheet with its previous state. n8n downloads that previous revision as a
// workbook; we keep the previous values in the node's static data instead (lastSheetData).
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeProperty, type NodeType } from '../../engine/index.ts';
import { cronNode } from '../cron/cron.node.ts';
import { driveBaseUrl, googleAll, googleJson, withGoogleClient, type GoogleClient } from '../google-drive/google-api.ts';
import { sheetsBaseUrl } from '../google-sheets/sheets-api.ts';
import { collection, param } from '../shared/params.ts';
import { GOOGLE_SHEETS_TRIGGER_SCOPES } from './google-sheets-trigger.credentials.ts';
import { compareSheets, rowsToJson, type Row } from './sheet-diff.ts';

const triggerTimes = cronNode.description.properties.find((p) => p.name === 'triggerTimes')!;
const pollTimes: NodeProperty = { ...triggerTimes, displayName: 'Poll Times', name: 'pollTimes', typeOptions: { ...triggerTimes.typeOptions, multipleValueButtonText: 'Add Poll Time' }, default: { item: [{ mode: 'everyMinute' }] } };
const opt = (name: string, value: string, description?: string) => ({ name, value, ...(description ? { description } : {}) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const properties: NodeProperty[] = [
  pollTimes,
  { displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'triggerOAuth2', options: [opt('OAuth2 (recommended)', 'triggerOAuth2')] },
  { displayName: 'Document', name: 'documentId', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true, modes: [
    { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'spreadSheetsSearch', searchable: true } },
    { displayName: 'By URL', name: 'url', type: 'string' }, { displayName: 'By ID', name: 'id', type: 'string' }] },
  { displayName: 'Sheet', name: 'sheetName', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true, modes: [
    { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'sheetsSearch', searchable: false } },
    { displayName: 'By URL', name: 'url', type: 'string' }, { displayName: 'By ID', name: 'id', type: 'string' }] },
  { displayName: 'Trigger On', name: 'event', type: 'options', default: 'anyUpdate', required: true,
    options: [opt('Row Added', 'rowAdded'), opt('Row Updated', 'rowUpdate'), opt('Row Added or Updated', 'anyUpdate')] },
  { displayName: 'Include in Output', name: 'includeInOutput', type: 'options', default: 'new', displayOptions: { hide: { event: ['rowAdded'] } },
    options: [opt('New Version', 'new'), opt('Old Version', 'old'), opt('Both Versions', 'both')] },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [
    { displayName: 'Columns to Watch', name: 'columnsToWatch', type: 'multiOptions', default: [], displayOptions: { show: { '/event': ['anyUpdate', 'rowUpdate'] } },
      typeOptions: { loadOptionsDependsOn: ['sheetName.value'], loadOptionsMethod: 'getSheetHeaderRowAndSkipEmpty' } },
    { displayName: 'Data Location on Sheet', name: 'dataLocationOnSheet', type: 'fixedCollection', placeholder: 'Select Range', default: { values: { rangeDefinition: 'specifyRangeA1' } },
      options: [{ displayName: 'Values', name: 'values', values: [
        { displayName: 'Range Definition', name: 'rangeDefinition', type: 'options', default: '', options: [opt('Specify Range (A1 Notation)', 'specifyRangeA1'), opt('Specify Range (Rows)', 'specifyRange')] },
        { displayName: 'Header Row', name: 'headerRow', type: 'number', typeOptions: { minValue: 1 }, default: 1, displayOptions: { show: { rangeDefinition: ['specifyRange'] } } },
        { displayName: 'First Data Row', name: 'firstDataRow', type: 'number', typeOptions: { minValue: 1 }, default: 2, displayOptions: { show: { rangeDefinition: ['specifyRange'] } } },
        { displayName: 'Range', name: 'range', type: 'string', default: '', placeholder: 'A:Z', displayOptions: { show: { rangeDefinition: ['specifyRangeA1'] } } },
      ] }] },
    { displayName: 'Value Render', name: 'valueRender', type: 'options', default: 'UNFORMATTED_VALUE', displayOptions: { hide: { '/event': ['anyUpdate', 'rowUpdate'] } },
      options: [opt('Unformatted', 'UNFORMATTED_VALUE'), opt('Formatted', 'FORMATTED_VALUE'), opt('Formula', 'FORMULA')] },
    { displayName: 'DateTime Render', name: 'dateTimeRenderOption', type: 'options', default: 'SERIAL_NUMBER', displayOptions: { hide: { '/event': ['anyUpdate', 'rowUpdate'] } },
      options: [opt('Serial Number', 'SERIAL_NUMBER'), opt('Formatted String', 'FORMATTED_STRING')] },
  ] },
];

const useClient = <T>(ctx: ExecuteContext, work: (client: GoogleClient) => Promise<T>) =>
  withGoogleClient(ctx, 'googleSheetsTriggerOAuth2Api', GOOGLE_SHEETS_TRIGGER_SCOPES, work);

function documentIdOf(locator: unknown): string {
  const raw = String((locator && typeof locator === 'object' ? (locator as JsonObject).value : locator) ?? '').trim();
  return /\/d\/([0-9a-zA-Z\-_]+)/.exec(raw)?.[1] ?? raw;
}

function sheetIdOf(locator: unknown): string {
  const { mode, value } = locator && typeof locator === 'object' ? (locator as JsonObject) : { mode: 'id', value: locator };
  const text = String(value ?? '').trim();
  if (mode === 'url') return /[#&?]gid=([0-9]+)/.exec(text)?.[1] ?? '0';
  return /^(?:gid=)?([0-9]+)$/.exec(text)?.[1] ?? text;
}

const quoted = (title: string) => `'${title.replace(/'/g, "''")}'`;

async function values(client: GoogleClient, documentId: string, range: string, render?: string, dates?: string): Promise<Row[]> {
  const answer = await googleJson(client, { method: 'GET', url: `${sheetsBaseUrl()}/v4/spreadsheets/${encodeURIComponent(documentId)}/values/${encodeURIComponent(range)}`,
    query: { valueRenderOption: render, dateTimeRenderOption: dates } });
  return (answer.values as Row[] | undefined) ?? [];
}

async function sheetTitle(client: GoogleClient, documentId: string, sheetId: string): Promise<string> {
  const answer = await googleJson(client, { method: 'GET', url: `${sheetsBaseUrl()}/v4/spreadsheets/${encodeURIComponent(documentId)}`, query: { fields: 'sheets.properties' } });
  const sheet = ((answer.sheets as JsonObject[] | undefined) ?? []).map((s) => s.properties as JsonObject).find((p) => String(p.sheetId) === sheetId);
  if (!sheet) throw new NodeOperationError(client.ctx.node.name, `Sheet with ID ${sheetId} not found`);
  return String(sheet.title);
}

interface Layout { range: string; keyRow: number; startIndex: number; rangeDefinition: string; keyRange: string; rangeToCheck: string }

/** n8n's ranges: the key (header) row, the rows to check, and the whole range to compare. */
function layoutOf(ctx: ExecuteContext, options: JsonObject): Layout {
  let range = 'A:ZZZ';
  let keyRow = 1;
  let startIndex = 2;
  let rangeDefinition = '';
  let keyRange = `A${keyRow}:ZZZ${keyRow}`;
  let rangeToCheck = `A${startIndex}:ZZZ`;
  const location = (options.dataLocationOnSheet as JsonObject | undefined)?.values as JsonObject | undefined;
  if (location) {
    rangeDefinition = String(location.rangeDefinition ?? '');
    if (rangeDefinition === 'specifyRangeA1') {
      if (!location.range) throw new NodeOperationError(ctx.node.name, "The field 'Range' is empty, please provide a range");
      range = String(location.range);
    }
    if (rangeDefinition === 'specifyRange') {
      keyRow = Number.parseInt(String(location.headerRow ?? 1), 10);
      startIndex = Number.parseInt(String(location.firstDataRow ?? 2), 10);
    }
    const [from, to = from] = range.split(':');
    const start = /([a-zA-Z]{1,10})([0-9]{0,10})/.exec(from) ?? [];
    const end = /([a-zA-Z]{1,10})([0-9]{0,10})/.exec(to) ?? [];
    if (rangeDefinition === 'specifyRangeA1' && start[2]) {
      keyRange = `${start[1]}${Number(start[2])}:${end[1]}${Number(start[2])}`;
      rangeToCheck = `${start[1]}${Number(start[2]) + 1}:${to}`;
    } else {
      keyRange = `${start[1]}${keyRow}:${end[1]}${keyRow}`;
      rangeToCheck = `${start[1]}${startIndex}:${to}`;
    }
  }
  return { range, keyRow, startIndex, rangeDefinition, keyRange, rangeToCheck };
}

/** One poll (or a manual run): the changed rows, or null when nothing changed. */
export async function pollSheet(ctx: ExecuteContext, manual: boolean): Promise<JsonObject[] | null> {
  const state = ctx.getWorkflowStaticData('node');
  const event = param(ctx, 'event', 0, 'anyUpdate');
  const documentId = documentIdOf(param<unknown>(ctx, 'documentId', 0, ''));
  const sheetId = sheetIdOf(param<unknown>(ctx, 'sheetName', 0, ''));
  if (!manual && (state.documentId !== documentId || state.sheetId !== sheetId)) {
    Object.assign(state, { documentId, sheetId, lastRevision: undefined, lastRevisionLink: undefined, lastIndexChecked: undefined, lastSheetData: undefined });
  }
  const options = collection(ctx, 'options', 0);
  return useClient(ctx, async (client) => {
    const title = await sheetTitle(client, documentId, sheetId);
    const previousRevision = state.lastRevision as number | undefined;
    if (event !== 'rowAdded') {
      const revisions = await googleAll(client, { method: 'GET', url: `${driveBaseUrl()}/drive/v3/files/${encodeURIComponent(documentId)}/revisions`,
        query: { fields: 'revisions(id, exportLinks), nextPageToken', pageSize: 1000 } }, 'revisions');
      const newest = revisions.at(-1);
      const lastRevision = Number(newest?.id);
      if (previousRevision !== undefined && lastRevision <= previousRevision) return null;
      if (!manual) {
        state.lastRevision = lastRevision;
        state.lastRevisionLink = ((newest?.exportLinks as JsonObject | undefined)?.[XLSX] as string | undefined) ?? null;
      }
    }
    const layout = layoutOf(ctx, options);

    if (event === 'rowAdded') {
      const [columns] = await values(client, documentId, `${quoted(title)}!${layout.keyRange}`);
      if (!columns?.length) throw new NodeOperationError(ctx.node.name, 'Could not retrieve the columns from key row');
      const rows = await values(client, documentId, `${quoted(title)}!${layout.rangeToCheck}`,
        String(options.valueRender || 'UNFORMATTED_VALUE'), String(options.dateTimeRenderOption || 'FORMATTED_STRING'));
      if (manual) return rows.length ? rowsToJson(rows, columns) : null;
      if (state.lastIndexChecked === undefined) {
        state.lastIndexChecked = rows.length;
        return null;
      }
      const added = rows.slice(Number(state.lastIndexChecked));
      state.lastIndexChecked = rows.length;
      return added.length ? rowsToJson(added, columns) : null;
    }

    const current = await values(client, documentId, `${quoted(title)}!${layout.range}`, 'UNFORMATTED_VALUE', 'SERIAL_NUMBER');
    const dataStartIndex = layout.rangeDefinition !== 'specifyRangeA1'
      ? (layout.keyRow < layout.startIndex ? layout.startIndex - 2 : layout.startIndex - 1)
      : layout.startIndex - 1;
    const previous = state.lastSheetData as Row[] | undefined;
    if (!manual) state.lastSheetData = current;
    if (previousRevision === undefined || !Array.isArray(previous)) {
      // First look (or state from before we kept the sheet): only a manual run shows rows.
      if (!manual || current.length === 0) return null;
      const rows = current.filter((_, index) => index !== layout.keyRow - 1);
      return rowsToJson(layout.rangeDefinition !== 'specifyRangeA1' ? rows.slice(dataStartIndex) : rows, current[layout.keyRow - 1]);
    }
    const columnsToWatch = Array.isArray(options.columnsToWatch) ? options.columnsToWatch.map(String) : [];
    const changed = compareSheets(previous, current, { keyRow: layout.keyRow, includeInOutput: param(ctx, 'includeInOutput', 0, 'new'), columnsToWatch, dataStartIndex, event });
    return changed.length ? changed : null;
  });
}

export const googleSheetsTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.googleSheetsTrigger',
    displayName: 'Google Sheets Trigger',
    icon: 'file:googleSheets.svg',
    group: ['trigger'],
    version: [1],
    description: 'Starts the workflow when Google Sheets events occur',
    defaults: { name: 'Google Sheets Trigger' },
    inputs: [],
    outputs: ['main'],
    triggerKind: 'poll',
    credentials: [{ name: 'googleSheetsTriggerOAuth2Api', required: true, displayOptions: { show: { authentication: ['triggerOAuth2'] } } }],
    properties,
  },
  async execute(ctx) {
    const rows = await pollSheet(ctx, true);
    return [(rows ?? []).map((json) => ({ json }))];
  },
  triggers: {
    async poll(ctx) {
      const rows = await pollSheet(ctx, false);
      return rows ? [rows.map((json) => ({ json }))] : null;
    },
  },
  methods: {
    listSearch: {
      async spreadSheetsSearch(ctx, filter, paginationToken) {
        const q = ["mimeType = 'application/vnd.google-apps.spreadsheet'", 'trashed = false', ...(filter ? [`name contains '${filter.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`] : [])];
        const page = await useClient(ctx, (client) => googleJson(client, { method: 'GET', url: `${driveBaseUrl()}/drive/v3/files`,
          query: { q: q.join(' and '), fields: 'nextPageToken, files(id, name, webViewLink)', orderBy: 'modifiedByMeTime desc,name_natural', includeItemsFromAllDrives: true, supportsAllDrives: true, pageToken: paginationToken } }));
        return {
          results: ((page.files as JsonObject[] | undefined) ?? []).map((file) => ({ name: String(file.name), value: String(file.id), ...(file.webViewLink ? { url: String(file.webViewLink) } : {}) })),
          ...(typeof page.nextPageToken === 'string' ? { paginationToken: page.nextPageToken } : {}),
        };
      },
      async sheetsSearch(ctx) {
        const documentId = documentIdOf(ctx.getNodeParameter('documentId', 0, ''));
        const answer = await useClient(ctx, (client) => googleJson(client, { method: 'GET', url: `${sheetsBaseUrl()}/v4/spreadsheets/${encodeURIComponent(documentId)}`, query: { fields: 'sheets.properties' } }));
        return { results: ((answer.sheets as JsonObject[] | undefined) ?? []).map((sheet) => sheet.properties as JsonObject).map((p) => ({
          name: String(p.title), value: Number(p.sheetId), url: `https://docs.google.com/spreadsheets/d/${documentId}/edit#gid=${String(p.sheetId)}` })) };
      },
    },
    loadOptions: {
      async getSheetHeaderRowAndSkipEmpty(ctx) {
        const documentId = documentIdOf(ctx.getNodeParameter('documentId', 0, ''));
        const sheetId = sheetIdOf(ctx.getNodeParameter('sheetName', 0, ''));
        const header = await useClient(ctx, async (client) => (await values(client, documentId, `${quoted(await sheetTitle(client, documentId, sheetId))}!1:1`))[0] ?? []);
        return header.filter((cell) => cell !== '' && cell !== null && cell !== undefined).map((cell) => ({ name: String(cell), value: String(cell) }));
      },
    },
  },
};
