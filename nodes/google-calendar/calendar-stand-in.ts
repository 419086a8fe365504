// A local stand-in for the Google Calendar API v3, written from Google's public reference:
// calendarList.list/get, colors.get, events insert/get/list/patch/delete/instances and freeBusy.query.
// events.list filters by timeMin/timeMax (events overlapping the window), expands recurring events
// with singleEvents=true (weekly RRULE with COUNT only), and pages with maxResults/pageToken.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CALENDAR_TOKEN = 'ya29.calendar-oauth';
export interface SeenRequest { method: string; path: string; query: URLSearchParams; body: any; authorization?: string }
type Event = Record<string, any>;

export interface CalendarStandIn {
  url: string;
  seen: SeenRequest[];
  /** Events by calendar id. */
  events: Map<string, Event[]>;
  rateLimitOnce(): void;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const startOf = (event: Event) => Date.parse(event.start?.dateTime ?? `${event.start?.date}T00:00:00Z`);
const endOf = (event: Event) => Date.parse(event.end?.dateTime ?? `${event.end?.date}T00:00:00Z`);

/** Weekly instances of a recurring event (RRULE:FREQ=WEEKLY;COUNT=n). */
function instances(event: Event): Event[] {
  const rule = String(event.recurrence?.[0] ?? '');
  const count = Number(/COUNT=(\d+)/.exec(rule)?.[1] ?? 1);
  const week = 7 * 24 * 3600 * 1000;
  return Array.from({ length: count }, (_, n) => ({
    ...event, id: `${event.id}_${n}`, recurringEventId: event.id, recurrence: undefined,
    start: { dateTime: new Date(startOf(event) + n * week).toISOString(), timeZone: event.start?.timeZone },
    end: { dateTime: new Date(endOf(event) + n * week).toISOString(), timeZone: event.end?.timeZone },
  }));
}

export async function startCalendarStandIn(): Promise<CalendarStandIn> {
  const seen: SeenRequest[] = [];
  const events = new Map<string, Event[]>([['primary@example.com', []], ['team@group.calendar.google.com', []]]);
  const calendars = [
    { kind: 'calendar#calendarListEntry', id: 'primary@example.com', summary: 'Me', primary: true, timeZone: 'Europe/Berlin', accessRole: 'owner',
      conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] } },
    { kind: 'calendar#calendarListEntry', id: 'team@group.calendar.google.com', summary: 'Team', timeZone: 'UTC', accessRole: 'writer',
      conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] } },
  ];
  let limitNext = false;
  let counter = 0;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const text = await bodyOf(req);
    const body = text ? JSON.parse(text) : undefined;
    seen.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, body, authorization: req.headers.authorization });
    const reply = (status: number, answer?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
      res.end(answer === undefined ? '' : JSON.stringify(answer));
    };
    const error = (code: number, message: string, reason: string) => reply(code, { error: { errors: [{ domain: 'global', reason, message }], code, message } });
    if (req.headers.authorization !== `Bearer ${CALENDAR_TOKEN}`) return error(401, 'Invalid Credentials', 'authError');
    if (limitNext) {
      limitNext = false;
      return reply(429, { error: { code: 429, message: 'Rate Limit Exceeded', errors: [{ domain: 'usageLimits', reason: 'rateLimitExceeded' }] } }, { 'retry-after': '1' });
    }
    const q = url.searchParams;
    const page = <T>(list: T[], fallback: number) => {
      const size = Number(q.get('maxResults') ?? fallback);
      const start = Number(q.get('pageToken') ?? 0);
      return { items: list.slice(start, start + size), ...(start + size < list.length ? { nextPageToken: String(start + size) } : {}) };
    };
    const parts = url.pathname.replace(/^\/calendar\/v3\//, '').split('/').map(decodeURIComponent);

    if (req.method === 'GET' && parts[0] === 'users' && parts[2] === 'calendarList') {
      if (parts.length === 3) return reply(200, { kind: 'calendar#calendarList', ...page(calendars, 100) });
      const entry = calendars.find((c) => c.id === parts[3]);
      return entry ? reply(200, entry) : error(404, 'Not Found', 'notFound');
    }
    if (req.method === 'GET' && parts[0] === 'colors') {
      return reply(200, { kind: 'calendar#colors', calendar: {}, event: { 1: { background: '#a4bdfc', foreground: '#1d1d1d' }, 2: { background: '#7ae7bf', foreground: '#1d1d1d' } } });
    }
    if (req.method === 'POST' && parts[0] === 'freeBusy') {
      const calendarsOut: Record<string, unknown> = {};
      for (const { id } of body.items) {
        const list = events.get(id);
        calendarsOut[id] = list
          ? { busy: list.filter((e) => e.transparency !== 'transparent' && startOf(e) < Date.parse(body.timeMax) && endOf(e) > Date.parse(body.timeMin)).map((e) => ({ start: e.start.dateTime, end: e.end.dateTime })) }
          : { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };
      }
      return reply(200, { kind: 'calendar#freeBusy', timeMin: body.timeMin, timeMax: body.timeMax, calendars: calendarsOut });
    }
    if (parts[0] !== 'calendars' || parts[2] !== 'events') return error(404, 'Not Found', 'notFound');
    const list = events.get(parts[1]);
    if (!list) return error(404, 'Not Found', 'notFound');
    if (req.method === 'POST' && parts.length === 3) {
      if (!body?.start || !body?.end) return error(400, 'Missing end time.', 'required');
      const now = new Date().toISOString();
      const event = { kind: 'calendar#event', id: body.id ?? `ev${++counter}`, status: 'confirmed', htmlLink: `https://www.google.com/calendar/event?eid=${counter}`,
        created: now, updated: now, creator: { email: parts[1], self: true }, organizer: { email: parts[1], self: true }, sequence: 0, ...body };
      if (Array.isArray(event.recurrence) && event.recurrence.length === 0) delete event.recurrence;
      list.push(event);
      return reply(200, event);
    }
    if (req.method === 'GET' && parts.length === 3) {
      const min = q.get('timeMin') ? Date.parse(q.get('timeMin')!) : -Infinity;
      const max = q.get('timeMax') ? Date.parse(q.get('timeMax')!) : Infinity;
      if (Number.isNaN(min) || Number.isNaN(max)) return error(400, 'Bad Request', 'badRequest');
      const all = q.get('singleEvents') === 'true' ? list.flatMap((e) => (e.recurrence ? instances(e) : [e])) : list;
      const inWindow = all.filter((e) => endOf(e) > min && startOf(e) < max);
      return reply(200, { kind: 'calendar#events', summary: parts[1], timeZone: 'UTC', ...page(inWindow, 250) });
    }
    const event = list.find((e) => e.id === parts[3]) ?? list.flatMap((e) => (e.recurrence ? instances(e) : [])).find((e) => e.id === parts[3]);
    if (!event) return error(404, 'Not Found', 'notFound');
    if (req.method === 'GET' && parts[4] === 'instances') {
      const min = q.get('timeMin') ? Date.parse(q.get('timeMin')!) : -Infinity;
      return reply(200, { kind: 'calendar#events', ...page(instances(event).filter((e) => endOf(e) > min), 250) });
    }
    if (req.method === 'GET') return reply(200, event);
    if (req.method === 'PATCH') {
      Object.assign(event, body, { updated: new Date().toISOString(), sequence: event.sequence + 1 });
      return reply(200, event);
    }
    if (req.method === 'DELETE') {
      list.splice(list.indexOf(event), 1);
      return reply(204);
    }
    return error(404, 'Not Found', 'notFound');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, events,
    rateLimitOnce: () => { limitNext = true; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
