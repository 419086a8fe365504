// Test support: a small stand-in for the Google Calendar API v3's events.list and calendarList.list,
// from Google's public reference. events.list honours updatedMin (events changed at or after it),
// timeMin/timeMax (events overlapping the window), singleEvents, orderBy (startTime only with
// singleEvents=true, else 400), showDeleted (cancelled events hidden unless true), q (free text
// in summary, description, location), maxResults (≤ 2500, default 250) and pageToken paging.
// Bearer token only; Google's error bodies; a 429 rateLimitExceeded with Retry-After when armed.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GCT_TOKEN = 'ya29.calendar-trigger';
export interface GctSeen { method: string; path: string; query: URLSearchParams; authorization?: string }
export type GctEvent = Record<string, any>;

export interface CalendarTriggerStandIn {
  url: string;
  seen: GctSeen[];
  /** Events by calendar id. */
  events: Map<string, GctEvent[]>;
  rateLimitOnce(): void;
  close(): Promise<void>;
}

const startOf = (e: GctEvent) => Date.parse(e.start?.dateTime ?? `${e.start?.date}T00:00:00Z`);
const endOf = (e: GctEvent) => Date.parse(e.end?.dateTime ?? `${e.end?.date}T00:00:00Z`);

export async function startCalendarTriggerStandIn(): Promise<CalendarTriggerStandIn> {
  const seen: GctSeen[] = [];
  const events = new Map<string, GctEvent[]>([['ann@example.com', []], ['team@group.calendar.google.com', []]]);
  const calendars = [
    { kind: 'calendar#calendarListEntry', id: 'ann@example.com', summary: 'Ann', primary: true, accessRole: 'owner' },
    { kind: 'calendar#calendarListEntry', id: 'team@group.calendar.google.com', summary: 'Team', accessRole: 'reader' },
  ];
  let limitNext = false;

  const server = createServer((req, res) => {
    req.resume();
    const url = new URL(req.url ?? '/', 'http://stand-in');
    seen.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, authorization: req.headers.authorization });
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
      res.end(JSON.stringify(body));
    };
    const error = (code: number, message: string, reason: string) => reply(code, { error: { errors: [{ domain: 'global', reason, message }], code, message } });
    if (req.headers.authorization !== `Bearer ${GCT_TOKEN}`) return error(401, 'Invalid Credentials', 'authError');
    if (limitNext) {
      limitNext = false;
      return reply(429, { error: { code: 429, message: 'Rate Limit Exceeded', errors: [{ domain: 'usageLimits', reason: 'rateLimitExceeded', message: 'Rate Limit Exceeded' }] } }, { 'retry-after': '0' });
    }
    const q = url.searchParams;
    const size = Number(q.get('maxResults') ?? 250);
    if (!(size >= 1 && size <= 2500)) return error(400, 'Invalid value for maxResults', 'invalid');
    const page = <T>(list: T[]) => {
      const start = Number(q.get('pageToken') ?? 0);
      return { items: list.slice(start, start + size), ...(start + size < list.length ? { nextPageToken: String(start + size) } : {}) };
    };
    const parts = url.pathname.replace(/^\/calendar\/v3\//, '').split('/').map(decodeURIComponent);
    if (req.method !== 'GET') return error(404, 'Not Found', 'notFound');
    if (parts.join('/') === 'users/me/calendarList') return reply(200, { kind: 'calendar#calendarList', ...page(calendars) });
    if (parts[0] !== 'calendars' || parts[2] !== 'events' || parts.length !== 3) return error(404, 'Not Found', 'notFound');
    const list = events.get(parts[1]);
    if (!list) return error(404, 'Not Found', 'notFound');

    const single = q.get('singleEvents') === 'true';
    const orderBy = q.get('orderBy');
    if (orderBy && orderBy !== 'updated' && orderBy !== 'startTime') return error(400, 'Invalid value for orderBy', 'invalid');
    if (orderBy === 'startTime' && !single) return error(400, 'The requested ordering is not available for the particular query.', 'badRequest');
    const bound = (name: string, fallback: number) => (q.get(name) ? Date.parse(q.get(name)!) : fallback);
    const min = bound('timeMin', -Infinity);
    const max = bound('timeMax', Infinity);
    const updatedMin = bound('updatedMin', -Infinity);
    if ([min, max, updatedMin].some(Number.isNaN)) return error(400, 'Bad Request', 'badRequest');
    const term = q.get('q')?.toLowerCase();
    let found = list
      .filter((e) => q.get('showDeleted') === 'true' || e.status !== 'cancelled')
      .filter((e) => Date.parse(e.updated) >= updatedMin)
      .filter((e) => e.status === 'cancelled' || (endOf(e) > min && startOf(e) < max))
      .filter((e) => !term || [e.summary, e.description, e.location].some((text) => String(text ?? '').toLowerCase().includes(term)));
    if (orderBy === 'updated') found = found.sort((a, b) => Date.parse(a.updated) - Date.parse(b.updated));
    if (orderBy === 'startTime') found = found.sort((a, b) => startOf(a) - startOf(b));
    return reply(200, { kind: 'calendar#events', summary: parts[1], updated: new Date().toISOString(), timeZone: 'UTC', accessRole: 'owner', ...page(found) });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, events,
    rateLimitOnce: () => { limitNext = true; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
