// The node SDK: what a node is (description + execute) and what it may ask of the engine while it
// runs. Nodes import only this (through engine/index.ts).
import type { DataTables } from './data-tables.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DisplayOptions, NodeCredentialDescription, NodeProperty, WorkflowNode } from '../domain/index.ts';

// Parameter descriptions live in domain/ (the editor shares them); nodes get them from here.
export type { DisplayOptions, NodeCredentialDescription, NodeProperty } from '../domain/index.ts';

export type JsonObject = Record<string, unknown>;

/** n8n's `IPairedItemData`: which input item an output item came from. */
export interface PairedItem {
  item: number;
  /** Input index; absent means 0. */
  input?: number;
}

export interface BinaryData {
  /** Base64 content (or a storage reference once stored by reference). */
  data: string;
  mimeType: string;
  fileName?: string;
  fileExtension?: string;
  fileType?: string;
  fileSize?: string;
  directory?: string;
  id?: string;
}

/** One item flowing between nodes: n8n's `INodeExecutionData`. */
export interface Item {
  json: JsonObject;
  binary?: Record<string, BinaryData>;
  pairedItem?: PairedItem | PairedItem[] | number;
  error?: unknown;
}

/** A node's result: one array of items per output; null means "no output: stop this branch". */
export type NodeOutput = Item[][] | null;

export type ExecutionMode = 'manual' | 'trigger' | 'webhook' | 'cli' | 'error' | 'retry' | 'internal' | 'integrated' | 'evaluation';

export interface NodeDescription {
  /** The n8n type name, e.g. `n8n-nodes-base.set`. */
  name: string;
  displayName: string;
  /** Palette group: trigger, transform, flow, core, integration (n8n's `group`). */
  group: string[];
  /** Every typeVersion this implementation accepts; the last is the default for new nodes. */
  version: number[];
  description: string;
  icon?: string;
  defaults: { name: string; color?: string };
  /** Input connection types, e.g. ['main'] or ['main', 'main'] (Merge). */
  inputs: string[];
  /** Output connection types; `outputNames` labels them (IF: true/false). */
  outputs: string[];
  outputNames?: string[];
  /** Credential types the node can use, each shown (and required) only where its displayOptions hold. */
  credentials?: NodeCredentialDescription[];
  properties: NodeProperty[];
  /**
   * n8n's `requiredInputs` (v1 order): which inputs must have data before a waiting multi-input
   * node may run with `[]` for the others once nothing else can run. Merge: chooseBranch needs
   * [0, 1], other modes 1. Undefined: any input will do.
   */
  requiredInputs?: RequiredInputs | ((parameters: Record<string, unknown>, typeVersion: number) => RequiredInputs);
  /**
   * n8n's trigger/poll/webhook kinds: such nodes are preferred as start nodes and, outside manual
   * runs, pass their injected input through instead of executing.
   */
  triggerKind?: 'trigger' | 'poll' | 'webhook';
  /**
   * A webhook trigger whose `execute` still runs in the runs it starts, on the injected request
   * (the MCP Server Trigger calls its tool sub-nodes there, so each call is recorded in the run).
   */
  executesTriggerInput?: boolean;
  /** Outputs that depend on parameters (Switch rules); default `outputs`. */
  outputsFor?: (parameters: Record<string, unknown>, typeVersion: number) => string[];
  /**
   * The inputs AI sub-nodes are wired into (n8n lists them in `inputs` beside 'main'): a chat model,
   * tools, a memory. The editor draws them under the node; `getInputConnectionData` reads them.
   */
  subNodeInputs?: SubNodeInput[];
}

/** One sub-node input of a root node (n8n's INodeInputConfiguration of an `ai_*` type). */
export interface SubNodeInput {
  /** n8n's connection type: ai_languageModel, ai_tool, ai_memory, ai_outputParser, ai_embedding, … */
  type: string;
  displayName: string;
  /** A run fails with n8n's message when nothing is connected ("A Chat Model sub-node must be connected and enabled"). */
  required?: boolean;
  /** 1: one sub-node, handed over as a value; otherwise any number, handed over as a list. */
  maxConnections?: number;
  /** Shown only where these hold for the node's parameters (agent type, vector store mode). */
  displayOptions?: DisplayOptions;
}

/** What `requiredInputs` resolves to: a count of inputs, or the input indexes needed. */
export type RequiredInputs = number | number[];

/** Which node, output and run fed one input of a node run. Zero indexes are omitted, as in n8n. */
export interface TaskSource {
  previousNode: string;
  previousNodeOutput?: number;
  previousNodeRun?: number;
}

export interface CredentialGetOptions {
  /**
   * Renew an OAuth2 access token now, whatever its expiry says: the service refused it (401), as
   * n8n does before it sends the request once more.
   */
  refreshOAuth2Token?: boolean;
}

export interface NodeCredentials {
  /** The credential referenced by the node under this credential type, decrypted. */
  get(credentialType: string, options?: CredentialGetOptions): Promise<Record<string, unknown>>;
}

/** The Code node's Python languages (n8n's "Python (Beta)" and 2.x's "Python (Native)"). */
export type PythonLanguage = 'python' | 'pythonNative';

/** Values the sandbox gives the Beta globals (`_workflow`, `_execution`, …). */
export interface PythonRunContext {
  workflow: unknown;
  execution: unknown;
  prevNode: unknown;
  runIndex: number;
  vars: unknown;
  /** Absent when the configuration does not allow `$env` (then `_env` is not defined, as in n8n). */
  env?: unknown;
  mode: string;
  timezone: string;
}

/** A Code node's Python to run (ExecuteContext.runPython). */
export interface PythonCodeRequest {
  code: string;
  language: PythonLanguage;
  mode: 'runOnceForAllItems' | 'runOnceForEachItem';
  /** The node's input items. */
  items: Item[];
  /** Item being processed in per-item mode (Beta); the native runner runs every item in one go. */
  itemIndex?: number;
  /** Values of the Beta globals; not used by the native runner. */
  context?: PythonRunContext;
  /** Resolves an expression such as `{{ $('Node').first() }}` for the item (answers `_('Node')`). */
  resolve?: (expression: string, itemIndex: number) => unknown;
}

/** What a running node may ask of the engine. */
export interface ExecuteContext {
  readonly node: WorkflowNode;
  readonly runIndex: number;
  readonly mode: ExecutionMode;
  /** IANA zone from the workflow settings, else the configured default. */
  readonly timezone: string;
  readonly workflow: { id: string; name: string; active: boolean };
  readonly executionId: string;
  getInputData(inputIndex?: number): Item[];
  /**
   * A parameter's value for one item, expressions resolved and the node's default applied
   * (defaults depend on typeVersion). Throws a clear error naming node, parameter and expression.
   */
  getNodeParameter(name: string, itemIndex: number, fallback?: unknown): unknown;
  /** True when the node is set to continue on failure (onError or legacy continueOnFail). */
  continueOnFail(): boolean;
  readonly credentials: NodeCredentials;
  /** Persisted per-workflow state (`$getWorkflowStaticData`). */
  getWorkflowStaticData(scope: 'global' | 'node'): JsonObject;
  /** Runs user code in the sandbox (Code, Function nodes). Console output goes to the run's events. */
  runCode(code: string, options: { mode: 'runOnceForAllItems' | 'runOnceForEachItem'; itemIndex?: number }): Promise<unknown>;
  /**
   * Runs a Code node's Python in its sandbox under the same limits as `runCode`; what it prints goes
   * to the run's events. Absent where no code can run (triggers, editor methods).
   */
  runPython?(request: PythonCodeRequest): Promise<unknown>;
  /** n8n's getParentNodes / getChildNodes: every node upstream / downstream through main connections. */
  getParentNodes?(nodeName: string): WorkflowNode[];
  getChildNodes?(nodeName: string): WorkflowNode[];
  /** An abort signal that fires when the run is stopped. */
  readonly signal: AbortSignal;
  /**
   * Parks the whole execution until `until` (n8n's putExecutionToWait): the node still returns its
   * output; the run then stops with status 'waiting' and this node first in line.
   */
  putExecutionToWait(until: Date): void;
  /**
   * n8n's getSignedResumeUrl: `<resumeUrl>/<nodeId>?<parameters>&signature=…`, a link that resumes
   * this parked run at this node; the server refuses it if anything in it was changed. Absent
   * where no run can be resumed (editor methods, triggers).
   */
  getSignedResumeUrl?(parameters?: Record<string, string>): string;
  /** State kept for this execution only (n8n's getContext): per node, or shared by the flow. */
  getContext(type: 'node' | 'flow'): JsonObject;
  /** Which node, output and run fed an input of this run; undefined for the start node. */
  getInputSourceData(inputIndex?: number): TaskSource | undefined;
  /** Resolves `{{ }}` text (without the leading '=') for one item, like a parameter value. */
  evaluateExpression(expression: string, itemIndex: number): unknown;
  /**
   * Runs another workflow with these items for its start node (n8n's Execute Workflow). Waiting,
   * it resolves with the output of the sub-workflow's last node and fails when that run fails;
   * otherwise it resolves with [] once the run has started.
   */
  executeSubWorkflow(source: SubWorkflowSource, items: Item[], options: { wait: boolean }): Promise<Item[]>;
  /** Refuse outgoing connections to private and loopback addresses (BLOCK_PRIVATE_NETWORKS). */
  readonly blockPrivateNetworks: boolean;
  /** Whether Execute Command may run commands on this host (EXECUTE_COMMAND_ENABLED); absent means no. */
  readonly executeCommandEnabled?: boolean;
  /**
   * Folders (absolute) the local-file nodes may read, write and watch (FILES_ALLOWED_DIRS, like n8n's
   * N8N_RESTRICT_FILE_ACCESS_TO). Absent or empty: no folder is allowed.
   */
  readonly filesAllowedDirs?: readonly string[];
  /**
   * Answers the webhook call that started the run (n8n's sendResponse, for Respond to Webhook).
   * The answer is recorded on the run, so whichever server holds the call sends it.
   */
  sendResponse(response: JsonObject): Promise<void>;
  /**
   * Whether the run streams its answer to the call that started it (the trigger's Response Mode
   * "Streaming"; n8n's isStreaming). Nodes that can stream (the AI Agent) then send chunks.
   */
  isStreaming(): boolean;
  /**
   * Sends one part of the streamed answer (n8n's sendChunk): 'begin' and 'end' around one item's
   * text, 'item' with a piece of it, 'error' with a message. Recorded on the run, so whichever
   * server holds the call writes it; a run that does not stream ignores it.
   */
  sendChunk(type: ResponseChunkType, itemIndex: number, content?: string): Promise<void>;
  /**
   * What the sub-nodes wired into this node's `type` input supply for one item (n8n's
   * getInputConnectionData): each enabled sub-node's `supplyData` answer, in connection order. One
   * value when the input takes one connection (undefined when none), else a list. Fails with n8n's
   * message when a required input has nothing connected. Sub-nodes resolve their parameters against
   * this node's input item, as in n8n.
   */
  getInputConnectionData(type: string, itemIndex: number): Promise<unknown>;
  /**
   * Records a model call the node makes itself, without a chat model sub-node (the OpenAI node):
   * an event of the run with the messages, the answer, tokens and cost, counted in the run's AI
   * totals like a sub-node's call, but not a run of the node in its run data. Absent outside a run.
   */
  startModelCall?(input: JsonObject): SubNodeCall;
  /** The workspace's data tables (the Data Table node); absent where the engine was given none. */
  readonly dataTables?: DataTables;
}

/**
 * What a sub-node sees while it supplies its root node: the ExecuteContext facts (its own node and
 * parameters, the root's input items), and a way to record each use the root makes of it.
 */
export interface SupplyDataContext extends ExecuteContext {
  /** The root node this sub-node supplies. */
  readonly rootNode: WorkflowNode;
  /**
   * Records one use of this sub-node (a model call, a tool call, a memory read) as a run of it in
   * the run's data, as n8n shows it: the input now, the output or error when `end`/`fail` is called.
   * Each is an event of the run, so the editor shows it live and the replay scrubber steps through it.
   */
  startCall(connectionType: string, input: JsonObject): SubNodeCall;
  /**
   * The context to run this node's own `execute` with when a model calls it as a tool (n8n's
   * `…Tool` node variants): the same node and input, with `$fromAI()` answering from `args`.
   */
  withToolArguments(args: JsonObject): ExecuteContext;
  /**
   * When the run re-runs an earlier one with its recorded answers reused: the output this sub-node
   * gave to the same input then (a model's answer to the same messages), each recorded use given
   * once. Undefined otherwise: the sub-node does the work (calls the model).
   */
  recordedAnswer(connectionType: string, input: JsonObject): JsonObject | undefined;
  /** Whether this run reuses an earlier run's recorded answers (then `recordedAnswer` may answer). */
  readonly reusesRecordedAnswers: boolean;
}

/** A use of a sub-node as an earlier run recorded it, for a re-run that reuses the answers. */
export interface RecordedSubNodeCall {
  node: string;
  connectionType: string;
  input: JsonObject;
  output: JsonObject;
}

/** One use of a sub-node, open until it ends or fails. */
export interface SubNodeCall {
  end(output: JsonObject, usage?: AiUsage): Promise<void>;
  fail(error: unknown): Promise<void>;
}

/** What one model call cost: n8n's tokenUsage names, plus the model and the price where known. */
export interface AiUsage {
  model?: string;
  promptTokens?: number;
  completionTokens?: number;
  totalTokens?: number;
  /** US dollars, where the node knows the model's price. */
  costUsd?: number;
}

/** A sub-node's answer to its root (n8n's SupplyData): a LangChain model, tool, memory, … */
export interface SuppliedData {
  response: unknown;
  /** Called once the root node's run is over (close a pool, a client). */
  closeFunction?: () => Promise<void>;
}

/** Which workflow a sub-workflow call runs: a stored one, or a definition given inline. */
export type SubWorkflowSource = { workflowId: string } | { definition: unknown };

export interface NodeType {
  description: NodeDescription;
  /** Absent for pure sub-nodes (a chat model), which only supply their root node. */
  execute?(ctx: ExecuteContext): Promise<NodeOutput>;
  /** Sub-nodes (n8n's supplyData): what the node hands the root node it is wired into, for one item. */
  supplyData?(ctx: SupplyDataContext, itemIndex: number): Promise<SuppliedData>;
  /** Nodes that start runs by themselves once their workflow is active (community triggers). */
  triggers?: TriggerHooks;
  /** What the editor asks of the node while no run exists (n8n's `methods`). */
  methods?: NodeMethods;
  /**
   * Whether running the node reaches outside Weft (sends, writes, calls a service), for this node's
   * parameters. Undefined counts as yes: a check of a draft never calls such a node, it uses what
   * the past run recorded when node and input are unchanged.
   */
  outsideEffects?: false | ((node: WorkflowNode) => boolean);
}

/** True unless the node type declares that this node stays inside Weft. */
export function hasOutsideEffects(type: NodeType | undefined, node: WorkflowNode): boolean {
  const declared = type?.outsideEffects;
  if (declared === false) return false;
  return typeof declared === 'function' ? declared(node) : true;
}

/** One choice of a dropdown whose options the node loads (n8n's INodePropertyOptions). */
export interface LoadedOption { name: string; value: string | number | boolean; description?: string }

/** One page of a resource locator's list (n8n's INodeListSearchResult). */
export interface ListSearchPage {
  results: Array<{ name: string; value: string | number; url?: string }>;
  paginationToken?: string | number;
}

/**
 * The editor's node methods. `ctx` is an ExecuteContext without a run: getNodeParameter answers
 * the editor's current values (expressions as written), credentials are the node's, there is no
 * input, and requests should honour `ctx.signal` (a fixed timeout).
 */
export interface NodeMethods {
  /** By a property's `typeOptions.loadOptionsMethod`. */
  loadOptions?: Record<string, (ctx: ExecuteContext) => Promise<LoadedOption[]>>;
  /** By a resource locator mode's `typeOptions.searchListMethod`. */
  listSearch?: Record<string, (ctx: ExecuteContext, filter?: string, paginationToken?: string) => Promise<ListSearchPage>>;
}

/** Why a trigger is armed (n8n's WorkflowActivateMode), or 'manual' for one editor run. */
export type ActivationMode = 'init' | 'activate' | 'update' | 'manual' | 'leadershipChange';

/**
 * What an armed trigger may ask outside of any run: the ExecuteContext facts (no input items,
 * mode 'trigger'), plus `emit`, which starts a run with these outputs as the trigger node's.
 * Static data is the workflow's, kept by the server between polls and emits.
 */
export interface TriggerContext extends ExecuteContext {
  readonly activation: ActivationMode;
  /** `onDone` hears how the started run ended (n8n's donePromise: queue triggers ack after it). */
  emit(output: Item[][], onDone?: (result: unknown, error?: Error) => void): void;
  /** Reports a failure of the armed trigger (logged; a manual run fails with it). */
  emitError(error: Error): void;
  /** The production URL of one of the node's webhooks, by name ('default'). */
  webhookUrl(name: string): string;
}

/** One webhook a node answers on: n8n's IWebhookDescription with its values resolved. */
export interface NodeWebhook {
  name: string;
  httpMethod: string;
  path: string;
  /** 'onReceived' (default) or 'lastNode'. */
  responseMode: string;
  /** The path is used as is, not under the node's webhookId. */
  isFullPath: boolean;
}

/** A call on one of the node's webhooks, as it arrived. */
export interface WebhookCall {
  webhookName: string;
  method: string;
  headers: Record<string, unknown>;
  query: Record<string, unknown>;
  params: Record<string, string>;
  body: unknown;
  /** The body's bytes as sent (signature checks). */
  rawBody?: Buffer;
  req: IncomingMessage;
  res: ServerResponse;
}

export interface WebhookContext extends TriggerContext {
  readonly call: WebhookCall;
}

/** n8n's chunk types of a streamed answer. */
export type ResponseChunkType = 'begin' | 'item' | 'end' | 'error';

/** One part of a streamed answer, as n8n writes it (one JSON object per line) less its node metadata. */
export interface ResponseChunk {
  type: ResponseChunkType;
  content?: string;
  itemIndex: number;
  /** When the node sent it (ms since the epoch). */
  timestamp: number;
}

/** What a webhook handler decides: a run with these outputs, and/or the answer it wrote itself. */
export interface WebhookAnswer {
  workflowData?: Item[][];
  /** The node wrote the HTTP answer itself (through `call.res`). */
  noWebhookResponse?: boolean;
  /** The body to answer with instead of the default. */
  webhookResponse?: unknown;
  /**
   * The run stops after this node, and the call is answered with its first item: a request the
   * trigger answers from its own step, where its sub-nodes can be used (a chat's earlier messages,
   * read from its memory).
   */
  onlyThisNode?: true;
}

/**
 * How a trigger node starts runs. The server arms `trigger` and the webhook setup on activation
 * and closes them on deactivation; `poll` runs on the node's schedule (`pollTimes`); `webhook`
 * answers calls on the paths `webhooks` gives. Manual runs go through `execute` as usual.
 */
export interface TriggerHooks {
  trigger?(ctx: TriggerContext): Promise<{ close?: () => Promise<void> | void } | undefined>;
  poll?(ctx: TriggerContext): Promise<NodeOutput>;
  webhooks?(ctx: TriggerContext): NodeWebhook[];
  webhook?(ctx: WebhookContext): Promise<WebhookAnswer>;
  /** n8n's webhookMethods.default: registers the node's webhook URL with the remote service. */
  webhookSetup?: {
    checkExists(ctx: TriggerContext): Promise<boolean>;
    create(ctx: TriggerContext): Promise<boolean>;
    delete(ctx: TriggerContext): Promise<boolean>;
  };
}

/** A failure the node reports on purpose (bad parameter, failed request), shown to the user as is. */
export class NodeOperationError extends Error {
  constructor(
    readonly nodeName: string,
    message: string,
    readonly details: { description?: string; itemIndex?: number } = {},
  ) {
    super(message);
    this.name = 'NodeOperationError';
  }
}
