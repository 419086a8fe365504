// Errors raised on the host side of a data lookup; they cross into the isolate as plain data
// and are rethrown there as ExpressionErrors (which expressions never swallow).
export class DataLookupError extends Error {
  constructor(
    message: string,
    readonly description?: string,
    readonly type?: string,
  ) {
    super(message);
    this.name = 'DataLookupError';
  }
}

export interface ErrorPayload {
  __error: { message: string; description?: string; type?: string };
}

export function toPayload(e: DataLookupError): ErrorPayload {
  return { __error: { message: e.message, description: e.description, type: e.type } };
}
