// The results of tests run on save (settings.runTestsOnSave): the last one per revision.
import { z } from 'zod';
import { route, type Route } from '../http/route.ts';
import type { WorkflowService } from '../workflow-service.ts';
import type { TestRunRecord } from './tests-on-save.ts';

export function testRunRoutes(testRuns: (workflowId: string) => Promise<TestRunRecord[]>, workflows: Pick<WorkflowService, 'get'>): Route[] {
  return [
    route({
      method: 'get', path: '/api/v1/workflows/:id/test-runs', tag: 'workflows',
      summary: 'Results of the tests run on save (settings.runTestsOnSave): the last per revision, newest revision first',
      access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'read' },
      params: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id') }),
      responses: { 200: '`{data: [{revision, at, passed, failed, cases: [{id, name, passed, executionId?, error?}]}]}`', 404: 'Unknown workflow' },
      async handler(ctx, { params }) {
        await workflows.get(params.id);
        ctx.body = { data: await testRuns(params.id) };
      },
    }),
  ];
}
