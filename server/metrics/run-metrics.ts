// Run, step and queue-wait metrics read from the event log, not from the process that ran the run:
// runs execute on workers and execution threads, and every one of them records its steps in the
// shared log, so the server that follows it counts them all (each server counts every run).
import type { RecordedEvent } from '../../domain/index.ts';
import type { EventStore, Subscription } from '../../events/index.ts';
import type { Metrics } from './metrics.ts';

const TYPES = ['ExecutionQueued', 'ExecutionStarted', 'NodeSucceeded', 'NodeFailed', 'ExecutionFinished'];
/** Runs in flight remembered for their mode and start; beyond this the oldest are forgotten. */
const MAX_IN_FLIGHT = 10_000;

interface InFlight {
  mode: string;
  queuedAt?: number;
  startedAt?: number;
}

export function followRunMetrics(events: EventStore, metrics: Metrics): Subscription {
  const inFlight = new Map<string, InFlight>();
  const remember = (id: string): InFlight => {
    let run = inFlight.get(id);
    if (!run) {
      if (inFlight.size >= MAX_IN_FLIGHT) inFlight.delete(inFlight.keys().next().value!);
      run = { mode: 'unknown' };
      inFlight.set(id, run);
    }
    return run;
  };
  const handle = (event: RecordedEvent) => {
    const id = event.stream.slice('execution-'.length);
    const data = event.data as Record<string, unknown>;
    switch (event.type) {
      case 'ExecutionQueued': {
        const run = remember(id);
        run.mode = String(data.mode ?? 'unknown');
        run.queuedAt = Date.parse(event.metadata.at);
        return;
      }
      case 'ExecutionStarted': {
        const run = remember(id);
        if (run.startedAt !== undefined) return; // continued by another worker: started once
        if (data.mode) run.mode = String(data.mode);
        run.startedAt = Date.parse(String(data.startedAt ?? event.metadata.at));
        if (run.queuedAt !== undefined) metrics.queueWait.observe({ mode: run.mode }, Math.max(0, run.startedAt - run.queuedAt) / 1000);
        return;
      }
      case 'NodeSucceeded':
      case 'NodeFailed': {
        const ms = (data.taskData as { executionTime?: number } | undefined)?.executionTime;
        if (typeof ms === 'number') metrics.stepDuration.observe({ status: event.type === 'NodeSucceeded' ? 'success' : 'error' }, ms / 1000);
        return;
      }
      case 'ExecutionFinished': {
        const run = inFlight.get(id) ?? { mode: 'unknown' };
        inFlight.delete(id);
        const labels = { status: String(data.status ?? 'unknown'), mode: run.mode };
        metrics.runs.inc(labels);
        const stoppedAt = Date.parse(String(data.stoppedAt ?? event.metadata.at));
        if (run.startedAt !== undefined) metrics.runDuration.observe(labels, Math.max(0, stoppedAt - run.startedAt) / 1000);
      }
    }
  };
  return events.subscribe({ from: 'end', filter: { streamPrefixes: ['execution-'], eventTypes: TYPES } }, handle);
}
