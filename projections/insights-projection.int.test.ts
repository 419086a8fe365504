// The insights projection over real SQLite stores: which runs count, hour buckets, time saved as the
// setting stood, and a rebuild from the log giving the same figures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventStore } from '../events/index.ts';
import { INSIGHTS_HOURS, insightsProjection, type InsightsHourDoc } from './insights-projection.ts';
import { ProjectionRunner } from './projection-runner.ts';
import { percentile } from './run-time-histogram.ts';
import { openTempStores, silentLogger as logger, testEvent, type TempStores } from './test-stores.ts';

let stores: TempStores;
let events: EventStore;
let runs = 0;

beforeEach(() => {
  stores = openTempStores('weft-insights-');
  events = stores.events;
});
afterEach(() => stores.close());

const definition = (minutes?: number) => ({ name: 'w', nodes: [], connections: {}, settings: minutes === undefined ? {} : { timeSavedPerExecution: minutes } });

async function workflow(id: string, workspaceId: string, minutes?: number): Promise<void> {
  await events.append(`workflow-${id}`, [testEvent('WorkflowCreated', { workspaceId, definition: definition(minutes), tags: [] })]);
}

async function workflowEvent(id: string, type: string, data: Record<string, unknown>): Promise<void> {
  await events.append(`workflow-${id}`, [testEvent(type, data)]);
}

/** One run of `workflowId` that started at `startedAt` and took `ms`. */
async function run(workflowId: string, workspaceId: string, startedAt: string, ms: number, status = 'success', mode = 'trigger'): Promise<void> {
  const stoppedAt = new Date(Date.parse(startedAt) + ms).toISOString();
  const withWorkspace = (e: ReturnType<typeof testEvent>) => ({ ...e, metadata: { ...e.metadata, workspaceId } });
  await events.append(`execution-run${++runs}`, [
    withWorkspace(testEvent('ExecutionStarted', { workflowId, mode, startedAt })),
    withWorkspace(testEvent('NodeSucceeded', { node: 'Trigger' })),
    withWorkspace(testEvent('ExecutionFinished', { status, stoppedAt })),
  ]);
}

async function caughtUp(): Promise<ProjectionRunner> {
  const runner = new ProjectionRunner({ events, readModels: stores.readModels, projection: insightsProjection, logger });
  await runner.start();
  await runner.waitFor(await events.headPosition());
  return runner;
}

async function hours(runner: ProjectionRunner): Promise<InsightsHourDoc[]> {
  return (await runner.collection<InsightsHourDoc>(INSIGHTS_HOURS).find({ limit: 1000 })).items;
}

describe('insights projection', () => {
  it('counts finished production runs per workflow and hour, with failures, run times and time saved', async () => {
    await workflow('wa', 'ws1', 5);
    await workflow('wb', 'ws2');
    await run('wa', 'ws1', '2026-01-01T10:05:00.000Z', 100);
    await run('wa', 'ws1', '2026-01-01T10:10:00.000Z', 300, 'error');
    await run('wa', 'ws1', '2026-01-01T10:20:00.000Z', 200, 'success', 'webhook');
    // Not production, or not finished as success or failure: not counted.
    await run('wa', 'ws1', '2026-01-01T10:30:00.000Z', 50, 'success', 'manual');
    await run('wa', 'ws1', '2026-01-01T10:31:00.000Z', 50, 'success', 'integrated');
    await run('wa', 'ws1', '2026-01-01T10:32:00.000Z', 50, 'canceled');
    // Finishes in the next hour: counted there.
    await run('wa', 'ws1', '2026-01-01T10:59:59.900Z', 1000);
    await run('wb', 'ws2', '2026-01-01T10:00:00.000Z', 4000, 'crashed');
    const runner = await caughtUp();
    const byId = Object.fromEntries((await hours(runner)).map((d) => [d.id, d]));
    expect(Object.keys(byId).sort()).toEqual(['wa:2026-01-01T10:00:00.000Z', 'wa:2026-01-01T11:00:00.000Z', 'wb:2026-01-01T10:00:00.000Z']);
    const wa10 = byId['wa:2026-01-01T10:00:00.000Z']!;
    expect(wa10).toMatchObject({ workspaceId: 'ws1', runs: 3, failures: 1, runTimeMs: 600, timeSavedMinutes: 10 });
    // The histogram is precise to ±4.5 %.
    expect(Math.abs(percentile(wa10.histogram, 50)! - 200) / 200).toBeLessThan(0.05);
    expect(byId['wa:2026-01-01T11:00:00.000Z']).toMatchObject({ runs: 1, failures: 0, runTimeMs: 1000, timeSavedMinutes: 5 });
    expect(byId['wb:2026-01-01T10:00:00.000Z']).toMatchObject({ workspaceId: 'ws2', runs: 1, failures: 1, timeSavedMinutes: 0 });
    await runner.stop();
  });

  it('takes the time saved as the setting stood: the draft until published, then the published one', async () => {
    await workflow('wc', 'ws1', 2);
    await run('wc', 'ws1', '2026-01-01T10:00:00.000Z', 10);
    await workflowEvent('wc', 'WorkflowSettingsChanged', { before: { timeSavedPerExecution: 2 }, after: { timeSavedPerExecution: 7 } });
    await run('wc', 'ws1', '2026-01-01T10:01:00.000Z', 10);
    await workflowEvent('wc', 'WorkflowPublished', { definition: definition(3), changes: {} });
    await workflowEvent('wc', 'WorkflowSettingsChanged', { before: { timeSavedPerExecution: 3 }, after: { timeSavedPerExecution: 100 } });
    await run('wc', 'ws1', '2026-01-01T10:02:00.000Z', 10);
    const runner = await caughtUp();
    const [doc] = await hours(runner);
    expect(doc).toMatchObject({ runs: 3, timeSavedMinutes: 2 + 7 + 3 });
    await runner.stop();
  });

  it('gives the same figures when rebuilt from the log', async () => {
    await workflow('wd', 'ws1', 1.5);
    for (let i = 0; i < 40; i++) await run('wd', 'ws1', `2026-01-0${1 + (i % 3)}T0${i % 10}:00:00.000Z`, 10 * (i + 1), i % 4 === 0 ? 'error' : 'success');
    const runner = await caughtUp();
    const before = await hours(runner);
    expect(before.reduce((n, d) => n + d.runs, 0)).toBe(40);
    await runner.rebuild();
    expect(await hours(runner)).toEqual(before);
    await runner.stop();
  });
});
