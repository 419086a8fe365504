// n8n's wording for the system errors a call to a service ends with (its NodeApiError and
// NodeOperationError replace them): "connect ECONNREFUSED 10.0.0.5:80" becomes "The service refused
// the connection - perhaps it is offline", and the original text moves to the description, which is
// what users of n8n search for and what error workflows match on.
import { NodeOperationError } from '../../engine/index.ts';
import { errorMessage } from './items.ts';
const COMMON_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'The service refused the connection - perhaps it is offline',
  ECONNRESET: 'The connection to the server was closed unexpectedly, perhaps it is offline. You can retry the request immediately or wait and retry later.',
  ENOTFOUND: 'The connection cannot be established, this usually occurs due to an incorrect host (domain) value',
  ETIMEDOUT: "The connection timed out, consider setting the 'Retry on Fail' option in the node settings",
  ERRADDRINUSE: 'The port is already occupied by some other application, if possible change the port or kill the application that is using it',
  EADDRNOTAVAIL: 'The address is not available, ensure that you have the right IP address',
  ECONNABORTED: 'The connection was aborted, perhaps the server is offline',
  EHOSTUNREACH: 'The host is unreachable, perhaps the server is offline',
  EAI_AGAIN: 'The DNS server returned an error, perhaps the server is offline',
  ENOENT: 'The file or directory does not exist',
  EISDIR: 'The file path was expected but the given path is a directory',
  ENOTDIR: 'The directory path was expected but the given path is a file',
  EACCES: 'Forbidden by access permissions, make sure you have the right permissions',
  EEXIST: 'The file or directory already exists',
  EPERM: 'Operation not permitted, make sure you have the right permissions',
  GETADDRINFO: 'The server closed the connection unexpectedly',
};

/**
 * n8n's descriptive message for an error whose code (or message) names a common system error, with
 * the original message (and description) as the new description; undefined when none applies.
 */
export function describeCommonError(message: string, code?: string, description?: string): { message: string; description: string } | undefined {
  const known = (code && COMMON_ERRORS[code.toUpperCase()] && code.toUpperCase())
    || Object.keys(COMMON_ERRORS).find((name) => message.toUpperCase().includes(name));
  if (!known) return undefined;
  return { message: COMMON_ERRORS[known], description: description ? `${message} - ${description}` : message };
}

/** The system error code of a failed call: the error's own, or its cause's (fetch wraps it). */
export function systemErrorCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^E[A-Z_]+$/.test(e.code)) return e.code;
    if (e instanceof AggregateError && e.errors.length) return systemErrorCode(e.errors[0]);
  }
  return undefined;
}

/** The node error for a failed call to a service (HTTP Request, GraphQL): n8n's wording for system errors. */
export function serviceCallError(node: string, error: unknown, itemIndex: number): NodeOperationError {
  if (error instanceof NodeOperationError) return error;
  const message = errorMessage(error);
  const cause = (error as { cause?: { message?: string } }).cause?.message;
  const extra = cause && cause !== message ? cause : undefined;
  const common = describeCommonError(message, systemErrorCode(error), extra);
  const description = common?.description ?? extra;
  return new NodeOperationError(node, common?.message ?? message, { itemIndex, ...(description ? { description } : {}) });
}
