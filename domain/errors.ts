// Errors sorted by cause. Each carries a stable code and whether retrying may help; the edges
// (HTTP, queue, sockets) map them in one place.

export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'conflict'
  | 'wrong_expected_revision'
  | 'unauthenticated'
  | 'forbidden'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unsupported_media_type'
  | 'unavailable'
  | 'write_quarantined'
  | 'internal';

export interface ErrorDetail {
  /** Where in the input the problem is, as a dotted path (`nodes.2.name`). */
  path?: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly retryable = false,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input broke a rule; sending it again unchanged will fail again. */
export class ValidationError extends AppError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super('validation_failed', message, details);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super('not_found', `${what} '${id}' was not found`);
  }
}

/** The caller is known but may not do this; asking again will not help. */
export class ForbiddenError extends AppError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super('forbidden', message, details);
  }
}

/** The command does not fit the current state (e.g. activating a deleted workflow). */
export class ConflictError extends AppError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super('conflict', message, details);
  }
}

/** An optimistic-concurrency check failed: someone else wrote first. Re-read and retry. */
export class WrongExpectedRevisionError extends AppError {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(
      'wrong_expected_revision',
      `Stream '${stream}' is at revision ${actual}, expected ${String(expected)}`,
      [],
      true,
    );
  }
}

/** A backend could not be reached; the same request may succeed later. */
export class UnavailableError extends AppError {
  constructor(message: string) {
    super('unavailable', message, [], true);
  }
}

/**
 * A write is in the event log, but a read model did not show it within the wait: it will appear
 * once the read model catches up. Not retryable: sending the request again would write it again.
 */
export class WriteNotVisibleError extends AppError {
  constructor(
    readonly projections: string[],
    readonly position: number,
    timeoutMs: number,
  ) {
    super(
      'unavailable',
      `The write was recorded (log position ${position}) but is not yet visible: the ${projections.map((p) => `'${p}'`).join(', ')} read model did not reach it within ${timeoutMs} ms. It will appear once the read model catches up; do not send it again.`,
      projections.map((p) => ({ path: 'projection', message: p })),
    );
  }
}

/**
 * A write is in the event log (its history and audit keep it), but a read model could not apply
 * its event and quarantined it: it will not appear there until the projection is fixed and rebuilt.
 */
export class WriteQuarantinedError extends AppError {
  constructor(
    readonly projections: string[],
    readonly position: number,
  ) {
    super(
      'write_quarantined',
      `The write was recorded (log position ${position}) but the ${projections.map((p) => `'${p}'`).join(', ')} read model could not apply it and set it aside; it will not appear there. Sending it again unchanged will fail the same way.`,
      projections.map((p) => ({ path: 'projection', message: p })),
    );
  }
}

/**
 * Optimistic concurrency for appends: a revision number (0-based index of the stream's last
 * event), or a condition on the stream's existence.
 */
export type ExpectedRevision = number | 'any' | 'no_stream' | 'stream_exists';
