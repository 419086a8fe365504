// One calendar event as an ICS file with `ics`, from n8n's Convert to ICS parameters: times read as
// ISO text (in the workflow's zone when asked, else UTC unless they carry an offset), all-day events
// as dates with the end moved one day on (ICS ends are exclusive), the UI's fixed collections unwrapped.
import { createEvent, type Attendee, type DateArray, type EventAttributes } from 'ics';
import { DateTime } from 'luxon';
import type { JsonObject } from '../../engine/index.ts';

export interface IcsEventInput {
  title: string;
  start: unknown;
  end: unknown;
  allDay: boolean;
  additionalFields: JsonObject;
  /** The workflow's IANA zone, used for times without an offset when useWorkflowTimezone is on. */
  timezone: string;
}

function toDateTime(value: unknown, zone: string, name: string): DateTime {
  let date: DateTime;
  if (value instanceof Date) date = DateTime.fromJSDate(value, { zone });
  else if (typeof value === 'number') date = DateTime.fromMillis(value, { zone });
  else date = DateTime.fromISO(String(value ?? ''), { zone });
  if (!date.isValid) throw new Error(`The ${name} date "${String(value)}" is not a valid date`);
  return date;
}

function dateArray(date: DateTime, allDay: boolean): DateArray {
  if (allDay) return [date.year, date.month, date.day];
  const utc = date.toUTC();
  return [utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second] as unknown as DateArray;
}

export function icsEvent(input: IcsEventInput): string {
  const fields = { ...input.additionalFields };
  const zone = fields.useWorkflowTimezone ? input.timezone : 'utc';
  const start = toDateTime(input.start, zone, 'start');
  let end = toDateTime(input.end, zone, 'end');
  if (input.allDay) end = end.plus({ days: 1 });
  const event: EventAttributes = {
    title: input.title,
    start: dateArray(start, input.allDay),
    end: dateArray(end, input.allDay),
    startInputType: 'utc',
    endInputType: 'utc',
  };
  const geo = (fields.geolocationUi as { geolocationValues?: { lat?: unknown; lon?: unknown } } | undefined)?.geolocationValues;
  if (geo) event.geo = { lat: Number(geo.lat), lon: Number(geo.lon) };
  const organizer = (fields.organizerUi as { organizerValues?: { name?: string; email?: string } } | undefined)?.organizerValues;
  if (organizer) event.organizer = { name: organizer.name, email: organizer.email };
  const attendees = (fields.attendeesUi as { attendeeValues?: Attendee[] | Attendee } | undefined)?.attendeeValues;
  if (attendees) event.attendees = (Array.isArray(attendees) ? attendees : [attendees]).map((a) => ({ name: a.name, email: a.email, rsvp: a.rsvp === true }));
  for (const key of ['busyStatus', 'calName', 'description', 'location', 'recurrenceRule', 'status', 'uid', 'url'] as const) {
    if (fields[key] !== undefined && fields[key] !== '') (event as Record<string, unknown>)[key] = String(fields[key]);
  }
  if (fields.sequence !== undefined && fields.sequence !== '') event.sequence = Number(fields.sequence);
  const { error, value } = createEvent(event);
  if (error || !value) throw error ?? new Error('The event could not be written');
  return value;
}
