// The composition root: builds every adapter from configuration and wires the parts together.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { credentialDisplayName, DEFAULT_WORKSPACE_ID, nodeIssues, WriteNotVisibleError, WriteQuarantinedError } from '../domain/index.ts';
import { createEventStoreDbEventStore, createFileBlobStore, createMongoBlobStore, createSqliteEventStore, type BlobStore, type EventStore } from '../events/index.ts';
import {
  auditProjection, createMongoReadModelStore, createSqliteReadModelStore, credentialsProjection, executionsProjection, identityProjection,
  createWorkflowHistoryProjection, dataTablesProjection, insightsProjection, notificationRulesProjection, ProjectionRunner, webhooksProjection, workflowsProjection,
  DATA_TABLES, type DataTableDoc, type Projection, type ReadModelStore,
} from '../projections/index.ts';
import { createApp, type App } from './app.ts';
import { nodeParameterLabel } from './parameter-labels.ts';
import { createRedisCommitBus } from './redis-commit-bus.ts';
import { createThreadCommitBus } from './thread-commit-bus.ts';
import { startExecutionThread, type ExecutionThread } from './executions/execution-thread.ts';
import { createRedisLock, createRedisTryLock } from './redis-lock.ts';
import { createAccessControl, type AccessControl } from './auth/access-control.ts';
import { createIdentityService, SYSTEM_CONTEXT, type IdentityService } from './auth/identity-service.ts';
import { createSignInLimiter } from './auth/sign-in-limiter.ts';
import { openVault } from './auth/vault.ts';
import { createWorkspaceService, type WorkspaceService } from './auth/workspace-service.ts';
import { createCommandRunner } from './commands.ts';
import { filesAllowedDirs, type Config } from './config.ts';
import { authenticateHeaders, createGuard } from './http/guard.ts';
import type { Principal } from './auth/principal.ts';
import type { Logger } from './logger.ts';
import type { Backend } from './routes/ops.ts';
import { createWorkflowService, type WorkflowService } from './workflow-service.ts';
import { createCollabRooms, type CollabRooms } from './collab/rooms.ts';
import { createDataTableService, type DataTableService } from './data-tables/data-table-service.ts';
import { createTemplateService } from './templates/template-service.ts';
import { dataTablesForRun } from './data-tables/run-access.ts';
import { createCredentialService, type CredentialService } from './credentials/credential-service.ts';
import { loadOrCreateMasterKey } from './credentials/envelope.ts';
import { createExecutionService, type ExecutionService } from './executions/execution-service.ts';
import { createWorkflowTestService, followTestsOnSave, testRunsOf } from './workflow-tests/index.ts';
import { createEvaluationService, type EvaluationService } from './evaluations/index.ts';
import { createRetention, type Retention } from './executions/retention.ts';
import { createBulkReplayService, type BulkReplayService } from './bulk-replay/bulk-replay-service.ts';
import { createBullmqScheduler } from './triggers/bullmq-scheduler.ts';
import { createEmbeddedScheduler, type Scheduler } from './triggers/scheduler.ts';
import { createTriggerService, type TriggerService } from './triggers/trigger-service.ts';
import { createCommunityTriggers } from './triggers/community-triggers.ts';
import { redisLeadership } from './triggers/trigger-leadership.ts';
import { createStaticDataStore } from './static-data-store.ts';
import { answerNodeWebhook, answerTestNodeWebhook } from './webhooks/node-webhooks.ts';
import { createExecutionWatch } from './webhooks/execution-watch.ts';
import { createProductionRegistry, createRedisTestRegistry, createTestRegistry } from './webhooks/webhook-registry.ts';
import { createWebhookService, type WebhookService } from './webhooks/webhook-service.ts';
import { resumeUrlSecret } from './webhooks/resume-secret.ts';
import { testWebhookRoutes, webhookMiddleware } from './webhooks/routes.ts';
import { createWorkflowCache } from './webhooks/workflow-cache.ts';
import { createBullmqQueue, createInProcessQueue, type RunQueue } from '../engine/index.ts';
import { closeSharedClients, nodeDescription, triggerNodeType } from '../nodes/index.ts';
import { createNodePackageService, type NodePackageService } from './node-packages/node-package-service.ts';
import { createMetrics, followRunMetrics, timeAppends, type Metrics } from './metrics/index.ts';
import { createLogStreamService, type LogStreamService } from './log-streams/index.ts';
import { createNotifications, type Notifications } from './notifications/index.ts';
import { createInsightsService, insightsWorkflow } from './insights/insights-service.ts';

export interface Runtime {
  /** The thread running this server's jobs (embedded, EXECUTIONS_THREAD). */
  executionThread?: ExecutionThread;
  config: Config;
  logger: Logger;
  events: EventStore;
  /** Where large run payloads are kept (the events hold references). */
  blobs: BlobStore;
  readModels: ReadModelStore;
  vault: ReadModelStore;
  projections: Record<'workflows' | 'history' | 'audit' | 'identity' | 'credentials' | 'executions' | 'webhooks' | 'dataTables' | 'insights' | 'notificationRules', ProjectionRunner>;
  workflows: WorkflowService;
  identity: IdentityService;
  workspaces: WorkspaceService;
  credentials: CredentialService;
  /** Data tables per workspace (issue 19). */
  dataTables: DataTableService;
  /** AI evaluations over a dataset (issue 17). */
  evaluations: EvaluationService;
  executions: ExecutionService;
  /** Bulk replays of a workflow's runs on a chosen version (issue 25). */
  bulkReplays: BulkReplayService;
  /** Execution data retention (pruning by age and count, n8n's save settings). */
  retention: Retention;
  /** Webhook calls and test-webhook listeners. */
  webhooks: WebhookService;
  /** Activation checks and schedule timers. */
  triggers: TriggerService;
  /** Community node packages: installed, loaded, kept in step across processes. */
  nodePackages: NodePackageService;
  /** Collaboration rooms (Yjs), one per workflow being edited; the /collab channel joins them. */
  collab: CollabRooms;
  /** Prometheus metrics, when on (METRICS_ENABLED or METRICS_TOKEN; servers, and workers with METRICS_PORT). */
  metrics?: Metrics;
  /** Log streaming of the audit log to syslog and webhook destinations. */
  logStreams: LogStreamService;
  /** Notification rules, channels, the in-app inbox and their dispatcher (issue 19). */
  notifications: Notifications;
  /** The access checks, for the live channels (Socket.IO, Yjs, test webhooks) that later parts add. */
  access: AccessControl;
  /** Who sent a WebSocket upgrade or other raw request (session cookie or API key header). */
  authenticateHeaders(headers: Record<string, string | string[] | undefined>): Promise<Principal | undefined>;
  app: App;
  /**
   * Stops projections, flushes the event store and closes every connection. Running runs may
   * finish for `runWindowMs` (default WORKER_SHUTDOWN_TIMEOUT_MS), then are handed back.
   */
  close(options?: { runWindowMs?: number }): Promise<void>;
}

export const ALL_PROJECTIONS: Projection[] = [
  workflowsProjection, createWorkflowHistoryProjection(nodeParameterLabel), auditProjection, identityProjection, credentialsProjection, executionsProjection,
  webhooksProjection, dataTablesProjection, insightsProjection, notificationRulesProjection,
];

/** Without Redis, a server runs its jobs on an execution thread (unless EXECUTIONS_THREAD=false). */
function usesExecutionThread(config: Config, role: RuntimeOptions['role']): boolean {
  return role === 'thread' || (!config.redisUrl && config.executionsThread && (role === undefined || role === 'server'));
}

export function openEventStore(config: Config, logger: Logger, role?: RuntimeOptions['role']): EventStore {
  if (config.eventStoreUrl) return createEventStoreDbEventStore({ connectionString: config.eventStoreUrl });
  // Processes sharing the file through a Redis queue wake each other up on every commit; so do a
  // server and its execution thread.
  const commitBus = config.redisUrl
    ? createRedisCommitBus(config.redisUrl, `${config.queuePrefix}:events`)
    : usesExecutionThread(config, role) ? createThreadCommitBus(config.dataDir) : undefined;
  const store = createSqliteEventStore({ file: path.join(config.dataDir, 'events.sqlite'), logger, pollIntervalMs: config.eventsPollIntervalMs, commitBus });
  if (!commitBus) return store;
  return { ...store, close: async () => { await store.close(); commitBus.close(); } };
}

export function openReadModels(config: Config): ReadModelStore {
  if (config.mongoUrl) return createMongoReadModelStore({ url: config.mongoUrl, dbName: config.mongoDb });
  return createSqliteReadModelStore({ file: path.join(config.dataDir, 'read-models.sqlite') });
}

export function createProjectionRunner(projection: Projection, events: EventStore, readModels: ReadModelStore, logger: Logger): ProjectionRunner {
  return new ProjectionRunner({ events, readModels, projection, logger: logger.child({ projection: projection.name }) });
}

export interface RuntimeOptions {
  /**
   * 'worker': runs jobs (no HTTP); 'api': never runs jobs (the CLI's verbs); 'thread': a server's execution thread,
   * running the jobs of `queue`; default: the server, per SERVER_RUNS_WORKER and EXECUTIONS_THREAD.
   */
  role?: 'server' | 'worker' | 'api' | 'thread';
  /** The execution thread's end of its server's queue. */
  queue?: RunQueue;
}

export async function startRuntime(config: Config, logger: Logger, options: RuntimeOptions = {}): Promise<Runtime> {
  // Its modules load while this thread opens the stores; it starts its runtime once they exist.
  const executionThread = options.role !== 'thread' && usesExecutionThread(config, options.role) ? startExecutionThread(config, logger) : undefined;
  // Metrics are a server's (workers' runs are counted from the log); gauges read these at scrape time.
  const serves = options.role === undefined || options.role === 'server';
  const workerExports = options.role === 'worker' && config.metricsPort !== undefined;
  const metrics: Metrics | undefined = (serves || workerExports) && (config.metricsEnabled || config.metricsToken !== undefined) ? createMetrics({
    queuePending: () => queue.pending(),
    ...(executionThread ? { queueRunning: () => queue.running?.().length ?? 0 } : {}),
    projections: () => runners.map((r: ProjectionRunner) => r.status()),
    headPosition: (): Promise<number> => events.headPosition(),
    collab: () => collab.stats(),
  }) : undefined;
  const events: EventStore = metrics ? timeAppends(openEventStore(config, logger, options.role), metrics) : openEventStore(config, logger, options.role);
  const readModels = openReadModels(config);
  const vault = await openVault(config);
  const [workflows, history, audit, identity, credentials, executions, webhooks, dataTables, insights, notificationRules] = ALL_PROJECTIONS.map((p) => createProjectionRunner(p, events, readModels, logger));
  const runners = [workflows, history, audit, identity, credentials, executions, webhooks, dataTables, insights, notificationRules];
  // A queue worker only reads the read models the servers keep (one writer per read model, not
  // one per process); everything else follows the log itself.
  const readOnly = (options.role === 'worker' && config.redisUrl !== undefined) || options.role === 'thread';
  for (const runner of runners) await (readOnly ? runner.attach() : runner.start());
  if (!readOnly) await catchUp(runners, await events.headPosition(), config.startupCatchUpTimeoutMs, logger);

  const redis = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 }) : undefined;
  redis?.on('error', (err) => logger.warn({ err: err.message }, 'redis unreachable'));
  const blobs = config.mongoUrl ? createMongoBlobStore({ url: config.mongoUrl, dbName: config.mongoDb }) : createFileBlobStore(path.join(config.dataDir, 'blobs'));
  const backends: Backend[] = [
    { name: config.eventStoreUrl ? 'eventstoredb' : 'sqlite-event-store', ping: () => events.ping() },
    { name: config.mongoUrl ? 'mongodb' : 'sqlite-read-models', ping: () => readModels.ping() },
    { name: config.mongoUrl ? 'mongodb-vault' : 'sqlite-vault', ping: () => vault.ping() },
    { name: config.mongoUrl ? 'mongodb-blobs' : 'file-blobs', ping: () => blobs.ping() },
    ...(redis ? [{ name: 'redis', ping: async () => void (await redis.ping()) }] : []),
  ];
  if (executionThread) backends.push({ name: 'execution-thread', ping: () => executionThread.ping() });

  // Commands wait for the read models they change; execution events are read through their own.
  const run = createCommandRunner({ events, projections: readOnly ? [] : [workflows, history, audit, identity, credentials, webhooks, dataTables], logger, timeoutMs: config.readYourWritesTimeoutMs });
  const identityService = createIdentityService({ events, identity, vault, run, sessionTtlMs: config.sessionTtlHours * 3600_000 });
  const workspaceService = createWorkspaceService({ identity, vault, run, users: identityService });
  const workflowService = createWorkflowService({ events, workflows, history, run, issuesOf: (definition) => nodeIssues(definition, nodeDescription, credentialDisplayName) });
  const collab = createCollabRooms({
    events, run, logger: logger.child({ part: 'collab' }), findWorkflow: (id) => workflowService.find(id),
    settings: {
      commitDebounceMs: config.collabCommitDebounceMs, commitMaxWaitMs: config.collabCommitMaxWaitMs,
      persistBatchMs: config.collabPersistBatchMs, snapshotEvery: config.collabSnapshotEvery, roomIdleMs: config.collabRoomIdleMs, maxDepth: config.jsonMaxDepth,
    },
  });
  const access = createAccessControl(identity);
  const publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const masterKey = await loadOrCreateMasterKey({ dataDir: config.dataDir, masterKey: config.masterKey, logger: { warn: (m) => logger.warn(m) } });
  const resumeSecret = resumeUrlSecret(masterKey);
  const credentialService = createCredentialService({
    events, credentials, vault, run,
    masterKey,
    oauthRedirectUri: `${publicUrl}/api/v1/oauth2/callback`,
    oauth1RedirectUri: `${publicUrl}/api/v1/oauth1/callback`,
    allowPrivateNetwork: !config.blockPrivateNetworks,
  });
  const dataTableService = createDataTableService({ events, run, tables: dataTables, readYourWritesTimeoutMs: config.readYourWritesTimeoutMs });
  // Installed community packages load before any run starts; servers and workers install what others installed.
  const nodePackages = createNodePackageService({
    events, run, logger: logger.child({ part: 'node-packages' }), config, reconciles: options.role === undefined || options.role === 'server' || options.role === 'worker',
  });
  await nodePackages.start();
  const queue = options.queue ?? executionThread?.queue ?? (config.redisUrl
    ? createBullmqQueue({ url: config.redisUrl, prefix: config.queuePrefix, lockMs: config.queueLockMs })
    : createInProcessQueue());
  const retention = createRetention({
    events, blobs, executions, audit, readModels, logger: logger.child({ part: 'retention' }),
    settings: {
      prune: config.executionsDataPrune, maxAgeHours: config.executionsDataMaxAgeHours, maxCount: config.executionsDataPruneMaxCount,
      intervalMinutes: config.executionsDataPruneIntervalMinutes, blobGraceMs: config.executionsDataBlobGraceMs,
      save: { onSuccess: config.executionsDataSaveOnSuccess, onError: config.executionsDataSaveOnError, manual: config.executionsDataSaveManual },
    },
  });
  const executionService = createExecutionService({
    events, executions, blobs, credentials: credentialService, workspaces: workspaceService, config, logger, publicUrl, queue, resumeUrlSecret: resumeSecret,
    dataTables: (workspaceId, ctx) => dataTablesForRun(dataTableService, workspaceId, ctx),
    findWorkflow: (id) => workflowService.find(id),
    // Without Redis there is no other worker: a server runs the jobs (on its execution thread, if any).
    runsWorker: options.role === 'worker' || options.role === 'thread' ? true
      : options.role === 'api' ? false
      : !config.redisUrl ? !executionThread
      : config.serverRunsWorker,
    workerOptions: { concurrency: config.workerConcurrency, perWorkflowLimit: config.workflowConcurrency, ratePerSecond: config.queueRatePerSecond },
    workerShutdownTimeoutMs: config.workerShutdownTimeoutMs,
    afterRun: (run, queued) => retention.afterRun(run, queued.definition.settings),
    refreshNodeTypes: nodePackages.refresh,
  });
  const bulkReplays = createBulkReplayService({ events, executions: executionService, findWorkflow: (id) => workflowService.find(id), logger: logger.child({ part: 'bulk-replay' }) });
  // Webhooks and schedules: the registry read model answers calls; activation goes through the
  // trigger service, which checks paths and schedules before the workflow service activates.
  const workflowCache = createWorkflowCache((id) => workflowService.find(id));
  // Community trigger, polling and webhook nodes: armed by the trigger service, in servers only;
  // with several servers on Redis, trigger() and remote registrations by the leader only.
  const armsHooks = options.role !== 'worker' && options.role !== 'thread';
  const leadership = redis && armsHooks
    ? await redisLeadership(redis, `${config.queuePrefix}:trigger-leader`, { leaseMs: config.triggerLeaseMs, logger: logger.child({ part: 'trigger-leadership' }) })
    : undefined;
  const communityTriggers = createCommunityTriggers({
    executions: executionService, credentials: credentialService, nodeType: triggerNodeType, publicUrl, logger: logger.child({ part: 'community-triggers' }),
    config: { timezone: config.timezone, blockPrivateNetworks: config.blockPrivateNetworks, filesAllowedDirs: filesAllowedDirs(config) }, armsHooks,
    pathHolder: async (method, path) => (await createProductionRegistry(webhooks).holder({ method, path }))?.workflowId,
    staticDataStore: createStaticDataStore({ events, logger }),
    ...(leadership ? { leadership } : {}),
  });
  const watch = createExecutionWatch(events, blobs);
  const nodeWebhookConfig = { bodyLimitBytes: config.webhookBodyLimitBytes, maxJsonDepth: config.jsonMaxDepth, watch };
  const webhookService = createWebhookService({
    nodeWebhooks: (ctx, path) => answerNodeWebhook(ctx, communityTriggers, nodeWebhookConfig, path),
    nodeTestWebhooks: {
      entries: (doc, definition) => communityTriggers.testWebhooks(doc, definition),
      answer: (ctx, listening) => answerTestNodeWebhook(ctx, communityTriggers, nodeWebhookConfig, listening),
    },
    production: createProductionRegistry(webhooks),
    // With Redis, test listeners are shared, so a test call may land on any server.
    test: redis ? createRedisTestRegistry(redis, config.queuePrefix) : createTestRegistry(),
    watch,
    executions: executionService, credentials: credentialService, findWorkflow: (id) => workflowCache.get(id), resumeUrlSecret: resumeSecret,
    config: { bodyLimitBytes: config.webhookBodyLimitBytes, maxJsonDepth: config.jsonMaxDepth, testTimeoutMs: config.testWebhookTimeoutMs, publicUrl }, logger,
  });
  let triggerService: TriggerService | undefined;
  const onTick = (tick: Parameters<TriggerService['onTick']>[0]) => triggerService!.onTick(tick);
  const scheduler: Scheduler = config.redisUrl
    ? createBullmqScheduler({ redisUrl: config.redisUrl, queueName: `${config.queuePrefix}-schedules`, onTick, logger })
    : createEmbeddedScheduler(onTick);
  triggerService = createTriggerService({
    events, run, workflows: workflowService, workflowsRunner: workflows, webhooksRunner: webhooks,
    registry: createProductionRegistry(webhooks), executions: executionService, scheduler,
    config: { timezone: config.timezone, maxLatenessMs: config.scheduleMaxLatenessMs }, logger,
    onWorkflowEvent: (id) => workflowCache.invalidate(id),
    communityTriggers,
    ...(redis ? { sharedLock: createRedisLock(redis, `${config.queuePrefix}:activation-lock`), pollLock: createRedisTryLock(redis, `${config.queuePrefix}:poll`) } : {}),
  });
  const triggers = triggerService;
  // Workflow tests (issue 17); with settings.requireTestsToPass they gate activation and publishing.
  const workflowTests = createWorkflowTestService({
    events, run, workflows: workflowService, executions: executionService, config,
    settleEdits: async (id) => { await collab.get(id)?.flush(); },
  });
  const workflowsApi: WorkflowService = {
    ...workflowService,
    // Publishing takes the draft as the editors see it: an open room's pending edits are committed first.
    async activate(id, ctx, options) {
      await collab.get(id)?.flush();
      await workflowTests.gate(id, ctx, options ?? {}, 'activated');
      return triggers.activate(id, ctx, options);
    },
    async publish(id, ctx, options) {
      await collab.get(id)?.flush();
      await workflowTests.gate(id, ctx, options ?? {}, 'published');
      return triggers.publish(id, ctx, options);
    },
    deactivate: (id, ctx) => triggers.deactivate(id, ctx),
    async update(id, definition, tags, ctx, expectedRevision) {
      await triggers.checkUpdate(id, definition);
      return workflowService.update(id, definition, tags, ctx, expectedRevision);
    },
  };
  // Live edits are committed after a quiet second: a run or a test listener started right after an
  // edit must use it, so the open room's pending edits are committed first.
  const settleEdits = async (workflowId: string) => {
    await collab.get(workflowId)?.flush();
  };
  const guard = createGuard({
    access,
    sessionPrincipal: identityService.sessionPrincipal,
    apiKeyPrincipal: identityService.apiKeyPrincipal,
    resources: {
      workflow: async (id) => workflowService.find(id),
      variable: async (id) => workspaceService.findVariable(id),
      workspace: async (id) => ((await workspaceService.get(id)) ? { workspaceId: id } : undefined),
      credential: async (id) => credentialService.find(id),
      dataTable: async (id) => (await dataTables.collection<DataTableDoc>(DATA_TABLES).get(id)) ?? undefined,
      user: async () => undefined,
      execution: async (id) => {
        const doc = await executionService.find(id);
        return doc && !doc.deleted ? { workspaceId: doc.workspaceId ?? DEFAULT_WORKSPACE_ID } : undefined;
      },
    },
  });
  const runMetrics = metrics && serves ? followRunMetrics(events, metrics) : undefined;
  // Audit entries go out from one server (with several on Redis: the trigger leader).
  const logStreams = await createLogStreamService({
    vault, audit, logger: logger.child({ part: 'log-streams' }), pollMs: config.logStreamPollMs,
    delivers: () => !leadership || leadership.isLeader(),
  });
  if (serves) logStreams.start();
  // Notifications follow the log from one server (with several on Redis: the trigger leader).
  const notifications = await createNotifications({
    events, vault, masterKey, run, rules: notificationRules, readYourWritesTimeoutMs: config.readYourWritesTimeoutMs, publicUrl, logger: logger.child({ part: 'notifications' }),
    findWorkflow: (id) => workflowService.find(id), findExecution: (id) => executionService.find(id),
    executionsProjected: (position) => executions.waitFor(position, 2_000).catch(() => undefined),
    delivers: () => !leadership || leadership.isLeader(),
  });
  if (serves) await notifications.start();
  // AI evaluations and tests on save (issue 17).
  const evaluations = createEvaluationService({
    events, workflows: workflowService, executions: executionService, logger: logger.child({ part: 'evaluations' }), settleEdits,
    dataTables: (workspaceId, ctx) => dataTablesForRun(dataTableService, workspaceId, ctx),
  });
  const testsOnSave = serves
    ? followTestsOnSave({ events, workflows: workflowService, tests: workflowTests, logger: logger.child({ part: 'tests-on-save' }), delivers: () => !leadership || leadership.isLeader() })
    : undefined;
  const app = createApp({
    config, logger, metrics, logStreams, guard, access, projections: runners, backends, headPosition: () => events.headPosition(),
    workflows: workflowsApi, identity: identityService, workspaces: workspaceService, credentials: credentialService, executions: executionService, bulkReplays, audit,
    workflowTests, dataTables: dataTableService, notifications, evaluations, testRuns: (id) => testRunsOf(events, id),
    templates: createTemplateService({ events, run, workflows: workflowsApi, credentials: credentialService }),
    insights: createInsightsService({ insights, workflow: async (id) => insightsWorkflow(await workflowService.find(id)) }),
    limiter: createSignInLimiter(config.signInAttemptsPerWindow, redis), nodePackages,
    webhooks: { middleware: webhookMiddleware(webhookService), routes: testWebhookRoutes(webhookService, workflowsApi, { publicUrl: config.publicUrl, settleEdits }) },
    settleEdits,
  });

  if (options.role !== 'thread') await bootstrap(config, logger, identityService, workspaceService).catch((err: unknown) => {
    // The owner's events are in the log; a read model behind or refusing them must not stop start-up.
    if (!(err instanceof WriteNotVisibleError || err instanceof WriteQuarantinedError)) throw err;
    logger.error({ err }, 'creating the owner from OWNER_EMAIL / OWNER_API_KEY: written but not yet visible');
  });
  await executionService.startWorker();
  await executionThread?.start(config.startupCatchUpTimeoutMs);
  // Bulk replays cut short by a stop go on (in one server: the trigger leader, with Redis).
  if (armsHooks && (!leadership || leadership.isLeader())) {
    bulkReplays.resumeUnfinished(SYSTEM_CONTEXT(randomUUID()).actor).catch((err: unknown) => logger.error({ err }, 'could not resume bulk replays'));
  }
  // The processes that keep the read models prune (a queue worker only reads them).
  if (!readOnly) retention.start();
  // Embedded timers live in the server only: a `weft worker` beside it on the same data must not
  // fire the same schedules again. With Redis every process shares the same Job Schedulers.
  if ((options.role !== 'worker' && options.role !== 'thread') || config.redisUrl) {
    // With Redis the schedulers live there and outlast restarts: arming again must not hold up
    // start-up while Redis is unreachable. Embedded timers are armed before serving.
    const arming = triggers.start();
    if (config.redisUrl) arming.catch((err) => logger.error({ err }, 'could not arm the schedules'));
    else await arming;
  }

  return {
    executionThread, config, logger, events, blobs, readModels, vault, app, access, collab, metrics, logStreams, notifications,
    authenticateHeaders: (headers) => authenticateHeaders(headers, identityService),
    projections: { workflows, history, audit, identity, credentials, executions, webhooks, dataTables, insights, notificationRules },
    workflows: workflowsApi, webhooks: webhookService, triggers, identity: identityService, workspaces: workspaceService, credentials: credentialService, dataTables: dataTableService,
    executions: executionService, bulkReplays, retention, nodePackages, evaluations,
    async close(options = {}) {
      // Open rooms commit their last edits and store their documents while the log is still open.
      await collab.close();
      await testsOnSave?.close();
      await evaluations.close();
      await triggers.close();
      // Replays in flight finish; the rest of each bulk replay resumes on the next start.
      await bulkReplays.stop();
      await executionService.dispose(options.runWindowMs);
      await executionThread?.close(options.runWindowMs);
      // The nodes' connections of the runs this process made (databases, queues, mail, SSH).
      await closeSharedClients();
      await retention.stop();
      await nodePackages.close();
      await queue.close();
      await blobs.close();
      await runMetrics?.close();
      await logStreams.stop();
      await notifications.stop();
      for (const runner of runners) await runner.stop();
      await events.close();
      await readModels.close();
      await vault.close();
      redis?.disconnect();
    },
  };
}

/**
 * Start-up waits for the read models to reach the log's head, but only so long: a projection still
 * behind (a long rebuild after a version bump, a failing store) is logged, and the server listens
 * anyway, with /readyz answering 503 until it catches up.
 */
async function catchUp(runners: ProjectionRunner[], head: number, timeoutMs: number, logger: Logger): Promise<void> {
  logger.info({ head }, 'catching up read models');
  const results = await Promise.all(runners.map((runner) => runner.waitFor(head, timeoutMs).then(() => true, () => false)));
  const behind = runners.filter((_, i) => !results[i]);
  for (const runner of behind) {
    const { name, checkpoint, rebuilding } = runner.status();
    logger.warn({ projection: name, checkpoint, head, rebuilding }, `read model '${name}' is still behind the log after ${timeoutMs} ms; serving anyway`);
  }
  for (const runner of runners) {
    const { name, quarantined } = runner.status();
    if (quarantined > 0) logger.error({ projection: name, quarantined }, `read model '${name}' has quarantined events (GET /api/v1/admin/projections/${name}/quarantine)`);
  }
}

/** First start: the owner from OWNER_EMAIL/OWNER_PASSWORD, and OWNER_API_KEY as the owner's key. */
async function bootstrap(config: Config, logger: Logger, identity: IdentityService, workspaces: WorkspaceService): Promise<void> {
  const ctx = SYSTEM_CONTEXT(randomUUID());
  if ((await identity.userCount()) === 0) {
    if (config.ownerEmail && config.ownerPassword) {
      await identity.setupOwner({ email: config.ownerEmail, name: 'Owner', password: config.ownerPassword }, ctx);
      logger.info({ email: config.ownerEmail }, 'owner account created from OWNER_EMAIL');
    } else {
      logger.warn('no users yet: create the owner with POST /api/v1/setup, or set OWNER_EMAIL and OWNER_PASSWORD');
      return;
    }
  }
  if (config.ownerApiKey && !(await identity.hasApiKey(config.ownerApiKey))) {
    const owner = (await identity.listUsers()).find((u) => u.instanceRole === 'owner');
    if (owner && (await workspaces.get(DEFAULT_WORKSPACE_ID))) {
      await identity.createApiKey(owner.id, DEFAULT_WORKSPACE_ID, 'OWNER_API_KEY', ctx, config.ownerApiKey);
      logger.info('API key from OWNER_API_KEY stored for the owner');
    }
  }
}

