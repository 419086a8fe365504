// Read-your-writes over real SQLite stores: a write never answers success for something reads will
// not show; it says whether it is only late (503) or was quarantined by a read model (500).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workflowDecider, WriteNotVisibleError, WriteQuarantinedError } from '../domain/index.ts';
import { createSqliteEventStore, type EventStore } from '../events/index.ts';
import { createSqliteReadModelStore, ProjectionRunner, workflowsProjection, type ReadModelStore } from '../projections/index.ts';
import { createCommandRunner, type RunCommand } from './commands.ts';
import { createLogger } from './logger.ts';
import { sampleWorkflow } from './test-support.ts';

const logger = createLogger({ logLevel: 'silent', logPretty: false });
const ctx = () => ({ actor: { kind: 'system' as const, id: 'test' }, requestId: `r-${Math.random()}` });
let dir: string;
let events: EventStore;
let readModels: ReadModelStore;
let workflows: ProjectionRunner;
let run: RunCommand;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'weft-commands-'));
  events = createSqliteEventStore({ file: path.join(dir, 'events.sqlite') });
  readModels = createSqliteReadModelStore({ file: path.join(dir, 'read.sqlite') });
  workflows = new ProjectionRunner({ events, readModels, projection: workflowsProjection, logger });
  await workflows.start();
  // Long enough for a quarantine (a failing event is tried a few times, with back-off, first).
  run = createCommandRunner({ events, projections: [workflows], logger, timeoutMs: 2_000 });
});
afterEach(async () => {
  await workflows.stop();
  await events.close();
  await readModels.close();
  rmSync(dir, { recursive: true, force: true });
});

function create(id: string, definition: object) {
  return run(workflowDecider, `workflow-${id}`, { type: 'CreateWorkflow', workspaceId: 'default', definition, tags: [] } as never, ctx());
}

describe('a command waiting for its read model', () => {
  it('answers once the read model shows the write', async () => {
    await create('good', sampleWorkflow('Good'));
    expect(await workflows.collection('list').get('good')).toMatchObject({ name: 'Good' });
  });

  it('refuses to answer success for an event the read model quarantined', async () => {
    const definition = sampleWorkflow('Too deep');
    let p: Record<string, unknown> = {};
    for (let i = 0; i < 1_200; i++) p = { a: p };
    definition.nodes[1].parameters = p as never;
    const error = await create('deep', definition).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(WriteQuarantinedError);
    expect(error).toMatchObject({ code: 'write_quarantined', projections: ['workflows'] });
    // Recorded all the same, and the read model goes on.
    expect(await events.readStream('workflow-deep')).toHaveLength(1);
    await create('next', sampleWorkflow('Next'));
    expect(await workflows.collection('list').get('next')).toBeDefined();
  });

  it('answers 503 "not yet visible" when the read model does not reach the write in time', async () => {
    await workflows.stop(); // nothing follows the log any more: the write stays invisible
    const error = await create('late', sampleWorkflow('Late')).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(WriteNotVisibleError);
    expect(error).toMatchObject({ code: 'unavailable', projections: ['workflows'] });
    expect((error as Error).message).toMatch(/recorded .* not yet visible/);
    expect(await events.readStream('workflow-late')).toHaveLength(1);
  });
});
