// Maps every error to a JSON answer `{code, message, details}` in one place; unknown errors are 500s.
import type { Context, Next } from 'koa';
import { AppError, type ErrorCode } from '../../domain/index.ts';
import type { Logger } from '../logger.ts';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  wrong_expected_revision: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unsupported_media_type: 415,
  unavailable: 503,
  // The server took the write but its read model cannot show it: a server-side failure, not
  // the request's (most often content a read model's store refuses).
  write_quarantined: 500,
  internal: 500,
};

export interface ErrorBody {
  code: string;
  message: string;
  details: unknown[];
}

export function errorBody(code: string, message: string, details: unknown[] = []): ErrorBody {
  return { code, message, details };
}

/** Errors thrown by Koa middleware (body parsing) carry an HTTP status and an exposable message. */
function httpErrorToBody(err: { status: number; message: string; type?: string }): [number, ErrorBody] {
  if (err.status === 413) return [413, errorBody('payload_too_large', 'The request body is too large')];
  if (err.status === 415) return [415, errorBody('unsupported_media_type', err.message)];
  if (err.status === 400) return [400, errorBody('invalid_json', `The request body is not valid JSON: ${err.message}`)];
  return [err.status, errorBody('bad_request', err.message)];
}

export function errorHandler(logger: Logger) {
  return async function handleErrors(ctx: Context, next: Next): Promise<void> {
    try {
      await next();
    } catch (error) {
      let status: number;
      let body: ErrorBody;
      if (error instanceof AppError) {
        status = STATUS[error.code];
        body = errorBody(error.code, error.message, error.details);
        const retryAfter = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
        if (retryAfter !== undefined) ctx.set('Retry-After', String(retryAfter));
        if (status >= 500) logger.error({ err: error }, 'request failed');
      } else if (isClientHttpError(error)) {
        [status, body] = httpErrorToBody(error);
      } else {
        logger.error({ err: error, method: ctx.method, url: ctx.url }, 'unexpected error');
        status = 500;
        body = errorBody('internal', 'An unexpected error occurred; it has been logged');
      }
      ctx.status = status;
      ctx.body = body;
    }
  };
}

function isClientHttpError(e: unknown): e is { status: number; message: string } {
  const status = (e as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
