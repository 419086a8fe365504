// Shapes the editor shares with the server: the n8n workflow model (from domain, types only) and
// the API's answers the screens read.
import type { NodeCredentialDescription, NodeProperty, WorkflowConnections, WorkflowDefinition, WorkflowNode } from '../../../domain/index.ts';

export type { NodeProperty };

export type { WorkflowConnections, WorkflowDefinition, WorkflowNode };

/** A workflow as the API answers: n8n's JSON plus id, state and our revision. */
export type ApiWorkflow = WorkflowDefinition & {
  id: string;
  active: boolean;
  isArchived?: boolean;
  tags: string[];
  revision: number;
  versionId?: string;
  updatedAt: string;
  createdAt?: string;
  /** In lists: each node that keeps the workflow from running, and why. */
  issues?: { node: string; message: string }[];
  /** Which revision production runs, and who published it when; null until published. */
  published?: { revision: number; at: string; by: string; message?: string } | null;
  /** The draft differs from the published version. */
  unpublishedChanges?: boolean;
};

const SERVER_FIELDS = ['id', 'active', 'isArchived', 'tags', 'revision', 'versionId', 'updatedAt', 'createdAt', 'issues', 'published', 'unpublishedChanges'];

/** The editable definition inside an API workflow. */
export function definitionOf(workflow: ApiWorkflow): WorkflowDefinition {
  return Object.fromEntries(Object.entries(workflow).filter(([k]) => !SERVER_FIELDS.includes(k))) as WorkflowDefinition;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface Workspace {
  id: string;
  name: string;
  role: 'admin' | 'editor' | 'viewer';
}

/** A membership as /me and /auth/session list them. */
export interface Membership {
  workspaceId: string;
  role: Workspace['role'];
}

export interface Me {
  id: string;
  email: string;
  name: string;
  instanceRole: string;
  workspaces: Membership[];
}

export interface ExecutionSummary {
  id: string;
  workflowId: string;
  workflowName?: string;
  status: string;
  mode: string;
  startedAt?: string;
  stoppedAt?: string;
  createdAt?: string;
  nodesRun?: number;
  /** A failed run's message and the node it failed on. */
  error?: { message: string; node?: string };
  /** The run this one retried. */
  retryOf?: string;
  /** The run this one re-ran from `startNode`. */
  rerunOf?: string;
  startNode?: string;
  /** What the run set with `$execution.customData` (n8n's execution metadata). */
  customData?: Record<string, string>;
  /** The run's model calls added up; absent when it made none. */
  aiUsage?: AiUsageTotals;
  [key: string]: unknown;
}

/** Model calls added up, a run's or a workflow's (the server's AiUsageTotals). */
export interface AiUsageTotals {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** US dollars, over the calls whose model's price is known. */
  costUsd: number;
  unpricedCalls: number;
}

export interface NodeTypeDescription {
  name: string;
  displayName: string;
  group: string[];
  version: number[];
  description: string;
  icon?: string;
  defaults: { name: string; color?: string };
  inputs: string[];
  outputs: string[];
  outputNames?: string[];
  /** Each shown (and required) only where its displayOptions hold; displayName is the credential type's. */
  credentials?: (NodeCredentialDescription & { displayName?: string })[];
  properties: NodeProperty[];
  triggerKind?: string;
  /** Palette section, as the server groups it. */
  category: string;
}

export interface NodeTypeCatalog {
  groups: { name: string; label: string; types: string[] }[];
  types: NodeTypeDescription[];
}
