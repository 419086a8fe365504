import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatMoment, momentToLuxonFormat, ordinal } from './moment-format.ts';
import { InvalidDateError, parseDate, parseLikeMoment } from './parse-date.ts';

describe('parseDate (Date & Time v2)', () => {
  it('reads second and millisecond timestamps, as numbers or text', () => {
    expect(parseDate(1705312800).toISO()).toBe('2024-01-15T10:00:00.000+00:00');
    expect(parseDate('1705312800000').toISO()).toBe('2024-01-15T10:00:00.000+00:00');
    expect(parseDate(1705312800.5).toMillis()).toBe(1705312800500);
  });

  it('reads text without an offset as UTC, then moves it to the zone', () => {
    expect(parseDate('2024-01-15 10:00', { timezone: 'America/New_York' }).toISO()).toBe('2024-01-15T05:00:00.000-05:00');
    expect(parseDate('January 15, 2024').toISO()).toBe('2024-01-15T00:00:00.000+00:00');
  });

  it('takes the zone of a "+hh" offset when no zone is given', () => {
    expect(parseDate('2024-01-15T10:00:00+02:00').zoneName).toBe('Etc/GMT-2');
  });

  it('parses with an explicit format and rejects nonsense', () => {
    expect(parseDate('15/01/2024', { fromFormat: 'dd/MM/yyyy' }).toISODate()).toBe('2024-01-15');
    expect(() => parseDate('not a date')).toThrow(InvalidDateError);
    expect(parseLikeMoment('Mon, 15 Jan 2024 10:00:00 +0100').toUTC().hour).toBe(9);
  });
});

describe('moment formats (Date & Time v1)', () => {
  const dt = DateTime.fromISO('2024-01-07T15:04:05.123Z', { zone: 'utc' });

  it('formats tokens, literals and long formats like moment (en)', () => {
    expect(formatMoment(dt, 'YYYY-MM-DD HH:mm:ss.SSS')).toBe('2024-01-07 15:04:05.123');
    expect(formatMoment(dt, 'dddd Do MMM, h A [week] w/W')).toBe('Sunday 7th Jan, 3 PM week 2/1');
    expect(formatMoment(dt, 'LL')).toBe('January 7, 2024');
    expect(formatMoment(dt, 'X x Z')).toBe('1704639845 1704639845123 +00:00');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 102, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '102nd', '111th']);
  });

  it('turns moment parse patterns into Luxon ones', () => {
    expect(momentToLuxonFormat('DD/MM/YYYY HH:mm')).toBe('dd/MM/yyyy HH:mm');
    expect(momentToLuxonFormat('YYYY [at] h a')).toBe("yyyy 'at' h a");
  });
});
