// Reads a webhook call's body from the raw request, within a size limit: JSON, form, text and
// multipart (busboy) are parsed; anything else, or the raw-body option, is kept as binary.
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { ValidationError } from '../../domain/index.ts';
import { decodeUtf8, parseJsonBytes } from '../http/strict-json.ts';
import { PayloadTooLargeError, readRaw } from '../http/read-raw.ts';
import type { BinaryData } from '../../engine/index.ts';

export interface WebhookBody {
  body: unknown;
  binary?: Record<string, BinaryData>;
}

export interface BodyOptions {
  limitBytes: number;
  /** Keep the raw bytes as binary too (n8n's rawBody option). */
  rawBody: boolean;
  /** Treat any body as a file (n8n's v1 binaryData option). */
  binaryData: boolean;
  /** Field name for a raw or binary body. */
  binaryPropertyName: string;
  /** Deepest JSON body accepted (JSON_MAX_DEPTH). */
  maxDepth: number;
}

function toBinary(data: Buffer, mimeType: string, fileName?: string): BinaryData {
  const ext = fileName?.includes('.') ? fileName.split('.').pop() : undefined;
  return {
    data: data.toString('base64'),
    mimeType: mimeType || 'application/octet-stream',
    fileSize: `${data.length} B`,
    ...(fileName ? { fileName } : {}),
    ...(ext ? { fileExtension: ext } : {}),
  };
}

function hasBody(req: IncomingMessage): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

export async function readWebhookBody(req: IncomingMessage, options: BodyOptions): Promise<WebhookBody> {
  if (!hasBody(req)) return { body: {} };
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data') && !options.binaryData) return readMultipart(req, options.limitBytes);
  const raw = await readRaw(req, options.limitBytes);
  const mime = type.split(';')[0].trim();
  const rawBinary = options.rawBody ? { binary: { [options.binaryPropertyName]: toBinary(raw, mime) } } : {};
  if (options.binaryData) return { body: {}, binary: { [options.binaryPropertyName]: toBinary(raw, mime) } };
  if (mime === 'application/json' || mime.endsWith('+json')) {
    if (raw.length === 0) return { body: {}, ...rawBinary };
    return { body: parseJsonBytes(raw, options.maxDepth), ...rawBinary };
  }
  if (mime === 'application/x-www-form-urlencoded') {
    const body: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(decodeUtf8(raw))) {
      const prev = body[k];
      body[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    return { body, ...rawBinary };
  }
  if (mime.startsWith('text/') || mime === 'application/xml' || mime === '') {
    return { body: decodeText(raw, type), ...rawBinary };
  }
  // Any other type is a file: it goes to binary, as n8n's v2 Webhook does.
  return { body: {}, binary: { [options.binaryPropertyName]: toBinary(raw, mime) } };
}

function readMultipart(req: IncomingMessage, limit: number): Promise<WebhookBody> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: limit, fieldSize: limit } });
    } catch (err) {
      reject(new ValidationError('The multipart body is malformed', [{ path: 'body', message: (err as Error).message }]));
      return;
    }
    const body: Record<string, unknown> = {};
    const binary: Record<string, BinaryData> = {};
    const files: Promise<void>[] = [];
    let total = 0;
    let failed = false;
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      reject(err);
    };
    parser.on('field', (name, value) => {
      total += value.length;
      if (total > limit) return fail(new PayloadTooLargeError(limit));
      const prev = body[name];
      body[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      files.push(new Promise((done) => {
        stream.on('data', (c: Buffer) => {
          total += c.length;
          if (total > limit) fail(new PayloadTooLargeError(limit));
          else chunks.push(c);
        });
        stream.on('limit', () => fail(new PayloadTooLargeError(limit)));
        stream.on('end', () => {
          // A field sent twice keeps every file: data, data1, data2…
          let key = name;
          for (let n = 1; binary[key]; n++) key = `${name}${n}`;
          binary[key] = toBinary(Buffer.concat(chunks), info.mimeType, info.filename);
          done();
        });
      }));
    });
    parser.on('error', (err: Error) => fail(new ValidationError('The multipart body is malformed', [{ path: 'body', message: err.message }])));
    parser.on('close', () => {
      if (failed) return;
      void Promise.all(files).then(() => resolve({ body, ...(Object.keys(binary).length ? { binary } : {}) }));
    });
    req.pipe(parser);
  });
}

/** Text in the charset its Content-Type names (UTF-8 when none): bytes that do not decode are a 400. */
function decodeText(raw: Buffer, contentType: string): string {
  const charset = /;\s*charset="?([^";\s]+)/.exec(contentType)?.[1];
  if (!charset || /^utf-?8$/i.test(charset)) return decodeUtf8(raw);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new ValidationError(`The charset '${charset}' is not supported; send the body as UTF-8 or as a file`, [{ path: 'content-type', message: 'unknown charset' }]);
  }
  try {
    return decoder.decode(raw);
  } catch {
    throw new ValidationError(`The request body is not valid ${charset}`, [{ message: 'invalid byte sequence' }]);
  }
}
