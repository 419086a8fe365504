import { describe, expect, it } from 'vitest';
import { fold } from './decider.ts';
import { parseWorkflowTestCase, workflowTestsDecider, type WorkflowTestCase } from './workflow-tests.ts';

const created = { type: 'WorkflowCreated', data: {} };
const sums: WorkflowTestCase = { id: 't1', name: 'sums', input: {}, expectations: [{ node: 'Total', kind: 'equals', value: 5 }] };
const given = (...events: { type: string; data: unknown }[]) => fold(workflowTestsDecider, events);

describe('the workflow tests decider', () => {
  it('adds, changes and removes cases; folding gives them back', () => {
    const added = workflowTestsDecider.decide({ type: 'AddWorkflowTest', test: sums }, given(created));
    expect(added).toEqual([{ type: 'WorkflowTestAdded', data: { test: sums } }]);
    const renamed = { ...sums, name: 'totals' };
    const updated = workflowTestsDecider.decide({ type: 'UpdateWorkflowTest', test: renamed }, given(created, ...added));
    expect(updated).toEqual([{ type: 'WorkflowTestUpdated', data: { test: renamed } }]);
    expect(workflowTestsDecider.decide({ type: 'UpdateWorkflowTest', test: renamed }, given(created, ...added, ...updated))).toEqual([]);
    const removed = workflowTestsDecider.decide({ type: 'RemoveWorkflowTest', testId: 't1' }, given(created, ...added, ...updated));
    expect(removed).toEqual([{ type: 'WorkflowTestRemoved', data: { testId: 't1', name: 'totals' } }]);
    expect(given(created, ...added, ...updated, ...removed).tests).toEqual([]);
  });

  it('refuses duplicates, unknown cases, and a workflow that is missing or deleted', () => {
    const withSums = given(created, { type: 'WorkflowTestAdded', data: { test: sums } });
    expect(() => workflowTestsDecider.decide({ type: 'AddWorkflowTest', test: { ...sums, id: 't2' } }, withSums)).toThrow(/named 'sums'/);
    expect(() => workflowTestsDecider.decide({ type: 'RemoveWorkflowTest', testId: 'nope' }, withSums)).toThrow(/nope/);
    expect(() => workflowTestsDecider.decide({ type: 'AddWorkflowTest', test: sums }, given())).toThrow(/not found|Workflow/i);
    expect(() => workflowTestsDecider.decide({ type: 'AddWorkflowTest', test: sums }, given(created, { type: 'WorkflowDeleted', data: {} }))).toThrow(/deleted/);
  });

  it('parses cases with paths into the input, and gives a missing id one', () => {
    expect(parseWorkflowTestCase({ name: 'x' })).toMatchObject({ name: 'x', input: {}, expectations: [], id: expect.any(String) });
    expect(() => parseWorkflowTestCase({ name: 'x', expectations: [{ node: 'A', kind: 'schema', schema: 'no' }] }, 'tests.0.'))
      .toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'tests.0.expectations.0.schema' })] }));
  });
});
