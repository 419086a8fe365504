// The composition root: builds every adapter from configuration and wires the parts together.
import path from 'node:path';
import { Redis } from 'ioredis';
import { createEventStoreDbEventStore, createSqliteEventStore, type EventStore } from '../events/index.ts';
import {
  auditProjection, createMongoReadModelStore, createSqliteReadModelStore, ProjectionRunner,
  workflowHistoryProjection, workflowsProjection, type Projection, type ReadModelStore,
} from '../projections/index.ts';
import { createApp, type App } from './app.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import type { Backend } from './routes/ops.ts';
import { createWorkflowService, type WorkflowService } from './workflow-service.ts';

export interface Runtime {
  config: Config;
  logger: Logger;
  events: EventStore;
  readModels: ReadModelStore;
  projections: { workflows: ProjectionRunner; history: ProjectionRunner; audit: ProjectionRunner };
  workflows: WorkflowService;
  app: App;
  /** Stops projections, flushes the event store and closes every connection. */
  close(): Promise<void>;
}

export const ALL_PROJECTIONS: Projection[] = [workflowsProjection, workflowHistoryProjection, auditProjection];

export function openEventStore(config: Config, logger: Logger): EventStore {
  if (config.eventStoreUrl) return createEventStoreDbEventStore({ connectionString: config.eventStoreUrl });
  return createSqliteEventStore({ file: path.join(config.dataDir, 'events.sqlite'), logger });
}

export function openReadModels(config: Config): ReadModelStore {
  if (config.mongoUrl) return createMongoReadModelStore({ url: config.mongoUrl, dbName: config.mongoDb });
  return createSqliteReadModelStore({ file: path.join(config.dataDir, 'read-models.sqlite') });
}

export function createProjectionRunner(projection: Projection, events: EventStore, readModels: ReadModelStore, logger: Logger): ProjectionRunner {
  return new ProjectionRunner({ events, readModels, projection, logger: logger.child({ projection: projection.name }) });
}

export async function startRuntime(config: Config, logger: Logger): Promise<Runtime> {
  const events = openEventStore(config, logger);
  const readModels = openReadModels(config);
  const [workflows, history, audit] = ALL_PROJECTIONS.map((p) => createProjectionRunner(p, events, readModels, logger));
  const runners = [workflows, history, audit];
  for (const runner of runners) await runner.start();

  const redis = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 }) : undefined;
  redis?.on('error', (err) => logger.warn({ err: err.message }, 'redis unreachable'));
  const backends: Backend[] = [
    { name: config.eventStoreUrl ? 'eventstoredb' : 'sqlite-event-store', ping: () => events.ping() },
    { name: config.mongoUrl ? 'mongodb' : 'sqlite-read-models', ping: () => readModels.ping() },
    ...(redis ? [{ name: 'redis', ping: async () => void (await redis.ping()) }] : []),
  ];

  const workflowService = createWorkflowService({
    events, workflows, history, logger, readYourWritesTimeoutMs: config.readYourWritesTimeoutMs,
  });
  const app = createApp({ config, logger, workflows: workflowService, audit, projections: runners, backends });

  return {
    config, logger, events, readModels, app,
    projections: { workflows, history, audit },
    workflows: workflowService,
    async close() {
      for (const runner of runners) await runner.stop();
      await events.close();
      await readModels.close();
      redis?.disconnect();
    },
  };
}
