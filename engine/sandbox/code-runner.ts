// Runs a Code node's JavaScript in the isolate: a fresh context per run with n8n's Code node
// globals, console captured, async allowed, and time and memory limits.
import type { ExpressionContext } from '../expression-context.ts';
import type { Item } from '../node-sdk.ts';
import { createHostOps } from '../expressions/host-ops.ts';
import { stateBlob } from '../expressions/runtime.ts';
import { buildSource, splitTemplate } from '../expressions/template.ts';
import { fromIsolate } from '../expressions/transfer.ts';
import { IsolateHost, isMemoryKill, isTimeout, ivm } from './isolate-host.ts';

/** The Code node's two modes (n8n's names). */
export type CodeMode = 'runOnceForAllItems' | 'runOnceForEachItem';

export interface CodeRunnerOptions {
  /** Longest a run may take, in ms, including awaited work. Default 10 000. */
  timeoutMs?: number;
  /** Heap limit of the isolate, in MB. Default 128. */
  memoryLimitMb?: number;
}

export const CODE_RUNNER_DEFAULTS = { timeoutMs: 10_000, memoryLimitMb: 128 } satisfies Required<CodeRunnerOptions>;

/** An isolate whose heap grew past this is replaced once no code runs in it (see IsolateHost.shed). */
const SWOLLEN_HEAP_MB = 64;

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export interface CodeRunRequest {
  code: string;
  mode: CodeMode;
  /** The node's input items; default: the context's connection input. */
  items?: Item[];
  /** Item being processed in per-item mode; default `ctx.itemIndex`. */
  itemIndex?: number;
  ctx: ExpressionContext;
  onConsole?: (level: ConsoleLevel, args: unknown[]) => void;
  /** A stopped run: the code is cut off at once (its isolate is given up). */
  signal?: AbortSignal;
}

export interface CodeRunner {
  /** Resolves with the code's raw return value (the Code node turns it into items: nodes/code/code-result.ts). */
  run(request: CodeRunRequest): Promise<unknown>;
  dispose(): void;
}

/** What the user's code threw, before the line suffix: nodes word their messages from it. */
export interface ThrownError {
  name: string;
  message: string;
  /** Thrown by an expression helper ($(), $input…) rather than by the code itself. */
  expression: boolean;
}

/** The user's code failed; `lineNumber` is the line in their code when it could be found. */
export class CodeExecutionError extends Error {
  constructor(
    message: string,
    readonly description?: string,
    readonly lineNumber?: number,
    readonly kind: 'error' | 'timeout' | 'memory' = 'error',
    readonly thrown?: ThrownError,
  ) {
    super(message);
    this.name = 'CodeExecutionError';
  }
}

const ERROR_PREFIX = '\u0001WEFT';
const CODE_FILE = 'weft:///code.js';
const LEVELS: ConsoleLevel[] = ['log', 'info', 'warn', 'error', 'debug'];

// Per-run globals; `__weftConsole` is removed once console is wired. Static data scopes the code
// asked for are written back to the run when it ends, thrown or not (n8n keeps such changes too).
function wrap(code: string, mode: CodeMode): { source: string; lineOffset: number } {
  const perItem = mode === 'runOnceForEachItem';
  const prelude = `(function (send, sleep) {
  delete globalThis.__weftConsole; delete globalThis.__weftSleep; ${perItem ? '' : 'delete globalThis.$json; delete globalThis.$binary;'}
  let lastTimer = 0; const timers = new Set();
  const fire = (fn, args) => { try { fn(...args); } catch (e) { console.error('Uncaught error in a timer:', e); } };
  const every = (id, ms, fn, args, repeat) => sleep.apply(undefined, [ms], { arguments: { copy: true }, result: { promise: true } })
    .then(() => { if (!timers.has(id)) return; if (!repeat) timers.delete(id); fire(fn, args); if (repeat) every(id, ms, fn, args, true); }, () => {});
  globalThis.setTimeout = (fn, ms, ...args) => { const id = ++lastTimer; timers.add(id); every(id, ms, fn, args, false); return id; };
  globalThis.setInterval = (fn, ms, ...args) => { const id = ++lastTimer; timers.add(id); every(id, ms, fn, args, true); return id; };
  globalThis.setImmediate = (fn, ...args) => globalThis.setTimeout(fn, 0, ...args);
  globalThis.clearTimeout = globalThis.clearInterval = globalThis.clearImmediate = (id) => { timers.delete(id); };
  const fmt = (a) => { try { return __W.toTransfer(typeof a === 'function' ? '[Function: ' + (a.name || 'anonymous') + ']' : a); } catch (e) { return String(a); } };
  globalThis.console = {};
  for (const level of ${JSON.stringify(LEVELS)}) console[level] = (...args) => send(level, args.map(fmt));
  ${perItem ? 'globalThis.item = $input.item;' : 'globalThis.items = $input.all();'}
  const scopes = new Map();
  globalThis.$getWorkflowStaticData = (type) => {
    if (type !== 'global' && type !== 'node') throw new Error('The static data type "' + type + '" is not known; use "global" or "node"');
    if (!scopes.has(type)) scopes.set(type, __W.call('staticData', 'get', type));
    return scopes.get(type);
  };
  __W.writeStaticData = () => { for (const [type, data] of scopes) __W.call('staticData', 'put', type, JSON.stringify(data)); };
})(globalThis.__weftConsole, globalThis.__weftSleep);
(async function () {
`;
  const source = `${prelude}${code}
})().finally(() => __W.writeStaticData()).then((r) => __W.toTransfer(r), (e) => { throw new Error(__W.encodeError(e) + '\\u0002' + (e && e.stack || '')); });`;
  // Line 1 of the user's code is this line of the script.
  return { source, lineOffset: prelude.split('\n').length - 1 };
}

const LOCATION = new RegExp(`\\s*\\[?${CODE_FILE.replace(/[/.]/g, '\\$&')}:(\\d+):\\d+\\]?`);

export function createCodeRunner(options: CodeRunnerOptions = {}): CodeRunner {
  const { timeoutMs, memoryLimitMb } = { ...CODE_RUNNER_DEFAULTS, ...options };
  const host = new IsolateHost({ memoryLimitMb });
  let running = 0;

  async function run(request: CodeRunRequest): Promise<unknown> {
    running++;
    try {
      return await runInIsolate(request);
    } finally {
      if (--running === 0) host.shed(SWOLLEN_HEAP_MB);
    }
  }

  async function runInIsolate(request: CodeRunRequest): Promise<unknown> {
    const ctx: ExpressionContext = request.items ? { ...request.ctx, inputItems: [request.items] } : request.ctx;
    const itemIndex = request.itemIndex ?? ctx.itemIndex;
    const ops = createHostOps({
      current: () => ctx,
      prepare: (expression) => buildSource(splitTemplate(expression.slice(1))),
    });
    const context = host.createContext(ops);
    let offset = 0;
    let timer: NodeJS.Timeout | undefined;
    try {
      const W = context.global.getSync('__W', { reference: true });
      W.getSync('setState', { reference: true }).applySync(undefined, [1, stateBlob(ctx)], { arguments: { copy: true } });
      context.evalSync(`__W.state.itemIndex = ${Number(itemIndex)}; __W.state.allItems = ${request.mode !== 'runOnceForEachItem'};`);
      const onConsole = request.onConsole ?? (() => {});
      context.global.setSync('__weftConsole', new ivm.Callback((level: ConsoleLevel, args: unknown[]) => onConsole(level, args.map(fromIsolate))));
      // Timers for user code: the host sleeps (never much longer than the code may run) and the isolate's
      // promise resolves; a timer still pending when the code returns is dropped with its context.
      context.global.setSync('__weftSleep', new ivm.Reference(
        (ms: unknown) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(Math.max(Number(ms) || 0, 0), timeoutMs + 1000)).unref()),
      ));
      const { source, lineOffset } = wrap(request.code, request.mode);
      offset = lineOffset;
      const script = host.get().compileScriptSync(source, { filename: CODE_FILE });
      // The isolate's own timeout stops most work; the timer also catches a promise that never
      // settles and a builtin deaf to termination, by giving up on that isolate.
      const running = script.run(context, { timeout: timeoutMs, promise: true, copy: true });
      let onAbort: (() => void) | undefined;
      const guard = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          host.retire(running);
          reject(new Error('Script execution timed out.'));
        }, timeoutMs + 50);
        onAbort = () => {
          host.retire(running, { now: true });
          reject(new CodeExecutionError('The execution was canceled', undefined, undefined));
        };
        if (request.signal?.aborted) onAbort();
        else request.signal?.addEventListener('abort', onAbort, { once: true });
      });
      const result = await Promise.race([running, guard]).finally(() => request.signal?.removeEventListener('abort', onAbort!));
      return fromIsolate(result);
    } catch (e) {
      if (e instanceof CodeExecutionError) throw e;
      throw toCodeError(e, offset);
    } finally {
      clearTimeout(timer);
      try {
        context.release();
      } catch {
        // Already gone with a disposed isolate.
      }
    }
  }

  function toCodeError(e: unknown, lineOffset: number): CodeExecutionError {
    const lineOf = (text: string) => {
      const m = LOCATION.exec(text);
      return m ? Number(m[1]) - lineOffset : undefined;
    };
    const message = e instanceof Error ? e.message : String(e);
    const at = message.indexOf(ERROR_PREFIX);
    if (at !== -1) {
      const [json, stack = ''] = message.slice(at + ERROR_PREFIX.length).split('\u0002');
      const info = JSON.parse(json) as { name: string; message: string; description?: string; expression: boolean };
      const line = lineOf(stack);
      const shown = info.expression ? info.message : `${info.name === 'Error' ? '' : `${info.name}: `}${info.message}`;
      const thrown = { name: info.name, message: info.message, expression: info.expression };
      return new CodeExecutionError(line !== undefined ? `${shown} [line ${line}]` : shown, info.description, line, 'error', thrown);
    }
    if (isTimeout(e)) return new CodeExecutionError(`Code execution timed out after ${timeoutMs} ms`, 'Check the code for endless loops or unresolved promises', undefined, 'timeout');
    if (isMemoryKill(e, host)) {
      host.dispose();
      return new CodeExecutionError(`Code ran out of memory (limit ${memoryLimitMb} MB)`, 'The code allocated too much memory and was stopped', undefined, 'memory');
    }
    // A syntax error: isolated-vm puts the location into the message.
    const line = lineOf(message) ?? (e instanceof Error && e.stack ? lineOf(e.stack) : undefined);
    const name = e instanceof Error && e.name !== 'Error' ? `${e.name}: ` : '';
    const shown = `${name}${message.replace(LOCATION, '')}`;
    const thrown = { name: e instanceof Error ? e.name : 'Error', message: message.replace(LOCATION, ''), expression: false };
    return new CodeExecutionError(line !== undefined ? `${shown} [line ${line}]` : shown, undefined, line, 'error', thrown);
  }

  return { run, dispose: () => host.dispose() };
}
