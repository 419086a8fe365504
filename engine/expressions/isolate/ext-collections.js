// Isolate-side array and object extensions (n8n's documented set).
(function (g) {
  'use strict';
  const W = g.__W;
  const X = (W.ext = W.ext || {});
  const fail = (m) => { throw new W.ExpressionExtensionError(m); };

  /** Deep equality for plain data, as lodash's isEqual behaves on JSON values. */
  function isEqual(a, b) {
    if (a === b || (a !== a && b !== b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !isEqual(a[k], b[k])) return false;
    return true;
  }
  W.isEqual = isEqual;

  function uniqueBy(value, map) {
    const out = [];
    const keys = [];
    for (const v of value) {
      const k = map(v);
      if (!keys.some((o) => isEqual(o, k))) {
        keys.push(k);
        out.push(v);
      }
    }
    return out;
  }
  function unique(value, args) {
    return uniqueBy(value, (item) => {
      if (args.length > 0 && item && typeof item === 'object') {
        const o = {};
        for (const k of args) o[k] = item[k];
        return o;
      }
      return item;
    });
  }
  function ensureNumbers(arr, fn) {
    if (arr.some((i) => typeof i !== 'number')) fail(fn + '(): all array elements must be numbers');
  }
  function sum(value) {
    ensureNumbers(value, 'sum');
    return value.reduce((p, c) => p + c, 0);
  }
  function average(value) {
    ensureNumbers(value, 'average');
    return value.length === 0 ? 0 : sum(value) / value.length;
  }
  W.average = average;
  function defineField(target, key, val) {
    Object.defineProperty(target, key, { value: val, writable: true, enumerable: true, configurable: true });
  }
  function compactObject(value) {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null || v === undefined || v === 'nil' || v === '') continue;
      if (typeof v === 'object') {
        if (Object.keys(v).length === 0) continue;
        defineField(out, k, compactObject(v));
      } else defineField(out, k, v);
    }
    return out;
  }
  function mergeObjects(value, other) {
    if (!other) return value;
    if (typeof other !== 'object') fail('merge(): expected object arg');
    const out = Object.assign({}, value);
    for (const [k, v] of Object.entries(other)) if (!(k in out)) out[k] = v;
    return out;
  }
  function chunk(value, args) {
    const size = args[0];
    if (typeof size !== 'number' || size === 0) fail('chunk(): expected non-zero numeric arg, e.g. .chunk(5)');
    const out = [];
    for (let i = 0; i < value.length; i += size) out.push(value.slice(i, i + size));
    return out;
  }
  function expectArray(name, v, example) {
    if (!Array.isArray(v)) fail(name + '(): expected array arg, e.g. .' + name + '(' + example + ')');
  }
  const undef = () => undefined;

  X.Array = {
    removeDuplicates: unique,
    unique,
    first: (v) => v[0],
    last: (v) => v[v.length - 1],
    pluck(value, args) {
      if (args.length === 0) return value;
      const out = [];
      for (const cur of value) {
        if (!cur || typeof cur !== 'object') continue;
        const p = [];
        for (const k of Object.keys(cur)) for (const f of args) if (f === k) p.push(cur[k]);
        if (p.length > 0) out.push(p.length === 1 ? p[0] : p);
      }
      return out;
    },
    randomItem: (v) => (v.length ? v[Math.floor(Math.random() * v.length)] : undefined),
    sum,
    min(v) {
      ensureNumbers(v, 'min');
      return Math.min(...v);
    },
    max(v) {
      ensureNumbers(v, 'max');
      return Math.max(...v);
    },
    average,
    isNotEmpty: (v) => v.length > 0,
    isEmpty: (v) => v.length === 0,
    compact: (value) => value
      .filter((v) => !(v && typeof v === 'object' && Object.keys(v).length === 0) && v !== null && v !== undefined && v !== 'nil' && v !== '')
      .map((v) => (typeof v === 'object' && v !== null ? compactObject(v) : v)),
    smartJoin(value, args) {
      const [kf, vf] = args;
      if (!kf || !vf || typeof kf !== 'string' || typeof vf !== 'string') {
        fail('smartJoin(): expected two string args, e.g. .smartJoin("name", "value")');
      }
      const out = {};
      for (const v of value) if (typeof v === 'object' && v !== null && kf in v && vf in v) out[v[kf]] = v[vf];
      return out;
    },
    chunk,
    renameKeys(value, args) {
      if (args.length === 0 || args.length % 2 !== 0) {
        fail('renameKeys(): expected an even amount of args: from1, to1 [, from2, to2, ...]. e.g. .renameKeys("name", "title")');
      }
      return value.map((v) => {
        if (typeof v !== 'object' || v === null) return v;
        const o = Object.assign({}, v);
        for (const [from, to] of chunk(args, [2])) {
          if (from in o) {
            o[to] = o[from];
            delete o[from];
          }
        }
        return o;
      });
    },
    merge(value, args) {
      const others = args[0];
      if (others === undefined) {
        return value.reduce((acc, cur) => (cur !== null && typeof cur === 'object' && !Array.isArray(cur) ? mergeObjects(acc, cur) : acc), {});
      }
      expectArray('merge', others, '[{ id: 1, otherValue: 3 }]');
      let merged = {};
      const n = Math.max(value.length, others.length);
      for (let i = 0; i < n; i++) {
        if (value[i] !== undefined && typeof value[i] === 'object' && typeof others[i] === 'object') {
          merged = Object.assign(merged, mergeObjects(value[i], others[i]));
        }
      }
      return merged;
    },
    union(value, args) {
      expectArray('union', args[0], '[1, 2, 3, 4]');
      const out = Array.from(value);
      for (const v of args[0]) if (out.findIndex((w) => isEqual(w, v)) === -1) out.push(v);
      return unique(out, []);
    },
    difference(value, args) {
      expectArray('difference', args[0], '[1, 2, 3, 4]');
      return unique(value.filter((v) => args[0].findIndex((w) => isEqual(w, v)) === -1), []);
    },
    intersection(value, args) {
      expectArray('intersection', args[0], '[1, 2, 3, 4]');
      const out = value.filter((v) => args[0].findIndex((w) => isEqual(w, v)) !== -1);
      for (const v of args[0]) if (value.findIndex((w) => isEqual(w, v)) !== -1) out.push(v);
      return unique(out, []);
    },
    append: (value, args) => value.concat(args),
    toJsonString: (v) => JSON.stringify(v),
    toInt: undef,
    toFloat: undef,
    toBoolean: undef,
    toDateTime: undef,
  };

  // application/x-www-form-urlencoded, as URLSearchParams writes it (no URL classes in here).
  const formEncode = (s) => encodeURIComponent(String(s)).replace(/%20/g, '+').replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

  X.Object = {
    isEmpty: (v) => Object.keys(v).length === 0,
    isNotEmpty: (v) => Object.keys(v).length !== 0,
    hasField: (v, args) => args[0] in v,
    removeField(v, args) {
      if (!(args[0] in v)) return v;
      const o = Object.assign({}, v);
      delete o[args[0]];
      return o;
    },
    removeFieldsContaining(v, args) {
      const m = args[0];
      if (typeof m !== 'string' || m === '') fail('removeFieldsContaining(): expected non-empty string arg');
      const o = Object.assign({}, v);
      for (const [k, val] of Object.entries(v)) if (typeof val === 'string' && val.includes(m)) delete o[k];
      return o;
    },
    keepFieldsContaining(v, args) {
      const m = args[0];
      if (typeof m !== 'string' || m === '') fail('argument of keepFieldsContaining must be a non-empty string');
      const o = Object.assign({}, v);
      for (const [k, val] of Object.entries(v)) if (typeof val !== 'string' || !val.includes(m)) delete o[k];
      return o;
    },
    compact: compactObject,
    urlEncode: (v) => Object.entries(v).map(([k, val]) => formEncode(k) + '=' + formEncode(val)).join('&'),
    keys: (v) => Object.keys(v),
    values: (v) => Object.values(v),
    toJsonString: (v) => JSON.stringify(v),
    toInt: undef,
    toFloat: undef,
    toBoolean: undef,
    toDateTime: undef,
  };
})(globalThis);
