// Google Calendar (n8n-nodes-base.googleCalendar v1, 1.1, 1.2, 1.3) on the Calendar API v3: calendar
// availability (freeBusy) and event create/delete/get/getAll/update, one call (or a few) per item,
// times taken in the workflow's time zone. The OAuth2 credential is the only one, as in n8n.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type LoadedOption, type NodeType } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { googleCall, googleCallAll, type GoogleClient, type QueryValue } from '../gmail/google-call.ts';
import { GOOGLE_CALENDAR_SCOPES } from './google-calendar.credentials.ts';
import { googleCalendarProperties } from './google-calendar.description.ts';
import { attendeeEmails, conferenceRequest, dayText, eventBody, isoOf, sortEventKeys, utcText, withZone } from './calendar-events.ts';

export const calendarBaseUrl = () => serviceUrl('google-calendar', 'https://www.googleapis.com');

const calendarClient = (ctx: ExecuteContext, transport: Dispatcher): GoogleClient => ({
  ctx, transport, credentialType: 'googleCalendarOAuth2Api', scopes: GOOGLE_CALENDAR_SCOPES, baseUrl: calendarBaseUrl(),
});

const call = (client: GoogleClient, method: string, path: string, options: { body?: unknown; query?: Record<string, QueryValue> } = {}) =>
  googleCall(client, method, `/calendar/v3${path}`, options);

/** A resource locator's value (or a plain string). */
const locatorValue = (value: unknown): string =>
  String(value && typeof value === 'object' ? (value as JsonObject).value ?? '' : value ?? '').trim();

/** n8n's encodeURIComponentOnce: ids saved encoded are decoded first. */
function calendarPath(ctx: ExecuteContext, i: number): string {
  const id = locatorValue(param<unknown>(ctx, 'calendar', i, ''));
  let decoded = id;
  try { decoded = decodeURIComponent(id); } catch { /* keep as given */ }
  return encodeURIComponent(decoded);
}

async function availability(client: GoogleClient, i: number): Promise<JsonObject | JsonObject[]> {
  const { ctx } = client;
  const calendarId = decodeURIComponent(locatorValue(param<unknown>(ctx, 'calendar', i, '')));
  const options = collection(ctx, 'options', i);
  const zone = locatorValue(options.timezone) || ctx.timezone;
  const answer = await call(client, 'POST', '/freeBusy', { body: {
    timeMin: utcText(param<unknown>(ctx, 'timeMin', i, ''), ctx.timezone), timeMax: utcText(param<unknown>(ctx, 'timeMax', i, ''), ctx.timezone),
    items: [{ id: calendarId }], timeZone: zone,
  } });
  const entry = ((answer.calendars as JsonObject | undefined)?.[calendarId] ?? {}) as JsonObject;
  if (entry.errors) {
    const reason = ((entry.errors as JsonObject[])[0]?.reason as string | undefined) ?? 'unknown';
    throw new NodeOperationError(ctx.node.name, `Google Calendar could not read the calendar: ${reason}`, { itemIndex: i });
  }
  const busy = (entry.busy as JsonObject[] | undefined) ?? [];
  const format = options.outputFormat || 'availability';
  if (format === 'availability') return { available: busy.length === 0 };
  if (format === 'bookedSlots') return busy;
  return answer;
}

function remindersOf(ctx: ExecuteContext, i: number): JsonObject[] | undefined {
  if (param(ctx, 'useDefaultReminders', i, true)) return undefined;
  return (collection(ctx, 'remindersUi', i).remindersValues as JsonObject[] | undefined) ?? [];
}

async function create(client: GoogleClient, i: number): Promise<JsonObject> {
  const { ctx } = client;
  const zone = ctx.timezone;
  const fields = collection(ctx, 'additionalFields', i);
  const start = param<unknown>(ctx, 'start', i, '');
  const end = param<unknown>(ctx, 'end', i, '');
  const query: Record<string, QueryValue> = {};
  if (fields.maxAttendees) query.maxAttendees = Number(fields.maxAttendees);
  if (fields.sendNotifications) query.sendNotifications = true;
  if (fields.sendUpdates) query.sendUpdates = String(fields.sendUpdates);
  const body: JsonObject = {
    start: { dateTime: utcText(start, zone), timeZone: zone },
    end: { dateTime: utcText(end, zone), timeZone: zone },
    ...eventBody(ctx.node.name, fields, i, remindersOf(ctx, i)),
  };
  if (fields.allday === 'yes') {
    body.start = { date: dayText(start, zone) };
    body.end = { date: dayText(end, zone) };
  }
  const conference = conferenceRequest(fields);
  if (conference) {
    query.conferenceDataVersion = 1;
    body.conferenceData = conference;
  }
  return call(client, 'POST', `/calendars/${calendarPath(ctx, i)}/events`, { body, query });
}

async function update(client: GoogleClient, i: number): Promise<JsonObject> {
  const { ctx } = client;
  const version = ctx.node.typeVersion;
  const calendar = calendarPath(ctx, i);
  let eventId = String(param(ctx, 'eventId', i, ''));
  if (version >= 1.3 && param(ctx, 'modifyTarget', i, 'instance') === 'event') {
    const instance = await call(client, 'GET', `/calendars/${calendar}/events/${eventId}`);
    eventId = String(instance.recurringEventId ?? eventId);
  }
  const fields = collection(ctx, 'updateFields', i);
  const zone = fields.timezone ? String(fields.timezone) : version > 1 ? ctx.timezone : 'UTC';
  const query: Record<string, QueryValue> = {};
  if (fields.maxAttendees) query.maxAttendees = Number(fields.maxAttendees);
  if (fields.sendNotifications) query.sendNotifications = true;
  if (fields.sendUpdates) query.sendUpdates = String(fields.sendUpdates);
  const body = eventBody(ctx.node.name, fields, i, remindersOf(ctx, i));
  if (fields.start) body.start = { dateTime: utcText(fields.start, zone), timeZone: zone };
  if (fields.end) body.end = { dateTime: utcText(fields.end, zone), timeZone: zone };
  const attendeesUi = (fields.attendeesUi as JsonObject | undefined)?.values as JsonObject | undefined;
  if (attendeesUi) {
    const kept = attendeesUi.mode === 'add'
      ? ((await call(client, 'GET', `/calendars/${calendar}/events/${eventId}`)).attendees as JsonObject[] | undefined) ?? []
      : [];
    body.attendees = [...kept, ...attendeeEmails(attendeesUi.attendees)];
  }
  if (fields.allday === 'yes' && fields.start && fields.end) {
    body.start = { date: dayText(fields.start, zone) };
    body.end = { date: dayText(fields.end, zone) };
  }
  if (Array.isArray(body.recurrence) && body.recurrence.length === 0) delete body.recurrence;
  return call(client, 'PATCH', `/calendars/${calendar}/events/${eventId}`, { body, query });
}

/** The next occurrence of a recurring event from now on (events.instances), else the event itself. */
async function nextInstance(client: GoogleClient, calendar: string, event: JsonObject): Promise<JsonObject> {
  const answer = await call(client, 'GET', `/calendars/${calendar}/events/${String(event.id)}/instances`, { query: { timeMin: new Date().toISOString(), maxResults: 1 } });
  return ((answer.items as JsonObject[] | undefined) ?? [])[0] ?? event;
}

async function getAll(client: GoogleClient, i: number): Promise<JsonObject[]> {
  const { ctx } = client;
  const version = ctx.node.typeVersion;
  const calendar = calendarPath(ctx, i);
  const options = collection(ctx, 'options', i);
  const zone = locatorValue(options.timeZone) || ctx.timezone;
  const query: Record<string, QueryValue> = {};
  if (version >= 1.3) {
    const after = isoOf(param<unknown>(ctx, 'timeMin', i, ''));
    const before = isoOf(param<unknown>(ctx, 'timeMax', i, ''));
    if (after) query.timeMin = withZone(after, zone);
    if (before) query.timeMax = withZone(before, zone);
    if (!options.recurringEventHandling || options.recurringEventHandling === 'expand') query.singleEvents = true;
  }
  if (options.iCalUID) query.iCalUID = String(options.iCalUID);
  if (options.maxAttendees) query.maxAttendees = Number(options.maxAttendees);
  if (options.orderBy) query.orderBy = String(options.orderBy);
  if (options.query) query.q = String(options.query);
  if (options.showDeleted) query.showDeleted = true;
  if (options.showHiddenInvitations) query.showHiddenInvitations = true;
  if (options.singleEvents) query.singleEvents = true;
  if (options.timeMax) query.timeMax = withZone(options.timeMax, zone);
  if (options.timeMin) query.timeMin = withZone(options.timeMin, zone);
  if (locatorValue(options.timeZone)) query.timeZone = locatorValue(options.timeZone);
  if (options.updatedMin) query.updatedMin = withZone(options.updatedMin, zone);
  if (options.fields) query.fields = String(options.fields);
  const path = `/calendar/v3/calendars/${calendar}/events`;
  let events = param(ctx, 'returnAll', i, false)
    ? await googleCallAll(client, path, 'items', query, 250)
    : ((await googleCall(client, 'GET', path, { query: { ...query, maxResults: Number(param(ctx, 'limit', i, 50)) } })).items as JsonObject[] | undefined) ?? [];
  if (version >= 1.3 && options.recurringEventHandling === 'next') {
    const next: JsonObject[] = [];
    for (const event of events) next.push(event.recurrence ? await nextInstance(client, calendar, event) : event);
    events = next;
  } else if (version >= 1.3 && options.recurringEventHandling === 'first') {
    events = events.filter((event) => !(event.recurrence && event.created
      && ((query.timeMin && String(event.created) < String(query.timeMin)) || (query.timeMax && String(event.created) > String(query.timeMax)))));
  }
  return events;
}

async function runItem(client: GoogleClient, resource: string, operation: string, i: number): Promise<JsonObject | JsonObject[]> {
  const { ctx } = client;
  if (resource === 'calendar' && operation === 'availability') return availability(client, i);
  if (resource !== 'event') throw new NodeOperationError(ctx.node.name, `The resource "${resource}" is not known`, { itemIndex: i });
  switch (operation) {
    case 'create': return create(client, i);
    case 'update': return update(client, i);
    case 'getAll': return getAll(client, i);
    case 'delete': {
      const sendUpdates = collection(ctx, 'options', i).sendUpdates;
      await call(client, 'DELETE', `/calendars/${calendarPath(ctx, i)}/events/${String(param(ctx, 'eventId', i, ''))}`, { query: sendUpdates ? { sendUpdates: String(sendUpdates) } : {} });
      return { success: true };
    }
    case 'get': {
      const options = collection(ctx, 'options', i);
      const calendar = calendarPath(ctx, i);
      const query: Record<string, QueryValue> = {};
      if (options.maxAttendees) query.maxAttendees = Number(options.maxAttendees);
      if (locatorValue(options.timeZone)) query.timeZone = locatorValue(options.timeZone);
      const event = await call(client, 'GET', `/calendars/${calendar}/events/${String(param(ctx, 'eventId', i, ''))}`, { query });
      return ctx.node.typeVersion >= 1.3 && options.returnNextInstance && event.recurrence ? nextInstance(client, calendar, event) : event;
    }
    default: throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported`, { itemIndex: i });
  }
}

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const items = ctx.getInputData();
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  const client = calendarClient(ctx, transport);
  const resource = String(param(ctx, 'resource', 0, 'event'));
  const operation = String(param(ctx, 'operation', 0, resource === 'calendar' ? 'availability' : 'create'));
  const output: Item[] = [];
  try {
    for (let i = 0; i < items.length; i++) {
      try {
        const answer = await runItem(client, resource, operation, i);
        for (const json of Array.isArray(answer) ? answer : [answer]) {
          output.push({ json: ctx.node.typeVersion >= 1.3 ? sortEventKeys(json) : json, pairedItem: { item: i } });
        }
      } catch (error) {
        const failure = serviceCallError(ctx.node.name, error, i);
        if (!ctx.continueOnFail()) throw failure;
        output.push({ json: { error: errorMessage(failure) }, pairedItem: { item: i } });
      }
    }
  } finally {
    await transport.close();
  }
  return [output];
}

async function withClient<T>(ctx: ExecuteContext, run: (client: GoogleClient) => Promise<T>): Promise<T> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    return await run(calendarClient(ctx, transport));
  } finally {
    await transport.close();
  }
}

const timezoneNames = () => Intl.supportedValuesOf('timeZone');
const CONFERENCE_NAMES: Record<string, string> = { eventHangout: 'Google Hangout', eventNamedHangout: 'Google Hangout Classic', hangoutsMeet: 'Google Meet' };

export const googleCalendarNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.googleCalendar',
    displayName: 'Google Calendar',
    icon: 'file:googleCalendar.svg',
    group: ['input'],
    version: [1, 1.1, 1.2, 1.3],
    description: 'Consume Google Calendar API',
    defaults: { name: 'Google Calendar' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'googleCalendarOAuth2Api', required: true }],
    properties: googleCalendarProperties,
  },
  execute,
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
      getTimezones: async (_ctx, filter) => ({
        results: timezoneNames().filter((zone) => !filter || zone.toLowerCase().includes(filter.toLowerCase())).map((zone) => ({ name: zone, value: zone })),
      }),
    },
    loadOptions: {
      getColors: (ctx) => withClient(ctx, async (client) => {
        const colors = ((await call(client, 'GET', '/colors')).event ?? {}) as Record<string, JsonObject>;
        return Object.entries(colors).map(([id, color]): LoadedOption => ({ name: `Background: ${String(color.background)} - Foreground: ${String(color.foreground)}`, value: id }));
      }),
      getConferenceSolutions: (ctx) => withClient(ctx, async (client) => {
        const calendar = encodeURIComponent(locatorValue(ctx.getNodeParameter('calendar', 0, '')));
        const entry = await call(client, 'GET', `/users/me/calendarList/${calendar}`);
        const types = ((entry.conferenceProperties as JsonObject | undefined)?.allowedConferenceSolutionTypes as string[] | undefined) ?? [];
        return types.map((type) => ({ name: CONFERENCE_NAMES[type] ?? type, value: type }));
      }),
      getTimezones: async () => timezoneNames().map((zone) => ({ name: zone, value: zone })),
    },
  },
};
