// Shutting down on SIGTERM/SIGINT within SHUTDOWN_TIMEOUT_MS. The graceful part (requests, runs,
// stores) gets until then; after it, runs still inside a step are handed back, what was left is
// logged, and the process exits 1. A timer on the main thread cannot fire while a run blocks the
// event loop with synchronous work, so a watchdog thread kills the process shortly after instead.
import { writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { RunJob } from '../engine/index.ts';
import type { Logger } from './logger.ts';

/** Runs stop asking to finish this long before the deadline, so that they can hand back in time. */
const HAND_BACK_MARGIN_MS = 1_000;
/** How long handing back may take at the deadline (Redis may be away). */
const ABANDON_MS = 500;
/** The watchdog fires this long after the deadline: the main thread's own exit comes first. */
export const WATCHDOG_GRACE_MS = 1_000;

export interface ShutdownPlan {
  logger: Logger;
  /** SHUTDOWN_TIMEOUT_MS: the longest a shutdown takes. */
  deadlineMs: number;
  /** WORKER_SHUTDOWN_TIMEOUT_MS: how long running runs may go on before they are asked to hand back. */
  runWindowMs: number;
  /**
   * Closes everything in order. `phase` names the step under way (logged if the deadline passes);
   * requests and runs should be done by `softDeadline` (a Date.now() time).
   */
  graceful(phase: (name: string) => void, softDeadline: number): Promise<void>;
  running(): RunJob[];
  abandon(): Promise<RunJob[]>;
  /**
   * Stops the threads that would hold up the exit; false when one does not stop in time (a step
   * computing on the execution thread), and the process is then killed rather than exited.
   */
  release?(): Promise<boolean>;
}

/** Shuts down on the first SIGTERM or SIGINT (a second one kills the process at once). */
export function shutDownOnSignals(plan: ShutdownPlan): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    void shutDown(signal, plan);
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

async function shutDown(signal: NodeJS.Signals, plan: ShutdownPlan): Promise<void> {
  const { logger, deadlineMs } = plan;
  const began = Date.now();
  const deadline = began + deadlineMs;
  const softDeadline = began + Math.min(plan.runWindowMs, Math.max(0, deadlineMs - HAND_BACK_MARGIN_MS));
  const runningAtStart = plan.running();
  startWatchdog(deadline + WATCHDOG_GRACE_MS, watchdogMessage(deadlineMs, runningAtStart));
  logger.info({ signal, deadlineMs, running: runningAtStart.map(describeJob) }, 'shutting down');

  let phase = 'starting';
  const graceful = plan.graceful((name) => (phase = name), softDeadline).then(
    () => 'done' as const,
    (err: unknown) => {
      logger.error({ err, phase }, 'shutdown failed');
      return 'failed' as const;
    },
  );
  const outcome = await Promise.race([graceful, sleep(deadline - Date.now()).then(() => 'late' as const)]);
  if (outcome === 'done') {
    logger.info({ ms: Date.now() - began }, 'stopped cleanly');
    await exit(0, plan);
  }
  if (outcome === 'late') {
    const handedBack = await Promise.race([plan.abandon(), sleep(ABANDON_MS).then(() => plan.running())]);
    logger.error(
      { phase, running: handedBack.map(describeJob) },
      `shutdown did not finish within SHUTDOWN_TIMEOUT_MS (${deadlineMs} ms) while ${phase}; `
        + `${handedBack.length} run(s) still running handed back${handedBack.length ? `: ${handedBack.map(describeJob).join(', ')}` : ''}; exiting with code 1`,
    );
  }
  await exit(1, plan);
}

/** Exits, unless a thread that cannot be stopped would hold the exit up: then SIGKILL, at once. */
async function exit(code: number, plan: ShutdownPlan): Promise<void> {
  if (plan.release && !(await plan.release())) {
    // Written synchronously: the logger's buffer would die with the process.
    plan.logger.flush();
    writeSync(2, `${new Date().toISOString()} the execution thread is blocked in a step and cannot be stopped; killing the process with SIGKILL\n`);
    process.kill(process.pid, 'SIGKILL');
  }
  plan.logger.flush();
  process.exit(code);
}

const describeJob = (job: RunJob) => `execution ${job.executionId} (workflow ${job.workflowId})`;

function watchdogMessage(deadlineMs: number, running: RunJob[]): string {
  return `shutdown did not finish within SHUTDOWN_TIMEOUT_MS (${deadlineMs} ms) + ${WATCHDOG_GRACE_MS} ms and the main thread is blocked `
    + `(synchronous work in a run?); killing the process with SIGKILL. Runs running when the shutdown began `
    + `(the next start or another worker continues them from their record): ${running.length ? running.map(describeJob).join(', ') : 'none'}`;
}

// A plain script (eval'd as CommonJS) so that the thread needs no TypeScript loader. Its own event
// loop keeps time while the main one is blocked; it writes to stderr synchronously, then kills the
// whole process (process.exit in a worker thread would end only the thread).
const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
setTimeout(() => {
  writeSync(2, new Date().toISOString() + ' ' + workerData.message + '\\n');
  process.kill(process.pid, 'SIGKILL');
}, Math.max(0, workerData.at - Date.now()));
`;

/** Kills the process at `at` (a Date.now() time) unless it has exited by then; holds nothing open. */
function startWatchdog(at: number, message: string): void {
  new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { at, message } }).unref();
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
