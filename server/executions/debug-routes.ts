// REST routes of the step debugger: where a run is paused, and continue, step, edit input, abort.
// Editors of the run's workspace may control it; viewers may read where it is paused.
import { z } from 'zod';
import { requestContext } from '../http/guard.ts';
import { route, type Route } from '../http/route.ts';
import type { ExecutionService } from './execution-service.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
const execution = (level: 'read' | 'write') => ({ kind: 'resource' as const, resource: 'execution' as const, param: 'id', level });
const paused409 = 'The run is not paused by the debugger';

/** The shape of `breakpoints` in a run request (the run route validates it with this). */
export const breakpointsSchema = z.array(z.object({ node: z.string().min(1).max(128), when: z.enum(['before', 'after']) }).strict()).max(500);

export function debugRoutes(executions: ExecutionService): Route[] {
  const resume = (how: 'continue' | 'step') => route({
    method: 'post', path: `/api/v1/executions/:id/debug/${how}`, tag: 'executions',
    summary: how === 'continue'
      ? 'Let a run paused by the debugger go on to its next breakpoint (or its end)'
      : 'Let a run paused by the debugger run its next node, then pause before the node after it',
    access: execution('write'), params: z.object({ id }), query: z.object({ wait: z.enum(['true', 'false']).optional() }),
    responses: { 200: '`{executionId, resumed: {node, when, how}}`; with wait=true also `execution`: the run once it pauses again or ends', 404: 'Unknown execution', 409: paused409 },
    async handler(ctx, { params, query }) {
      const { done, resumed } = await executions.debug[how](params.id, requestContext(ctx), query.wait === 'true');
      if (!done) {
        ctx.body = { executionId: params.id, resumed };
        return;
      }
      const result = await done;
      await executions.settle();
      ctx.body = { executionId: params.id, resumed, execution: { id: params.id, ...result } };
    },
  });
  return [
    route({
      method: 'get', path: '/api/v1/executions/:id/debug', tag: 'executions',
      summary: 'Where a run is paused by the debugger: the node, before or after it, and its input (before) or output (after)',
      access: execution('read'), params: z.object({ id }),
      responses: { 200: '`{executionId, node, runIndex, when, pausedAt, input | output}`', 404: 'Unknown execution', 409: paused409 },
      async handler(ctx, { params }) {
        ctx.body = await executions.debug.paused(params.id);
      },
    }),
    resume('continue'),
    resume('step'),
    route({
      method: 'post', path: '/api/v1/executions/:id/debug/input', tag: 'executions',
      summary: "Replace the paused node's input items before it runs (only when paused before the node); input picks which of its inputs (default 0)",
      access: execution('write'), params: z.object({ id }),
      body: z.object({
        items: z.array(z.object({ json: z.record(z.string(), z.unknown()) }).passthrough()).max(10_000),
        input: z.number().int().min(0).max(100).optional(),
      }).strict(),
      responses: { 200: '`{executionId, node, input, itemCount}`', 400: 'Invalid items, or paused after the node', 404: 'Unknown execution', 409: paused409 },
      async handler(ctx, { params, body }) {
        ctx.body = await executions.debug.editInput(params.id, body as never, requestContext(ctx));
      },
    }),
    route({
      method: 'post', path: '/api/v1/executions/:id/debug/abort', tag: 'executions',
      summary: 'Stop a paused (or running) run: it ends as canceled',
      access: execution('write'), params: z.object({ id }),
      responses: { 200: '`{stopped}`', 404: 'Unknown execution' },
      async handler(ctx, { params }) {
        ctx.body = { stopped: await executions.stop(params.id, requestContext(ctx)) };
      },
    }),
  ];
}
