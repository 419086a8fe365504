// Turns whatever a node threw into the serialisable ExecutionError the run data keeps, and the
// engine's own failures (cancel, timeout, endless loop, bad workflow) into the same shape.
import { ExpressionError } from '../expression-context.ts';
import { NodeOperationError } from '../node-sdk.ts';
import type { ExecutionError } from '../run-data.ts';

export function toExecutionError(thrown: unknown, nodeName?: string): ExecutionError {
  if (!(thrown instanceof Error)) {
    const message = typeof thrown === 'string' ? thrown : safeString(thrown);
    return nodeName === undefined ? { message } : { message, node: nodeName };
  }
  const error: ExecutionError = { message: thrown.message, name: thrown.name };
  if (thrown instanceof NodeOperationError) {
    error.node = thrown.nodeName;
    if (thrown.details.description !== undefined) error.description = thrown.details.description;
    if (thrown.details.itemIndex !== undefined) error.itemIndex = thrown.details.itemIndex;
  } else if (thrown instanceof ExpressionError) {
    const described = thrown as ExpressionError & { description?: unknown };
    if (typeof described.description === 'string') error.description = described.description;
    error.node = thrown.node;
    error.parameter = thrown.parameter;
    error.expression = thrown.expression;
    if (thrown.itemIndex !== undefined) error.itemIndex = thrown.itemIndex;
  } else {
    const extra = thrown as Error & { description?: unknown; itemIndex?: unknown };
    if (typeof extra.description === 'string') error.description = extra.description;
    if (typeof extra.itemIndex === 'number') error.itemIndex = extra.itemIndex;
  }
  if (error.node === undefined && nodeName !== undefined) error.node = nodeName;
  if (thrown.stack !== undefined) error.stack = thrown.stack;
  return error;
}

function safeString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** n8n's ExecutionCancelledError, as recorded on a run stopped by the user. */
export const CANCELED_ERROR: ExecutionError = {
  message: 'The execution was cancelled',
  name: 'ExecutionCancelledError',
};

/** n8n's TimeoutExecutionCancelledError (settings.executionTimeout reached). */
export const TIMEOUT_ERROR: ExecutionError = {
  message: 'The execution was cancelled because it timed out',
  name: 'TimeoutExecutionCancelledError',
};

/** A failure of the run itself rather than of one node (n8n throws these out of the loop). */
export class EngineError extends Error {
  constructor(message: string, readonly description?: string) {
    super(message);
    this.name = 'WorkflowOperationError';
  }
}
