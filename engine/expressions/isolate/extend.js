// Isolate-side dispatch of `x.fn(args)` calls rewritten to `__extend(x, 'fn', [args])` (see
// transform.ts), plus n8n's extended global functions ($ifEmpty, $min, numberList, …).
(function (g) {
  'use strict';
  const W = g.__W;
  const X = W.ext;
  // Order matters for the "only callable on types …" message, as in n8n.
  const TYPES = ['Array', 'Date', 'Number', 'Object', 'String', 'Boolean'];
  const UNSAFE = new Set(['__proto__', 'prototype', 'constructor', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);
  const generic = {
    isEmpty: (v) => v === null || v === undefined || !v,
    isNotEmpty: (v) => !(v === null || v === undefined || !v),
  };

  /** A string that is exactly an ISO timestamp from JSON (`toISOString()` output) acts as a Date. */
  function isDateString(v) {
    if (typeof v !== 'string' || !v.length) return false;
    if (!/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}.\d{3}Z/.test(v)) return false;
    const d = new Date(v);
    return !isNaN(d.valueOf()) && d.toISOString() === v;
  }

  const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  function typeOf(input, name) {
    if (Array.isArray(input)) return 'Array';
    // toDate/toDateTime mean something else on a Date, so date strings keep the string version.
    if (isDateString(input) && name !== 'toDate' && name !== 'toDateTime') return 'Date';
    if (typeof input === 'string') return 'String';
    if (typeof input === 'number') return 'Number';
    if (input && (W.isDateTime(input) || input instanceof Date)) return 'Date';
    if (input !== null && typeof input === 'object') return 'Object';
    if (typeof input === 'boolean') return 'Boolean';
    return '';
  }
  function find(input, name) {
    if (UNSAFE.has(name)) {
      throw new W.ExpressionExtensionError('Cannot access "' + name + '" via expression extension due to security concerns');
    }
    const type = typeOf(input, name);
    const table = type ? X[type] : undefined;
    if (table && hasOwn(table, name)) {
      return { ext: table[name], value: type === 'Date' && typeof input === 'string' ? new Date(input) : input };
    }
    // A native method of the value (e.g. toLocaleString on a Date) wins over the generic ones.
    if (input && typeof input[name] === 'function') return { native: input[name] };
    if (hasOwn(generic, name)) return { ext: generic[name], value: input };
    return undefined;
  }

  function notFound(input, name) {
    if (input === undefined || input === null) {
      throw new W.ExpressionExtensionError(name + " can't be used on " + String(input) + ' value', {
        description: 'To ignore this error, add a ? to the variable before this function, e.g. my_var?.' + name,
      });
    }
    const have = TYPES.filter((t) => hasOwn(X[t], name));
    if (!have.length) throw new W.ExpressionExtensionError('Unknown expression function: ' + name);
    if (have.length === 1) throw new W.ExpressionExtensionError(name + '() is only callable on type "' + have[0] + '"');
    const last = '"' + have.pop() + '"';
    throw new W.ExpressionExtensionError(name + '() is only callable on types ' + have.map((t) => '"' + t + '"').join(', ') + ', and ' + last);
  }

  g.__extend = function (input, name, args) {
    const f = find(input, String(name));
    if (!f) return notFound(input, String(name));
    if (f.native) return f.native.apply(input, args);
    return f.ext(f.value, args);
  };
  /** `x?.fn()`: short-circuits on null/undefined like optional chaining. */
  g.__extendOptional = function (input, name, args) {
    if (input === null || input === undefined) return undefined;
    return g.__extend(input, name, args);
  };

  W.extensionNames = function () {
    const names = new Set(Object.keys(generic));
    for (const t of TYPES) for (const n of Object.keys(X[t])) names.add(n);
    return Array.from(names);
  };

  function ifEmpty(value, defaultValue) {
    if (arguments.length !== 2) throw new W.ExpressionError('expected two arguments (value, defaultValue) for this function');
    if (value === undefined || value === null || value === '') return defaultValue;
    if (typeof value === 'object') {
      if (Array.isArray(value) && !value.length) return defaultValue;
      if (!Object.keys(value).length) return defaultValue;
    }
    return value;
  }
  function numberList(start, end) {
    const size = Math.abs(start - end) + 1;
    const arr = new Array(size);
    let cur = start;
    for (let i = 0; i < size; i++) arr[i] = start < end ? cur++ : cur--;
    return arr;
  }
  function zip(keys, values) {
    if (!Array.isArray(keys) || !Array.isArray(values)) throw new W.ExpressionExtensionError('keys and values must be arrays');
    if (keys.length !== values.length) throw new W.ExpressionExtensionError('keys and values not of equal length');
    const out = {};
    for (let i = 0; i < keys.length; i++) out[keys[i]] = values[i];
    return out;
  }
  const average = (...args) => W.average(args);
  const not = (v) => !v;
  /** `$if` is rewritten to a ternary by the transform; this covers calls it cannot see (spread). */
  function $if(test, a, b) {
    if (arguments.length < 2) throw new W.ExpressionExtensionError('$if requires at least 2 parameters: test, value_if_true[, and value_if_false]');
    return test ? a : b === undefined ? false : b;
  }
  W.globalFunctions = { min: Math.min, max: Math.max, not, average, numberList, zip, $min: Math.min, $max: Math.max, $average: average, $not: not, $ifEmpty: ifEmpty, $if };
})(globalThis);
