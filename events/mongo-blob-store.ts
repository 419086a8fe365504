// Blobs in MongoDB GridFS (scale-out: every worker on every host reads the same blobs). The file
// name is the content's sha256, so a blob is stored once.
import { GridFSBucket, MongoClient } from 'mongodb';
import { isSha256, sha256Of, type BlobStore } from './blob-store.ts';

export function createMongoBlobStore(options: { url: string; dbName: string }): BlobStore {
  const client = new MongoClient(options.url);
  const bucket = new GridFSBucket(client.db(options.dbName), { bucketName: 'blobs' });
  const find = (sha256: string) => bucket.find({ filename: sha256 }, { limit: 1 }).toArray();
  return {
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      if ((await find(sha256)).length === 0) {
        await new Promise<void>((resolve, reject) => {
          bucket.openUploadStream(sha256).on('finish', () => resolve()).on('error', reject).end(bytes);
        });
      }
      return { sha256, bytes: bytes.length };
    },
    async get(sha256) {
      if (!isSha256(sha256) || (await find(sha256)).length === 0) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of bucket.openDownloadStreamByName(sha256)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    async ping() {
      await client.db(options.dbName).command({ ping: 1 });
    },
    async close() {
      await client.close();
    },
  };
}
