// An iCalendar file (node-ical) as one object, close to the ts-ics shape n8n gives: the calendar's
// version, prodId and method, and its events with dates as `{ date: ISO }`. Components other than
// events (todos, timezones) are left out.
import ical from 'node-ical';
import type { JsonObject } from '../../engine/index.ts';

const when = (value: unknown) => (value instanceof Date ? { date: value.toISOString(), ...((value as { dateOnly?: boolean }).dateOnly ? { type: 'DATE' } : {}) } : undefined);

function text(value: unknown): unknown {
  if (value && typeof value === 'object' && 'val' in (value as object)) return (value as { val: unknown }).val;
  return value;
}

function person(value: unknown): JsonObject | undefined {
  if (!value) return undefined;
  const v = value as { val?: string; params?: { CN?: string } };
  const email = String(v.val ?? value).replace(/^mailto:/i, '');
  return { email, ...(v.params?.CN ? { name: v.params.CN } : {}) };
}

export function icsCalendar(content: string): JsonObject {
  if (!/BEGIN:VCALENDAR/i.test(content)) throw new Error('The file is not an iCalendar file (no BEGIN:VCALENDAR)');
  const parsed = ical.sync.parseICS(content) as Record<string, Record<string, unknown>>;
  const calendar = Object.values(parsed).find((c) => c.type === 'VCALENDAR') as Record<string, unknown> | undefined;
  const events = Object.values(parsed).filter((c) => c.type === 'VEVENT').map((e) => {
    const event: JsonObject = {};
    const set = (key: string, value: unknown) => {
      if (value !== undefined && value !== null && value !== '') event[key] = value;
    };
    set('uid', e.uid);
    set('summary', text(e.summary));
    set('description', text(e.description));
    set('location', text(e.location));
    set('url', text(e.url));
    set('status', e.status);
    set('start', when(e.start));
    set('end', when(e.end));
    set('stamp', when(e.dtstamp));
    set('created', when(e.created));
    set('lastModified', when(e.lastmodified));
    set('sequence', e.sequence !== undefined ? Number(e.sequence) : undefined);
    set('organizer', person(e.organizer));
    const attendees = ([] as unknown[]).concat(e.attendee ?? []).map(person).filter(Boolean);
    set('attendees', attendees.length ? attendees : undefined);
    set('recurrenceRule', e.rrule ? String((e.rrule as { toString(): string }).toString()).replace(/^.*RRULE:/s, '') : undefined);
    return event;
  });
  const out: JsonObject = { events };
  if (calendar?.version) out.version = calendar.version;
  if (calendar?.prodid) out.prodId = calendar.prodid;
  if (calendar?.method) out.method = calendar.method;
  return out;
}
