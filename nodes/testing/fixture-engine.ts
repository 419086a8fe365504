// Runs fixtures on the real executor, expression evaluator and code sandbox.
import {
  createCodeRunner,
  createExpressionEvaluator,
  createMemoryRecorder,
  executeWorkflow,
  foldExecution,
} from '../../engine/index.ts';
import { isEqual } from '../shared/objects.ts';
import type { FixtureEngine } from './run-fixtures.ts';

export interface RealFixtureEngine extends FixtureEngine {
  dispose(): void;
}

export function createFixtureEngine(): RealFixtureEngine {
  const evaluator = createExpressionEvaluator();
  const codeRunner = createCodeRunner();
  return {
    async run(fixture, nodeTypes) {
      const recorder = createMemoryRecorder({ snapshot: true });
      let clock = Date.parse('2024-01-01T00:00:00.000Z');
      const result = await executeWorkflow({
        definition: fixture.workflow,
        workflowId: 'fixture',
        executionId: 'fixture-execution',
        mode: fixture.mode ?? 'manual',
        nodeTypes,
        evaluator,
        timezone: fixture.timezone ?? 'UTC',
        credentials: async () => ({}),
        runCode: (ctx, code, options) => codeRunner.run({ ctx, code, mode: options.mode, itemIndex: options.itemIndex }),
        recorder,
        now: () => (clock += 1),
        ...(fixture.pinData ? { pinData: fixture.pinData } : {}),
        ...(fixture.triggerItems ? { triggerItems: fixture.triggerItems } : {}),
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
