// Test support: a local stand-in for the Cloud Natural Language API v1, written from Google's REST
// reference for documents.analyzeSentiment: POST /v1/documents:analyzeSentiment with a Bearer token
// and `{document: {type, content | gcsContentUri, language?}, encodingType}`; answers
// `{documentSentiment, language, sentences}`, Google's `{error: {code, message, status}}` for a bad
// token (401) or argument (400), and a 429 with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GOOD_TOKEN = 'ya29.language-good';

export interface LanguageSeen { method: string; path: string; authorization: string; contentType: string; body: Record<string, unknown> }

export interface LanguageStandIn { url: string; seen: LanguageSeen[]; rateLimitOnce(seconds: number): void; close(): Promise<void> }

const googleError = (code: number, status: string, message: string) => ({ error: { code, message, status } });

function analyze(body: Record<string, unknown>): [number, unknown] {
  const document = body.document as Record<string, unknown> | undefined;
  if (!document || !['PLAIN_TEXT', 'HTML'].includes(String(document.type))) {
    return [400, googleError(400, 'INVALID_ARGUMENT', 'Invalid document type: must be PLAIN_TEXT or HTML.')];
  }
  const hasContent = typeof document.content === 'string';
  const hasUri = typeof document.gcsContentUri === 'string';
  if (hasContent === hasUri) return [400, googleError(400, 'INVALID_ARGUMENT', 'One of content, or gcs_content_uri must be set.')];
  if (hasContent && (document.content as string).trim() === '') return [400, googleError(400, 'INVALID_ARGUMENT', 'The document is empty.')];
  if (body.encodingType !== undefined && !['NONE', 'UTF8', 'UTF16', 'UTF32'].includes(String(body.encodingType))) {
    return [400, googleError(400, 'INVALID_ARGUMENT', `Invalid value at 'encoding_type' (${String(body.encodingType)})`)];
  }
  const text = hasContent ? (document.content as string) : 'Stored text is lovely.';
  const score = /terrible|bad|hate/i.test(text) ? -0.8 : 0.9;
  const sentences = text.split(/(?<=[.!?])\s+/).filter(Boolean);
  let offset = 0;
  return [200, {
    documentSentiment: { magnitude: Math.abs(score) * sentences.length, score },
    language: (document.language as string | undefined) ?? 'en',
    sentences: sentences.map((content) => {
      const sentence = { text: { content, beginOffset: offset }, sentiment: { magnitude: Math.abs(score), score } };
      offset += content.length + 1;
      return sentence;
    }),
  }];
}

export async function startNaturalLanguageStandIn(): Promise<LanguageStandIn> {
  const seen: LanguageSeen[] = [];
  let armed: number | undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
        res.end(JSON.stringify(body));
      };
      const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> : {};
      } catch {
        return reply(400, googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.'));
      }
      seen.push({ method: req.method ?? '', path, authorization: req.headers.authorization ?? '', contentType: req.headers['content-type'] ?? '', body });
      if (armed !== undefined) {
        const seconds = armed;
        armed = undefined;
        return reply(429, googleError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded'), { 'retry-after': String(seconds) });
      }
      if (req.headers.authorization !== `Bearer ${GOOD_TOKEN}`) {
        return reply(401, googleError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token.'));
      }
      if (req.method !== 'POST' || path !== '/v1/documents:analyzeSentiment') return reply(404, googleError(404, 'NOT_FOUND', 'Method not found.'));
      const [status, answer] = analyze(body);
      reply(status, answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, rateLimitOnce: (s) => { armed = s; }, close: () => new Promise<void>((r) => server.close(() => r())) };
}
