// Reads a request body into memory within a byte limit: refused from Content-Length before any
// byte is read, else as soon as the stream passes the limit.
import type { IncomingMessage } from 'node:http';
import { AppError } from '../../domain/index.ts';

export class PayloadTooLargeError extends AppError {
  constructor(limit: number, setting?: string) {
    super('payload_too_large', `The request body is larger than ${limit} bytes${setting ? ` (${setting})` : ''}`);
  }
}

export function readRaw(req: IncomingMessage, limit: number, setting?: string): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new PayloadTooLargeError(limit, setting));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new PayloadTooLargeError(limit, setting));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
