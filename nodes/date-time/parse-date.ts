// Date parsing of Date & Time v2: numbers are second or millisecond timestamps, strings are read as
// moment.js reads them (ISO 8601, RFC 2822, then the JS Date fallback) in the server's zone, which
// n8n's containers run as UTC.
import { DateTime } from 'luxon';

/** A JS Date's wall-clock fields, reinterpreted as UTC (what `new Date(text)` gives on a UTC host). */
function asUtcWallClock(date: Date): DateTime {
  return DateTime.fromMillis(
    Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds()),
    { zone: 'utc' },
  );
}

const ISO_LIKE = /^\s*[+-]?\d{4,6}-?(\d\d-?\d\d|W\d\d(-?\d)?|\d\d\d)?([T ]\d\d(:?\d\d(:?\d\d([.,]\d+)?)?)?)?\s*(Z|[+-]\d\d(:?\d\d)?)?\s*$/i;

/** moment(text): ISO 8601 (local when no offset), RFC 2822, else `new Date(text)`; invalid otherwise. */
export function parseLikeMoment(text: string): DateTime {
  const trimmed = text.trim();
  if (ISO_LIKE.test(trimmed)) {
    const iso = DateTime.fromISO(trimmed.replace(' ', 'T').replace(',', '.'), { zone: 'utc', setZone: true });
    if (iso.isValid) return iso;
  }
  const rfc = DateTime.fromRFC2822(trimmed, { zone: 'utc', setZone: true });
  if (rfc.isValid) return rfc;
  const fallback = new Date(trimmed);
  if (!Number.isNaN(fallback.getTime())) {
    // A string with an explicit zone is an instant; otherwise it is local (UTC) wall-clock time.
    return /(Z|GMT|UTC|[+-]\d\d:?\d\d)\s*$/i.test(trimmed) ? DateTime.fromJSDate(fallback, { zone: 'utc' }) : asUtcWallClock(fallback);
  }
  return DateTime.invalid('unparsable');
}

export class InvalidDateError extends Error {
  constructor() {
    super('Invalid date format');
  }
}

/** n8n's DateTime v2 parseDate: a DateTime as is, numbers as timestamps, strings via moment or `fromFormat`. */
export function parseDate(date: unknown, options: { timezone?: string; fromFormat?: string } = {}): DateTime {
  if (DateTime.isDateTime(date)) return date;
  let value: unknown = date;
  if (!Number.isNaN(Number(value)) && !options.fromFormat) {
    value = Number(value);
    if (!Number.isInteger(value)) value = (value as number) * 1000;
  }
  let timezone = options.timezone;
  let parsed: DateTime;
  if (Number.isInteger(value)) {
    const number = value as number;
    parsed = number.toString().length < 12 ? DateTime.fromSeconds(number) : DateTime.fromMillis(number);
  } else {
    if (typeof value !== 'string') throw new TypeError(`date.includes is not a function`);
    if (!timezone && value.includes('+')) {
      const offset = Number(value.split('+')[1].slice(0, 2));
      timezone = `Etc/GMT-${offset}`;
    }
    parsed = options.fromFormat ? DateTime.fromFormat(value, options.fromFormat) : parseLikeMoment(value);
  }
  parsed = parsed.setZone(timezone || 'Etc/UTC');
  if (parsed.invalidReason === 'unparsable') throw new InvalidDateError();
  return parsed;
}
