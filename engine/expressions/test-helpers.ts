// Builders for expression contexts in tests: a small linear workflow with recorded run data.
import type { WorkflowNode } from '../../domain/index.ts';
import { ExpressionError, type ExpressionContext } from '../expression-context.ts';
import type { Item } from '../node-sdk.ts';
import type { RunData, TaskData } from '../run-data.ts';

export function node(name: string, parameters: Record<string, unknown> = {}, extra: Partial<WorkflowNode> = {}): WorkflowNode {
  return { name, type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [0, 0], parameters, id: `id-${name}`, ...extra };
}

export function task(items: Item[][], source: TaskData['source'] = []): TaskData {
  return { startTime: 0, executionIndex: 0, executionTime: 1, executionStatus: 'success', source, data: { main: items } };
}

/** A chain `names[0] → names[1] → … → current`; `runData` holds whatever the test recorded. */
export function chainContext(
  names: string[],
  current: WorkflowNode,
  runData: RunData,
  inputItems: Item[],
  overrides: Partial<ExpressionContext> = {},
): ExpressionContext {
  const all = [...names, current.name];
  const connections: Record<string, { main: { node: string; type: string; index: number }[][] }> = {};
  for (let i = 0; i < all.length - 1; i++) connections[all[i]] = { main: [[{ node: all[i + 1], type: 'main', index: 0 }]] };
  const prev = names[names.length - 1];
  return {
    node: current,
    inputItems: [inputItems],
    source: prev ? [{ previousNode: prev }] : [],
    itemIndex: 0,
    runIndex: 0,
    workflow: { id: 'wf1', name: 'My workflow', active: false, nodes: [...names.map((n) => node(n)), current], connections },
    runData,
    execution: { id: 'ex1', mode: 'manual' },
    vars: {},
    timezone: 'UTC',
    ...overrides,
  };
}

/** The simplest context: one Set node fed by "Start" with the given items. */
export function simpleContext(items: Item[], overrides: Partial<ExpressionContext> = {}): ExpressionContext {
  const start = task([items]);
  return chainContext(['Start'], node('Current'), { Start: [start] }, items, overrides);
}

/** The ExpressionError that `fn` throws; fails the test when it throws nothing or something else. */
export function errorOf(fn: () => unknown): ExpressionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error('expected an ExpressionError');
}
