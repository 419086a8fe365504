// Blobs as files under one folder (the embedded default; workers on one host share it):
// <dir>/<first two hex digits>/<sha256>, written to a temporary name, synced, then renamed.
import { mkdir, open, readFile, rename, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { isSha256, sha256Of, type BlobRef, type BlobStore } from './blob-store.ts';

export function createFileBlobStore(dir: string): BlobStore {
  const fileOf = (sha256: string) => path.join(dir, sha256.slice(0, 2), sha256);
  return {
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      const file = fileOf(sha256);
      const ref: BlobRef = { sha256, bytes: bytes.length };
      if (await exists(file)) return ref;
      await mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${randomUUID()}.tmp`;
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
      return ref;
    },
    async get(sha256) {
      if (!isSha256(sha256)) return undefined;
      try {
        return await readFile(fileOf(sha256));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async ping() {
      await mkdir(dir, { recursive: true });
    },
    async close() {},
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
