// Runs fixtures on the real executor, expression evaluator and code sandbox.
import {
  createCodeRunner,
  createExpressionEvaluator,
  createMemoryRecorder,
  executeWorkflow,
  foldExecution,
  subWorkflowResult,
  subWorkflowStartNode,
  type ExecuteWorkflowOptions,
  type RunResult,
} from '../../engine/index.ts';
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { loadNodeTypes } from '../registry.ts';
import { isEqual } from '../shared/objects.ts';
import type { FixtureEngine, FlowFixture } from './run-fixtures.ts';

export interface RealFixtureEngine extends FixtureEngine {
  /** `credentials` stands in for the vault where a test needs more than data by type (an OAuth2 renewal). */
  run(fixture: FlowFixture, nodeTypes: ExecuteWorkflowOptions['nodeTypes'], options?: { credentials?: ExecuteWorkflowOptions['credentials'] }): Promise<RunResult>;
  dispose(): void;
}

export function createFixtureEngine(): RealFixtureEngine {
  const evaluator = createExpressionEvaluator();
  const codeRunner = createCodeRunner();
  async function runSub(definition: ExecuteWorkflowOptions['definition'], items: unknown[], nodeTypes: ExecuteWorkflowOptions['nodeTypes']) {
    await loadNodeTypes(definition.nodes);
    const result = await executeWorkflow({
      definition, workflowId: 'sub', executionId: 'sub-execution', mode: 'integrated', nodeTypes, evaluator, timezone: 'UTC',
      startNode: subWorkflowStartNode(definition), triggerItems: items as never,
      credentials: async () => ({}), recorder: createMemoryRecorder(),
      runCode: (ctx, code, options) => codeRunner.run({ ctx, code, mode: options.mode, itemIndex: options.itemIndex }),
    });
    return subWorkflowResult(result);
  }

  return {
    async run(fixture, nodeTypes, options = {}) {
      const recorder = createMemoryRecorder({ snapshot: true });
      let clock = Date.parse('2024-01-01T00:00:00.000Z');
      await loadNodeTypes(fixture.workflow.nodes);
      const result = await executeWorkflow({
        definition: fixture.workflow,
        workflowId: 'fixture',
        executionId: 'fixture-execution',
        mode: fixture.mode ?? 'manual',
        nodeTypes,
        evaluator,
        timezone: fixture.timezone ?? 'UTC',
        credentials: options.credentials ?? (async (_node, type) => fixture.credentials?.[type] ?? {}),
        runCode: (ctx, code, options) => codeRunner.run({ ctx, code, mode: options.mode, itemIndex: options.itemIndex }),
        recorder,
        now: () => (clock += 1),
        // Send and Wait nodes sign their resume links with these.
        resumeUrl: 'http://localhost:5678/webhook-waiting/fixture-execution',
        resumeUrlSecret: 'fixture-resume-secret',
        ...(fixture.pinData ? { pinData: fixture.pinData } : {}),
        ...(fixture.triggerItems ? { triggerItems: fixture.triggerItems } : {}),
        ...(fixture.startNode ? { startNode: fixture.startNode } : {}),
        subWorkflow: ({ source, items }) => {
          // Fixtures call sub-workflows given inline, or stored ones listed under `subWorkflows`.
          const raw = 'definition' in source ? source.definition : fixture.subWorkflows?.[source.workflowId];
          if (raw === undefined) throw new Error(`No sub-workflow '${'workflowId' in source ? source.workflowId : ''}' in the fixture`);
          return runSub(parseWorkflowDefinition(raw), items, nodeTypes);
        },
      });
      // A run must be rebuildable from its events alone.
      const folded = foldExecution(recorder.events);
      const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
      if (!isEqual(plain(folded), plain(result))) throw new Error('Folding the recorded events does not give the run result');
      return result;
    },
    dispose() {
      evaluator.dispose();
      codeRunner.dispose();
    },
  };
}
