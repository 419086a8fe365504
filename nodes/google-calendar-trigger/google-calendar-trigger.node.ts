// Google Calendar Trigger (n8n-nodes-base.googleCalendarTrigger v1): polls a calendar's events
// (Calendar API v3 events.list). As in n8n, the last poll's time (`lastTimeChecked`, UTC to the
// second) is kept in the node's static data; a first poll uses "now" as its start, so it finds
// nothing older. Created/updated/cancelled events are asked for by `updatedMin` and told apart by
// their created/updated stamps and status; started/ended events by expanding single events in
// the window since the last poll. A manual run shows one event (or fails when there is none).
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeProperty, type NodeType, type TriggerContext } from '../../engine/index.ts';
import { cronNode } from '../cron/cron.node.ts';
import { googleCall, googleCallAll, type GoogleClient, type QueryValue } from '../gmail/google-call.ts';
import { GOOGLE_CALENDAR_SCOPES } from '../google-calendar/google-calendar.credentials.ts';
import { createTransport } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { serviceUrl } from '../shared/service-url.ts';

const triggerTimes = cronNode.description.properties.find((p) => p.name === 'triggerTimes')!;
/** The Poll Times n8n puts on every polling node: every minute unless set. */
const pollTimes: NodeProperty = {
  ...triggerTimes, displayName: 'Poll Times', name: 'pollTimes',
  typeOptions: { ...triggerTimes.typeOptions, multipleValueButtonText: 'Add Poll Time' }, default: { item: [{ mode: 'everyMinute' }] },
};

const CALENDAR_ID = "(^[a-zA-Z0-9.!#$%&’*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*";

/** The ID mode (calendar ids are e-mail addresses), with n8n's check and extraction. */
const idMode = {
  displayName: 'ID', name: 'id', type: 'string', placeholder: 'name@google.com',
  validation: [{ type: 'regex', properties: { regex: `${CALENDAR_ID}(?:[ \t]+)*$)`, errorMessage: 'Not a valid Google Calendar ID' } }],
  extractValue: { type: 'regex', regex: `${CALENDAR_ID})` },
};

const properties: NodeProperty[] = [
  pollTimes,
  {
    displayName: 'Calendar', name: 'calendarId', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true,
    description: 'Google Calendar to operate on',
    modes: [
      { displayName: 'Calendar', name: 'list', type: 'list', placeholder: 'Select a Calendar...', typeOptions: { searchListMethod: 'getCalendars', searchable: true } },
      idMode,
    ],
  },
  {
    displayName: 'Trigger On', name: 'triggerOn', type: 'options', required: true, default: '',
    options: [
      { name: 'Event Cancelled', value: 'eventCancelled' },
      { name: 'Event Created', value: 'eventCreated' },
      { name: 'Event Ended', value: 'eventEnded' },
      { name: 'Event Started', value: 'eventStarted' },
      { name: 'Event Updated', value: 'eventUpdated' },
    ],
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {},
    options: [
      { displayName: 'Match Term', name: 'matchTerm', type: 'string', default: '', description: 'Free text search terms to filter events that match these terms in any field, except for extended properties' },
    ],
  },
];

export const calendarTriggerBaseUrl = () => serviceUrl('google-calendar', 'https://www.googleapis.com');

async function withClient<T>(ctx: ExecuteContext, run: (client: GoogleClient) => Promise<T>): Promise<T> {
  const transport: Dispatcher = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    return await run({ ctx, transport, credentialType: 'googleCalendarOAuth2Api', scopes: GOOGLE_CALENDAR_SCOPES, baseUrl: calendarTriggerBaseUrl() });
  } finally {
    await transport.close();
  }
}

/** The calendar id of the locator (the e-mail-like id in ID mode), encoded once as n8n does. */
export function calendarIdOf(raw: unknown): string {
  const locator = raw && typeof raw === 'object' ? (raw as JsonObject) : { mode: 'list', value: raw };
  let id = String(locator.value ?? '').trim();
  if (locator.mode === 'id') id = new RegExp(`${CALENDAR_ID})`).exec(id)?.[1] ?? id;
  let decoded = id;
  try { decoded = decodeURIComponent(id); } catch { /* keep as given */ }
  return encodeURIComponent(decoded);
}

/** moment().utc().format(): seconds precision and a Z. */
export const pollTime = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
const toSecond = (value: unknown) => Math.floor(Date.parse(String(value)) / 1000);

/** One poll (manual: one event); null when nothing happened since the last poll. */
export async function pollCalendar(ctx: ExecuteContext, manual: boolean): Promise<JsonObject[] | null> {
  // Read through the engine (defaults applied): a node saved without Poll Times polls every minute.
  const times = ctx.getNodeParameter('pollTimes', 0, pollTimes.default) as JsonObject | undefined;
  const pollItems = Array.isArray(times?.item) ? times.item : [];
  const triggerOn = String(param(ctx, 'triggerOn', 0, ''));
  const calendarId = calendarIdOf(param<unknown>(ctx, 'calendarId', 0, ''));
  const matchTerm = String(collection(ctx, 'options', 0).matchTerm ?? '');
  if (pollItems.length === 0) throw new NodeOperationError(ctx.node.name, 'Please set a poll time');
  if (triggerOn === '') throw new NodeOperationError(ctx.node.name, 'Please select an event');
  if (calendarId === '') throw new NodeOperationError(ctx.node.name, 'Please select a calendar');

  const state = ctx.getWorkflowStaticData('node');
  const end = pollTime(Date.now());
  const start = typeof state.lastTimeChecked === 'string' && state.lastTimeChecked ? state.lastTimeChecked : end;
  const byUpdate = triggerOn === 'eventCreated' || triggerOn === 'eventUpdated' || triggerOn === 'eventCancelled';
  const query: Record<string, QueryValue> = { showDeleted: triggerOn === 'eventCancelled' };
  if (matchTerm) query.q = matchTerm;
  if (byUpdate) Object.assign(query, { orderBy: 'updated', ...(manual ? {} : { updatedMin: start }) });
  else Object.assign(query, { singleEvents: true, orderBy: 'startTime', ...(manual ? {} : { timeMin: pollTime(Date.parse(start)), timeMax: pollTime(Date.parse(end)) }) });
  const path = `/calendar/v3/calendars/${calendarId}/events`;

  let events: JsonObject[];
  try {
    events = await withClient(ctx, async (client) => (manual
      ? ((await googleCall(client, 'GET', path, { query: { ...query, maxResults: 1 } })).items as JsonObject[] | undefined) ?? []
      : googleCallAll(client, path, 'items', query)));
  } catch (error) {
    throw serviceCallError(ctx.node.name, error, 0);
  }
  if (!manual) {
    const from = Date.parse(start);
    const to = Date.parse(end);
    const within = (value: unknown) => typeof value === 'string' && Date.parse(value) >= from && Date.parse(value) <= to;
    if (triggerOn === 'eventCreated') events = events.filter((e) => Date.parse(String(e.created)) > from && Date.parse(String(e.created)) < to);
    else if (byUpdate) {
      events = events.filter((e) => toSecond(e.created) !== toSecond(e.updated));
      if (triggerOn === 'eventCancelled') events = events.filter((e) => e.status === 'cancelled');
    } else {
      const edge = triggerOn === 'eventStarted' ? 'start' : 'end';
      events = events.filter((e) => within((e[edge] as JsonObject | undefined)?.dateTime));
    }
  }
  state.lastTimeChecked = end;
  if (events.length) return events;
  if (manual) throw new NodeOperationError(ctx.node.name, 'No data with the current filter could be found');
  return null;
}

export const googleCalendarTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.googleCalendarTrigger',
    displayName: 'Google Calendar Trigger',
    icon: 'file:googleCalendar.svg',
    group: ['trigger'],
    version: [1],
    description: 'Starts the workflow when Google Calendar events occur',
    defaults: { name: 'Google Calendar Trigger' },
    inputs: [],
    outputs: ['main'],
    credentials: [{ name: 'googleCalendarOAuth2Api', required: true }],
    triggerKind: 'poll',
    properties,
  },
  async execute(ctx) {
    const events = (await pollCalendar(ctx, true)) ?? [];
    return [events.map((json) => ({ json, pairedItem: { item: 0 } }))];
  },
  methods: {
    listSearch: {
      // The account's calendars (calendarList, every page), those whose name holds the filter.
      getCalendars: (ctx, filter) => withClient(ctx, async (client) => {
        const calendars = await googleCallAll(client, '/calendar/v3/users/me/calendarList', 'items');
        const wanted = filter?.toLowerCase();
        const results = calendars
          .filter((entry) => !wanted || String(entry.summary ?? '').toLowerCase().includes(wanted))
          .map((entry) => ({ name: String(entry.summary ?? entry.id), value: String(entry.id) }))
          .sort((a, b) => a.name.localeCompare(b.name));
        return { results };
      }),
    },
  },
  triggers: {
    async poll(ctx: TriggerContext) {
      const events = await pollCalendar(ctx, false);
      return events ? [events.map((json) => ({ json }))] : null;
    },
  },
};
