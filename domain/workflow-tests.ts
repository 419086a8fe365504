// Test cases of a workflow (issue 17): an input and expectations per node, kept as events on the
// workflow's own stream by a small decider of their own, so tests have history like any edit.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';
import type { Decider } from './decider.ts';
import { MAX_NAME_LENGTH, zodDetails } from './workflow-definition.ts';

export const MAX_WORKFLOW_TESTS = 100;
export const MAX_TEST_EXPECTATIONS = 100;

const nodeName = z.string().min(1).max(MAX_NAME_LENGTH);
/** Which item of the node's output; without it the expectation is about all of them. */
const itemIndex = z.number().int().min(0).max(1_000_000).optional();
/** Which output of the node (IF's false branch is 1); default the first. */
const outputIndex = z.number().int().min(0).max(255).optional();

export const workflowTestExpectationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('equals'), node: nodeName, value: z.unknown(), item: itemIndex, output: outputIndex }).strict(),
  z.object({ kind: z.literal('contains'), node: nodeName, value: z.unknown(), item: itemIndex, output: outputIndex }).strict(),
  z.object({ kind: z.literal('schema'), node: nodeName, schema: z.record(z.string(), z.unknown()), item: itemIndex, output: outputIndex }).strict(),
  z.object({ kind: z.literal('expression'), node: nodeName, expression: z.string().min(1).max(10_000), item: itemIndex, output: outputIndex }).strict(),
]);

/** What starts the run: items for the start node, and/or pinned outputs that replace nodes' runs. */
export const workflowTestInputSchema = z.object({
  triggerItems: z.array(z.record(z.string(), z.unknown())).max(10_000).optional(),
  pinData: z.record(z.string(), z.array(z.unknown()).max(10_000)).optional(),
}).strict();

/** A case as the API and `tests` in a workflow file take it (`id` optional when adding). */
export const workflowTestInputCaseSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  input: workflowTestInputSchema.default({}),
  expectations: z.array(workflowTestExpectationSchema).max(MAX_TEST_EXPECTATIONS).default([]),
}).strict();

export type WorkflowTestExpectation = z.infer<typeof workflowTestExpectationSchema>;
export type WorkflowTestInput = z.infer<typeof workflowTestInputSchema>;
export type WorkflowTestCase = Omit<z.infer<typeof workflowTestInputCaseSchema>, 'id'> & { id: string };

/** Parses a case from untrusted input; a missing id gets a new one. Throws a ValidationError. */
export function parseWorkflowTestCase(input: unknown, pathPrefix = ''): WorkflowTestCase {
  const parsed = workflowTestInputCaseSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError('The test case is not valid', zodDetails(parsed.error).map((d) => ({ ...d, path: `${pathPrefix}${d.path ?? ''}` || undefined })));
  }
  return { ...parsed.data, id: parsed.data.id ?? randomUUID() };
}

/**
 * The `tests` key of a workflow file (a Weft key n8n ignores): its cases, checked as a whole before
 * anything is written (ids and names unique in the file). Absent or null: none.
 */
export function parseWorkflowFileTests(raw: unknown, pathPrefix = ''): WorkflowTestCase[] {
  if (raw === undefined || raw === null) return [];
  const path = `${pathPrefix}tests`;
  if (!Array.isArray(raw)) throw new ValidationError('`tests` must be an array of test cases', [{ path, message: 'must be an array' }]);
  if (raw.length > MAX_WORKFLOW_TESTS) throw new ValidationError(`A workflow has at most ${MAX_WORKFLOW_TESTS} tests`, [{ path, message: `more than ${MAX_WORKFLOW_TESTS} tests` }]);
  const cases = raw.map((t, i) => parseWorkflowTestCase(t, `${path}.${i}.`));
  cases.forEach((test, i) => {
    const earlier = cases.slice(0, i);
    if (earlier.some((t) => t.id === test.id)) throw new ValidationError(`Two tests have the id '${test.id}'`, [{ path: `${path}.${i}.id`, message: 'duplicate test id' }]);
    if (earlier.some((t) => t.name === test.name)) throw new ValidationError(`Two tests are named '${test.name}'`, [{ path: `${path}.${i}.name`, message: 'duplicate test name' }]);
  });
  return cases;
}

export type WorkflowTestCommand =
  | { type: 'AddWorkflowTest'; test: WorkflowTestCase }
  | { type: 'UpdateWorkflowTest'; test: WorkflowTestCase }
  | { type: 'RemoveWorkflowTest'; testId: string };

export type WorkflowTestEvent =
  | { type: 'WorkflowTestAdded'; data: { test: WorkflowTestCase } }
  | { type: 'WorkflowTestUpdated'; data: { test: WorkflowTestCase } }
  | { type: 'WorkflowTestRemoved'; data: { testId: string; name: string } };

export const WORKFLOW_TEST_EVENT_TYPES: readonly WorkflowTestEvent['type'][] = ['WorkflowTestAdded', 'WorkflowTestUpdated', 'WorkflowTestRemoved'];

export interface WorkflowTestsState {
  exists: boolean;
  deleted: boolean;
  tests: WorkflowTestCase[];
}

/** The workflow-stream events this decider reads besides its own: whether the workflow is there. */
type StreamEvent = WorkflowTestEvent | { type: string; data: unknown };

function requireWorkflow(state: WorkflowTestsState): void {
  if (!state.exists) throw new NotFoundError('Workflow', 'this');
  if (state.deleted) throw new ConflictError('The workflow is deleted; restore it first');
}

function requireUniqueName(state: WorkflowTestsState, test: WorkflowTestCase): void {
  if (state.tests.some((t) => t.id !== test.id && t.name === test.name)) {
    throw new ConflictError(`A test named '${test.name}' exists already`, [{ path: 'name', message: 'duplicate test name' }]);
  }
}

export const workflowTestsDecider: Decider<WorkflowTestCommand, StreamEvent, WorkflowTestsState> = {
  initialState: () => ({ exists: false, deleted: false, tests: [] }),

  decide(command, state) {
    requireWorkflow(state);
    switch (command.type) {
      case 'AddWorkflowTest':
        if (state.tests.some((t) => t.id === command.test.id)) throw new ConflictError(`A test with id '${command.test.id}' exists already`);
        if (state.tests.length >= MAX_WORKFLOW_TESTS) throw new ValidationError(`A workflow has at most ${MAX_WORKFLOW_TESTS} tests`, []);
        requireUniqueName(state, command.test);
        return [{ type: 'WorkflowTestAdded', data: { test: command.test } }];
      case 'UpdateWorkflowTest': {
        const before = state.tests.find((t) => t.id === command.test.id);
        if (!before) throw new NotFoundError('Workflow test', command.test.id);
        requireUniqueName(state, command.test);
        if (JSON.stringify(before) === JSON.stringify(command.test)) return [];
        return [{ type: 'WorkflowTestUpdated', data: { test: command.test } }];
      }
      case 'RemoveWorkflowTest': {
        const test = state.tests.find((t) => t.id === command.testId);
        if (!test) throw new NotFoundError('Workflow test', command.testId);
        return [{ type: 'WorkflowTestRemoved', data: { testId: test.id, name: test.name } }];
      }
    }
  },

  evolve(state, event) {
    const e = event as WorkflowTestEvent;
    switch (event.type) {
      case 'WorkflowCreated':
        return { ...state, exists: true };
      case 'WorkflowDeleted':
        return { ...state, deleted: true };
      case 'WorkflowRestoredFromDeletion':
        return { ...state, deleted: false };
      case 'WorkflowTestAdded':
        return e.type === 'WorkflowTestAdded' ? { ...state, tests: [...state.tests, e.data.test] } : state;
      case 'WorkflowTestUpdated':
        return e.type === 'WorkflowTestUpdated' ? { ...state, tests: state.tests.map((t) => (t.id === e.data.test.id ? e.data.test : t)) } : state;
      case 'WorkflowTestRemoved':
        return e.type === 'WorkflowTestRemoved' ? { ...state, tests: state.tests.filter((t) => t.id !== e.data.testId) } : state;
      default:
        return state;
    }
  },
};
