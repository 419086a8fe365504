// Isolate-side core (plain script, runs once per context): error types, the compiled-expression
// table and the conversion of results into values that can be copied out of the isolate.
(function (g) {
  'use strict';
  const W = (g.__W = g.__W || {});
  // Captured before anything can shadow them: we compile our own generated wrappers with these.
  const realFunction = g.Function;
  const EMPTY_THIS = Object.freeze({});

  class ExpressionError extends Error {
    constructor(message, options) {
      super(message);
      this.name = 'ExpressionError';
      this.isExpressionError = true;
      if (options && options.description) this.description = options.description;
      if (options && options.type) this.type = options.type;
    }
  }
  class ExpressionExtensionError extends ExpressionError {
    constructor(message, options) {
      super(message, options);
      this.name = 'ExpressionExtensionError';
    }
  }
  W.ExpressionError = ExpressionError;

  // V8 cannot interrupt a builtin working through a huge sparse array (`Array(5e7).fill(0)` runs
  // for a minute, deaf to the time limit), so such arrays cannot be created by length here.
  const MAX_ARRAY_LENGTH = 1e7;
  const RealArray = g.Array;
  const checkLength = (args) => {
    if (args.length === 1 && typeof args[0] === 'number' && args[0] > MAX_ARRAY_LENGTH) {
      throw new RangeError('Array length ' + args[0] + ' is over the sandbox limit of ' + MAX_ARRAY_LENGTH);
    }
  };
  g.Array = new Proxy(RealArray, {
    apply(target, self, args) { checkLength(args); return Reflect.apply(target, self, args); },
    construct(target, args, newTarget) { checkLength(args); return Reflect.construct(target, args, newTarget); },
  });
  // Same for bulk builtins on arrays made huge through `length`, and for giant strings, which
  // isolated-vm's heap limit does not always catch (an abort of the whole process, not an error).
  const guard = (proto, name, tooBig) => {
    const real = proto[name];
    Object.defineProperty(proto, name, {
      value: function () {
        if (tooBig(this, arguments)) throw new RangeError(name + '() is over the sandbox size limit');
        return real.apply(this, arguments);
      },
      writable: true, configurable: true, enumerable: false,
    });
  };
  const MAX_STRING = 64 * 1024 * 1024;
  for (const name of ['fill', 'copyWithin', 'join', 'reverse', 'sort', 'toString', 'toLocaleString']) {
    guard(RealArray.prototype, name, (self) => self != null && self.length > MAX_ARRAY_LENGTH);
  }
  guard(String.prototype, 'repeat', (self, args) => String(self).length * Number(args[0]) > MAX_STRING);
  guard(String.prototype, 'padStart', (self, args) => Number(args[0]) > MAX_STRING);
  guard(String.prototype, 'padEnd', (self, args) => Number(args[0]) > MAX_STRING);
  /** Results bigger than this many characters (strings, summed over a structure) are refused. */
  W.maxResultChars = 32 * 1024 * 1024;
  W.ExpressionExtensionError = ExpressionExtensionError;

  // tmpl compatibility: an ExpressionError escapes, any other error makes the chunk undefined.
  W.onError = function (e) {
    if (e && e.isExpressionError) throw e;
  };

  /** Errors leave the isolate as a message only, so the details travel JSON-encoded in it. */
  W.ERROR_PREFIX = '\u0001WEFT';
  W.encodeError = function (e) {
    const info = e && typeof e === 'object'
      ? { name: String(e.name || 'Error'), message: String(e.message), description: e.description, type: e.type, expression: !!e.isExpressionError }
      : { name: 'Error', message: String(e), expression: false };
    return W.ERROR_PREFIX + JSON.stringify(info);
  };

  W.fns = [];
  /** Compiles a generated wrapper `(function(){...})` and returns its slot. */
  W.compile = function (source) {
    const fn = realFunction('return ' + source)();
    W.fns.push(fn);
    return W.fns.length - 1;
  };
  /** Compiles and runs generated source at once (nested `$parameter` resolution). */
  W.evalSource = function (source) {
    return realFunction('return ' + source)().call(EMPTY_THIS);
  };

  W.checkResult = function (r) {
    if (typeof r === 'function') {
      if (r === g.DateTime) throw new ExpressionError('this is a DateTime, please access its methods');
      throw new ExpressionError('this is a function, please add ()');
    }
    return r;
  };

  /** Runs compiled expression `id` for one item; the state was set before by `W.setState`. */
  W.run = function (id, itemIndex) {
    try {
      W.state.itemIndex = itemIndex;
      return W.toTransfer(W.checkResult(W.fns[id].call(EMPTY_THIS)));
    } catch (e) {
      throw new Error(W.encodeError(e));
    }
  };

  /**
   * Runs compiled expression `id` for items first … first+count-1 in one call: each entry is
   * `{v}` (the value) or `{e}` (the encoded error), so one item's error does not stop the others.
   * Stops early once `budgetMs` has passed, so slow expressions never add up to a timeout.
   */
  W.runBatch = function (id, first, count, budgetMs) {
    const fn = W.fns[id];
    const out = [];
    const start = Date.now();
    for (let k = 0; k < count && (k === 0 || Date.now() - start < budgetMs); k++) {
      try {
        W.state.itemIndex = first + k;
        out[k] = { v: W.toTransfer(W.checkResult(fn.call(EMPTY_THIS))) };
      } catch (e) {
        out[k] = { e: W.encodeError(e) };
      }
    }
    return out;
  };

  function isLuxon(v, kind) {
    return v !== null && typeof v === 'object' && v['isLuxon' + kind] === true;
  }
  W.isDateTime = function (v) { return isLuxon(v, 'DateTime'); };

  // DateTimes cannot be structured-cloned, so they leave as markers the host turns back into
  // Luxon DateTimes; Durations and Intervals leave as their ISO strings (what JSON would give).
  function tooLarge() {
    return new ExpressionError('The result is too large to return', { description: 'Results are limited to ' + W.maxResultChars + ' characters' });
  }
  function convert(v, seen, flag) {
    if (typeof v === 'string') {
      flag.chars += v.length;
      if (flag.chars > W.maxResultChars) throw tooLarge();
      return v;
    }
    if (v === null || typeof v !== 'object') return typeof v === 'function' || typeof v === 'symbol' ? undefined : v;
    if (isLuxon(v, 'DateTime')) {
      flag.marked = true;
      return { __weftDateTime: v.isValid ? v.toMillis() : null, zone: v.zoneName, locale: v.locale };
    }
    if (isLuxon(v, 'Duration') || isLuxon(v, 'Interval')) return v.toISO();
    if (v instanceof Date || v instanceof RegExp) return v;
    if (seen.has(v)) return seen.get(v);
    if (Array.isArray(v)) {
      const out = new Array(v.length);
      seen.set(v, out);
      for (let i = 0; i < v.length; i++) out[i] = convert(v[i], seen, flag);
      return out;
    }
    const out = {};
    seen.set(v, out);
    for (const k of Object.keys(v)) {
      const c = convert(v[k], seen, flag);
      if (c !== undefined || v[k] === undefined) out[k] = c;
    }
    return out;
  }
  W.toTransfer = function (v) {
    if (typeof v === 'string' && v.length > W.maxResultChars) throw tooLarge();
    if (v === null || typeof v !== 'object') return typeof v === 'symbol' ? undefined : v;
    const flag = { marked: false, chars: 0 };
    const out = convert(v, new Map(), flag);
    return flag.marked ? { __weftWrapped: out } : out;
  };
})(globalThis);
