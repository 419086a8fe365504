// Workflow test cases as the API answers them, and what the Tests panel builds from the last run.
import { startOf } from '../../lib/replay-diff.ts';
import type { RunData } from '../../lib/replay.ts';

export type ExpectationKind = 'equals' | 'contains' | 'schema' | 'expression';

export interface Expectation {
  node: string;
  kind: ExpectationKind;
  value?: unknown;
  schema?: Record<string, unknown>;
  expression?: string;
  item?: number;
}

export interface TestCase {
  id: string;
  name: string;
  input: { triggerItems?: Record<string, unknown>[]; pinData?: Record<string, unknown[]> };
  expectations: Expectation[];
}

export interface ExpectationResult { node: string; kind: ExpectationKind; item?: number; passed: boolean; expected?: unknown; actual?: unknown; message?: string }
export interface CaseResult { id: string; name: string; passed: boolean; executionId?: string; status: string; error?: string; expectations: ExpectationResult[] }
export interface TestReport { passed: number; failed: number; cases: CaseResult[] }

/** A new case whose input is what the last run's start node output (its trigger data). */
export function caseFromRun(runData: RunData | undefined, name: string): Omit<TestCase, 'id'> {
  const start = runData ? startOf(runData) : undefined;
  const items = start ? runData?.[start]?.at(-1)?.data?.main?.[0] ?? [] : [];
  return { name, input: items.length > 0 ? { triggerItems: items.map((i) => i.json) } : {}, expectations: [] };
}

/** The node's first output item in the last run, to prefill an `equals`/`contains` value. */
export function lastOutputOf(runData: RunData | undefined, node: string): unknown {
  return runData?.[node]?.at(-1)?.data?.main?.[0]?.[0]?.json;
}

/** An expectation in one line, for the list. */
export function describeExpectation(e: Expectation): string {
  const what = e.kind === 'expression' ? e.expression : e.kind === 'schema' ? 'JSON Schema' : JSON.stringify(e.value);
  return `${e.node}${e.item !== undefined ? `[${e.item}]` : ''} ${e.kind} ${what}`;
}

/** Builds an expectation from the form's text: JSON for values and schemas, the text for expressions. */
export function buildExpectation(node: string, kind: ExpectationKind, text: string, item: string): Expectation {
  const index = item.trim() === '' ? undefined : Number(item);
  if (index !== undefined && (!Number.isInteger(index) || index < 0)) throw new Error('The item is a whole number from 0');
  const base = { node, kind, ...(index !== undefined ? { item: index } : {}) };
  if (kind === 'expression') {
    if (!text.trim()) throw new Error('Write the expression, e.g. {{ $json.total > 3 }}');
    return { ...base, expression: text.trim() };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(kind === 'schema' ? 'The schema must be JSON' : 'The value must be JSON (a string in quotes)');
  }
  if (kind === 'schema') {
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('The schema must be a JSON object');
    return { ...base, schema: value as Record<string, unknown> };
  }
  return { ...base, value };
}
