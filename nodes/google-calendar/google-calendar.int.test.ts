// The Google Calendar node against a local stand-in of the Calendar API v3 (calendar-stand-in.ts):
// event bodies (UTC times with the zone, all-day dates, attendees, reminders, recurrence), paging,
// the 1.3 window and recurring-event handling, updates, availability, errors and editor lists.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { CALENDAR_TOKEN, startCalendarStandIn, type CalendarStandIn } from './calendar-stand-in.ts';
import { googleCalendarNode } from './google-calendar.node.ts';
import { testGoogleCalendarOAuth2Credential } from './google-calendar-credential-test.ts';

let google: CalendarStandIn;
beforeAll(async () => {
  google = await startCalendarStandIn();
  process.env.WEFT_GOOGLE_CALENDAR_API_URL = google.url;
});
afterAll(async () => {
  delete process.env.WEFT_GOOGLE_CALENDAR_API_URL;
  await google.close();
});
beforeEach(() => {
  google.seen.length = 0;
  for (const list of google.events.values()) list.length = 0;
});

const credentials = { googleCalendarOAuth2Api: { oauthTokenData: { access_token: CALENDAR_TOKEN } } };
const primary = { __rl: true, mode: 'list', value: 'primary@example.com', cachedResultName: 'Me' };
const run = (typeVersion: number, parameters: Record<string, unknown>, continueOnFail = false) => runChain([{
  name: 'Calendar', type: 'n8n-nodes-base.googleCalendar', typeVersion, parameters, continueOnFail,
  credentials: { googleCalendarOAuth2Api: { id: '1', name: 'Calendar' } },
}], { items: [{ json: {} }], credentials });

describe('Google Calendar events', () => {
  it('creates an event: times sent in UTC with the workflow zone, attendees split, reminders, a weekly rule; 1.3 puts id and summary first', async () => {
    const result = await run(1.3, {
      calendar: primary, start: '2026-12-08T10:00:00', end: '2026-12-08T11:00:00+01:00', useDefaultReminders: false,
      remindersUi: { remindersValues: [{ method: 'popup', minutes: 10 }] },
      additionalFields: { summary: 'Standup', attendees: ['a@example.com, b@example.com'], repeatFrecuency: 'weekly', repeatHowManyTimes: 3, sendUpdates: 'all', showMeAs: 'transparent' },
    });
    const insert = google.seen[0];
    expect([insert.method, insert.path, insert.query.get('sendUpdates'), insert.authorization]).toEqual(['POST', '/calendar/v3/calendars/primary%40example.com/events', 'all', `Bearer ${CALENDAR_TOKEN}`]);
    expect(insert.body).toEqual({
      start: { dateTime: '2026-12-08T10:00:00Z', timeZone: 'UTC' }, end: { dateTime: '2026-12-08T10:00:00Z', timeZone: 'UTC' },
      summary: 'Standup', attendees: [{ email: 'a@example.com' }, { email: 'b@example.com' }], transparency: 'transparent',
      reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 10 }] }, recurrence: ['RRULE:FREQ=WEEKLY;COUNT=3;'],
    });
    expect(Object.keys(outputOf(result, 'Calendar')[0].json).slice(0, 4)).toEqual(['id', 'summary', 'start', 'end']);
  });

  it('creates an all-day event with dates and a Meet conference request', async () => {
    await run(1.2, { calendar: primary, start: '2026-12-24T00:00:00', end: '2026-12-25T00:00:00',
      additionalFields: { allday: 'yes', conferenceDataUi: { conferenceDataValues: { conferenceSolution: 'hangoutsMeet' } } } });
    const insert = google.seen[0];
    expect(insert.body.start).toEqual({ date: '2026-12-24' });
    expect(insert.body.end).toEqual({ date: '2026-12-25' });
    expect(insert.query.get('conferenceDataVersion')).toBe('1');
    expect(insert.body.conferenceData.createRequest.conferenceSolution).toEqual({ type: 'hangoutsMeet' });
  });

  it('lists every event across pages (1.2) and, in 1.3, the window with recurring events expanded or only the next one', async () => {
    const events = google.events.get('primary@example.com')!;
    for (let i = 0; i < 260; i++) events.push({ id: `e${i}`, summary: `E${i}`, start: { dateTime: '2026-12-08T10:00:00Z' }, end: { dateTime: '2026-12-08T11:00:00Z' } });
    const all = await run(1.2, { operation: 'getAll', calendar: primary, returnAll: true });
    expect(outputOf(all, 'Calendar')).toHaveLength(260);
    expect(google.seen.map((r) => r.query.get('pageToken'))).toEqual([null, '250']);

    events.length = 0;
    events.push({ id: 'weekly', summary: 'Weekly', created: '2026-01-01T00:00:00Z', recurrence: ['RRULE:FREQ=WEEKLY;COUNT=4'],
      start: { dateTime: '2026-12-01T09:00:00Z' }, end: { dateTime: '2026-12-01T10:00:00Z' } });
    google.seen.length = 0;
    const expanded = await run(1.3, { operation: 'getAll', calendar: primary, timeMin: '2026-12-01T00:00:00', timeMax: '2026-12-20T00:00:00', limit: 10 });
    expect(google.seen[0].query.get('singleEvents')).toBe('true');
    expect(google.seen[0].query.get('timeMin')).toBe('2026-12-01T00:00:00Z');
    expect(outputOf(expanded, 'Calendar').map((i) => i.json.id)).toEqual(['weekly_0', 'weekly_1', 'weekly_2']);
    const next = await run(1.3, { operation: 'getAll', calendar: primary, timeMin: '2026-11-01T00:00:00Z', timeMax: '2027-01-01T00:00:00Z', options: { recurringEventHandling: 'next' } });
    expect(outputOf(next, 'Calendar')).toHaveLength(1);
    expect(google.seen.at(-1)!.path).toBe('/calendar/v3/calendars/primary%40example.com/events/weekly/instances');
  });

  it('updates: 1.2 adds attendees to those the event has; the zone defaults to the workflow’s; empty recurrence is not sent', async () => {
    google.events.get('primary@example.com')!.push({ id: 'e1', summary: 'Old', attendees: [{ email: 'a@example.com' }], sequence: 0, start: { dateTime: '2026-12-08T10:00:00Z' }, end: { dateTime: '2026-12-08T11:00:00Z' } });
    const result = await run(1.2, { operation: 'update', calendar: primary, eventId: 'e1',
      updateFields: { summary: 'New', start: '2026-12-09T08:00:00', attendeesUi: { values: { mode: 'add', attendees: ['b@example.com'] } } } });
    const patch = google.seen.find((r) => r.method === 'PATCH')!;
    expect(patch.body).toEqual({ summary: 'New', start: { dateTime: '2026-12-09T08:00:00Z', timeZone: 'UTC' }, attendees: [{ email: 'a@example.com' }, { email: 'b@example.com' }] });
    expect(outputOf(result, 'Calendar')[0].json).toMatchObject({ id: 'e1', summary: 'New', sequence: 1 });
  });

  it('gets and deletes an event; a missing one fails with Google’s word as the description, a 429 is waited out', async () => {
    google.events.get('primary@example.com')!.push({ id: 'e2', summary: 'Gone soon', start: { dateTime: '2026-12-08T10:00:00Z' }, end: { dateTime: '2026-12-08T11:00:00Z' } });
    google.rateLimitOnce();
    const got = await run(1, { operation: 'get', calendar: primary, eventId: 'e2' });
    expect(outputOf(got, 'Calendar')[0].json.summary).toBe('Gone soon');
    const deleted = await run(1.3, { operation: 'delete', calendar: primary, eventId: 'e2', options: { sendUpdates: 'none' } });
    expect(outputOf(deleted, 'Calendar')[0].json).toEqual({ success: true });
    expect(google.seen.at(-1)!.query.get('sendUpdates')).toBe('none');
    const missing = await run(1.3, { operation: 'get', calendar: primary, eventId: 'e2' }, true);
    expect(outputOf(missing, 'Calendar')[0].json.error).toBe('The resource you are requesting could not be found');
  });
});

describe('Google Calendar availability and editor lists', () => {
  it('answers availability from freeBusy, booked slots on request', async () => {
    google.events.get('team@group.calendar.google.com')!.push({ id: 'b', start: { dateTime: '2026-12-08T10:00:00Z' }, end: { dateTime: '2026-12-08T11:00:00Z' } });
    const team = { __rl: true, mode: 'id', value: 'team@group.calendar.google.com' };
    const busy = await run(1.3, { resource: 'calendar', operation: 'availability', calendar: team, timeMin: '2026-12-08T10:30:00', timeMax: '2026-12-08T12:00:00' });
    expect(google.seen[0].body).toEqual({ timeMin: '2026-12-08T10:30:00Z', timeMax: '2026-12-08T12:00:00Z', items: [{ id: 'team@group.calendar.google.com' }], timeZone: 'UTC' });
    expect(outputOf(busy, 'Calendar')[0].json).toEqual({ available: false });
    const slots = await run(1.3, { resource: 'calendar', operation: 'availability', calendar: team, timeMin: '2026-12-08T00:00:00Z', timeMax: '2026-12-09T00:00:00Z', options: { outputFormat: 'bookedSlots' } });
    expect(outputOf(slots, 'Calendar').map((i) => i.json)).toEqual([{ start: '2026-12-08T10:00:00Z', end: '2026-12-08T11:00:00Z' }]);
  });

  it('lists calendars for the locator, filtered by name', async () => {
    const ctx = methodContext({ nodeType: googleCalendarNode, kind: 'listSearch', method: 'getCalendars', currentNodeParameters: { operation: 'getAll' },
      credentials: { googleCalendarOAuth2Api: { id: '1', name: 'x' } } }, { getCredentials: async () => credentials.googleCalendarOAuth2Api, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
    expect((await googleCalendarNode.methods!.listSearch!.getCalendars(ctx)).results).toEqual([
      { name: 'Me', value: 'primary@example.com' }, { name: 'Team', value: 'team@group.calendar.google.com' }]);
    expect((await googleCalendarNode.methods!.listSearch!.getCalendars(ctx, 'tea')).results.map((r) => r.value)).toEqual(['team@group.calendar.google.com']);
    const colors = await googleCalendarNode.methods!.loadOptions!.getColors(ctx);
    expect(colors[0]).toEqual({ name: 'Background: #a4bdfc - Foreground: #1d1d1d', value: '1' });
  });

  it('tests the OAuth2 credential with calendarList', async () => {
    await expect(testGoogleCalendarOAuth2Credential(credentials.googleCalendarOAuth2Api, 5000)).resolves.toBe('Connection tested successfully');
    expect(google.seen.at(-1)!.query.get('maxResults')).toBe('1');
    await expect(testGoogleCalendarOAuth2Credential({ oauthTokenData: { access_token: 'old' } }, 5000)).rejects.toThrow('Google Calendar answered 401: Invalid Credentials');
  });
});
