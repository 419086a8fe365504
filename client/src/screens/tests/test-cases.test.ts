import { describe, expect, it } from 'vitest';
import { buildExpectation, caseFromRun, describeExpectation } from './test-cases.ts';

describe('test cases in the editor', () => {
  it('takes the input of a new case from the last run of the start node', () => {
    const runData = {
      Start: [{ executionIndex: 0, source: [], data: { main: [[{ json: { a: 1 } }, { json: { a: 2 } }]] } }],
      Total: [{ executionIndex: 1, source: [{ previousNode: 'Start' }], data: { main: [[{ json: { total: 3 } }]] } }],
    };
    expect(caseFromRun(runData, 'Case 1')).toEqual({ name: 'Case 1', input: { triggerItems: [{ a: 1 }, { a: 2 }] }, expectations: [] });
    expect(caseFromRun(undefined, 'Empty')).toEqual({ name: 'Empty', input: {}, expectations: [] });
  });

  it('builds expectations from the form and refuses what is not JSON', () => {
    expect(buildExpectation('Total', 'equals', '{"total": 3}', '0')).toEqual({ node: 'Total', kind: 'equals', value: { total: 3 }, item: 0 });
    expect(buildExpectation('Total', 'expression', ' {{ $json.total > 3 }} ', '')).toEqual({ node: 'Total', kind: 'expression', expression: '{{ $json.total > 3 }}' });
    expect(() => buildExpectation('Total', 'contains', 'total: 3', '')).toThrow(/JSON/);
    expect(() => buildExpectation('Total', 'schema', '[1]', '')).toThrow(/object/);
    expect(() => buildExpectation('Total', 'equals', '1', '-1')).toThrow(/whole number/);
    expect(describeExpectation({ node: 'Total', kind: 'contains', value: { total: 3 }, item: 1 })).toBe('Total[1] contains {"total":3}');
  });
});
