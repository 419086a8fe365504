// Large payloads (big node outputs) live beside the log, not in it: an event keeps the payload's
// sha256 and size, and the bytes are stored once by content (DESIGN.md §4; EventStoreDB caps an
// append at 1 MiB). Content addressing makes a retried put harmless.
import { createHash } from 'node:crypto';

export interface BlobRef {
  sha256: string;
  bytes: number;
}

export interface BlobStore {
  /** Stores the bytes (once per content) and returns their reference. */
  put(bytes: Buffer): Promise<BlobRef>;
  /** The bytes, or undefined when nothing is stored under that hash. */
  get(sha256: string): Promise<Buffer | undefined>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const isSha256 = (value: string) => /^[0-9a-f]{64}$/.test(value);
