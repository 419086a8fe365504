// Convert to ICS: each item's event written with `ics`, parsed back with node-ical to check every field.
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { icsEvent } from './ics-write.ts';

async function toIcs(parameters: Record<string, unknown>, items: Item[] = [{ json: {} }]) {
  const result = await runChain([{ name: 'C', type: 'n8n-nodes-base.convertToFile', typeVersion: 1.1, parameters: { operation: 'iCal', ...parameters }, continueOnFail: parameters.continueOnFail === true }], { items });
  return { items: outputOf(result, 'C'), error: result.data.resultData.error?.message };
}

const text = (item: Item, property = 'data') => Buffer.from(item.binary![property].data, 'base64').toString('utf8');
const eventOf = (item: Item, property = 'data'): VEvent => Object.values(ical.sync.parseICS(text(item, property))).find((c) => c?.type === 'VEVENT') as VEvent;
const value = (v: unknown) => (v && typeof v === 'object' && 'val' in v ? (v as { val: unknown }).val : v);

describe('Convert to ICS', () => {
  it('writes one event file per item with title, times in UTC and every option', async () => {
    const { items } = await toIcs({
      title: '={{ $json.topic }}',
      start: '2024-05-02T09:30:00Z',
      end: '2024-05-02T11:00:00+02:00',
      binaryPropertyName: 'calendar',
      additionalFields: {
        attendeesUi: { attendeeValues: [{ name: 'Ada', email: 'ada@example.com', rsvp: true }, { name: 'Grace', email: 'grace@example.com' }] },
        busyStatus: 'BUSY',
        calName: 'Team',
        description: 'Plans for May',
        fileName: 'plan.ics',
        geolocationUi: { geolocationValues: { lat: '51.5', lon: '-0.12' } },
        location: 'Room 4',
        recurrenceRule: 'FREQ=WEEKLY;COUNT=3',
        organizerUi: { organizerValues: { name: 'Lin', email: 'lin@example.com' } },
        sequence: 2,
        status: 'TENTATIVE',
        uid: 'plan-42@example.com',
        url: 'https://example.com/plan',
      },
    }, [{ json: { topic: 'Planning' } }, { json: { topic: 'Review' } }]);
    expect(items).toHaveLength(2);
    expect(items[1].pairedItem).toEqual({ item: 1 });
    expect(items[0].binary!.calendar).toMatchObject({ fileName: 'plan.ics', mimeType: 'text/calendar', fileExtension: 'ics' });
    const raw = text(items[0], 'calendar');
    expect(raw).toMatch(/X-WR-CALNAME:Team/);
    expect(raw).toMatch(/X-MICROSOFT-CDO-BUSYSTATUS:BUSY/);
    const event = eventOf(items[0], 'calendar');
    expect(event.summary).toBe('Planning');
    expect(eventOf(items[1], 'calendar').summary).toBe('Review');
    expect(event.start.toISOString()).toBe('2024-05-02T09:30:00.000Z');
    expect(event.end?.toISOString()).toBe('2024-05-02T09:00:00.000Z');
    expect(value(event.description)).toBe('Plans for May');
    expect(value(event.location)).toBe('Room 4');
    expect(event.geo).toEqual({ lat: 51.5, lon: -0.12 });
    expect(event.uid).toBe('plan-42@example.com');
    expect(Number(event.sequence)).toBe(2);
    expect(event.status).toBe('TENTATIVE');
    expect(value(event.url)).toBe('https://example.com/plan');
    expect(event.rrule?.toString()).toMatch(/FREQ=WEEKLY;COUNT=3/);
    const organizer = event.organizer as unknown as { val: string; params: { CN: string } };
    expect([organizer.val.toLowerCase(), organizer.params.CN]).toEqual(['mailto:lin@example.com', 'Lin']);
    const attendees = event.attendee as unknown as Array<{ val: string; params: { CN: string; RSVP?: string | boolean } }>;
    expect(attendees.map((a) => [a.val.toLowerCase(), a.params.CN, String(a.params.RSVP).toUpperCase()])).toEqual([['mailto:ada@example.com', 'Ada', 'TRUE'], ['mailto:grace@example.com', 'Grace', 'FALSE']]);
  });

  it('writes all-day events as dates, the end one day on; event.ics by default', async () => {
    const { items } = await toIcs({ title: 'Offsite', start: '2024-05-02T15:00:00Z', end: '2024-05-03T10:00:00Z', allDay: true });
    expect(items[0].binary!.data.fileName).toBe('event.ics');
    const raw = text(items[0]);
    expect(raw).toMatch(/DTSTART;VALUE=DATE:20240502/);
    expect(raw).toMatch(/DTEND;VALUE=DATE:20240504/);
  });

  it("reads times without an offset in UTC, or in the workflow's timezone when asked", () => {
    const input = { title: 'A', start: '2024-01-10T09:00:00', end: '2024-01-10T10:00:00', allDay: false, timezone: 'America/New_York' };
    const parse = (ics: string) => Object.values(ical.sync.parseICS(ics)).find((c) => c?.type === 'VEVENT') as VEvent;
    expect(parse(icsEvent({ ...input, additionalFields: {} })).start.toISOString()).toBe('2024-01-10T09:00:00.000Z');
    expect(parse(icsEvent({ ...input, additionalFields: { useWorkflowTimezone: true } })).start.toISOString()).toBe('2024-01-10T14:00:00.000Z');
  });

  it('fails on an invalid date, or gives an error item with continue on fail', async () => {
    expect((await toIcs({ title: 'A', start: 'soon', end: '2024-01-10T10:00:00Z' })).error).toBe('The start date "soon" is not a valid date');
    const { items } = await toIcs({ title: 'A', start: 'soon', end: '2024-01-10T10:00:00Z', continueOnFail: true });
    expect(items[0].json).toEqual({ error: 'The start date "soon" is not a valid date' });
  });
});
