// Blobs as files under one folder (the embedded default; workers on one host share it):
// <dir>/<first two hex digits>/<sha256>, written to a temporary name, synced, then renamed.
// A file's mtime is when it was last put: retention deletes only blobs unused for a while.
import { mkdir, open, readdir, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
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
      // Touching the stored copy both checks it exists and tells a sweep it is in use again.
      if (await touch(file)) return ref;
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
    async *list() {
      for (const prefix of await entries(dir)) {
        if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
        for (const name of await entries(path.join(dir, prefix))) if (isSha256(name)) yield name;
      }
    },
    async delete(sha256, unusedSince) {
      if (!isSha256(sha256)) return false;
      const file = fileOf(sha256);
      // Moved aside first, then checked: a put that touched the file before the move shows in its
      // mtime (and the file goes back); a put after the move finds nothing and writes it anew.
      const aside = `${file}.${randomUUID()}.deleting`;
      try {
        await rename(file, aside);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw err;
      }
      if ((await stat(aside)).mtimeMs >= unusedSince.getTime()) {
        await rename(aside, file);
        return false;
      }
      await unlink(aside);
      return true;
    },
    async ping() {
      await mkdir(dir, { recursive: true });
    },
    async close() {},
  };
}

async function touch(file: string): Promise<boolean> {
  try {
    const now = new Date();
    await utimes(file, now, now);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

async function entries(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
