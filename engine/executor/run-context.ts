// The options of one run and the read-mostly context every executor step shares: graph, node types,
// resolved parameters (computed once per node), pinned data and the abort signal.
import { resolveNodeParameters, type WorkflowDefinition, type WorkflowNode } from '../../domain/index.ts';
import type { ExpressionContext, ExpressionEvaluator } from '../expression-context.ts';
import type { CredentialGetOptions, ExecutionMode, Item, JsonObject, NodeType, RecordedSubNodeCall, SubWorkflowSource } from '../node-sdk.ts';
import type { DataTables } from '../data-tables.ts';
import type { PythonRunRequest } from '../sandbox/python-runner.ts';
import { buildGraph, type WorkflowGraph } from './graph.ts';
import { destinationFilter } from './start-node.ts';
import type { PausePoint } from './pause-types.ts';
import type { ExecutionRecorder } from './recorder.ts';
import type { Replay, ReplaySource } from './replay.ts';
import { createRunState, type RunState } from './run-state.ts';

export interface RunCodeOptions {
  mode: 'runOnceForAllItems' | 'runOnceForEachItem';
  itemIndex?: number;
  /** Fires when the run is stopped: the code is cut off. */
  signal?: AbortSignal;
}

export interface ExecuteWorkflowOptions {
  /** The immutable snapshot to run (never a live draft). */
  definition: WorkflowDefinition;
  workflowId: string;
  executionId: string;
  mode: ExecutionMode;
  nodeTypes: (type: string, version: number) => NodeType | undefined;
  evaluator: ExpressionEvaluator;
  /** Start here instead of the node n8n would pick. */
  startNode?: string;
  /** Run only this node and its ancestors; stop after it ran (n8n's inclusive destination). */
  destinationNode?: string;
  /** Input of the start node (trigger or webhook data). Default `[{ json: {} }]`. */
  triggerItems?: Item[];
  /** Which output of the start node the injected trigger data leaves on (a webhook's method). Default 0. */
  triggerOutput?: number;
  /** Pinned output per node; used only in manual mode. Default: the definition's pinData. */
  pinData?: Record<string, unknown[]>;
  /** `$vars`. */
  vars?: Record<string, string>;
  /** `$env`; undefined when access is not allowed. */
  env?: Record<string, string>;
  /** The instance's default zone, used unless settings.timezone names one. */
  timezone: string;
  /** Decrypted credential data for a node's credential of a type; an OAuth2 token renewed first when the options ask. */
  credentials: (node: WorkflowNode, type: string, options?: CredentialGetOptions) => Promise<Record<string, unknown>>;
  /**
   * Runs a sub-workflow for the Execute Workflow node; absent where none can run (then the node
   * fails with a clear error).
   */
  subWorkflow?: (request: { source: SubWorkflowSource; items: Item[]; wait: boolean; parentExecutionId: string }) => Promise<Item[]>;
  /** The sandbox: runs user code for a node (Code node). */
  runCode: (ctx: ExpressionContext, code: string, options: RunCodeOptions) => Promise<unknown>;
  /**
   * Runs a Code node's Python with the limits and console hook of `runCode`. Default: the process's
   * shared Python runner with its default limits, output dropped.
   */
  runPython?: (ctx: ExpressionContext, request: PythonRunRequest) => Promise<unknown>;
  /** Aborting cancels the run: status 'canceled'. */
  signal?: AbortSignal;
  recorder: ExecutionRecorder;
  /** Clock in ms (tests pass a fake one). Default Date.now. */
  now?: () => number;
  /** Whether the workflow is published (`$workflow.active`). Default false. */
  workflowActive?: boolean;
  /**
   * Persisted static data (`getWorkflowStaticData`); nodes change it in place and the caller saves
   * it after non-manual runs. Default: a copy of the definition's staticData.
   */
  staticData?: JsonObject;
  /** `$execution.resumeUrl` for Wait nodes. */
  resumeUrl?: string;
  /** Signs the resume links nodes send (getSignedResumeUrl); without it they cannot. */
  resumeUrlSecret?: string;
  /** The definition's hash when the caller already has it (a stored version); else computed. */
  definitionHash?: string;
  /** Tells nodes to refuse private and loopback addresses. Default false. */
  blockPrivateNetworks?: boolean;
  /** Lets Execute Command run host commands (EXECUTE_COMMAND_ENABLED). Default false. */
  executeCommandEnabled?: boolean;
  /** Folders the local-file nodes may use (FILES_ALLOWED_DIRS). Default none. */
  filesAllowedDirs?: string[];
  /** The workspace's data tables, for the Data Table node. Absent: the node fails saying so. */
  dataTables?: DataTables;
  /** Fires when the worker shuts down: the run stops between steps and is continued elsewhere. */
  handback?: AbortSignal;
  /** Continue from recorded events (crash, resume after a wait) or seed from an earlier run (retry). */
  replay?: ReplaySource;
  /** Sub-node uses of an earlier run whose answers this run reuses (no model called for the same messages). */
  recordedCalls?: RecordedSubNodeCall[];
  /** The run streams its answer to the call that started it (a trigger's Response Mode "Streaming"). */
  streaming?: boolean;
  /**
   * Asked before a node executes (a check of a draft against past runs): an output stands in for
   * the node, which is then not executed; undefined lets it execute; a thrown error fails it.
   */
  standIn?: (node: WorkflowNode, input: (Item[] | null)[], runIndex: number) => Item[][] | undefined;
  /**
   * Asked at each step debugger pause point past the run's record (before a node runs, after it
   * ran): true parks the run there (pause-points.ts). Absent: the run never pauses.
   */
  pauseAt?: (point: PausePoint) => boolean;
}

export interface RunContext {
  readonly options: ExecuteWorkflowOptions;
  readonly graph: WorkflowGraph;
  readonly state: RunState;
  readonly order: 'v0' | 'v1';
  readonly pinData?: Record<string, Item[]>;
  readonly timezone: string;
  readonly now: () => number;
  /** Fires on user cancel and on timeout. */
  readonly signal: AbortSignal;
  /** Only these nodes may run (destination runs); undefined means all. */
  readonly runFilter?: ReadonlySet<string>;
  readonly staticData: JsonObject;
  readonly workflowInfo: { id: string; name: string; active: boolean };
  /** Set when the run continues from or is seeded by recorded events. */
  readonly replay?: Replay;
  nodeType(node: WorkflowNode): NodeType | undefined;
  /** The node's parameters with defaults applied (once per run and node). */
  parameters(node: WorkflowNode): Record<string, unknown>;
}

export function createRunContext(options: ExecuteWorkflowOptions, signal: AbortSignal, replay?: Replay): RunContext {
  const { definition } = options;
  const graph = buildGraph(definition);
  const types = new Map<string, NodeType | undefined>();
  const params = new Map<string, Record<string, unknown>>();
  const nodeType = (node: WorkflowNode) => {
    if (!types.has(node.name)) types.set(node.name, options.nodeTypes(node.type, node.typeVersion));
    return types.get(node.name);
  };
  const settingsZone = definition.settings?.timezone;
  return {
    options,
    graph,
    state: createRunState(),
    // A missing setting means v0 (`executionOrder !== 'v1'`), as in n8n.
    order: definition.settings?.executionOrder === 'v1' ? 'v1' : 'v0',
    pinData: options.mode === 'manual' ? normalizePinData(options.pinData ?? definition.pinData) : undefined,
    timezone: settingsZone && settingsZone !== 'DEFAULT' ? settingsZone : options.timezone,
    now: options.now ?? Date.now,
    signal,
    runFilter: options.destinationNode !== undefined ? destinationFilter(graph, options.destinationNode) : undefined,
    staticData: options.staticData ?? initialStaticData(definition.staticData),
    workflowInfo: { id: options.workflowId, name: definition.name, active: options.workflowActive ?? false },
    replay,
    nodeType,
    parameters(node) {
      let resolved = params.get(node.name);
      if (!resolved) {
        const type = nodeType(node);
        resolved = type ? resolveNodeParameters(type.description, node.parameters, node.typeVersion) : { ...node.parameters };
        params.set(node.name, resolved);
      }
      return resolved;
    },
  };
}

/** Pinned items as n8n's harness stores them: wrapped in `{ json }` when they are bare objects. */
export function normalizePinData(pinData: Record<string, unknown[]> | undefined): Record<string, Item[]> | undefined {
  if (!pinData) return undefined;
  const out: Record<string, Item[]> = {};
  for (const [node, items] of Object.entries(pinData)) {
    out[node] = (items ?? []).map((item) => {
      const it = item as Partial<Item> | null;
      if (it && typeof it === 'object' && it.json !== null && typeof it.json === 'object' && !Array.isArray(it.json)) {
        return it as Item;
      }
      return { json: (it ?? {}) as JsonObject };
    });
  }
  return out;
}

function initialStaticData(raw: WorkflowDefinition['staticData']): JsonObject {
  if (typeof raw === 'string') {
    try {
      const parsed: unknown = JSON.parse(raw);
      return parsed && typeof parsed === 'object' ? (parsed as JsonObject) : {};
    } catch {
      return {};
    }
  }
  return raw ? structuredClone(raw) : {};
}
