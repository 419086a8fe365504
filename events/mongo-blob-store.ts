// Blobs in MongoDB GridFS (scale-out: every worker on every host reads the same blobs). The file
// name is the content's sha256, so a blob is stored once; metadata.usedAt is when it was last put.
import { GridFSBucket, MongoClient } from 'mongodb';
import { isSha256, sha256Of, type BlobStore } from './blob-store.ts';

const BUCKET = 'blobs';

export function createMongoBlobStore(options: { url: string; dbName: string }): BlobStore {
  const client = new MongoClient(options.url);
  const db = client.db(options.dbName);
  const bucket = new GridFSBucket(db, { bucketName: BUCKET });
  const files = db.collection(`${BUCKET}.files`);
  const find = (sha256: string) => bucket.find({ filename: sha256 }, { limit: 1 }).toArray();
  return {
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      const usedAt = new Date();
      // Marking the stored copy used both checks it exists and keeps a sweep off it.
      const touched = await files.updateMany({ filename: sha256 }, { $set: { 'metadata.usedAt': usedAt } });
      if (touched.matchedCount === 0) {
        await new Promise<void>((resolve, reject) => {
          bucket.openUploadStream(sha256, { metadata: { usedAt } }).on('finish', () => resolve()).on('error', reject).end(bytes);
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
    async *list() {
      for await (const file of bucket.find({}, { projection: { filename: 1 } })) if (isSha256(file.filename)) yield file.filename;
    },
    async delete(sha256, unusedSince) {
      if (!isSha256(sha256)) return false;
      const stale = await bucket.find({
        filename: sha256,
        $or: [{ 'metadata.usedAt': { $lt: unusedSince } }, { 'metadata.usedAt': { $exists: false }, uploadDate: { $lt: unusedSince } }],
      }).toArray();
      for (const file of stale) await bucket.delete(file._id);
      return stale.length > 0;
    },
    async ping() {
      await db.command({ ping: 1 });
    },
    async close() {
      await client.close();
    },
  };
}
