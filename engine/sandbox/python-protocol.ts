// Messages between the Python runner (parent) and its worker thread (python-worker.ts).
import type { Item, PythonRunContext } from '../node-sdk.ts';

export type { PythonRunContext };

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
  | { t: 'console'; id: number; stream: 'stdout' | 'stderr'; line: string }
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
