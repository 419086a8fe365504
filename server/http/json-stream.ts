// Answers that can be huge (a run's data) go out as a JSON stream: a million-item run is more text
// than one string holds, and stringifying it at once would stall every other request for seconds.
import type { Context } from 'koa';
import { JsonStreamStringify } from 'json-stream-stringify';

/** `replacer` as JSON.stringify's; a Promise it returns is awaited where it stands (a value read on demand). */
export function streamJson(ctx: Context, value: unknown, replacer?: (key: string, value: unknown) => unknown): void {
  ctx.type = 'application/json';
  ctx.body = new JsonStreamStringify(value, replacer);
}
