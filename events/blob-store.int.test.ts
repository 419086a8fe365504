// The blob store port: the file adapter always; MongoDB GridFS when MONGO_URL is set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BlobStore } from './blob-store.ts';
import { createFileBlobStore } from './file-blob-store.ts';
import { createMongoBlobStore } from './mongo-blob-store.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'weft-blobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const adapters: [string, () => BlobStore][] = [['file', () => createFileBlobStore(dir)]];
if (process.env.MONGO_URL) adapters.push(['mongodb', () => createMongoBlobStore({ url: process.env.MONGO_URL!, dbName: `weft_blobs_${Date.now()}` })]);

describe.each(adapters)('blob store (%s)', (_name, open) => {
  it('stores bytes once by content and gives them back', async () => {
    const blobs = open();
    try {
      await blobs.ping();
      const bytes = Buffer.from(JSON.stringify({ big: 'x'.repeat(300_000) }));
      const ref = await blobs.put(bytes);
      expect(ref.bytes).toBe(bytes.length);
      expect(ref.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(await blobs.put(Buffer.from(bytes))).toEqual(ref);
      expect((await blobs.get(ref.sha256))?.equals(bytes)).toBe(true);
      expect(await blobs.get('0'.repeat(64))).toBeUndefined();
      expect(await blobs.get('../../etc/passwd')).toBeUndefined();
    } finally {
      await blobs.close();
    }
  });

  it('lists blobs and deletes one only when it was not put since the given time', async () => {
    const blobs = open();
    try {
      const a = await blobs.put(Buffer.from(`a-${Date.now()}-${Math.random()}`));
      const b = await blobs.put(Buffer.from(`b-${Date.now()}-${Math.random()}`));
      const listed: string[] = [];
      for await (const sha of blobs.list()) listed.push(sha);
      expect(listed).toEqual(expect.arrayContaining([a.sha256, b.sha256]));
      const past = new Date(Date.now() - 60_000);
      expect(await blobs.delete(a.sha256, past)).toBe(false);
      expect((await blobs.get(a.sha256))?.length).toBe(a.bytes);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const now = new Date();
      expect(await blobs.delete(a.sha256, now)).toBe(true);
      expect(await blobs.get(a.sha256)).toBeUndefined();
      expect(await blobs.delete(a.sha256, now)).toBe(false);
      // Put again (a run recording the same output): it is in use from now on.
      await blobs.put(Buffer.from(await blobs.get(b.sha256) ?? ''));
      expect(await blobs.delete(b.sha256, now)).toBe(false);
      expect(await blobs.get(b.sha256)).toBeDefined();
    } finally {
      await blobs.close();
    }
  });
});

