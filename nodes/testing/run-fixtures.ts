// Workflow fixtures for node tests (after n8n's NodeTestHarness): `*.workflow.json` files holding
// an n8n workflow, optional pinned data, and the output n8n produces for some of its nodes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { WorkflowDefinition } from '../../domain/index.ts';
import type { Item, NodeType, PairedItem, RunResult } from '../../engine/index.ts';
import { isEqual } from '../shared/objects.ts';

export interface FlowFixture {
  name: string;
  workflow: WorkflowDefinition;
  /** Per node: the outputs of its first run, `[[output 0 items], [output 1 items]]`. */
  expected?: Record<string, unknown[][]>;
  /** Per node: every run's outputs, for nodes that run more than once (loops). */
  expectedRuns?: Record<string, unknown[][][]>;
  /** The run fails at this node, with a message containing `message`. */
  expectedError?: { node?: string; message: string };
  pinData?: Record<string, unknown[]>;
  /** Execution mode; 'manual' (the default) honours pinData. */
  mode?: 'manual' | 'trigger' | 'webhook';
  /** Items injected as the start node's input. */
  triggerItems?: Item[];
  /** The node the run starts from, when the engine would not pick it (a webhook trigger). */
  startNode?: string;
  timezone?: string;
  /** Stored workflows an Execute Workflow node may call by id. */
  subWorkflows?: Record<string, unknown>;
  /** Credential data by credential type, as the vault would hand it to the nodes (e.g. a local server's). */
  credentials?: Record<string, Record<string, unknown>>;
  /** The file the fixture came from, relative to the loaded folder. */
  file: string;
}

/** Every `*.workflow.json` below `dir` (recursively), sorted by path. */
export function loadFixtures(dir: string): FlowFixture[] {
  const files: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path).sort()) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.workflow.json')) files.push(full);
    }
  };
  walk(dir);
  return files.map((file) => ({ ...(JSON.parse(readFileSync(file, 'utf8')) as Omit<FlowFixture, 'file'>), file: relative(dir, file) }));
}

/** A source reference without its zero/absent output and run (n8n omits them). */
function canonicalSource(source: unknown): unknown {
  if (!source || typeof source !== 'object') return source;
  const { previousNode, previousNodeOutput, previousNodeRun } = source as Record<string, unknown>;
  return { previousNode, ...(previousNodeOutput ? { previousNodeOutput } : {}), ...(previousNodeRun ? { previousNodeRun } : {}) };
}

/** n8n stores `{item: 0, input: undefined}` and `0` alike; compare the canonical form. */
function canonicalPaired(pairedItem: unknown): unknown {
  const one = (paired: unknown) => {
    if (typeof paired === 'number') return { item: paired };
    if (!paired || typeof paired !== 'object') return paired;
    const { item, input, sourceOverwrite } = paired as PairedItem & { sourceOverwrite?: unknown };
    return { item, ...(input ? { input } : {}), ...(sourceOverwrite ? { sourceOverwrite: canonicalSource(sourceOverwrite) } : {}) };
  };
  return Array.isArray(pairedItem) ? pairedItem.map(one) : one(pairedItem);
}

/** An item as compared: json (JSON-serialised, as n8n stores run data) and pairedItem. */
export function comparable(item: unknown): unknown {
  const { json, pairedItem } = item as Item;
  const out: Record<string, unknown> = { json: JSON.parse(JSON.stringify(json ?? null)) };
  if (pairedItem !== undefined) out.pairedItem = canonicalPaired(pairedItem);
  return out;
}

function outputsOf(run: { data?: { main: (Item[] | null)[] } } | undefined): unknown[][] | undefined {
  return run?.data?.main.map((items) => (items ?? []).map(comparable));
}

function expectedOutputs(outputs: unknown[][]): unknown[][] {
  return outputs.map((items) => items.map(comparable));
}

const show = (value: unknown) => JSON.stringify(value);

/** Differences between the run and the fixture's expectations; empty when it matches. */
export function compareRun(fixture: FlowFixture, result: RunResult): string[] {
  const problems: string[] = [];
  const runData = result.data.resultData.runData;
  for (const [node, outputs] of Object.entries(fixture.expected ?? {})) {
    const actual = outputsOf(runData[node]?.[0]);
    if (!actual) problems.push(`${node}: did not run (or returned no data)`);
    else if (!isEqual(actual, expectedOutputs(outputs))) {
      problems.push(`${node}: got ${show(actual)}\n  expected ${show(expectedOutputs(outputs))}`);
    }
  }
  for (const [node, runs] of Object.entries(fixture.expectedRuns ?? {})) {
    const actual = (runData[node] ?? []).map((run) => outputsOf(run) ?? []);
    const expected = runs.map(expectedOutputs);
    if (!isEqual(actual, expected)) problems.push(`${node} (all runs): got ${show(actual)}\n  expected ${show(expected)}`);
  }
  const error = result.data.resultData.error;
  if (fixture.expectedError) {
    if (!error) problems.push(`expected an error "${fixture.expectedError.message}", the run ended ${result.status}`);
    else {
      if (!error.message.includes(fixture.expectedError.message)) problems.push(`error message: got "${error.message}"`);
      if (fixture.expectedError.node && error.node !== fixture.expectedError.node) problems.push(`error node: got "${error.node}"`);
    }
  } else if (error) {
    problems.push(`unexpected error at ${error.node ?? '?'}: ${error.message}${error.description ? ` (${error.description})` : ''}`);
  }
  return problems;
}

/** What running a fixture needs from the engine (injected so this module stays engine-agnostic). */
export interface FixtureEngine {
  run(fixture: FlowFixture, nodeTypes: (type: string, version: number) => NodeType | undefined): Promise<RunResult>;
}

/** Runs a fixture with the given node-type lookup (the registry's `getNodeType`, as in production). */
export async function runFixture(fixture: FlowFixture, engine: FixtureEngine, nodeTypes: (type: string, version: number) => NodeType | undefined): Promise<string[]> {
  const result = await engine.run(fixture, nodeTypes);
  return compareRun(fixture, result);
}
