// Runs test cases one after another through a given way of running the workflow (the server's
// execution service, or the CLI's local engine) and checks each case's expectations.
import type { WorkflowDefinition, WorkflowTestCase, WorkflowTestInput } from '../../domain/index.ts';
import type { ExpressionEvaluator, Item, RunResult } from '../../engine/index.ts';
import type { JUnitSuite } from '../shared-reports/index.ts';
import { checkExpectation, type ExpectationResult } from './expectations.ts';

export interface TestCaseReport {
  id: string;
  name: string;
  passed: boolean;
  /** The recorded run (server runs), to open in the editor. */
  executionId?: string;
  status: string;
  /** Why the case failed when it is not an expectation: the run failed or could not start. */
  error?: string;
  durationMs: number;
  expectations: ExpectationResult[];
}

export interface TestRunReport {
  passed: number;
  failed: number;
  cases: TestCaseReport[];
}

/** Runs the workflow for one case's input. */
export type RunForTest = (input: { triggerItems?: Item[]; pinData?: Record<string, unknown[]> }, test: WorkflowTestCase) => Promise<{ result: RunResult; executionId: string }>;

/** Trigger items as the API takes them: plain objects, or items with `json`. */
export function toTriggerItems(input: WorkflowTestInput): Item[] | undefined {
  return input.triggerItems?.map((v) => ('json' in v && typeof v.json === 'object' && v.json !== null ? (v as unknown as Item) : { json: v }));
}

export async function runTestCases(
  definition: WorkflowDefinition,
  tests: WorkflowTestCase[],
  deps: { run: RunForTest; evaluator: ExpressionEvaluator; timezone: string; workflowId: string },
): Promise<TestRunReport> {
  const cases: TestCaseReport[] = [];
  for (const test of tests) {
    const started = Date.now();
    const base = { id: test.id, name: test.name };
    try {
      const triggerItems = toTriggerItems(test.input);
      const { result, executionId } = await deps.run({ ...(triggerItems ? { triggerItems } : {}), ...(test.input.pinData ? { pinData: test.input.pinData } : {}) }, test);
      const ctx = { definition, result, evaluator: deps.evaluator, timezone: deps.timezone, workflowId: deps.workflowId, executionId };
      const expectations = test.expectations.map((e) => checkExpectation(e, ctx));
      const runError = result.status === 'success' ? undefined : result.data.resultData.error?.message ?? `The run ended with status '${result.status}'`;
      cases.push({
        ...base, executionId, status: result.status, durationMs: Date.now() - started, expectations,
        passed: runError === undefined && expectations.every((e) => e.passed),
        ...(runError !== undefined ? { error: runError } : {}),
      });
    } catch (error) {
      cases.push({ ...base, passed: false, status: 'notRun', error: (error as Error).message, durationMs: Date.now() - started, expectations: [] });
    }
  }
  const passed = cases.filter((c) => c.passed).length;
  return { passed, failed: cases.length - passed, cases };
}

/** One JUnit suite per workflow, one case per test; a failure lists every failed expectation. */
export function toJUnitSuite(workflowName: string, report: TestRunReport): JUnitSuite {
  return {
    name: workflowName,
    cases: report.cases.map((c) => {
      const failedExpectations = c.expectations.filter((e) => !e.passed);
      const lines = [
        ...(c.error ? [c.error] : []),
        ...failedExpectations.map((e) => `${e.node} ${e.kind}${e.item !== undefined ? ` [item ${e.item}]` : ''}: ${e.message}\n  expected: ${JSON.stringify(e.expected)}\n  actual:   ${JSON.stringify(e.actual)}`),
      ];
      return {
        name: c.name, classname: workflowName, timeSeconds: c.durationMs / 1000,
        ...(c.passed ? {} : { failure: { message: c.error ?? `${failedExpectations.length} expectation(s) failed`, body: lines.join('\n') } }),
      };
    }),
  };
}
