// Isolate-side data proxy: `$json`, `$input`, `$('Node')`, `$node`, `$now`, … as lazy globals.
// Data is fetched from the host on first use and cached until the host sends a new state
// (a new node run), so evaluating the same expression over many items copies each input once.
(function (g) {
  'use strict';
  const W = g.__W;
  const host = g.__weftHost;
  delete g.__weftHost;
  const luxon = g.luxon;
  const jmespath = g.jmespath;
  const ExpressionError = W.ExpressionError;

  /** Host calls return `{__error}` rather than throwing, so the error keeps its type here. */
  W.call = function (op, a, b, c, d) {
    const r = host(op, a, b, c, d);
    if (r !== null && typeof r === 'object' && r.__error) throw new ExpressionError(r.__error.message, r.__error);
    return r;
  };

  const state = (W.state = { token: -1, itemIndex: 0, s: null, input: undefined, window: undefined, memo: new Map(), allItems: false });
  W.setState = function (token, s, keepData) {
    state.token = token;
    state.s = s;
    if (!keepData) {
      state.input = undefined;
      state.window = undefined;
      state.memo.clear();
    }
    luxon.Settings.defaultZone = s.timezone;
  };
  /** One host round trip per distinct question while the state lasts. */
  function memo(key, fn) {
    if (state.memo.has(key)) return state.memo.get(key);
    const v = fn();
    state.memo.set(key, v);
    return v;
  }
  const inputItems = () => (state.input === undefined ? (state.input = W.call('input')) : state.input);
  /**
   * The input's length and item `i`, fetched a window at a time unless the whole input is here
   * already: per-item expressions over a huge input keep only a window of it in the isolate.
   */
  const INPUT_WINDOW = 1000;
  function inputItem(i) {
    if (state.input !== undefined) return { length: state.input.length, item: state.input[i] };
    let w = state.window;
    if (!w || i < w.start || i >= w.start + w.items.length) {
      w = state.window = W.call('inputWindow', i - (i % INPUT_WINDOW), INPUT_WINDOW);
      if (w.start === 0 && w.items.length === w.length) state.input = w.items;
    }
    return { length: w.length, item: w.items[i - w.start] };
  }
  const itemsAt = (key) => memo('i\0' + key, () => W.call('items', key));
  const outputItems = (name, branch, run, mode) =>
    itemsAt(memo(['l', name, branch, run, mode].join('\0'), () => W.call('locate', name, branch, run, mode)).key);
  const nodeInfo = (name) => memo('n\0' + name, () => W.call('node', name));

  function withoutData(binary) {
    const out = {};
    for (const k of Object.keys(binary || {})) {
      out[k] = {};
      for (const p of Object.keys(binary[k])) if (p !== 'data') out[k][p] = binary[k][p];
    }
    return out;
  }
  function itemAt(length, item, i, nodeName) {
    if (i >= length) {
      throw new ExpressionError('"' + nodeName + '" node has ' + length + " item(s) but you're trying to access item " + i, {
        description: 'Adjust your expression to access an existing item index (0-' + (length - 1) + ')',
        type: 'no_execution_data',
      });
    }
    return item;
  }
  function paired(name, index, method) {
    if (state.allItems && method === 'item') {
      throw new ExpressionError("Can't use .item here", {
        description: "In 'Run Once for All Items' mode use .first(), .last(), .all() or .itemMatching(index) instead",
      });
    }
    const loc = W.call('paired', name, index, method);
    return itemsAt(loc.key)[loc.index];
  }

  /**
   * A node's context (its per-execution state, e.g. Split In Batches' `noItemsLeft`): each key is
   * asked of the host when read, so a loop's later runs see the state as it is then.
   */
  function nodeContext(name) {
    const whole = () => W.call('context', name);
    return new Proxy({}, {
      get(_, key) {
        if (typeof key === 'symbol') return undefined;
        if (key === 'toJSON') return whole;
        return W.call('context', name, key);
      },
      has: () => true,
      ownKeys: () => Object.keys(whole()),
      getOwnPropertyDescriptor: (_, key) => ({ enumerable: true, configurable: true, writable: true, value: W.call('context', name, String(key)) }),
    });
  }

  function nodeAccessor(name, i) {
    if (!name) throw new ExpressionError('When calling $(), please specify a node');
    const info = nodeInfo(name);
    return {
      get item() { return paired(name, i, 'item'); },
      itemMatching(index) {
        if (index === undefined) throw new ExpressionError('Missing item index for .itemMatching()');
        return paired(name, index, 'itemMatching');
      },
      pairedItem(index) { return paired(name, index === undefined ? i : index, 'pairedItem'); },
      first(branch, run) { return outputItems(name, branch, run, 'dollar')[0]; },
      last(branch, run) {
        const items = outputItems(name, branch, run, 'dollar');
        return items.length ? items[items.length - 1] : undefined;
      },
      all(branch, run) { return outputItems(name, branch, run, 'dollar'); },
      get params() { return info.params; },
      get isExecuted() { return info.executed; },
      get context() { return nodeContext(name); },
    };
  }

  function positional(name, i) {
    const items = outputItems(name, undefined, undefined, 'node');
    if (items.length === 0) throw new ExpressionError("Node '" + name + "' hasn't been executed", { type: 'no_execution_data' });
    return itemAt(items.length, items[i], i, name);
  }
  function nodeData(name, i) {
    const info = nodeInfo(name);
    return {
      get json() { return positional(name, i).json; },
      get data() { return positional(name, i).json; },
      get binary() { return withoutData(positional(name, i).binary); },
      get parameter() { return info.params; },
      get runIndex() { return info.runIndex; },
      get context() { return nodeContext(name); },
    };
  }

  function resolveParameter(raw) {
    let v = raw;
    if (v && typeof v === 'object' && v.__rl === true) v = v.value;
    if (typeof v === 'string' && v.charAt(0) === '=') return W.evalSource(W.call('prepare', v));
    return v;
  }

  const envDenied = new Proxy({}, {
    get(_, name) {
      if (typeof name === 'symbol') return undefined;
      throw new ExpressionError('access to env vars denied', {
        description: 'Environment variables are blocked for expressions and Code nodes by configuration',
      });
    },
  });

  function input(i) {
    const items = () => {
      const list = inputItems();
      if (list.length === 0) throw new ExpressionError('No execution data available', { type: 'no_execution_data' });
      return list;
    };
    const noArgs = (name, args) => {
      if (args.length) throw new ExpressionError('$input.' + name + '() should have no arguments');
    };
    return {
      get item() {
        const { length, item } = inputItem(i);
        if (length === 0) throw new ExpressionError('No execution data available', { type: 'no_execution_data' });
        return item;
      },
      first(...args) { noArgs('first', args); return items()[0]; },
      last(...args) { noArgs('last', args); const l = items(); return l[l.length - 1]; },
      all() { return inputItems(); },
      get params() { return state.s.prevNode ? nodeInfo(state.s.prevNode.name).params : undefined; },
      get context() { return state.s.prevNode ? nodeContext(state.s.prevNode.name) : undefined; },
    };
  }

  /**
   * `$execution.customData` lives with the run on the host (never cached here): what one node sets,
   * a later node and a resumed run read. Values cross as strings or numbers, anything else marked.
   */
  const crossValue = (v) => (typeof v === 'string' || typeof v === 'number' ? v : typeof v === 'bigint' ? String(v) : { invalid: true });
  const customData = {
    set(k, v) { W.call('customData', 'set', typeof k === 'string' ? k : { invalid: String(k) }, crossValue(v)); },
    setAll(o) { W.call('customData', 'setAll', Object.keys(o || {}).map((k) => [k, crossValue(o[k])])); },
    get(k) { return W.call('customData', 'get', String(k)); },
    getAll() { return W.call('customData', 'getAll'); },
  };

  function now() { return luxon.DateTime.now(); }
  const V = {
    $json(i) {
      const { length, item } = inputItem(i);
      return length === 0 ? undefined : itemAt(length, item, i, state.s.nodeName).json;
    },
    $binary(i) {
      const { length, item } = inputItem(i);
      return length === 0 ? undefined : withoutData(itemAt(length, item, i, state.s.nodeName).binary);
    },
    $input: input,
    $: (i) => (name) => nodeAccessor(name, i),
    $node: (i) => new Proxy({}, { get: (_, name) => (typeof name === 'symbol' ? undefined : nodeData(String(name), i)) }),
    $items: () => (name, output, run) => (name === undefined ? inputItems() : outputItems(name, output || 0, run, 'items')),
    $item: () => (index) => W.scope(index),
    $prevNode: () => {
      const p = state.s.prevNode;
      return p ? { name: p.name, outputIndex: p.outputIndex, runIndex: p.runIndex } : {};
    },
    $runIndex: () => state.s.runIndex,
    $itemIndex: (i) => i,
    $now: now,
    $today: () => now().set({ hour: 0, minute: 0, second: 0, millisecond: 0 }),
    $vars: () => state.s.vars,
    $env: () => (state.s.env === null ? envDenied : state.s.env),
    $execution: () => ({
      id: state.s.execution.id,
      mode: state.s.execution.mode === 'manual' ? 'test' : 'production',
      resumeUrl: state.s.execution.resumeUrl,
      resumeFormUrl: state.s.execution.resumeFormUrl,
      customData: customData,
    }),
    $workflow: () => ({ id: state.s.workflow.id, name: state.s.workflow.name, active: state.s.workflow.active }),
    $jmespath: () => jmespathSearch,
    $jmesPath: () => jmespathSearch,
    $fromAI: () => fromAI,
    $fromAi: () => fromAI,
    $fromai: () => fromAI,
    $parameter: () => new Proxy({}, {
      get(_, name) {
        const params = state.s.params;
        if (name === 'toJSON') return () => params;
        if (typeof name === 'symbol' || !Object.prototype.hasOwnProperty.call(params, name)) return undefined;
        return resolveParameter(params[name]);
      },
      has: (_, name) => Object.prototype.hasOwnProperty.call(state.s.params, name),
      ownKeys: () => Object.keys(state.s.params),
      getOwnPropertyDescriptor: (_, name) => ({ enumerable: true, configurable: true, value: state.s.params[name] }),
    }),
    $rawParameter: () => state.s.params,
    $mode: () => state.s.execution.mode,
    $nodeVersion: () => state.s.nodeVersion,
    $nodeId: () => state.s.nodeId,
    $webhookId: () => state.s.webhookId,
    $position: (i) => i,
    $thisItemIndex: (i) => i,
    $thisRunIndex: () => state.s.runIndex,
    $thisItem: (i) => inputItem(i).item,
    $executionId: () => state.s.execution.id,
    $resumeWebhookUrl: () => state.s.execution.resumeUrl,
  };
  V.$data = V.$json;

  // n8n's $fromAI(key, description, type, default): the value a model gave for `key` when it
  // called this node as a tool. Outside a tool call there is nothing to read.
  function fromAI(key, _description, _type, defaultValue) {
    if (typeof key !== 'string' || key === '') throw new ExpressionError("Add a key, e.g. $fromAI('placeholder_name')", {});
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(key)) {
      throw new ExpressionError('Invalid parameter key, must be between 1 and 64 characters long and only contain lowercase letters, uppercase letters, numbers, underscores, and hyphens', {});
    }
    const args = state.s.fromAI;
    if (args === null || typeof args !== 'object') throw new ExpressionError('No execution data available', { description: '$fromAI() is filled in when an AI Agent calls this node as a tool' });
    const value = args[key];
    return value === undefined ? defaultValue : value;
  }

  function jmespathSearch(data, query) {
    if (typeof data !== 'object' || typeof query !== 'string') {
      throw new ExpressionError('expected two arguments (Object, string) for this function');
    }
    return jmespath.search(Array.isArray(data) ? data : Object.assign({}, data), query);
  }

  /** `$item(i)`: the same variables, seen from another item index. */
  W.scope = function (i) {
    const s = {};
    for (const k of Object.keys(V)) Object.defineProperty(s, k, { get: () => V[k](i), enumerable: true });
    return s;
  };
  W.V = V;

  for (const k of Object.keys(V)) {
    Object.defineProperty(g, k, { get: () => V[k](state.itemIndex), configurable: true });
  }
  for (const k of Object.keys(W.globalFunctions)) g[k] = W.globalFunctions[k];
  g.DateTime = luxon.DateTime;
  g.Duration = luxon.Duration;
  g.Interval = luxon.Interval;
})(globalThis);
