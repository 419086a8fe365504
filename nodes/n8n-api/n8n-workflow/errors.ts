// The error classes community packages construct from `n8n-workflow`. They extend the engine's
// NodeOperationError where they name a node, so a run records node, description and itemIndex for
// them exactly as for our own nodes' failures.
import { NodeOperationError as EngineNodeError } from '../../../engine/index.ts';
import { statusErrorMessage } from '../../http-request/response.ts';
import { describeCommonError, systemErrorCode } from '../../shared/network-errors.ts';

type Json = Record<string, unknown>;
interface NodeRef { name?: string; type?: string }

export interface NodeErrorOptions {
  message?: string;
  description?: string | null;
  itemIndex?: number;
  runIndex?: number;
  level?: string;
  httpCode?: string | null;
  functionality?: string;
  type?: string;
  [key: string]: unknown;
}

/** n8n's ApplicationError: an error not tied to a node. */
export class ApplicationError extends Error {
  level: string;
  tags: Json;
  extra?: Json;
  constructor(message: string, options: { level?: string; tags?: Json; extra?: Json; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ApplicationError';
    this.level = options.level ?? 'error';
    this.tags = options.tags ?? {};
    if (options.extra) this.extra = options.extra;
  }
}

/** What n8n's error constructors take as the cause: an Error, a message, or an API response. */
function causeMessage(error: unknown): string | undefined {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object') {
    const e = error as Json;
    for (const key of ['message', 'error', 'errorMessage', 'description']) {
      const v = e[key];
      if (typeof v === 'string' && v !== '') return v;
      if (v && typeof v === 'object' && typeof (v as Json).message === 'string') return (v as Json).message as string;
    }
  }
  return undefined;
}

/** Shared base: keeps the node, the cause and n8n's extra fields (description, context, level). */
abstract class NodeErrorBase extends EngineNodeError {
  node: NodeRef;
  description: string | null | undefined;
  context: Json = {};
  level: string;
  timestamp = Date.now();
  functionality = 'regular';
  constructor(node: NodeRef | undefined, message: string, options: NodeErrorOptions, cause?: unknown) {
    const details: { description?: string; itemIndex?: number } = {};
    if (typeof options.description === 'string') details.description = options.description;
    if (typeof options.itemIndex === 'number') details.itemIndex = options.itemIndex;
    super(node?.name ?? '', message, details);
    this.node = node ?? {};
    this.description = options.description;
    this.level = options.level ?? 'warning';
    if (options.functionality) this.functionality = options.functionality;
    if (typeof options.itemIndex === 'number') this.context.itemIndex = options.itemIndex;
    if (typeof options.runIndex === 'number') this.context.runIndex = options.runIndex;
    if (cause !== undefined && cause !== message) (this as { cause?: unknown }).cause = cause;
  }
  get itemIndex(): number | undefined {
    return this.details.itemIndex;
  }
}

/** n8n's NodeOperationError(node, error | message, options). */
export class NodeOperationError extends NodeErrorBase {
  type?: string;
  constructor(node: NodeRef | undefined, error: unknown, options: NodeErrorOptions = {}) {
    if (error instanceof NodeOperationError) return error;
    const message = options.message ?? causeMessage(error) ?? 'Unknown error';
    super(node, message, options, error);
    this.name = 'NodeOperationError';
    if (options.type) this.type = options.type;
  }
}


/** n8n's NodeApiError(node, errorResponse, options): a failed call to a service. */
export class NodeApiError extends NodeErrorBase {
  httpCode: string | null = null;
  errorResponse: unknown;
  constructor(node: NodeRef | undefined, errorResponse: unknown, options: NodeErrorOptions = {}) {
    if (errorResponse instanceof NodeApiError) return errorResponse;
    const response = (errorResponse ?? {}) as Json;
    const code = options.httpCode ?? statusOf(response);
    const fromResponse = causeMessage(response);
    // The same wording per status as our HTTP Request node; other statuses keep the service's message.
    const known = code ? statusErrorMessage(Number(code)) : undefined;
    let message = options.message ?? (known && !known.startsWith('Request failed') ? known : undefined) ?? fromResponse ?? 'Unknown error: see the details for the response';
    let description = options.description !== undefined ? options.description : (fromResponse !== message ? fromResponse : undefined);
    // A system error without a status ("connect ECONNREFUSED …") gets n8n's wording, the original as description.
    const common = code ? undefined : describeCommonError(message, systemErrorCode(errorResponse), description ?? undefined);
    if (common) ({ message, description } = common);
    super(node, message, { ...options, description }, errorResponse);
    this.name = 'NodeApiError';
    this.httpCode = code ?? null;
    this.errorResponse = errorResponse;
  }
}

function statusOf(response: Json): string | undefined {
  for (const key of ['httpCode', 'statusCode', 'status', 'code']) {
    const v = response[key] ?? (response.response as Json | undefined)?.[key];
    if ((typeof v === 'number' && v >= 100 && v < 600) || (typeof v === 'string' && /^\d{3}$/.test(v))) return String(v);
  }
  return undefined;
}

/** n8n's WorkflowOperationError and ExpressionError stand-ins (thrown, rarely constructed). */
export class WorkflowOperationError extends Error {
  node?: NodeRef;
  description?: string;
  constructor(message: string, node?: NodeRef, description?: string) {
    super(message);
    this.name = 'WorkflowOperationError';
    this.node = node;
    this.description = description;
  }
}

export class ExpressionError extends Error {
  constructor(message: string, readonly options: Json = {}) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/** n8n's NodeSslError: a certificate problem on a request. */
export class NodeSslError extends Error {
  constructor(cause: Error) {
    super('The server\'s TLS certificate could not be verified (the "Ignore SSL issues" option skips this check)', { cause });
    this.name = 'NodeSslError';
  }
}

/** n8n's UserError / OperationalError / UnexpectedError (newer n8n-workflow versions). */
export class UserError extends ApplicationError {
  constructor(message: string, options: { level?: string; tags?: Json; extra?: Json; cause?: unknown } = {}) {
    super(message, { level: 'info', ...options });
    this.name = 'UserError';
  }
}
export class OperationalError extends ApplicationError {
  constructor(message: string, options: { level?: string; tags?: Json; extra?: Json; cause?: unknown } = {}) {
    super(message, { level: 'warning', ...options });
    this.name = 'OperationalError';
  }
}
export class UnexpectedError extends ApplicationError {
  constructor(message: string, options: { level?: string; tags?: Json; extra?: Json; cause?: unknown } = {}) {
    super(message, { level: 'error', ...options });
    this.name = 'UnexpectedError';
  }
}
