// Workflow tests on the server: cases kept as events on `workflow-<id>`, run as recorded manual runs
// of the draft (the editor's kind of run: the draft, its pinned data), and the gate on activation.
import { randomUUID } from 'node:crypto';
import {
  ConflictError, fold, NotFoundError, parseWorkflowTestCase, streamName, WORKFLOW_CATEGORY, workflowTestsDecider,
  type WorkflowDefinition, type WorkflowTestCase, type WorkflowTestCommand,
} from '../../domain/index.ts';
import { createExpressionEvaluator } from '../../engine/index.ts';
import type { EventStore } from '../../events/index.ts';
import type { RequestContext, RunCommand } from '../commands.ts';
import type { Config } from '../config.ts';
import type { ExecutionService } from '../executions/execution-service.ts';
import type { PublishOptions, WorkflowService } from '../workflow-service.ts';
import { runTestCases, type TestRunReport } from './run-cases.ts';

export interface WorkflowTestServiceDeps {
  events: EventStore;
  run: RunCommand;
  workflows: Pick<WorkflowService, 'get' | 'publishRequest'>;
  executions: Pick<ExecutionService, 'startDefinition'>;
  config: Pick<Config, 'expressionTimeoutMs' | 'sandboxMemoryMb' | 'timezone'>;
  /** Commits a workflow's pending live edits, so a test runs what the editors see. */
  settleEdits?: (workflowId: string) => Promise<void>;
}

export type WorkflowTestService = ReturnType<typeof createWorkflowTestService>;

export function createWorkflowTestService(deps: WorkflowTestServiceDeps) {
  const stream = (id: string) => streamName(WORKFLOW_CATEGORY, id);

  async function list(workflowId: string): Promise<WorkflowTestCase[]> {
    const events = await deps.events.readStream(stream(workflowId));
    return fold(workflowTestsDecider, events as Array<{ type: string; data: unknown }>).tests;
  }

  async function execute(workflowId: string, command: WorkflowTestCommand, ctx: RequestContext): Promise<WorkflowTestCase[]> {
    const doc = await deps.workflows.get(workflowId);
    const result = await deps.run(workflowTestsDecider, stream(workflowId), command, ctx, { workspaceId: doc.workspaceId });
    return result.state.tests;
  }

  /** Runs `tests` against `definition` (default: the draft), each as a recorded manual run. */
  async function runTests(workflowId: string, ctx: RequestContext, options: { testIds?: string[]; definition?: WorkflowDefinition } = {}): Promise<TestRunReport> {
    await deps.settleEdits?.(workflowId);
    const doc = await deps.workflows.get(workflowId);
    if (doc.deleted) throw new ConflictError('The workflow is deleted; restore it first');
    const definition = options.definition ?? doc.definition;
    const all = await list(workflowId);
    const tests = options.testIds ? all.filter((t) => options.testIds!.includes(t.id)) : all;
    const evaluator = createExpressionEvaluator({ timeoutMs: deps.config.expressionTimeoutMs, memoryLimitMb: deps.config.sandboxMemoryMb });
    try {
      return await runTestCases(definition, tests, {
        evaluator, timezone: deps.config.timezone, workflowId,
        run: async (input) => {
          // The case's pinned outputs go over the workflow's own, as an editor run would use them.
          const pinData = input.pinData ? { ...definition.pinData, ...input.pinData } : undefined;
          const waiter = await deps.executions.startDefinition(definition, doc, {
            mode: 'manual', ...(input.triggerItems ? { triggerItems: input.triggerItems } : {}), ...(pinData ? { pinData } : {}),
          }, { ...ctx, requestId: randomUUID() });
          return { result: await waiter.done, executionId: waiter.executionId };
        },
      });
    } finally {
      evaluator.dispose();
    }
  }

  return {
    list,
    async get(workflowId: string, testId: string): Promise<WorkflowTestCase> {
      const test = (await list(workflowId)).find((t) => t.id === testId);
      if (!test) throw new NotFoundError('Workflow test', testId);
      return test;
    },
    async add(workflowId: string, input: unknown, ctx: RequestContext): Promise<WorkflowTestCase> {
      const test = parseWorkflowTestCase(input, 'body.');
      await execute(workflowId, { type: 'AddWorkflowTest', test }, ctx);
      return test;
    },
    async update(workflowId: string, testId: string, input: unknown, ctx: RequestContext): Promise<WorkflowTestCase> {
      const test = parseWorkflowTestCase({ ...(input as object), id: testId }, 'body.');
      await execute(workflowId, { type: 'UpdateWorkflowTest', test }, ctx);
      return test;
    },
    async remove(workflowId: string, testId: string, ctx: RequestContext): Promise<void> {
      await execute(workflowId, { type: 'RemoveWorkflowTest', testId }, ctx);
    },
    run: runTests,

    /**
     * With `settings.requireTestsToPass` on, the definition about to be activated or published
     * must pass every test: a 409 names the ones that fail. A workflow without tests passes.
     */
    async gate(workflowId: string, ctx: RequestContext, options: PublishOptions, verb: string): Promise<void> {
      const doc = await deps.workflows.get(workflowId);
      const request = await deps.workflows.publishRequest(doc, options);
      const definition = request.definition ?? doc.definition;
      if (definition.settings?.requireTestsToPass !== true) return;
      const report = await runTests(workflowId, ctx, { definition });
      if (report.failed === 0) return;
      const failed = report.cases.filter((c) => !c.passed);
      throw new ConflictError(
        `The workflow cannot be ${verb}: ${failed.length} of its tests fail (${failed.map((c) => `'${c.name}'`).join(', ')}); settings.requireTestsToPass is on`,
        failed.map((c) => ({
          path: `tests.${c.id}`,
          message: `${c.name}: ${c.error ?? c.expectations.filter((e) => !e.passed).map((e) => `${e.node} ${e.kind}: ${e.message}`).join('; ')}`,
        })),
      );
    },
  };
}
