// The Koa application: middleware order, the route table, and JSON answers for unknown routes.
import Router from '@koa/router';
import Koa from 'koa';
import path from 'node:path';
import type { ProjectionRunner } from '../projections/index.ts';
import type { Config } from './config.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { errorBody, errorHandler } from './http/errors.ts';
import { jsonBody } from './http/json-body.ts';
import { buildOpenApi } from './http/openapi.ts';
import { assignRequestId } from './http/request-context.ts';
import { securityHeaders } from './http/security-headers.ts';
import type { Guard } from './http/guard.ts';
import type { AccessControl } from './auth/access-control.ts';
import type { IdentityService } from './auth/identity-service.ts';
import type { WorkspaceService } from './auth/workspace-service.ts';
import type { SignInLimiter } from './auth/sign-in-limiter.ts';
import { sessionRoutes } from './routes/session.ts';
import type { CredentialService } from './credentials/credential-service.ts';
import { credentialRoutes } from './credentials/routes.ts';
import type { ExecutionService } from './executions/execution-service.ts';
import { executionRoutes } from './executions/routes.ts';
import { debugRoutes } from './executions/debug-routes.ts';
import type { BulkReplayService } from './bulk-replay/bulk-replay-service.ts';
import { bulkReplayRoutes } from './bulk-replay/routes.ts';
import { createDraftCheck } from './publishing/draft-check.ts';
import { testRunRoutes, workflowTestRoutes, type TestRunRecord, type WorkflowTestService } from './workflow-tests/index.ts';
import { evaluationRoutes, type EvaluationService } from './evaluations/index.ts';
import { checkAndRecord, draftCheckRoutes, publishAfterCleanCheck } from './publishing/routes.ts';
import { workspaceRoutes } from './routes/workspaces.ts';
import { dataTableRoutes } from './data-tables/routes.ts';
import { insightsRoutes } from './insights/routes.ts';
import type { InsightsService } from './insights/insights-service.ts';
import type { DataTableService } from './data-tables/data-table-service.ts';
import { dataTablesForRun } from './data-tables/run-access.ts';
import { NotFoundError } from '../domain/index.ts';
import { mountRoutes, route, type Route } from './http/route.ts';
import type { Logger } from './logger.ts';
import { auditRoutes } from './routes/audit.ts';
import { opsRoutes, type Backend } from './routes/ops.ts';
import { workflowRoutes } from './routes/workflows.ts';
import { versionRoutes } from './routes/versions.ts';
import type { WorkflowService } from './workflow-service.ts';
import { PRODUCT } from './product.ts';
import { nodeDescriptions, registeredPackages } from '../nodes/index.ts';
import type { NodePackageService } from './node-packages/node-package-service.ts';
import { nodePackageRoutes } from './node-packages/routes.ts';
import { editorRoutes } from './routes/editor.ts';
import { nodeTypeRoutes } from './routes/node-types.ts';
import { nodeMethodRoutes } from './routes/node-methods.ts';
import { nodeIconRoutes } from './routes/node-icons.ts';
import { serveClient } from './static.ts';
import { httpMetrics, metricsRoutes, type Metrics } from './metrics/index.ts';
import { logStreamRoutes, type LogStreamService } from './log-streams/index.ts';
import { notificationRoutes, type Notifications } from './notifications/index.ts';
import { templateRoutes } from './templates/routes.ts';
import type { TemplateService } from './templates/template-service.ts';

export interface AppDeps {
  config: Pick<Config, 'jsonBodyLimitBytes' | 'jsonMaxDepth' | 'sessionTtlHours' | 'cookieSecure' | 'publicUrl' | 'port' | 'frameAncestors' | 'expressionTimeoutMs' | 'sandboxMemoryMb' | 'timezone' | 'readyzProjectionLagMs' | 'blockPrivateNetworks'> & Partial<Pick<Config, 'metricsToken'>> & Partial<Pick<Config, 'dataDir' | 'nodesDir'>>;
  /** The built editor to serve (default: client/dist of this checkout). */
  clientDir?: string;
  logger: Logger;
  guard: Guard;
  access: AccessControl;
  identity: IdentityService;
  workspaces: WorkspaceService;
  limiter: SignInLimiter;
  workflows: WorkflowService;
  credentials: CredentialService;
  executions: ExecutionService;
  /** A workflow's test cases and their runs (issue 17). */
  workflowTests?: WorkflowTestService;
  /** Results of tests run on save, the last per revision (issue 17). */
  testRuns?: (workflowId: string) => Promise<TestRunRecord[]>;
  /** AI evaluations over a dataset (issue 17). */
  evaluations?: EvaluationService;
  /** Bulk replays of a workflow's runs (issue 25). */
  bulkReplays?: BulkReplayService;
  audit: ProjectionRunner;
  projections: ProjectionRunner[];
  backends: Backend[];
  /** The event log's head position, for /readyz to tell a projection behind it. */
  headPosition(): Promise<number>;
  /** Commits a workflow's live edits not yet committed (its open collaborative room), before a run. */
  settleEdits?(workflowId: string): Promise<void>;
  /** Community node packages (the owner's install, update and remove). */
  nodePackages?: NodePackageService;
  /** Prometheus metrics: /metrics and the HTTP request counters (absent: metrics off). */
  metrics?: Metrics;
  /** Log streaming destinations of the audit log (owner). */
  logStreams?: LogStreamService;
  /** Webhook calls (raw bodies, so mounted before the JSON body parser) and their API routes. */
  webhooks?: { middleware: Koa.Middleware; routes: Route[] };
  /** The workspaces' data tables (issue 19). */
  dataTables?: DataTableService;
  /** Notification rules, channels and the in-app inbox (issue 19). */
  notifications?: Notifications;
  /** The template gallery and workspace templates (issue 19). */
  templates?: TemplateService;
  /** Insights over the workspace's production runs (issue 19). */
  insights?: InsightsService;
}

export interface App {
  koa: Koa;
  routes: Route[];
}

export function createApp(deps: AppDeps): App {
  const koa = new Koa();
  koa.proxy = false;
  const publicUrl = deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
  const requireWorkspace = async (id: string) => {
    if (!(await deps.workspaces.get(id))) throw new NotFoundError('Workspace', id);
  };
  const dataTables = deps.dataTables;
  const runCheck = checkAndRecord(createDraftCheck(deps.executions), deps.workflows);
  const routes: Route[] = [
    ...metricsRoutes(deps.metrics, deps.config.metricsToken),
    ...opsRoutes(deps.backends, deps.projections, { headPosition: deps.headPosition, projectionLagMs: deps.config.readyzProjectionLagMs }),
    ...sessionRoutes({
      identity: deps.identity, access: deps.access, limiter: deps.limiter,
      sessionTtlMs: deps.config.sessionTtlHours * 3600_000, cookieSecure: deps.config.cookieSecure,
    }),
    ...workspaceRoutes({ identity: deps.identity, workspaces: deps.workspaces, access: deps.access, publicUrl }),
    ...workflowRoutes(deps.workflows, requireWorkspace, deps.credentials, (id, workspaceId, ctx) => publishAfterCleanCheck(runCheck, id, workspaceId, ctx)),
    ...versionRoutes(deps.workflows),
    ...credentialRoutes(deps.credentials, requireWorkspace),
    ...(deps.dataTables ? dataTableRoutes(deps.dataTables) : []),
    ...(deps.templates ? templateRoutes(deps.templates) : []),
    ...(deps.insights ? insightsRoutes(deps.insights) : []),
    ...executionRoutes(deps.executions, deps.workflows, deps.settleEdits),
    ...debugRoutes(deps.executions),
    ...(deps.bulkReplays ? bulkReplayRoutes(deps.bulkReplays, deps.workflows) : []),
    ...(deps.workflowTests ? workflowTestRoutes(deps.workflowTests) : []),
    ...(deps.testRuns ? testRunRoutes(deps.testRuns, deps.workflows) : []),
    ...(deps.evaluations ? evaluationRoutes(deps.evaluations) : []),
    ...draftCheckRoutes(runCheck, deps.workflows),
    ...auditRoutes(deps.audit),
    ...(deps.logStreams ? logStreamRoutes(deps.logStreams) : []),
    ...(deps.notifications ? notificationRoutes(deps.notifications) : []),
    ...(deps.webhooks?.routes ?? []),
    ...nodeTypeRoutes(nodeDescriptions, registeredPackages),
    ...nodeMethodRoutes(deps.credentials, { ...deps.config, ...(dataTables ? { dataTables: (workspaceId, ctx) => dataTablesForRun(dataTables, workspaceId, ctx) } : {}) }),
    ...(deps.nodePackages ? nodePackageRoutes(deps.nodePackages) : []),
    ...nodeIconRoutes(registeredPackages, () => [deps.config.dataDir && path.join(deps.config.dataDir, 'nodes'), deps.config.nodesDir].filter((d): d is string => !!d)),
    ...editorRoutes({ access: deps.access, workflows: deps.workflows, executions: deps.executions, workspaces: deps.workspaces, config: deps.config, publicUrl: deps.config.publicUrl }),
  ];
  const openapi = buildOpenApi(
    [...routes, route({ method: 'get', path: '/api/v1/openapi.json', tag: 'ops', access: { kind: 'public' }, summary: 'This document', responses: { 200: 'OpenAPI 3.1' }, handler: async () => {} })],
    { title: `${PRODUCT.name} API`, version: PRODUCT.version },
  );
  routes.push(
    route({
      method: 'get', path: '/api/v1/openapi.json', tag: 'ops', access: { kind: 'public' }, summary: 'This document',
      responses: { 200: 'OpenAPI 3.1' },
      async handler(ctx) {
        ctx.body = openapi;
      },
    }),
  );

  const router = new Router();
  mountRoutes(router, routes, deps.guard);

  if (deps.metrics) koa.use(httpMetrics(deps.metrics));
  koa.use(requestLog(deps.logger));
  koa.use(securityHeaders({ frameAncestors: deps.config.frameAncestors }));
  koa.use(errorHandler(deps.logger));
  koa.use(assignRequestId);
  if (deps.webhooks) koa.use(deps.webhooks.middleware);
  koa.use(jsonBody({ limitBytes: deps.config.jsonBodyLimitBytes, maxDepth: deps.config.jsonMaxDepth }));
  koa.use(router.routes());
  koa.use(serveClient(deps.clientDir ?? path.join(PROJECT_ROOT, 'client', 'dist')));
  koa.use(async (ctx) => {
    // Reached only when no route handled the request.
    const allowed = routes.filter((r) => matchesPath(r.path, ctx.path)).map((r) => r.method.toUpperCase());
    if (allowed.length > 0) {
      ctx.status = 405;
      ctx.set('Allow', allowed.join(', '));
      ctx.body = errorBody('method_not_allowed', `${ctx.method} is not allowed on ${ctx.path}; use ${allowed.join(', ')}`);
      return;
    }
    if (ctx.path === '/' && ctx.method === 'GET') {
      ctx.type = 'html';
      ctx.body = landingPage();
      return;
    }
    ctx.status = 404;
    ctx.body = errorBody('not_found', `No route for ${ctx.method} ${ctx.path}`);
  });
  return { koa, routes };
}

function matchesPath(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+/g, '[^/]+')}/?$`);
  return re.test(path);
}

function requestLog(logger: Logger) {
  return async (ctx: Koa.Context, next: Koa.Next) => {
    const started = process.hrtime.bigint();
    await next();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.debug({ method: ctx.method, url: ctx.url, status: ctx.status, ms: Math.round(ms * 10) / 10 }, 'request');
  };
}

function landingPage(): string {
  return `<!doctype html><meta charset="utf-8"><title>${PRODUCT.name}</title>
<body>
<h1>${PRODUCT.name}</h1>
<p>The server is running. The API lives under <a href="/api/v1/workflows">/api/v1</a>;
its description is <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
Health: <a href="/healthz">/healthz</a>, readiness: <a href="/readyz">/readyz</a>.</p>
<p>The editor is not built yet: run <code>npm run build:client</code> (<code>npm start</code> does it for you).</p></body>`;
}
