// Test support: deterministic embeddings. Each word is hashed into a signed bucket (feature hashing)
// and the vector is scaled to unit length, so texts sharing words are close by cosine similarity —
// enough for vector-store tests to retrieve the expected document without a model.
import { createHash } from 'node:crypto';

export const DEFAULT_EMBEDDING_DIMENSIONS = 16;

export function embed(text: string, dimensions = DEFAULT_EMBEDDING_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const word of words) {
    const digest = createHash('sha256').update(word).digest();
    vector[digest.readUInt32BE(0) % dimensions] += digest[4] & 1 ? 1 : -1;
  }
  const length = Math.hypot(...vector);
  // A text without words still needs a usable (non-zero) vector: cosine of a zero vector is NaN.
  if (length === 0) return vector.map((_, i) => (i === 0 ? 1 : 0));
  return vector.map((v) => v / length);
}

/** OpenAI's `encoding_format: "base64"`: the float32 values, little-endian, base64-encoded. */
export function toBase64Floats(vector: number[]): string {
  const buffer = Buffer.alloc(vector.length * 4);
  vector.forEach((v, i) => buffer.writeFloatLE(v, i * 4));
  return buffer.toString('base64');
}
