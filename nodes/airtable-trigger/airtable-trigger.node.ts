// Airtable Trigger (n8n-nodes-base.airtableTrigger v1): polls a table for records whose trigger
// field (a Created Time or Last Modified Time field) is after the last poll. As in n8n, the poll
// time is kept in the node's static data (`lastTimeChecked`, moment's UTC format without
// milliseconds) and sent as `IS_AFTER({field}, DATETIME_PARSE("<time>", "YYYY-MM-DD HH:mm:ss"))`,
// ANDed with the user's formula. A first poll has no stored time, so it asks for records after
// "now" (none in practice) and stores the time. A manual run drops the time filter and shows one
// record, failing when that record lacks the trigger field.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeProperty, type NodeType, type TriggerContext } from '../../engine/index.ts';
import { airtableApi } from '../airtable/airtable-api.ts';
import { recordsWithAttachments } from '../airtable/airtable-attachments.ts';
import { cronNode } from '../cron/cron.node.ts';
import { collection, param } from '../shared/params.ts';

const triggerTimes = cronNode.description.properties.find((p) => p.name === 'triggerTimes')!;
/** The Poll Times n8n puts on every polling node: every minute unless set. */
const pollTimes: NodeProperty = {
  ...triggerTimes, displayName: 'Poll Times', name: 'pollTimes',
  typeOptions: { ...triggerTimes.typeOptions, multipleValueButtonText: 'Add Poll Time' }, default: { item: [{ mode: 'everyMinute' }] },
};

const URL_EXAMPLE = 'https://airtable.com/app12DiScdfes/tblAAAAAAAAAAAAA/viwHdfasdfeieg5p';
const BASE_FROM_URL = 'https://airtable.com/([a-zA-Z0-9]{2,})';
const TABLE_FROM_URL = 'https://airtable.com/[a-zA-Z0-9]{2,}/([a-zA-Z0-9]{2,})';

const idMode = (what: string, placeholder: string, extra: JsonObject = {}) => ({
  displayName: 'ID', name: 'id', type: 'string', placeholder,
  validation: [{ type: 'regex', properties: { regex: '[a-zA-Z0-9]{2,}', errorMessage: `Not a valid Airtable ${what} ID` } }], ...extra,
});
const urlMode = (what: string, check: string, extract: string) => ({
  displayName: 'By URL', name: 'url', type: 'string', placeholder: URL_EXAMPLE,
  validation: [{ type: 'regex', properties: { regex: check, errorMessage: `Not a valid Airtable ${what} URL` } }],
  extractValue: { type: 'regex', regex: extract },
});

const properties: NodeProperty[] = [
  pollTimes,
  {
    displayName: 'Authentication', name: 'authentication', type: 'options', default: 'airtableApi',
    options: [{ name: 'API Key', value: 'airtableApi' }, { name: 'Access Token', value: 'airtableTokenApi' }, { name: 'OAuth2', value: 'airtableOAuth2Api' }],
  },
  {
    displayName: 'Base', name: 'baseId', type: 'resourceLocator', default: { mode: 'url', value: '' }, required: true,
    description: 'The Airtable Base in which to operate on',
    modes: [urlMode('Base', 'https://airtable.com/([a-zA-Z0-9]{2,})/.*', BASE_FROM_URL), idMode('Base', 'appD3dfaeidke', { url: '=https://airtable.com/{{$value}}' })],
  },
  {
    displayName: 'Table', name: 'tableId', type: 'resourceLocator', default: { mode: 'url', value: '' }, required: true,
    modes: [urlMode('Table', 'https://airtable.com/[a-zA-Z0-9]{2,}/([a-zA-Z0-9]{2,})/.*', TABLE_FROM_URL), idMode('Table', 'tbl3dirwqeidke')],
  },
  {
    displayName: 'Trigger Field', name: 'triggerField', type: 'string', default: '', required: true,
    description: 'A Created Time or Last Modified Time field that will be used to sort records. If you do not have a Created Time or Last Modified Time field in your schema, please create one, because without this field trigger will not work correctly.',
  },
  { displayName: 'Download Attachments', name: 'downloadAttachments', type: 'boolean', default: false, description: "Whether the attachment fields define in 'Download Fields' will be downloaded" },
  {
    displayName: 'Download Fields', name: 'downloadFieldNames', type: 'string', required: true, default: '', displayOptions: { show: { downloadAttachments: [true] } },
    description: "Name of the fields of type 'attachment' that should be downloaded. Multiple ones can be defined separated by comma. Case sensitive.",
  },
  {
    displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {},
    options: [
      { displayName: 'Fields', name: 'fields', type: 'string', default: '', description: 'Fields to be included in the response. Multiple ones can be set separated by comma. Example: <code>name, id</code>. By default just the trigger field will be included.' },
      { displayName: 'Formula', name: 'formula', type: 'string', default: '', description: 'Formulas may involve functions, numeric operations, logical operations, and text operations that operate on fields.' },
      { displayName: 'View ID', name: 'viewId', type: 'string', default: '', description: 'The name or ID of a view in the table. If set, only the records in that view will be returned.' },
    ],
  },
];

/** A locator's value; in URL mode the part n8n's extractValue regex captures. */
export function locatorValue(raw: unknown, fromUrl: string): string {
  const locator = raw && typeof raw === 'object' ? (raw as JsonObject) : { mode: 'id', value: raw };
  const value = String(locator.value ?? '').trim();
  if (locator.mode !== 'url') return value;
  return new RegExp(fromUrl).exec(value)?.[1] ?? value;
}

/** moment().utc().format(): seconds precision and a Z. */
export const pollTime = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** One poll (manual: one record, no time filter); null when nothing is new. */
export async function pollAirtable(ctx: ExecuteContext, manual: boolean): Promise<Item[] | null> {
  const state = ctx.getWorkflowStaticData('node');
  const base = locatorValue(param<unknown>(ctx, 'baseId', 0, ''), BASE_FROM_URL);
  const table = locatorValue(param<unknown>(ctx, 'tableId', 0, ''), TABLE_FROM_URL);
  const triggerField = String(param(ctx, 'triggerField', 0, ''));
  const additional = collection(ctx, 'additionalFields', 0);
  const now = pollTime(Date.now());
  const since = typeof state.lastTimeChecked === 'string' && state.lastTimeChecked ? state.lastTimeChecked : now;

  const query: JsonObject = {};
  if (additional.viewId) query.view = String(additional.viewId);
  if (additional.fields) query.fields = String(additional.fields).split(',');
  let formula = `IS_AFTER({${triggerField}}, DATETIME_PARSE("${since}", "YYYY-MM-DD HH:mm:ss"))`;
  if (additional.formula) formula = `AND(${formula}, ${String(additional.formula)})`;
  if (manual) query.maxRecords = 1;
  else query.filterByFormula = formula;

  const api = airtableApi(ctx, 'airtableApi');
  try {
    const records = await api.requestAllRecords(`${encodeURIComponent(base)}/${encodeURIComponent(table)}`, query, 0);
    state.lastTimeChecked = now;
    if (!records.length) return null;
    if (manual && ((records[0].fields ?? {}) as JsonObject)[triggerField] === undefined) {
      throw new NodeOperationError(ctx.node.name, `The Field "${triggerField}" does not exist.`);
    }
    if (param(ctx, 'downloadAttachments', 0, false)) {
      return await recordsWithAttachments(ctx, api, records, String(param(ctx, 'downloadFieldNames', 0, '')), undefined, 0, false);
    }
    return records.map((json) => ({ json }));
  } finally {
    await api.close();
  }
}

export const airtableTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.airtableTrigger',
    displayName: 'Airtable Trigger',
    icon: 'file:airtable.svg',
    group: ['trigger'],
    version: [1],
    description: 'Starts the workflow when Airtable events occur',
    defaults: { name: 'Airtable Trigger' },
    inputs: [],
    outputs: ['main'],
    credentials: [
      { name: 'airtableApi', required: true, displayOptions: { show: { authentication: ['airtableApi'] } } },
      { name: 'airtableTokenApi', required: true, displayOptions: { show: { authentication: ['airtableTokenApi'] } } },
      { name: 'airtableOAuth2Api', required: true, displayOptions: { show: { authentication: ['airtableOAuth2Api'] } } },
    ],
    triggerKind: 'poll',
    properties,
  },
  async execute(ctx) {
    const items = await pollAirtable(ctx, true);
    return [(items ?? []).map((item) => ({ ...item, pairedItem: { item: 0 } }))];
  },
  triggers: {
    async poll(ctx: TriggerContext) {
      const items = await pollAirtable(ctx, false);
      return items ? [items] : null;
    },
  },
};
