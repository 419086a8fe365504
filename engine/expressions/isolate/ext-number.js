// Isolate-side number and boolean extensions (n8n's documented set).
(function (g) {
  'use strict';
  const W = g.__W;
  const X = (W.ext = W.ext || {});
  const fail = (m) => { throw new W.ExpressionExtensionError(m); };

  function round(value, args) {
    const places = args[0] === undefined ? 0 : args[0];
    return +value.toFixed(places);
  }

  X.Number = {
    ceil: (v) => Math.ceil(v),
    floor: (v) => Math.floor(v),
    format(v, args) {
      const locales = args[0] === undefined ? 'en-US' : args[0];
      return new Intl.NumberFormat(locales, args[1] || {}).format(v);
    },
    round,
    abs: (v) => Math.abs(v),
    isInteger: (v) => Number.isInteger(v),
    isEven(v) {
      if (!Number.isInteger(v)) fail('isEven() is only callable on integers');
      return v % 2 === 0;
    },
    isOdd(v) {
      if (!Number.isInteger(v)) fail('isOdd() is only callable on integers');
      return Math.abs(v) % 2 === 1;
    },
    toBoolean: (v) => v !== 0,
    toInt: (v) => round(v, []),
    toFloat: (v) => v,
    toDateTime(v, args) {
      const fmt = args[0] === undefined ? 'ms' : args[0];
      const DT = g.DateTime;
      switch (fmt) {
        // Days since 1900, with Excel's 1900 leap-year bug.
        case 'excel': return DT.fromSeconds((v - (25567 + 2)) * 86400);
        case 's': return DT.fromSeconds(v);
        case 'us': return DT.fromMillis(v / 1000);
        case 'ms': return DT.fromMillis(v);
        default:
          return fail("Unsupported format '" + String(fmt) + "'. toDateTime() supports 'ms', 's', 'us' and 'excel'.");
      }
    },
  };

  const boolToInt = (v) => (v ? 1 : 0);
  X.Boolean = {
    toBoolean: (v) => v,
    toInt: boolToInt,
    toFloat: boolToInt,
    toNumber: boolToInt,
    toDateTime: () => undefined,
  };
})(globalThis);
