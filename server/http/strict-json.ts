// Bytes from outside (request bodies, files) to text and JSON: strict UTF-8, then the depth limit.
import { Buffer, isUtf8 } from 'node:buffer';
import { parseBoundedJson, ValidationError } from '../../domain/index.ts';

/** Decodes UTF-8 strictly: invalid bytes are a ValidationError, never a silent U+FFFD. */
export function decodeUtf8(bytes: Uint8Array, what = 'The request body'): string {
  // isUtf8 is a fast native check; decoding after it cannot replace anything.
  if (!isUtf8(bytes)) throw new ValidationError(`${what} is not valid UTF-8`, [{ message: 'invalid UTF-8 byte sequence' }]);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** JSON from bytes: strict UTF-8, at most `maxDepth` levels, a ValidationError otherwise. */
export function parseJsonBytes(bytes: Uint8Array, maxDepth: number, what = 'The request body'): unknown {
  return parseBoundedJson(decodeUtf8(bytes, what), maxDepth, what);
}
