// The job queue port: runs (and resumed parts of runs) wait here for a worker. Adapters with the
// same semantics: in-process, in-process with its worker on an execution thread (the embedded
// default), and BullMQ on Redis (scale-out).
import type { RunResult } from '../run-data.ts';

/** One unit of work: bring an execution as far as it goes (finished, parked, or handed back). */
export interface RunJob {
  executionId: string;
  workflowId: string;
  /** A parked run whose time has come (or that a webhook call resumed). */
  resume?: boolean;
}

/**
 * A run's end or park: the revision of its stream then, and its result where the queue can carry
 * it. The revision tells which waiters it concerns: one who began waiting at that revision or
 * later (a resume of a run that had just parked) waits for the next end.
 */
export interface EndedOutcome {
  revision: number;
  result?: RunResult;
  /** The result holds only its last node's data (see WantedResult). */
  lastNodeOnly?: true;
  /**
   * The run's record as its events, large outputs left by reference (small): what a 'record'
   * waiter gets. Offered as a reader by whoever ran the run, read before its data may be dropped.
   */
  record?: unknown[];
  readRecord?: () => Promise<unknown[]>;
}

/**
 * What a waiter needs of a run's result: all of it, its last node's data only (a webhook's answer),
 * or only that it ended ('record': the caller reads the record itself, a large run's outputs then
 * never cross between threads or processes).
 */
export type WantedResult = 'full' | 'lastNode' | 'record';

const WANTED_RANK: Record<WantedResult, number> = { record: 0, lastNode: 1, full: 2 };

/** The wider of two wants (whoever asked for more gets it, and the others with it). */
export function widerWant(a: WantedResult | undefined, b: WantedResult): WantedResult {
  return a !== undefined && WANTED_RANK[a] >= WANTED_RANK[b] ? a : b;
}

/** Lower runs first: manual runs go ahead of a webhook or schedule backlog. */
export const PRIORITY = { manual: 1, retry: 2, resume: 3, production: 5 } as const;

export interface EnqueueOptions {
  priority: number;
  /** Start no earlier than this many ms from now (parked runs, waits). */
  delayMs?: number;
  /** A job with the same key that is still waiting is not added twice. */
  key: string;
}

/** What a worker does with a job. `signal` fires when the worker hands the job back on shutdown. */
export type JobHandler = (job: RunJob, signal: AbortSignal) => Promise<void>;

export interface WorkerOptions {
  /** Jobs one worker runs at once. */
  concurrency: number;
  /** At most this many running jobs per workflow, across all workers (0: no limit). */
  perWorkflowLimit: number;
  /** At most this many jobs started per second, across all workers (0: no limit). */
  ratePerSecond: number;
}

export interface QueueWorker {
  /**
   * Stops taking jobs and waits for the running ones up to `deadlineMs`; then hands the rest back
   * (their signal fires, the handler stops between steps, and the job is queued again).
   */
  close(deadlineMs: number): Promise<void>;
  /** The jobs this worker is running now. */
  running(): RunJob[];
  /**
   * The shutdown deadline has passed with these jobs still inside a step, and the process exits
   * next: each goes back to the queue for another worker at once (in process, the run stays
   * recorded as running, and the next start continues it). Resolves with the jobs given up.
   */
  abandon(): Promise<RunJob[]>;
}

export interface RunQueue {
  readonly kind: 'in-process' | 'thread' | 'bullmq';
  enqueue(job: RunJob, options: EnqueueOptions): Promise<void>;
  work(handler: JobHandler, options: WorkerOptions): QueueWorker;
  /** Asks whichever worker runs the execution to stop it; resolves once asked. */
  requestStop(executionId: string): Promise<void>;
  /** Calls back on this process when a stop is requested anywhere. */
  onStopRequested(listener: (executionId: string) => void): () => void;
  /**
   * Tells every process that a run finished or parked, and at which revision of its stream. Whoever
   * waits on it reads its record, or, where the queue can carry it (threads of one process) and the
   * run was `want`ed, gets the result along.
   */
  publishEnded(executionId: string, outcome: EndedOutcome): Promise<void>;
  onEnded(listener: (executionId: string, outcome: EndedOutcome) => void): () => void;
  /** Someone here waits for this run's result: send it (or its last node) along with its end, if the queue can. */
  want?(executionId: string, scope: WantedResult): void;
  /** Jobs waiting or delayed (for readiness and benchmarks). */
  pending(): Promise<number>;
  /** The jobs this process runs on another thread (the execution thread's, seen from the server). */
  running?(): RunJob[];
  close(): Promise<void>;
}
