// Answers that can be huge (a run's data) go out as a JSON stream: a million-item run is more text
// than one string holds, and stringifying it at once would stall every other request for seconds.
// Parts already stored as JSON text (a node output in the blob store) go out as their bytes: parsing
// 80 MB of items only to write them again took seconds per output and hundreds of MB.
import { randomUUID } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { Context } from 'koa';
import { JsonStreamStringify } from 'json-stream-stringify';

/** A value whose JSON text is read on demand and written out as it is (it must be valid JSON). */
export class RawJson {
  constructor(readonly read: () => Promise<Buffer>) {}
}

/**
 * `replacer` as JSON.stringify's; a Promise it returns is awaited where it stands (a value read on
 * demand), and a RawJson it returns is written as its bytes.
 */
export function streamJson(ctx: Context, value: unknown, replacer?: (key: string, value: unknown) => unknown): void {
  ctx.type = 'application/json';
  if (!replacer) {
    ctx.body = new JsonStreamStringify(value);
    return;
  }
  // Each RawJson stands in the stream as a string no data can contain (a fresh nonce), which the
  // splice below swaps for the bytes.
  const nonce = randomUUID();
  const raws: RawJson[] = [];
  const marking = function (this: unknown, key: string, v: unknown): unknown {
    const out = replacer.call(this, key, v);
    if (!(out instanceof RawJson)) return out;
    raws.push(out);
    return `\u0000${nonce}:${raws.length - 1}`;
  };
  ctx.body = new JsonStreamStringify(value, marking).pipe(new RawSplice(nonce, raws));
}

/** Replaces the markers in a JSON text stream with the raw JSON they stand for. */
class RawSplice extends Transform {
  private readonly prefix: string;
  private carry = '';

  constructor(nonce: string, private readonly raws: RawJson[]) {
    super({ decodeStrings: false });
    // How JSON writes the marker string: quoted, its NUL escaped.
    this.prefix = `"\\u0000${nonce}:`;
  }

  override _transform(chunk: string | Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.splice(this.carry + chunk.toString(), false).then(() => done(), done);
  }

  override _flush(done: TransformCallback): void {
    this.splice(this.carry, true).then(() => done(), done);
  }

  private async splice(text: string, last: boolean): Promise<void> {
    let from = 0;
    for (;;) {
      const at = text.indexOf(this.prefix, from);
      const end = at < 0 ? -1 : text.indexOf('"', at + this.prefix.length);
      if (at < 0 || end < 0) {
        // Keep what could be the start of a marker cut by the chunk boundary.
        const keep = last ? text.length : Math.max(from, at >= 0 ? at : text.length - this.prefix.length - 12);
        if (keep > from) this.push(text.slice(from, keep));
        this.carry = text.slice(keep);
        return;
      }
      if (at > from) this.push(text.slice(from, at));
      const raw = this.raws[Number(text.slice(at + this.prefix.length, end))];
      if (!raw) throw new Error('A streamed answer lost one of its parts');
      this.push(await raw.read());
      from = end + 1;
    }
  }
}
