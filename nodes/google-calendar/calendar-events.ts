// The event bodies n8n's Google Calendar node sends: times read in the workflow's time zone and sent
// in UTC with that zone named, all-day dates, attendees, reminders and the recurrence rule.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';

/** A dateTime parameter value (ISO text, a Luxon value turned to text, or a Date) as ISO text. */
export function isoOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (DateTime.isDateTime(value)) return value.toISO() ?? '';
  return value === undefined || value === null ? '' : String(value);
}

function parse(value: unknown, zone: string): DateTime {
  const text = isoOf(value);
  let date = DateTime.fromISO(text, { zone });
  if (!date.isValid) date = DateTime.fromJSDate(new Date(text), { zone });
  return date;
}

/** moment.tz(value, zone).utc().format(): `2026-01-01T10:00:00Z`. */
export function utcText(value: unknown, zone: string): string {
  const date = parse(value, zone);
  return date.isValid ? date.toUTC().toISO({ suppressMilliseconds: true }) ?? '' : 'Invalid date';
}

/** The calendar date of `value` in `zone`. */
export const dayText = (value: unknown, zone: string) => parse(value, zone).toFormat('yyyy-MM-dd');

/** n8n's addTimezoneToDate: a time with an offset as given, else read in `zone` and sent in UTC. */
export function withZone(value: unknown, zone: string): string {
  const text = isoOf(value);
  if (/(Z|\+\d{2}:\d{2})$/.test(text)) return text;
  return utcText(text, zone);
}

const emails = (list: unknown): Array<{ email: string }> =>
  (Array.isArray(list) ? list : list ? [list] : []).flatMap((entry) => String(entry).split(',').map((email) => ({ email: email.trim() })));

/** The recurrence n8n builds: the RRULE as given, else FREQ/COUNT/UNTIL from the repeat fields. */
function recurrence(nodeName: string, fields: JsonObject, itemIndex: number): string[] {
  if (fields.rrule) return [`RRULE:${String(fields.rrule)}`];
  if (fields.repeatHowManyTimes && fields.repeatUntil) {
    throw new NodeOperationError(nodeName, "You can set either 'Repeat How Many Times' or 'Repeat Until' but not both", { itemIndex });
  }
  const parts: string[] = [];
  if (fields.repeatFrecuency) parts.push(`FREQ=${String(fields.repeatFrecuency).toUpperCase()};`);
  if (fields.repeatHowManyTimes) parts.push(`COUNT=${String(fields.repeatHowManyTimes)};`);
  if (fields.repeatUntil) parts.push(`UNTIL=${parse(fields.repeatUntil, 'UTC').toUTC().toFormat("yyyyMMdd'T'HHmmss")}Z`);
  return parts.length ? [`RRULE:${parts.join('')}`] : [];
}

/** The fields both create and update copy onto the event when set. */
export function eventBody(nodeName: string, fields: JsonObject, itemIndex: number, reminders: JsonObject[] | undefined): JsonObject {
  const body: JsonObject = {};
  if (fields.attendees) body.attendees = emails(fields.attendees);
  if (fields.color) body.colorId = fields.color;
  for (const key of ['description', 'guestsCanInviteOthers', 'guestsCanModify', 'guestsCanSeeOtherGuests', 'id', 'location', 'summary', 'visibility']) {
    if (fields[key]) body[key] = fields[key];
  }
  if (fields.showMeAs) body.transparency = fields.showMeAs;
  if (reminders) body.reminders = { useDefault: false, ...(reminders.length ? { overrides: reminders } : {}) };
  body.recurrence = recurrence(nodeName, fields, itemIndex);
  return body;
}

export const attendeeEmails = emails;

export function conferenceRequest(fields: JsonObject): JsonObject | undefined {
  const solution = ((fields.conferenceDataUi as JsonObject | undefined)?.conferenceDataValues as JsonObject | undefined)?.conferenceSolution;
  if (!solution) return undefined;
  return { createRequest: { requestId: randomUUID(), conferenceSolution: { type: solution } } };
}

const PRIORITY = ['id', 'summary', 'start', 'end', 'attendees', 'creator', 'organizer', 'description', 'location', 'created', 'updated'];

/** 1.3 output: the common event keys first, in n8n's order, then the rest as they came. */
export function sortEventKeys(json: JsonObject): JsonObject {
  const sorted: JsonObject = {};
  for (const key of PRIORITY) if (key in json) sorted[key] = json[key];
  for (const [key, value] of Object.entries(json)) if (!(key in sorted)) sorted[key] = value;
  return sorted;
}
