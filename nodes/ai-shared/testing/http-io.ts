// Test support: reading request bodies (JSON or multipart) and writing JSON, SSE and NDJSON replies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';

export interface UploadedFile { field: string; filename: string; mimeType: string; size: number }
export interface MultipartBody { fields: Record<string, string>; files: UploadedFile[] }

export interface ReadBody { body: unknown; invalidJson: boolean }

export async function readBody(req: IncomingMessage): Promise<ReadBody> {
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) return { body: await readMultipart(req), invalidJson: false };
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (raw === '') return { body: undefined, invalidJson: false };
  try {
    return { body: JSON.parse(raw), invalidJson: false };
  } catch {
    return { body: raw, invalidJson: true };
  }
}

function readMultipart(req: IncomingMessage): Promise<MultipartBody> {
  return new Promise((resolve, reject) => {
    const out: MultipartBody = { fields: {}, files: [] };
    const parser = busboy({ headers: req.headers });
    parser.on('field', (name, value) => (out.fields[name] = value));
    parser.on('file', (field, stream, info) => {
      let size = 0;
      stream.on('data', (c: Buffer) => (size += c.length));
      stream.on('end', () => out.files.push({ field, filename: info.filename ?? '', mimeType: info.mimeType, size }));
    });
    parser.on('close', () => resolve(out));
    parser.on('error', reject);
    req.pipe(parser);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** Server-sent events; `event` names the event where the vendor's format names them (Anthropic). */
export function sendSse(res: ServerResponse, events: Array<{ event?: string; data: unknown }>): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  for (const e of events) {
    const data = typeof e.data === 'string' ? e.data : JSON.stringify(e.data);
    res.write(`${e.event ? `event: ${e.event}\n` : ''}data: ${data}\n\n`);
  }
  res.end();
}

/** Newline-delimited JSON, Ollama's streaming format. */
export function sendNdjson(res: ServerResponse, lines: unknown[]): void {
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  for (const line of lines) res.write(`${JSON.stringify(line)}\n`);
  res.end();
}
