import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { JsonStreamStringify } from 'json-stream-stringify';

// Ending a CLI verb without losing its output: process.exit does not wait for a pipe to drain, so
// `weft execute --file w.json | jq` used to get only the first 64 KiB (the pipe's buffer).

/** Resolves once everything written to `stream` so far has been handed to the OS, or its reader left. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) return resolve();
    // Writes complete in order: this empty one calls back after all the ones before it.
    stream.write('', () => resolve());
  });
}

/** Exits with `code` once standard output and standard error have drained. */
export async function exitAfterOutput(code: number): Promise<never> {
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(code);
}

/**
 * A reader that stops early (`weft list | head -1`) is not a failure of the verb: its output is
 * dropped, and the verb finishes its work (an import still completes) and exits as it would.
 */
export function ignoreClosedReader(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  }
}

/**
 * Writes `value` as indented JSON to the file at `path`, or to standard output, as a stream: a run
 * of a million items is more text than one JavaScript string can hold ("Invalid string length").
 */
export async function writeJson(value: unknown, path?: string): Promise<void> {
  const text = new JsonStreamStringify(value, undefined, 2);
  if (path) return pipeline(text, createWriteStream(path));
  await pipeline(text, process.stdout, { end: false });
  process.stdout.write('\n');
}
