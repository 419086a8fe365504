// Routes only the editor needs: whether the browser is signed in, the addresses it shows (webhook
// URLs), and the live preview of an expression against the data of the workflow's last run. (Time travel is server/routes/versions.ts.)
import { z } from 'zod';
import { NotFoundError, parseWorkflowJson, ValidationError, type WorkflowDefinition, type WorkflowNode } from '../../domain/index.ts';
import { createExpressionEvaluator, type ExpressionContext, type Item, type RunData } from '../../engine/index.ts';
import type { AccessControl } from '../auth/access-control.ts';
import type { WorkspaceService } from '../auth/workspace-service.ts';
import type { Config } from '../config.ts';
import type { ExecutionService } from '../executions/execution-service.ts';
import { authState, workspaceOf } from '../http/guard.ts';
import { publicBase } from '../http/public-url.ts';
import { route, type Route } from '../http/route.ts';
import type { WorkflowService } from '../workflow-service.ts';

export interface EditorRouteDeps {
  access: Pick<AccessControl, 'workspacesOf'>;
  workflows: WorkflowService;
  executions: ExecutionService;
  workspaces: Pick<WorkspaceService, 'variableMap'>;
  config: Pick<Config, 'expressionTimeoutMs' | 'sandboxMemoryMb' | 'timezone'>;
  /** PUBLIC_URL when set, for the webhook URLs the editor shows. */
  publicUrl: string | undefined;
}

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const MAX_PREVIEW_LENGTH = 2_000;

/** The items a node would receive: its recorded input, else what its parents produced. */
export function inputOf(definition: WorkflowDefinition, runData: RunData, nodeName: string): Item[] {
  const own = runData[nodeName]?.at(-1);
  const source = own?.source?.[0];
  if (source) {
    const run = runData[source.previousNode]?.[source.previousNodeRun ?? 0];
    const items = run?.data?.main?.[source.previousNodeOutput ?? 0];
    if (items) return items;
  }
  for (const [from, byType] of Object.entries(definition.connections)) {
    for (const [output, targets] of (byType.main ?? []).entries()) {
      if (!targets?.some((t) => t.node === nodeName)) continue;
      const items = runData[from]?.at(-1)?.data?.main?.[output];
      if (items && items.length > 0) return items;
    }
  }
  return [{ json: {} }];
}

function preview(value: unknown): { type: string; text: string } {
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  let text = typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? String(value));
  if (text.length > MAX_PREVIEW_LENGTH) text = `${text.slice(0, MAX_PREVIEW_LENGTH)}…`;
  return { type, text };
}

export function editorRoutes(deps: EditorRouteDeps): Route[] {
  const { workflows, executions } = deps;
  const readable = { kind: 'resource', resource: 'workflow', param: 'id', level: 'read' } as const;
  return [
    route({
      method: 'get', path: '/api/v1/auth/session', tag: 'editor', access: { kind: 'public' },
      summary: 'Whether this browser is signed in, and as whom (like /me, but 200 either way so the editor can ask on start)',
      responses: { 200: '`{signedIn: false}` or `{signedIn: true, user}` with the /me fields' },
      async handler(ctx) {
        const p = authState(ctx).principal;
        ctx.body = p
          ? { signedIn: true, user: { id: p.userId, email: p.email, name: p.name, instanceRole: p.instanceRole, via: p.apiKey ? 'apiKey' : 'session', workspaces: await deps.access.workspacesOf(p) } }
          : { signedIn: false };
      },
    }),
    route({
      method: 'get', path: '/api/v1/settings', tag: 'editor', access: { kind: 'signedIn' },
      summary: 'What the editor needs to know about this instance: the base URLs of production and test webhooks',
      responses: { 200: '`{urls: {webhook, webhookTest}}`', 401: 'Not signed in' },
      async handler(ctx) {
        const base = publicBase(ctx, deps.publicUrl);
        ctx.body = { urls: { webhook: `${base}/webhook/`, webhookTest: `${base}/webhook-test/` } };
      },
    }),
    route({
      method: 'post', path: '/api/v1/workflows/:id/expressions/preview', tag: 'editor', access: readable,
      summary: "Resolve an expression for a node against the workflow's last run (its input items), for the editor's live preview",
      params: z.object({ id }),
      body: z.object({
        node: z.string().min(1).max(256),
        expression: z.string().max(20_000),
        itemIndex: z.number().int().min(0).max(1_000_000).default(0),
        executionId: id.optional(),
        /** The editor's current, maybe unsaved, definition; default the stored one. */
        definition: z.looseObject({}).optional(),
      }).strict(),
      responses: { 200: '`{ok, value: {type, text}, executionId, itemCount}` or `{ok: false, error}`', 400: 'Invalid input', 404: 'Unknown workflow or node' },
      async handler(ctx, { params, body }) {
        const doc = await workflows.get(params.id);
        // An unsaved definition from the editor is checked like any other (400 when malformed).
        const definition = body.definition ? parseWorkflowJson(body.definition).definition : doc.definition;
        const node: WorkflowNode | undefined = definition.nodes.find((n) => n.name === body.node);
        if (!node) throw new NotFoundError('Node', body.node);
        const executionId = body.executionId ?? (await executions.list({ workspaceId: workspaceOf(ctx), workflowId: params.id, limit: 1 })).items[0]?.id;
        let runData: RunData = {};
        if (executionId) {
          const execution = await executions.get(executionId, true) as { workflowId: string; data?: { resultData: { runData: RunData } } };
          if (execution.workflowId !== params.id) throw new ValidationError('That execution belongs to another workflow', [{ path: 'body.executionId', message: 'other workflow' }]);
          runData = execution.data?.resultData.runData ?? {};
        }
        const items = inputOf(definition, runData, node.name);
        const vars = await deps.workspaces.variableMap(workspaceOf(ctx));
        const context: ExpressionContext = {
          node, inputItems: [items], source: [], itemIndex: Math.min(body.itemIndex, Math.max(items.length - 1, 0)), runIndex: 0,
          workflow: { id: doc.id, name: definition.name ?? doc.name, active: doc.active, nodes: definition.nodes, connections: definition.connections },
          runData, execution: { id: executionId ?? 'preview', mode: 'manual' }, vars, timezone: deps.config.timezone,
        };
        const evaluator = createExpressionEvaluator({ timeoutMs: deps.config.expressionTimeoutMs, memoryLimitMb: deps.config.sandboxMemoryMb });
        try {
          const expression = body.expression.startsWith('=') ? body.expression : `=${body.expression}`;
          const value = evaluator.resolve(expression, context, { parameter: 'preview' });
          ctx.body = { ok: true, value: preview(value), executionId: executionId ?? null, itemCount: items.length };
        } catch (error) {
          ctx.body = { ok: false, error: (error as Error).message, executionId: executionId ?? null, itemCount: items.length };
        } finally {
          evaluator.dispose();
        }
      },
    }),
  ];
}
