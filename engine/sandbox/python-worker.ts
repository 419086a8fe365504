// The Python sandbox's worker thread: one Pyodide interpreter, loaded once and kept warm, that runs
// a Code node's Python and is reset after every run. The parent (python-runner.ts) enforces the
// wall-clock limit by terminating this thread; the heap limit is enforced here by refusing to grow
// the WebAssembly memory past it (Python then raises MemoryError).
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import jmespath from 'jmespath';
import { DateTime, Duration, Interval } from 'luxon';
import type { PyodideAPI } from 'pyodide';
import { PYTHON_SUPPORT } from './python-support.ts';
import { BRIDGE_LAYOUT as HEADER, type PythonRunMessage, type WorkerReply } from './python-protocol.ts';

const port = parentPort!;
const { memoryLimitMb, bridge } = workerData as { memoryLimitMb: number; bridge: SharedArrayBuffer };
const send = (reply: WorkerReply) => port.postMessage(reply);

// Emscripten grows its heap through Memory.grow and treats a throw as "no more memory": malloc fails
// and Python raises MemoryError, which the run reports. Set before Pyodide creates its memory.
const grow = WebAssembly.Memory.prototype.grow;
let memoryExhausted = false;
WebAssembly.Memory.prototype.grow = function (this: WebAssembly.Memory, pages: number) {
  if (this.buffer.byteLength + pages * 65536 > memoryLimitMb * 1024 * 1024) {
    memoryExhausted = true;
    throw new RangeError('Python memory limit reached');
  }
  return grow.call(this, pages);
};

// --- synchronous calls to the parent (for `_('Node')`): it answers into the shared buffer ---
const header = new Int32Array(bridge, 0, HEADER.headerInts);
const payload = new Uint8Array(bridge, HEADER.headerInts * 4);
// The run being served: the parent matches calls to it.
let runId = 0;

function callParent(expression: string, itemIndex: number): unknown {
  const id = runId;
  Atomics.store(header, HEADER.flag, 0);
  send({ t: 'call', id, expression, itemIndex });
  const parts: Buffer[] = [];
  let received = 0;
  for (;;) {
    Atomics.wait(header, HEADER.flag, 0);
    const total = Atomics.load(header, HEADER.total);
    const size = Atomics.load(header, HEADER.chunk);
    parts.push(Buffer.from(payload.slice(0, size)));
    received += size;
    Atomics.store(header, HEADER.flag, 0);
    if (received >= total) break;
    send({ t: 'more', id });
  }
  const answer = JSON.parse(Buffer.concat(parts).toString('utf8')) as { value?: unknown; error?: string };
  if (answer.error !== undefined) throw new Error(answer.error);
  return answer.value;
}

// --- loading ---
const started = performance.now();
const require = createRequire(import.meta.url);
const indexURL = `${dirname(require.resolve('pyodide/package.json'))}/`;
const { loadPyodide } = (await import('pyodide')) as { loadPyodide: (options: Record<string, unknown>) => Promise<PyodideAPI> };
const pyodide = await loadPyodide({ indexURL });
// Pyodide's documented output hooks, one call per line: each line goes to the parent as it is
// written, so what a run printed before it was stopped (time limit) is not lost.
pyodide.setStdout({ batched: (line: string) => send({ t: 'console', id: runId, stream: 'stdout', line }) });
pyodide.setStderr({ batched: (line: string) => send({ t: 'console', id: runId, stream: 'stderr', line }) });
pyodide.runPython(PYTHON_SUPPORT);
const support = pyodide.globals.get('__weft') as {
  run: (code: string, globals: unknown, native: boolean, items: string, perItem: boolean) => Promise<PyResult>;
  flush: () => void;
  reset: () => void;
};
// User code reaches JS functions through the proxies it is given (`_input.all.constructor`); without
// the Function constructors it cannot compile JavaScript of its own from them, and without `process`
// it cannot reach the host.
for (const fn of [function () {}, async function () {}, function* () {}, async function* () {}]) {
  Object.defineProperty(Object.getPrototypeOf(fn), 'constructor', { value: undefined });
}
for (const name of ['process', 'eval', 'fetch', 'require', 'Buffer', 'WebSocket']) delete (globalThis as Record<string, unknown>)[name];
// What this thread's global scope held once loaded; anything user code adds is removed after its run.
const baselineGlobals = new Set(Object.getOwnPropertyNames(globalThis));
send({ t: 'ready', loadMs: Math.round(performance.now() - started) });

interface PyResult {
  toJs(options: Record<string, unknown>): unknown;
  destroy(): void;
}

/** A Python value (or a JS value Python handed back) as plain JSON-able data. */
function toPlain(value: unknown): unknown {
  const proxy = value as { toJs?: (o: Record<string, unknown>) => unknown } | undefined;
  if (proxy && typeof proxy.toJs === 'function') return proxy.toJs({ dict_converter: Object.fromEntries, create_proxies: false });
  return value;
}

// --- the Beta (Pyodide) globals: n8n's Code node context with `$` renamed `_` ---
function betaGlobals(message: PythonRunMessage): Record<string, unknown> {
  const { itemIndex, perItem, context } = message;
  const input = message.items;
  const ask = (expression: string) => callParent(expression, itemIndex);
  const cache = new Map<string, unknown>();
  // One answer per expression and run, so that items changed in place stay changed when asked again.
  const cached = (expression: string) => {
    if (!cache.has(expression)) cache.set(expression, ask(expression));
    return cache.get(expression);
  };
  const args = (list: unknown[]) => list.filter((a) => a !== undefined).map((a) => JSON.stringify(toPlain(a))).join(', ');
  const nodeProxy = (name: string) => {
    const ref = `$(${JSON.stringify(String(name))})`;
    return {
      all: (...a: unknown[]) => cached(`${ref}.all(${args(a)})`),
      first: (...a: unknown[]) => cached(`${ref}.first(${args(a)})`),
      last: (...a: unknown[]) => cached(`${ref}.last(${args(a)})`),
      itemMatching: (i: unknown) => cached(`${ref}.itemMatching(${args([i])})`),
      get item() { return cached(`${ref}.item`); },
      get params() { return cached(`${ref}.params`); },
      get isExecuted() { return cached(`${ref}.isExecuted`); },
    };
  };
  const itemAccess = (what: string) => {
    if (perItem) throw new Error(`Can't use .${what}() here [line 1]`);
  };
  const inputProxy = {
    all: () => { itemAccess('all'); return input; },
    first: () => { itemAccess('first'); return input[0]; },
    last: () => { itemAccess('last'); return input[input.length - 1]; },
    get item() {
      if (!perItem) throw new Error("Can't use .item here");
      return input[itemIndex];
    },
    get params() { return cached('$input.params'); },
  };
  const zone = context.timezone;
  const globals: Record<string, unknown> = {
    _: nodeProxy,
    _input: inputProxy,
    _items: (...a: unknown[]) => cached(`$items(${args(a)})`),
    _now: DateTime.now().setZone(zone),
    _today: DateTime.now().setZone(zone).startOf('day'),
    _jmespath: (data: unknown, query: string) => jmespath.search(toPlain(data) as never, String(query)),
    _workflow: context.workflow,
    _execution: context.execution,
    _prevNode: context.prevNode,
    _runIndex: context.runIndex,
    _itemIndex: itemIndex,
    _vars: context.vars,
    _mode: context.mode,
    DateTime,
    Duration,
    Interval,
  };
  if (context.env) globals._env = context.env;
  if (perItem) {
    globals._json = input[itemIndex]?.json;
    globals._binary = input[itemIndex]?.binary;
    globals.item = input[itemIndex];
  } else {
    globals.items = input;
  }
  return globals;
}

function resetThread(): void {
  support.reset();
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (!baselineGlobals.has(name)) delete (globalThis as Record<string, unknown>)[name];
  }
}

async function run(message: PythonRunMessage): Promise<void> {
  runId = message.id;
  memoryExhausted = false;
  // A last line without its newline is still output of this run.
  const flush = () => {
    try {
      support.flush();
    } catch {
      // Output that cannot be written now (the heap is exhausted) is lost; the run's own outcome matters more.
    }
  };
  let result: PyResult | undefined;
  try {
    const native = message.language === 'pythonNative';
    const globals = native ? {} : betaGlobals(message);
    const items = native ? JSON.stringify(message.items) : '[]';
    result = await support.run(message.code, pyodide.toPy(globals, { depth: 1 }), native, items, message.perItem);
    const outcome = result.toJs({ dict_converter: Object.fromEntries, create_proxies: false }) as
      | { ok: true; value: unknown }
      | { ok: false; type: string; message: string; line?: number; traceback: string };
    flush();
    if (outcome.ok) {
      const value = toPlain(outcome.value);
      send({ t: 'result', id: message.id, json: value === undefined ? undefined : JSON.stringify(value) });
    } else {
      send({ t: 'error', id: message.id, error: { ...outcome, memory: memoryExhausted || outcome.type === 'MemoryError' } });
    }
  } catch (e) {
    flush();
    const error = e as Error & { type?: string };
    send({ t: 'error', id: message.id, error: { type: error.type ?? error.name, message: error.message, traceback: error.stack ?? '', memory: memoryExhausted } });
  } finally {
    result?.destroy();
    resetThread();
  }
}

port.on('message', (message: PythonRunMessage) => {
  if (message.t === 'run') void run(message);
});
