// Errors of declarative requests in the shape n8n's NodeApiError gives them: a message chosen by
// HTTP status, the service's own message as description, the status and item kept.
import { STATUS_MESSAGES } from '../../shared/http-status-messages.ts';

export class DeclarativeApiError extends Error {
  constructor(
    readonly nodeName: string,
    message: string,
    readonly httpCode: number | undefined,
    readonly description: string | undefined,
    readonly itemIndex: number,
  ) {
    super(message);
    this.name = 'NodeApiError';
  }
}

/** The status of a failed request, whichever helper threw it (fetch-based, axios- or request-like). */
function statusOf(error: Record<string, unknown>): number | undefined {
  const response = error.response as Record<string, unknown> | undefined;
  const candidates = [error.statusCode, error.httpCode, error.status, response?.statusCode, response?.status];
  for (const c of candidates) {
    const n = typeof c === 'string' ? parseInt(c, 10) : c;
    if (typeof n === 'number' && n >= 100 && n < 600) return n;
  }
  return undefined;
}

function serviceMessage(error: Record<string, unknown>): string | undefined {
  const response = error.response as Record<string, unknown> | undefined;
  const body = (response?.body ?? response?.data ?? error.error) as unknown;
  if (typeof body === 'string' && body !== '') return body;
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const msg = b.message ?? b.error ?? b.error_description ?? b.detail;
    if (typeof msg === 'string') return msg;
    if (msg && typeof msg === 'object' && typeof (msg as Record<string, unknown>).message === 'string') return (msg as Record<string, string>).message;
    return JSON.stringify(body);
  }
  return undefined;
}

export function toApiError(nodeName: string, error: unknown, itemIndex: number): DeclarativeApiError {
  if (error instanceof DeclarativeApiError) return error;
  const e = (error ?? {}) as Record<string, unknown>;
  const status = statusOf(e);
  const fallback = error instanceof Error ? error.message : String(error);
  let message = status ? (STATUS_MESSAGES[status] ?? `The service answered with status ${status}`) : fallback;
  // n8n points rate-limited declarative nodes at their batching option.
  if (status === 429) message = "Try spacing your requests out using the batching settings under 'Options'";
  return new DeclarativeApiError(nodeName, message, status, status ? serviceMessage(e) : undefined, itemIndex);
}
