// Isolate-side date extensions for Luxon DateTimes and JS Dates (n8n's documented set).
(function (g) {
  'use strict';
  const W = g.__W;
  const X = (W.ext = W.ext || {});
  const fail = (m) => { throw new W.ExpressionExtensionError(m); };
  const DT = () => g.DateTime;

  const DURATION_UNITS = ['milliseconds', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'quarters', 'years'];
  const DATE_PARTS = ['day', 'week', 'month', 'year', 'hour', 'minute', 'second', 'millisecond', 'weekNumber', 'yearDayNumber', 'weekday'];
  const DURATION_MAP = { day: 'days', month: 'months', year: 'years', week: 'weeks', hour: 'hours', minute: 'minutes', second: 'seconds', millisecond: 'milliseconds', ms: 'milliseconds', sec: 'seconds', secs: 'seconds', hr: 'hours', hrs: 'hours', min: 'minutes', mins: 'minutes' };
  const UNIT_MAP = { days: 'day', months: 'month', years: 'year', hours: 'hour', minutes: 'minute', seconds: 'second', milliseconds: 'millisecond', hrs: 'hour', hr: 'hour', mins: 'minute', min: 'minute', secs: 'second', sec: 'second', ms: 'millisecond' };

  const isDT = (d) => W.isDateTime(d);
  const asDT = (d) => (isDT(d) ? d : DT().fromJSDate(d));
  /** JS Dates stay Dates: n8n converts, applies, and converts back. */
  const back = (input, dt) => (isDT(input) ? dt : dt.toJSDate());

  /** n8n's tryToParseDateTime: ISO, HTTP, RFC 2822, SQL, then anything Date.parse accepts. */
  W.parseDateTime = function (value) {
    const D = DT();
    if (isDT(value) && value.isValid) return value;
    if (value instanceof Date) {
      const d = D.fromJSDate(value);
      if (d.isValid) return d;
    }
    const s = String(value).trim();
    const opts = { setZone: true };
    for (const parse of [D.fromISO, D.fromHTTP, D.fromRFC2822, D.fromSQL]) {
      const d = parse.call(D, s, opts);
      if (d.isValid) return d;
    }
    const d = D.fromMillis(Date.parse(s));
    if (d.isValid) return d;
    throw new W.ExpressionError('Value is not a valid date');
  };
  function convertToDateTime(v) {
    if (typeof v === 'string') {
      const d = DT().fromJSDate(new Date(v));
      return d.invalidReason !== null ? undefined : d;
    }
    if (v instanceof Date) return DT().fromJSDate(v);
    if (isDT(v)) return v;
    return undefined;
  }
  function toDateTime(d) {
    if (isDT(d)) return d;
    if (typeof d === 'string') return X.String.toDateTime(d, []);
    return DT().fromJSDate(d);
  }
  const durationObject = (n, unit) => ({ [DURATION_MAP[unit] || unit]: n });

  function shift(sign) {
    return function (date, args) {
      const method = sign > 0 ? 'plus' : 'minus';
      const arg = args.length === 1 ? args[0] : durationObject(args[0] === undefined ? 0 : args[0], args[1] === undefined ? 'minutes' : args[1]);
      return back(date, asDT(date)[method](arg));
    };
  }
  function diffTo(date, args) {
    const other = args[0];
    const unit = args[1] === undefined ? 'days' : args[1];
    let units = Array.isArray(unit) ? unit : [unit];
    if (units.length === 0) units = ['days'];
    const bad = units.find((u) => !DATE_PARTS.includes(u) && !DURATION_UNITS.includes(u));
    if (bad) fail("Unsupported unit '" + String(bad) + "'. Supported: " + DURATION_UNITS.map((u) => "'" + u + "'").join(', ') + '.');
    const diff = asDT(date).diff(toDateTime(other), units);
    return units.length > 1 ? diff.toObject() : diff.as(units[0]);
  }

  X.Date = {
    beginningOf(date, args) {
      const raw = args[0] === undefined ? 'week' : args[0];
      return back(date, asDT(date).startOf(UNIT_MAP[raw] || raw));
    },
    endOfMonth: (date) => back(date, asDT(date).endOf('month')),
    extract(date, args) {
      let part = args[0] === undefined ? 'week' : args[0];
      const dt = asDT(date);
      if (part === 'yearDayNumber') return dt.ordinal;
      if (part === 'week') part = 'weekNumber';
      return dt.get(UNIT_MAP[part] || part);
    },
    format(date, args) {
      return asDT(date).toFormat(args[0], Object.assign({}, args[1] || {}));
    },
    isBetween(date, args) {
      if (args.length !== 2) fail('isBetween(): expected exactly two args');
      const a = convertToDateTime(args[0]);
      const b = convertToDateTime(args[1]);
      if (!a || !b) return undefined;
      const d = asDT(date);
      return a > b ? b < d && d < a : b > d && d > a;
    },
    isDst: (date) => asDT(date).isInDST,
    isInLast(date, args) {
      const past = DT().now().minus(durationObject(args[0] === undefined ? 0 : args[0], args[1] === undefined ? 'minutes' : args[1]));
      const d = asDT(date);
      return past <= d && d <= DT().now();
    },
    isWeekend: (date) => [6, 7].includes(asDT(date).weekday),
    minus: shift(-1),
    plus: shift(1),
    toDateTime,
    diffTo,
    diffToNow: (date, args) => diffTo(date, [DT().now(), args[0]]),
    toInt: (date) => (isDT(date) ? date.toMillis() : date.getTime()),
    toFloat: (date) => (isDT(date) ? date.toMillis() : date.getTime()),
    toBoolean: () => undefined,
    // Only null and undefined are empty; handled by the generic fallback.
    isEmpty: () => false,
    isNotEmpty: () => true,
  };
})(globalThis);
