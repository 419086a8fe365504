// Weft's answer to `require('n8n-workflow')` from community packages: the run-time values they
// use (error classes, connection types, helpers, VersionedNodeType). Types are compile-time only in
// those packages, so nothing else is needed at run time. RUNTIME-COVERAGE.md lists what real
// packages import and what is covered here.
import * as errors from './errors.ts';
import * as helpers from './helpers.ts';

/** n8n's VersionedNodeType: the base class packages extend for multi-version nodes. */
export class VersionedNodeType {
  currentVersion: number;
  nodeVersions: Record<number, unknown>;
  description: { defaultVersion?: number; [key: string]: unknown };
  constructor(nodeVersions: Record<number, unknown>, description: { defaultVersion?: number; [key: string]: unknown }) {
    this.nodeVersions = nodeVersions;
    this.description = description;
    this.currentVersion = description.defaultVersion ?? Math.max(...Object.keys(nodeVersions).map(Number));
  }
  getLatestVersion(): number {
    return Math.max(...Object.keys(this.nodeVersions).map(Number));
  }
  getNodeType(version?: number): unknown {
    return this.nodeVersions[version ?? this.currentVersion];
  }
}

/** The object `require('n8n-workflow')` returns. Frozen so one package cannot change another's. */
export const n8nWorkflowExports: Readonly<Record<string, unknown>> = Object.freeze({
  __esModule: true,
  ...errors,
  ...helpers,
  VersionedNodeType,
  // `NodeApiError` and `NodeOperationError` double as the classes n8n exports under other names.
  NodeError: errors.NodeOperationError,
});
