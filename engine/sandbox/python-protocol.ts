// Messages between the Python runner (parent) and its worker thread (python-worker.ts).
import type { Item } from '../node-sdk.ts';

/** Values the parent computes for the Beta globals (`_workflow`, `_execution`, …). */
export interface PythonRunContext {
  workflow: unknown;
  execution: unknown;
  prevNode: unknown;
  runIndex: number;
  vars: unknown;
  /** Absent when the configuration does not allow `$env` (then `_env` is not defined, as in n8n). */
  env?: unknown;
  mode: string;
  timezone: string;
}

export interface PythonRunMessage {
  t: 'run';
  id: number;
  code: string;
  language: 'python' | 'pythonNative';
  /** Run once for each item: n8n's "Run Once for Each Item". */
  perItem: boolean;
  itemIndex: number;
  items: Item[];
  context: PythonRunContext;
}

export interface PythonFailure {
  type: string;
  message: string;
  /** The line in the user's code, when the traceback reaches it. */
  line?: number;
  traceback: string;
  /** The interpreter ran out of its heap. */
  memory: boolean;
}

export type WorkerReply =
  | { t: 'ready'; loadMs: number }
  | { t: 'call'; id: number; expression: string; itemIndex: number }
  | { t: 'more'; id: number }
  | { t: 'console'; id: number; lines: string[] }
  | { t: 'result'; id: number; json: string | undefined }
  | { t: 'error'; id: number; error: PythonFailure };

/** Int32 slots at the start of the shared buffer the parent answers calls through. */
export interface BridgeLayout {
  /** 0 while the worker waits, 1 once a chunk is in the buffer. */
  flag: number;
  /** Byte length of the whole answer. */
  total: number;
  /** Byte length of the chunk in the buffer now. */
  chunk: number;
  headerInts: number;
}

export const BRIDGE_LAYOUT: BridgeLayout = { flag: 0, total: 1, chunk: 2, headerInts: 4 };
