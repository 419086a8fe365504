// REST routes for a workflow's test cases and for running them.
import { z } from 'zod';
import { requestContext } from '../http/guard.ts';
import { route, type Route } from '../http/route.ts';
import type { WorkflowTestService } from './workflow-test-service.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
const workflowParams = z.object({ id });
const testParams = z.object({ id, testId: id });
// The case itself is checked by the domain's schema (parseWorkflowTestCase), with paths into the body.
const caseBody = z.looseObject({});
const CASE_SHAPE = '`{id, name, input: {triggerItems?, pinData?}, expectations: [{node, kind: equals|contains|schema|expression, value|schema|expression, item?, output?}]}`';

export function workflowTestRoutes(tests: WorkflowTestService): Route[] {
  const access = (level: 'read' | 'write') => ({ kind: 'resource', resource: 'workflow', param: 'id', level }) as const;
  return [
    route({
      method: 'get', path: '/api/v1/workflows/:id/tests', tag: 'workflows', summary: "The workflow's test cases",
      access: access('read'), params: workflowParams,
      responses: { 200: `\`{data: [case]}\`, each ${CASE_SHAPE}`, 404: 'Unknown workflow' },
      async handler(ctx, { params }) {
        ctx.body = { data: await tests.list(params.id) };
      },
    }),
    route({
      method: 'post', path: '/api/v1/workflows/:id/tests/run', tag: 'workflows',
      summary: "Run the workflow's tests (all, or `testIds`) on its draft, each as a recorded manual run, and check their expectations",
      access: access('write'), params: workflowParams,
      body: z.object({ testIds: z.array(id).min(1).max(100).optional() }).strict().optional(),
      responses: { 200: '`{passed, failed, cases: [{id, name, passed, executionId, status, error?, durationMs, expectations: [{node, kind, item?, passed, expected?, actual?, message?}]}]}`', 400: 'Invalid body', 404: 'Unknown workflow' },
      async handler(ctx, { params, body }) {
        ctx.body = await tests.run(params.id, requestContext(ctx), body?.testIds ? { testIds: body.testIds } : {});
      },
    }),
    route({
      method: 'post', path: '/api/v1/workflows/:id/tests', tag: 'workflows', summary: 'Add a test case (an event on the workflow)',
      access: access('write'), params: workflowParams, body: caseBody,
      responses: { 201: `The case, ${CASE_SHAPE}`, 400: 'Invalid case', 404: 'Unknown workflow', 409: 'A test of that name or id exists, or the workflow is deleted' },
      async handler(ctx, { params, body }) {
        ctx.status = 201;
        ctx.body = await tests.add(params.id, body, requestContext(ctx));
      },
    }),
    route({
      method: 'get', path: '/api/v1/workflows/:id/tests/:testId', tag: 'workflows', summary: 'One test case',
      access: access('read'), params: testParams,
      responses: { 200: `The case, ${CASE_SHAPE}`, 404: 'Unknown workflow or test' },
      async handler(ctx, { params }) {
        ctx.body = await tests.get(params.id, params.testId);
      },
    }),
    route({
      method: 'put', path: '/api/v1/workflows/:id/tests/:testId', tag: 'workflows', summary: 'Replace a test case',
      access: access('write'), params: testParams, body: caseBody,
      responses: { 200: 'The case', 400: 'Invalid case', 404: 'Unknown workflow or test', 409: 'Another test has that name' },
      async handler(ctx, { params, body }) {
        ctx.body = await tests.update(params.id, params.testId, body, requestContext(ctx));
      },
    }),
    route({
      method: 'delete', path: '/api/v1/workflows/:id/tests/:testId', tag: 'workflows', summary: 'Remove a test case',
      access: access('write'), params: testParams,
      responses: { 204: 'Removed', 404: 'Unknown workflow or test' },
      async handler(ctx, { params }) {
        await tests.remove(params.id, params.testId, requestContext(ctx));
        ctx.status = 204;
      },
    }),
  ];
}
