// The Google Calendar Trigger against a local stand-in for events.list (calendar-trigger-stand-in.ts):
// the first poll stores the time and finds nothing older, later polls deliver created, updated,
// cancelled, started and ended events since the last poll, paging through results; the time is
// kept in static data; a manual run shows one event; the editor lists calendars.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject, TriggerContext } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { GCT_TOKEN, startCalendarTriggerStandIn, type CalendarTriggerStandIn, type GctEvent } from './calendar-trigger-stand-in.ts';
import { calendarIdOf, googleCalendarTriggerNode } from './google-calendar-trigger.node.ts';

let google: CalendarTriggerStandIn;
beforeAll(async () => {
  google = await startCalendarTriggerStandIn();
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
afterEach(() => vi.useRealTimers());

const ann = { __rl: true, mode: 'list', value: 'ann@example.com', cachedResultName: 'Ann' };
const events = () => google.events.get('ann@example.com')!;
const event = (id: string, created: string, updated: string, start: string, end: string, more: GctEvent = {}): GctEvent => ({
  kind: 'calendar#event', id, status: 'confirmed', summary: `Meeting ${id}`, created, updated, start: { dateTime: start }, end: { dateTime: end }, ...more,
});

function pollContext(parameters: Record<string, unknown>, staticData: JsonObject): TriggerContext {
  const ctx = methodContext({
    nodeType: googleCalendarTriggerNode, kind: 'listSearch', method: 'getCalendars', currentNodeParameters: { calendarId: ann, ...parameters },
    credentials: { googleCalendarOAuth2Api: { id: '1', name: 'Calendar' } },
  }, { getCredentials: async () => ({ oauthTokenData: { access_token: GCT_TOKEN } }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
  return { ...ctx, mode: 'trigger', activation: 'activate', getWorkflowStaticData: () => staticData, emit: () => {}, emitError: () => {}, webhookUrl: () => '' };
}
const at = (iso: string) => vi.setSystemTime(new Date(iso));
const poll = (ctx: TriggerContext) => googleCalendarTriggerNode.triggers!.poll!(ctx);
const ids = (out: Awaited<ReturnType<typeof poll>>) => out?.[0].map((item) => item.json.id) ?? null;

describe('Google Calendar Trigger polling', () => {
  it('stores the time on the first poll, then delivers events created since, across pages', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const state: JsonObject = {};
    const ctx = pollContext({ triggerOn: 'eventCreated' }, state);
    events().push(event('old', '2024-03-01T09:00:00.000Z', '2024-03-01T09:00:00.000Z', '2024-03-02T10:00:00Z', '2024-03-02T11:00:00Z'));

    at('2024-03-01T10:00:00.700Z');
    expect(await poll(ctx)).toBeNull();
    expect(state).toEqual({ lastTimeChecked: '2024-03-01T10:00:00Z' });
    const first = google.seen[0];
    expect(first.path).toBe('/calendar/v3/calendars/ann%40example.com/events');
    expect(first.authorization).toBe(`Bearer ${GCT_TOKEN}`);
    expect(Object.fromEntries(first.query)).toEqual({ showDeleted: 'false', orderBy: 'updated', updatedMin: '2024-03-01T10:00:00Z', maxResults: '100' });

    for (let n = 1; n <= 120; n++) events().push(event(`new${n}`, '2024-03-01T10:02:00.000Z', '2024-03-01T10:02:00.000Z', '2024-03-05T10:00:00Z', '2024-03-05T11:00:00Z'));
    events().push(event('edited', '2024-02-01T10:00:00.000Z', '2024-03-01T10:03:00.000Z', '2024-03-05T10:00:00Z', '2024-03-05T11:00:00Z'));
    google.seen.length = 0;
    at('2024-03-01T10:05:00Z');
    const second = await poll(ctx);
    expect(ids(second)).toHaveLength(120);
    expect(ids(second)).not.toContain('edited');
    expect(google.seen.map((s) => s.query.get('pageToken'))).toEqual([null, '100']);
    expect(state.lastTimeChecked).toBe('2024-03-01T10:05:00Z');

    at('2024-03-01T10:06:00Z');
    expect(await poll(ctx)).toBeNull();
  });

  it('tells updated and cancelled events apart, with the match term', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    events().push(
      event('fresh', '2024-03-01T10:01:00.000Z', '2024-03-01T10:01:00.400Z', '2024-03-05T10:00:00Z', '2024-03-05T11:00:00Z'),
      event('moved', '2024-02-01T10:00:00.000Z', '2024-03-01T10:02:00.000Z', '2024-03-05T10:00:00Z', '2024-03-05T11:00:00Z'),
      event('dropped', '2024-02-01T10:00:00.000Z', '2024-03-01T10:03:00.000Z', '2024-03-05T10:00:00Z', '2024-03-05T11:00:00Z', { status: 'cancelled' }),
    );
    at('2024-03-01T10:05:00Z');
    expect(ids(await poll(pollContext({ triggerOn: 'eventUpdated' }, { lastTimeChecked: '2024-03-01T10:00:00Z' })))).toEqual(['moved']);
    google.rateLimitOnce();
    expect(ids(await poll(pollContext({ triggerOn: 'eventCancelled' }, { lastTimeChecked: '2024-03-01T10:00:00Z' })))).toEqual(['dropped']);
    expect(google.seen.at(-1)!.query.get('showDeleted')).toBe('true');
    expect(ids(await poll(pollContext({ triggerOn: 'eventUpdated', options: { matchTerm: 'nothing like it' } }, { lastTimeChecked: '2024-03-01T10:00:00Z' })))).toBeNull();
    expect(google.seen.at(-1)!.query.get('q')).toBe('nothing like it');
  });

  it('delivers events that started or ended since the last poll, expanding single events', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const stamp = '2024-01-01T00:00:00.000Z';
    events().push(
      event('running', stamp, stamp, '2024-03-01T10:02:00Z', '2024-03-01T11:00:00Z'),
      event('finished', stamp, stamp, '2024-03-01T09:00:00Z', '2024-03-01T10:04:00Z'),
      event('later', stamp, stamp, '2024-03-01T12:00:00Z', '2024-03-01T13:00:00Z'),
    );
    at('2024-03-01T10:05:00Z');
    const started = await poll(pollContext({ triggerOn: 'eventStarted' }, { lastTimeChecked: '2024-03-01T10:00:00Z' }));
    expect(ids(started)).toEqual(['running']);
    expect(Object.fromEntries(google.seen.at(-1)!.query)).toMatchObject({
      singleEvents: 'true', orderBy: 'startTime', timeMin: '2024-03-01T10:00:00Z', timeMax: '2024-03-01T10:05:00Z', showDeleted: 'false',
    });
    expect(ids(await poll(pollContext({ triggerOn: 'eventEnded' }, { lastTimeChecked: '2024-03-01T10:00:00Z' })))).toEqual(['finished']);
  });

  it("refuses to poll without an event or calendar, and reports Google's errors", async () => {
    await expect(poll(pollContext({ triggerOn: '' }, {}))).rejects.toThrow('Please select an event');
    await expect(poll(pollContext({ triggerOn: 'eventCreated', calendarId: { __rl: true, mode: 'list', value: '' } }, {}))).rejects.toThrow('Please select a calendar');
    await expect(poll(pollContext({ triggerOn: 'eventCreated', pollTimes: { item: [] } }, {}))).rejects.toThrow('Please set a poll time');
    await expect(poll(pollContext({ triggerOn: 'eventCreated', calendarId: { __rl: true, mode: 'id', value: 'nobody@example.com' } }, {})))
      .rejects.toMatchObject({ details: { description: 'Not Found' } });
  });
});

describe('Google Calendar Trigger manual runs and editor', () => {
  const credentials = { googleCalendarOAuth2Api: { oauthTokenData: { access_token: GCT_TOKEN } } };
  const node = (parameters: Record<string, unknown>) => ({
    name: 'Google Calendar Trigger', type: 'n8n-nodes-base.googleCalendarTrigger', typeVersion: 1,
    parameters: { calendarId: ann, ...parameters }, credentials: { googleCalendarOAuth2Api: { id: '1', name: 'Calendar' } },
  });

  it('shows one event without the time window, and fails when there is none', async () => {
    const stamp = '2024-01-01T00:00:00.000Z';
    events().push(event('a', stamp, stamp, '2020-01-01T10:00:00Z', '2020-01-01T11:00:00Z'), event('b', stamp, stamp, '2020-01-02T10:00:00Z', '2020-01-02T11:00:00Z'));
    const result = await runChain([node({ triggerOn: 'eventStarted' })], { credentials });
    expect(outputOf(result, 'Google Calendar Trigger').map((i) => i.json.id)).toEqual(['a']);
    expect(Object.fromEntries(google.seen[0].query)).toEqual({ showDeleted: 'false', singleEvents: 'true', orderBy: 'startTime', maxResults: '1' });

    const empty = await runChain([node({ triggerOn: 'eventCreated', calendarId: { __rl: true, mode: 'id', value: 'team@group.calendar.google.com' } })], { credentials });
    expect(JSON.stringify(empty.data.resultData.error)).toContain('No data with the current filter could be found');
    expect(google.seen.at(-1)!.path).toBe('/calendar/v3/calendars/team%40group.calendar.google.com/events');
  });

  it('lists calendars for the locator and encodes ids once', async () => {
    const ctx = pollContext({ triggerOn: 'eventCreated' }, {});
    expect((await googleCalendarTriggerNode.methods!.listSearch!.getCalendars(ctx)).results).toEqual([
      { name: 'Ann', value: 'ann@example.com' }, { name: 'Team', value: 'team@group.calendar.google.com' },
    ]);
    expect((await googleCalendarTriggerNode.methods!.listSearch!.getCalendars(ctx, 'tea')).results.map((r) => r.value)).toEqual(['team@group.calendar.google.com']);
    expect(calendarIdOf({ mode: 'list', value: 'ann%40example.com' })).toBe('ann%40example.com');
    expect(calendarIdOf({ mode: 'id', value: 'ann@example.com  ' })).toBe('ann%40example.com');
  });
});
