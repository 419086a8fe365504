// Runs a Code node's Python (n8n's "Python (Beta)" and "Python (Native)") in a worker thread that
// keeps one Pyodide interpreter warm. Limits as for JavaScript (code-runner.ts): a wall-clock limit
// (the worker is terminated and a new one started) and a heap limit (worker resourceLimits for the
// JS side, a cap on the interpreter's WebAssembly memory for Python's own heap).
import { Worker } from 'node:worker_threads';
import type { PythonCodeRequest, PythonLanguage } from '../node-sdk.ts';
import { CODE_RUNNER_DEFAULTS, CodeExecutionError, type ConsoleLevel } from './code-runner.ts';
import { BRIDGE_LAYOUT, type PythonFailure, type PythonRunContext, type PythonRunMessage, type WorkerReply } from './python-protocol.ts';

export type { PythonLanguage };

export interface PythonRunnerOptions {
  /** Longest a run may take, in ms. Default 10 000 (as JavaScript). */
  timeoutMs?: number;
  /** Heap limit of the interpreter, in MB. Default 256 (Pyodide itself takes about 35). */
  memoryLimitMb?: number;
  /** Longest the interpreter may take to load, in ms, before a run fails. Default 60 000. */
  loadTimeoutMs?: number;
}

export const PYTHON_RUNNER_DEFAULTS = { timeoutMs: CODE_RUNNER_DEFAULTS.timeoutMs, memoryLimitMb: 256, loadTimeoutMs: 60_000 } satisfies Required<PythonRunnerOptions>;

/** A run as the Code node asks for it (PythonCodeRequest), with where its output goes and what stops it. */
export interface PythonRunRequest extends PythonCodeRequest {
  /** Each line Python wrote: stdout (`print()`) as console.log output, stderr as console.error. */
  onConsole?: (level: ConsoleLevel, args: unknown[]) => void;
  signal?: AbortSignal;
}

export interface PythonRunner {
  /** Resolves with the code's return value as JSON data (undefined for None). */
  run(request: PythonRunRequest): Promise<unknown>;
  /** Starts the interpreter now (it otherwise starts with the first run); resolves with its load time in ms. */
  warm(): Promise<number>;
  dispose(): void;
}

const BRIDGE_BYTES = 4 * 1024 * 1024;
const WORKER_URL = new URL(`./python-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
// A worker from TypeScript sources registers tsx first (as the execution thread's boot does).
const BOOT = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.entry.endsWith('.ts')) (await import(workerData.tsx)).register();
  await import(workerData.entry);
})();`;

interface Slot {
  worker: Worker;
  bridge: SharedArrayBuffer;
  ready: Promise<number>;
  busy: boolean;
  exited: boolean;
}

const DEFAULT_CONTEXT: PythonRunContext = { workflow: {}, execution: {}, prevNode: {}, runIndex: 0, vars: {}, mode: 'manual', timezone: 'UTC' };

export function createPythonRunner(options: PythonRunnerOptions = {}): PythonRunner {
  const { timeoutMs, memoryLimitMb, loadTimeoutMs } = { ...PYTHON_RUNNER_DEFAULTS, ...options };
  let slot: Slot | undefined;
  let nextId = 0;
  let disposed = false;
  // Runs take turns on the one interpreter.
  let queue: Promise<unknown> = Promise.resolve();

  function spawn(): Slot {
    const bridge = new SharedArrayBuffer(BRIDGE_LAYOUT.headerInts * 4 + BRIDGE_BYTES);
    const tsx = import.meta.resolve?.('tsx/esm/api') ?? 'tsx/esm/api';
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: { entry: WORKER_URL.href, tsx, memoryLimitMb, bridge },
      // The JS heap of the thread; Python's heap is capped inside it (see python-worker.ts).
      resourceLimits: { maxOldGenerationSizeMb: Math.max(64, memoryLimitMb), maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    worker.unref();
    // Python's own output is captured inside the thread; anything else written there is dropped.
    worker.stdout.resume();
    worker.stderr.resume();
    const current: Slot = { worker, bridge, busy: false, exited: false, ready: Promise.resolve(0) };
    current.ready = new Promise<number>((resolve, reject) => {
      const onMessage = (message: WorkerReply) => {
        if (message.t !== 'ready') return;
        worker.off('message', onMessage);
        resolve(message.loadMs);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`The Python interpreter stopped while loading (exit code ${code})`)));
    });
    current.ready.catch(() => {});
    worker.on('exit', () => {
      current.exited = true;
      if (slot === current) slot = undefined;
    });
    worker.on('error', () => {});
    return current;
  }

  function live(): Slot {
    if (disposed) throw new Error('The Python runner was disposed');
    if (!slot || slot.exited) slot = spawn();
    return slot;
  }

  function retire(old: Slot): void {
    if (slot === old) slot = undefined;
    void old.worker.terminate();
  }

  function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const guard = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
    return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
  }

  /** Answers the worker's call into the shared buffer, in chunks when it is larger. */
  function answer(current: Slot, request: PythonRunRequest, expression: string, itemIndex: number): Uint8Array {
    let body: string;
    try {
      if (!request.resolve) throw new Error('Referenced node data is not available here');
      const value = request.resolve(`{{ ${expression} }}`, itemIndex);
      body = JSON.stringify({ value: value === undefined ? null : value });
    } catch (error) {
      body = JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
    }
    return new TextEncoder().encode(body);
  }

  function sendChunk(current: Slot, bytes: Uint8Array, offset: number): number {
    const header = new Int32Array(current.bridge, 0, BRIDGE_LAYOUT.headerInts);
    const payload = new Uint8Array(current.bridge, BRIDGE_LAYOUT.headerInts * 4);
    const size = Math.min(BRIDGE_BYTES, bytes.length - offset);
    payload.set(bytes.subarray(offset, offset + size));
    Atomics.store(header, BRIDGE_LAYOUT.total, bytes.length);
    Atomics.store(header, BRIDGE_LAYOUT.chunk, size);
    Atomics.store(header, BRIDGE_LAYOUT.flag, 1);
    Atomics.notify(header, BRIDGE_LAYOUT.flag);
    return offset + size;
  }

  function failure(error: PythonFailure): CodeExecutionError {
    if (error.memory) {
      return new CodeExecutionError(`Code ran out of memory (limit ${memoryLimitMb} MB)`, 'The code allocated too much memory and was stopped', undefined, 'memory');
    }
    // n8n shows "<ExceptionType>: <message>"; the line suffix is as for JavaScript.
    const shown = error.type === 'Error' ? error.message : `${error.type}: ${error.message}`;
    const line = error.line ?? undefined;
    return new CodeExecutionError(line !== undefined ? `${shown} [line ${line}]` : shown, error.traceback.trim().split('\n').slice(-3).join('\n'), line);
  }

  async function runOnce(request: PythonRunRequest): Promise<unknown> {
    if (request.signal?.aborted) throw new CodeExecutionError('The execution was canceled');
    let current = live();
    try {
      await withTimeout(current.ready, loadTimeoutMs, `The Python interpreter did not load within ${loadTimeoutMs} ms`);
    } catch (error) {
      retire(current);
      throw new CodeExecutionError(error instanceof Error ? error.message : String(error));
    }
    if (current.exited) current = live();
    const id = ++nextId;
    const message: PythonRunMessage = {
      t: 'run',
      id,
      code: request.code,
      language: request.language,
      perItem: request.mode === 'runOnceForEachItem',
      itemIndex: request.itemIndex ?? 0,
      items: request.items,
      context: request.context ?? DEFAULT_CONTEXT,
    };
    const { worker } = current;
    current.busy = true;
    return await new Promise<unknown>((resolve, reject) => {
      let pending: { bytes: Uint8Array; offset: number } | undefined;
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        request.signal?.removeEventListener('abort', onAbort);
        current.busy = false;
        settle();
      };
      const timer = setTimeout(() => {
        retire(current);
        finish(() => reject(new CodeExecutionError(`Code execution timed out after ${timeoutMs} ms`, 'Check the code for endless loops', undefined, 'timeout')));
      }, timeoutMs);
      const onAbort = () => {
        retire(current);
        finish(() => reject(new CodeExecutionError('The execution was canceled')));
      };
      const onExit = (code: number) => {
        // The thread's JS heap limit ends it with ERR_WORKER_OUT_OF_MEMORY (exit code 1).
        finish(() => reject(new CodeExecutionError(`Code ran out of memory (limit ${memoryLimitMb} MB)`, `The Python interpreter stopped (exit code ${code})`, undefined, 'memory')));
      };
      const onMessage = (reply: WorkerReply) => {
        if (!('id' in reply) || reply.id !== id) return;
        if (reply.t === 'call') {
          pending = { bytes: answer(current, request, reply.expression, reply.itemIndex), offset: 0 };
          pending.offset = sendChunk(current, pending.bytes, 0);
        } else if (reply.t === 'more' && pending) {
          pending.offset = sendChunk(current, pending.bytes, pending.offset);
        } else if (reply.t === 'console') {
          request.onConsole?.(reply.stream === 'stderr' ? 'error' : 'log', [reply.line]);
        } else if (reply.t === 'result') {
          finish(() => resolve(reply.json === undefined ? undefined : JSON.parse(reply.json)));
        } else if (reply.t === 'error') {
          // After MemoryError Python has freed what the code held; the interpreter stays in use.
          finish(() => reject(failure(reply.error)));
        }
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      request.signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage(message);
    });
  }

  return {
    run(request) {
      const result = queue.then(() => runOnce(request));
      queue = result.catch(() => {});
      return result;
    },
    warm: () => live().ready,
    dispose() {
      disposed = true;
      if (slot) void slot.worker.terminate();
      slot = undefined;
    },
  };
}

const shared = new Map<string, PythonRunner>();

/**
 * The process's Python runner for these limits, started on first use and kept warm for every later
 * run (the interpreter takes seconds to load). The server asks for the limits JavaScript's Code
 * runs under (CODE_TIMEOUT_MS, SANDBOX_MEMORY_MB); it never keeps the process alive.
 */
export function sharedPythonRunner(options: Pick<PythonRunnerOptions, 'timeoutMs' | 'memoryLimitMb'> = {}): PythonRunner {
  const { timeoutMs, memoryLimitMb } = { ...PYTHON_RUNNER_DEFAULTS, ...options };
  const key = `${timeoutMs}/${memoryLimitMb}`;
  let runner = shared.get(key);
  if (!runner) shared.set(key, (runner = createPythonRunner({ timeoutMs, memoryLimitMb })));
  return runner;
}
