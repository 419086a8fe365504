// Checks one test expectation against a run's result: the named node's output items, compared by
// equality, deep containment, a JSON Schema (ajv) or an n8n expression that must be true.
import { Ajv } from 'ajv';
import { deepEqual, type WorkflowDefinition, type WorkflowTestExpectation } from '../../domain/index.ts';
import type { ExpressionContext, ExpressionEvaluator, Item, RunResult } from '../../engine/index.ts';

export interface ExpectationResult {
  node: string;
  kind: WorkflowTestExpectation['kind'];
  item?: number;
  passed: boolean;
  /** On failure: what was expected, what the node gave, and why it does not match. */
  expected?: unknown;
  actual?: unknown;
  message?: string;
}

export interface CheckContext {
  definition: WorkflowDefinition;
  result: RunResult;
  evaluator: ExpressionEvaluator;
  timezone: string;
  workflowId: string;
  executionId: string;
}

const ajv = new Ajv({ allErrors: true, strict: false });

/** `expected` is contained in `actual`: objects by their listed keys, arrays element by element (any order), the rest equal. */
export function contains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.every((e) => actual.some((a) => contains(a, e)));
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([k, v]) => Object.hasOwn(actual, k) && contains((actual as Record<string, unknown>)[k], v));
  }
  return deepEqual(actual, expected);
}

/** The node's items on `output` from its last run, or why there are none. */
function outputOf(result: RunResult, node: string, output: number): { items: Item[] } | { missing: string } {
  const runs = result.data.resultData.runData[node];
  const last = runs?.at(-1);
  if (!last) return { missing: `Node '${node}' did not run` };
  if (last.error) return { missing: `Node '${node}' failed: ${last.error.message}` };
  return { items: last.data?.main?.[output] ?? [] };
}

function checkSchema(schema: Record<string, unknown>, value: unknown): string | undefined {
  let validate;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    return `The JSON Schema is not valid: ${(error as Error).message}`;
  }
  return validate(value) ? undefined : ajv.errorsText(validate.errors, { dataVar: 'json' });
}

function checkExpression(expectation: { node: string; expression: string }, items: Item[], index: number, ctx: CheckContext): { value?: unknown; error?: string } {
  const node = ctx.definition.nodes.find((n) => n.name === expectation.node)!;
  const context: ExpressionContext = {
    node, inputItems: [items], source: [], itemIndex: index, runIndex: 0,
    workflow: { id: ctx.workflowId, name: ctx.definition.name, active: false, nodes: ctx.definition.nodes, connections: ctx.definition.connections },
    runData: ctx.result.data.resultData.runData, execution: { id: ctx.executionId, mode: 'manual' }, vars: {}, timezone: ctx.timezone,
  };
  const source = expectation.expression.trim();
  // `{{ … }}` as in n8n's fields; a bare `$json.total > 3` is taken as the expression too.
  const expression = source.startsWith('=') ? source : source.includes('{{') ? `=${source}` : `={{ ${source} }}`;
  try {
    return { value: ctx.evaluator.resolve(expression, context, { parameter: 'expectation' }) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Checks an expectation; without `item` it holds for the list of all items (equals) or for some/every item. */
export function checkExpectation(expectation: WorkflowTestExpectation, ctx: CheckContext): ExpectationResult {
  const base = { node: expectation.node, kind: expectation.kind, ...(expectation.item !== undefined ? { item: expectation.item } : {}) };
  const expectedOf = () => (expectation.kind === 'schema' ? expectation.schema : expectation.kind === 'expression' ? expectation.expression : expectation.value);
  const fail = (message: string, actual?: unknown) => ({ ...base, passed: false, message, expected: expectedOf(), ...(actual !== undefined ? { actual } : {}) });
  if (!ctx.definition.nodes.some((n) => n.name === expectation.node)) return fail(`The workflow has no node '${expectation.node}'`);
  const out = outputOf(ctx.result, expectation.node, expectation.output ?? 0);
  if ('missing' in out) return fail(out.missing);
  const { items } = out;
  const jsons = items.map((i) => i.json);
  if (expectation.item !== undefined && expectation.item >= items.length) {
    return fail(`Node '${expectation.node}' output ${items.length} item(s); there is no item ${expectation.item}`, jsons);
  }
  const indexes = expectation.item !== undefined ? [expectation.item] : items.map((_, i) => i);
  const actual = expectation.item !== undefined ? jsons[expectation.item] : jsons;
  switch (expectation.kind) {
    case 'equals':
      return deepEqual(actual, expectation.value) ? { ...base, passed: true } : fail('The output is not equal to the expected value', actual);
    case 'contains': {
      const found = expectation.item !== undefined ? contains(actual, expectation.value) : jsons.some((j) => contains(j, expectation.value));
      return found ? { ...base, passed: true } : fail(expectation.item !== undefined ? 'The item does not contain the expected value' : 'No item contains the expected value', actual);
    }
    case 'schema': {
      if (indexes.length === 0) return fail(`Node '${expectation.node}' output no items`, jsons);
      for (const i of indexes) {
        const problem = checkSchema(expectation.schema, jsons[i]);
        if (problem) return fail(`Item ${i} does not match the schema: ${problem}`, jsons[i]);
      }
      return { ...base, passed: true };
    }
    case 'expression': {
      if (indexes.length === 0) return fail(`Node '${expectation.node}' output no items`, jsons);
      for (const i of indexes) {
        const { value, error } = checkExpression(expectation, items, i, ctx);
        if (error !== undefined) return fail(`Item ${i}: the expression failed: ${error}`, jsons[i]);
        if (value !== true) return fail(`Item ${i}: the expression is ${JSON.stringify(value) ?? 'undefined'}, not true`, jsons[i]);
      }
      return { ...base, passed: true };
    }
  }
}
