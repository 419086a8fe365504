// Large payloads (big node outputs) live beside the log, not in it: an event keeps the payload's
// sha256 and size, and the bytes are stored once by content (DESIGN.md §4; EventStoreDB caps an
// append at 1 MiB). Content addressing makes a retried put harmless. Runs share a blob when their
// outputs are equal, so retention deletes one only when no remaining run refers to it.
import { createHash } from 'node:crypto';

export interface BlobRef {
  sha256: string;
  bytes: number;
}

export interface BlobStore {
  /**
   * Stores the bytes (once per content) and returns their reference. Putting content that is
   * already stored marks it as used now, so a concurrent sweep leaves it alone (see `delete`).
   */
  put(bytes: Buffer): Promise<BlobRef>;
  /** The bytes, or undefined when nothing is stored under that hash. */
  get(sha256: string): Promise<Buffer | undefined>;
  /** The hashes of every stored blob. */
  list(): AsyncIterable<string>;
  /**
   * Deletes a blob unless it was put at or after `unusedSince` (a run may be about to record a
   * reference to it). True when it was deleted.
   */
  delete(sha256: string, unusedSince: Date): Promise<boolean>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const isSha256 = (value: string) => /^[0-9a-f]{64}$/.test(value);
