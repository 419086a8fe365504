// HTTP entry points for webhooks: `/webhook/…`, `/webhook-test/…` and `/webhook-waiting/…` (and the
// forms' `/form/…`, `/form-test/…`, `/form-waiting/…`) as
// raw-body middleware (mounted before the JSON body parser), and the API to listen for a test call.
import type { Context, Next } from 'koa';
import { z } from 'zod';
import { requestContext } from '../http/guard.ts';
import { publicBase } from '../http/public-url.ts';
import { route, type Route } from '../http/route.ts';
import type { WorkflowService } from '../workflow-service.ts';
import type { WebhookService } from './webhook-service.ts';

// `/mcp/` is n8n's prefix for the MCP Server Trigger's endpoints: answered as production webhooks.
const PREFIXES: [string, 'production' | 'test' | 'waiting'][] = [['/webhook/', 'production'], ['/webhook-test/', 'test'], ['/webhook-waiting/', 'waiting'], ['/mcp/', 'production'],
  // n8n's hosted forms: the Form Trigger's pages and a waiting run's form pages.
  ['/form/', 'production'], ['/form-test/', 'test'], ['/form-waiting/', 'waiting']];

export function webhookMiddleware(service: WebhookService) {
  return async function webhooks(ctx: Context, next: Next): Promise<void> {
    const hit = PREFIXES.find(([prefix]) => ctx.path.startsWith(prefix));
    if (!hit) return next();
    const [prefix, kind] = hit;
    const path = ctx.path.slice(prefix.length).replace(/\/+$/, '');
    if (kind === 'waiting') {
      const [executionId, ...rest] = path.split('/');
      // `/form-waiting/` also shows the ending of a multi-page form whose run is over.
      await service.resume(ctx, executionId, rest.join('/'), prefix === '/form-waiting/');
      return;
    }
    await service.handle(ctx, kind, path);
  };
}

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');

/**
 * `publicUrl` is PUBLIC_URL when set (else test URLs are where the caller reached us); `settleEdits`
 * commits the live edits of a workflow open in the editor, so the listener uses them.
 */
export function testWebhookRoutes(service: WebhookService, workflows: WorkflowService, options: { publicUrl?: string; settleEdits?: (workflowId: string) => Promise<void> } = {}): Route[] {
  const access = { kind: 'resource' as const, resource: 'workflow' as const, param: 'id', level: 'write' as const };
  return [
    route({
      method: 'post', path: '/api/v1/workflows/:id/test-webhook', tag: 'webhooks',
      summary: "Listen for one test call of the workflow's webhooks (2 minutes); the call runs the workflow in manual mode",
      access, params: z.object({ id }),
      responses: { 200: '`{workflowId, expiresAt, webhooks: [{method, node, url}]}`', 400: 'No Webhook node', 404: 'Unknown workflow', 409: 'Path busy with another test' },
      async handler(ctx, { params }) {
        await options.settleEdits?.(params.id);
        const doc = await workflows.get(params.id);
        ctx.body = await service.listen(doc, requestContext(ctx), publicBase(ctx, options.publicUrl));
      },
    }),
    route({
      method: 'delete', path: '/api/v1/workflows/:id/test-webhook', tag: 'webhooks', summary: 'Stop listening for a test call',
      access, params: z.object({ id }),
      responses: { 204: 'Stopped (or was not listening)', 404: 'Unknown workflow' },
      async handler(ctx, { params }) {
        await service.stopListening(params.id);
        ctx.status = 204;
      },
    }),
  ];
}
