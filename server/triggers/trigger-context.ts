// The TriggerContext an armed community trigger, poller or webhook node sees in the server: its
// parameters with defaults, its credentials (decrypted, recorded as used), the workflow's static
// data, and emit, which the caller turns into runs. There is no run, so no input and no code.
import { randomUUID } from 'node:crypto';
import { deepCopy, parameterValue, resolveNodeParameters, type WorkflowDefinition, type WorkflowNode } from '../../domain/index.ts';
import { NodeOperationError, type ActivationMode, type JsonObject, type NodeType, type TriggerContext } from '../../engine/index.ts';
import type { WorkflowDoc } from '../../projections/index.ts';
import type { CredentialService } from '../credentials/credential-service.ts';

/** The zone a workflow's schedules and triggers run in: its setting, else the instance default. */
export function workflowTimezone(definition: WorkflowDefinition, fallback: string): string {
  const tz = definition.settings?.timezone;
  return typeof tz === 'string' && tz && tz !== 'DEFAULT' ? tz : fallback;
}

export interface TriggerContextDeps {
  credentials: Pick<CredentialService, 'useInRun'>;
  config: { timezone: string; blockPrivateNetworks: boolean; filesAllowedDirs?: string[] };
  /** The workflow's static data, kept by the caller between contexts. */
  staticData(workflowId: string): JsonObject;
}

export interface TriggerContextOptions {
  doc: WorkflowDoc;
  node: WorkflowNode;
  type: NodeType;
  activation: ActivationMode;
  signal: AbortSignal;
  emit: TriggerContext['emit'];
  emitError(error: Error): void;
  webhookUrl(name: string): string;
}

function unavailable(node: string, what: string): never {
  throw new NodeOperationError(node, `${what} is not available to an armed trigger`);
}

export function buildTriggerContext(deps: TriggerContextDeps, o: TriggerContextOptions): TriggerContext {
  const { doc, node } = o;
  let resolved: Record<string, unknown> | undefined;
  return {
    node,
    runIndex: 0,
    mode: 'trigger',
    activation: o.activation,
    timezone: workflowTimezone(doc.definition, deps.config.timezone),
    workflow: { id: doc.id, name: doc.name, active: doc.active },
    executionId: '',
    signal: o.signal,
    blockPrivateNetworks: deps.config.blockPrivateNetworks,
    filesAllowedDirs: deps.config.filesAllowedDirs ?? [],
    getInputData: () => [],
    getNodeParameter(name, itemIndex, fallback) {
      resolved ??= resolveNodeParameters(o.type.description, node.parameters as Record<string, unknown> | undefined, node.typeVersion ?? 1) as Record<string, unknown>;
      const value = parameterValue(resolved as never, name, fallback);
      if (value === undefined) throw new NodeOperationError(node.name, 'Could not get parameter', { description: `Parameter "${name}" does not exist`, itemIndex });
      // Expressions need a run to resolve against; an armed trigger gets them as written.
      return deepCopy(value);
    },
    continueOnFail: () => false,
    credentials: {
      async get(type, options) {
        const ref = node.credentials?.[type];
        if (!ref?.id) throw new NodeOperationError(node.name, `Node "${node.name}" has no ${type} credential selected`);
        return deps.credentials.useInRun(ref.id, doc.workspaceId, { purpose: `trigger ${node.name}` }, { actor: { kind: 'system', id: 'triggers' }, requestId: randomUUID() }, {
          forceRefresh: options?.refreshOAuth2Token === true,
        });
      },
    },
    getWorkflowStaticData(scope) {
      const data = deps.staticData(doc.id);
      const key = scope === 'global' ? 'global' : `node:${node.name}`;
      if (data[key] === null || typeof data[key] !== 'object') data[key] = {};
      return data[key] as JsonObject;
    },
    runCode: () => unavailable(node.name, 'Running code'),
    putExecutionToWait: () => unavailable(node.name, 'Waiting'),
    getContext: () => ({}),
    getInputSourceData: () => undefined,
    evaluateExpression: () => unavailable(node.name, 'Evaluating expressions'),
    executeSubWorkflow: () => unavailable(node.name, 'Running a sub-workflow'),
    sendResponse: () => unavailable(node.name, 'Answering a webhook through sendResponse'),
    // Nothing streams outside a run.
    isStreaming: () => false,
    sendChunk: () => Promise.resolve(),
    getInputConnectionData: () => unavailable(node.name, 'A sub-node'),
    emit: o.emit,
    emitError: o.emitError,
    webhookUrl: o.webhookUrl,
  };
}
