// Projection lag: from the start of an append to the event being visible in the workflows read
// model, at a sustained 1,000 events/s on the embedded SQLite stores. Prints p50/p99/max.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseWorkflowDefinition, type NewEvent } from '../../domain/index.ts';
import { createLogger, loadConfig, sampleWorkflow, startRuntime } from '../../server/index.ts';

import { percentile } from './stats.ts';

const RATE = Number(process.env.RATE ?? 1000);
const SECONDS = Number(process.env.SECONDS ?? 10);

const dir = mkdtempSync(path.join(tmpdir(), 'weft-bench-lag-'));
const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
const rt = await startRuntime(config, createLogger(config));
const definition = parseWorkflowDefinition(sampleWorkflow('Lag'));

function created(): NewEvent {
  return {
    id: randomUUID(), type: 'WorkflowCreated', data: { definition, tags: [] },
    metadata: { actor: { kind: 'system', id: 'bench' }, correlationId: 'bench', causationId: 'bench', at: new Date().toISOString(), schemaVersion: 1 },
  };
}

const lags: number[] = [];
const pending: Promise<void>[] = [];
const total = RATE * SECONDS;
const started = performance.now();
for (let i = 0; i < total; i++) {
  // Pace the appends: event i is due at started + i / RATE seconds.
  const due = started + (i * 1000) / RATE;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  const t0 = performance.now();
  pending.push(
    rt.events.append(`workflow-${randomUUID()}`, [created()], { expectedRevision: 'no_stream' })
      .then(({ position }) => rt.projections.workflows.waitFor(position))
      .then(() => void lags.push(performance.now() - t0)),
  );
}
await Promise.all(pending);
const elapsed = (performance.now() - started) / 1000;
console.log(`projection lag at ${RATE} events/s for ${SECONDS}s (achieved ${(total / elapsed).toFixed(0)} events/s, ${total} events):`);
console.log(`  p50 ${percentile(lags, 50).toFixed(2)} ms   p99 ${percentile(lags, 99).toFixed(2)} ms   max ${Math.max(...lags).toFixed(2)} ms`);
await rt.close();
rmSync(dir, { recursive: true, force: true });
