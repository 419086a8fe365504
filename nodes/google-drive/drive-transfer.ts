// Moving file content to and from Drive: multipart upload (metadata and bytes in one request) for
// small files, the resumable protocol in 256 KiB-multiple chunks for large ones, media updates of
// an existing file's content, and downloads (Google-native files exported to the chosen format).
import { randomUUID } from 'node:crypto';
import { NodeOperationError, type BinaryData, type JsonObject } from '../../engine/index.ts';
import { googleAccessToken } from '../google-shared/google-auth.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { latestOAuth2Token } from '../shared/oauth2-retry.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { driveBaseUrl, googleJson, googleRaw, type GoogleClient, type Query } from './google-api.ts';

/** Files up to this size go in one multipart request. */
export const MULTIPART_LIMIT = 5 * 1024 * 1024;
/** Resumable chunks: Google asks for multiples of 256 KiB. */
export const CHUNK_SIZE = 8 * 256 * 1024;

function multipartBody(metadata: JsonObject, content: Buffer, mimeType: string): { body: Buffer; contentType: string } {
  const boundary = `weft-${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify(metadata)}\r\n--${boundary}\r\nContent-Type: ${mimeType}\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/related; boundary=${boundary}` };
}

/**
 * PUTs the bytes to a resumable session in chunks; the last answer is the file resource. Each chunk
 * goes through the shared loop: a 429 is waited out, and a 401 renews the OAuth2 token and resends
 * that chunk (the session URL stays valid).
 */
async function sendChunks(client: GoogleClient, sessionUrl: string, content: Buffer): Promise<JsonObject> {
  const { ctx } = client;
  const token = await googleAccessToken(ctx, client.transport, client.credentialType, client.scopes);
  let answer: JsonObject = {};
  for (let offset = 0; offset < content.length || offset === 0; offset += CHUNK_SIZE) {
    const chunk = content.subarray(offset, offset + CHUNK_SIZE);
    const last = offset + chunk.length - 1;
    const response = await sendWaitingOutRateLimits(client.transport, {
      method: 'PUT', url: sessionUrl, body: chunk,
      headers: { authorization: `Bearer ${latestOAuth2Token(ctx, token)}`, 'content-range': content.length ? `bytes ${offset}-${last}/${content.length}` : 'bytes */0' },
    }, { timeoutMs: 300_000, followRedirects: false, maxRedirects: 0, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, oauth2: ctx });
    // 308 "Resume Incomplete": Google wants the next chunk.
    if (response.statusCode === 308) continue;
    const text = response.body.toString('utf8');
    if (response.statusCode >= 400) {
      let said: string | undefined;
      try { said = ((JSON.parse(text) as JsonObject).error as JsonObject | undefined)?.message as string | undefined; } catch { /* not JSON */ }
      throw new NodeOperationError(ctx.node.name, apiStatusMessage(response.statusCode), { description: said ?? text.slice(0, 500) });
    }
    answer = text ? JSON.parse(text) as JsonObject : {};
    if (content.length === 0) break;
  }
  return answer;
}

/** files.create with content: multipart when small, resumable when large. */
export async function createWithContent(client: GoogleClient, metadata: JsonObject, content: Buffer, mimeType: string, query: Query): Promise<JsonObject> {
  const url = `${driveBaseUrl()}/upload/drive/v3/files`;
  if (content.length <= MULTIPART_LIMIT) {
    const { body, contentType } = multipartBody(metadata, content, mimeType);
    return googleJson(client, { method: 'POST', url, query: { ...query, uploadType: 'multipart' }, raw: { data: body, contentType } });
  }
  const session = await googleRaw(client, { method: 'POST', url, query: { ...query, uploadType: 'resumable' }, json: metadata,
    headers: { 'x-upload-content-type': mimeType, 'x-upload-content-length': String(content.length) } });
  const location = session.headers.location;
  if (typeof location !== 'string') throw new NodeOperationError(client.ctx.node.name, 'Google Drive did not open an upload session');
  return sendChunks(client, location, content);
}

/** Replaces an existing file's content (files.update on the upload URI). */
export async function replaceContent(client: GoogleClient, fileId: string, content: Buffer, mimeType: string): Promise<void> {
  const url = `${driveBaseUrl()}/upload/drive/v3/files/${encodeURIComponent(fileId)}`;
  if (content.length <= MULTIPART_LIMIT) {
    await googleRaw(client, { method: 'PATCH', url, query: { uploadType: 'media', supportsAllDrives: true }, raw: { data: content, contentType: mimeType } });
    return;
  }
  const session = await googleRaw(client, { method: 'PATCH', url, query: { uploadType: 'resumable', supportsAllDrives: true }, json: {},
    headers: { 'x-upload-content-type': mimeType, 'x-upload-content-length': String(content.length) } });
  const location = session.headers.location;
  if (typeof location !== 'string') throw new NodeOperationError(client.ctx.node.name, 'Google Drive did not open an upload session');
  await sendChunks(client, location, content);
}

export interface ExportFormats { docsToFormat?: string; drawingsToFormat?: string; slidesToFormat?: string; sheetsToFormat?: string }

/** The format a Google-native file is exported to: the chosen one, else n8n's default for its kind. */
function exportFormat(mimeType: string, formats: ExportFormats): string {
  const kind = mimeType.split('.')[2];
  if (kind === 'document') return formats.docsToFormat ?? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (kind === 'presentation') return formats.slidesToFormat ?? 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  if (kind === 'spreadsheet') return formats.sheetsToFormat ?? 'application/x-vnd.oasis.opendocument.spreadsheet';
  return formats.drawingsToFormat ?? 'image/jpeg';
}

/** Downloads a file's bytes (exporting Google-native ones) as n8n binary data. */
export async function downloadFile(client: GoogleClient, fileId: string, formats: ExportFormats, fileName: string | undefined, legacy = false): Promise<BinaryData> {
  const base = `${driveBaseUrl()}/drive/v3/files/${encodeURIComponent(fileId)}`;
  const file = await googleJson(client, { method: 'GET', url: base, query: { fields: 'mimeType,name', supportsTeamDrives: true } });
  const mimeType = String(file.mimeType ?? '');
  const response = mimeType.includes('vnd.google-apps')
    ? await googleRaw(client, { method: 'GET', url: `${base}/export`, query: { mimeType: exportFormat(mimeType, formats) } })
    : await googleRaw(client, { method: 'GET', url: base, query: { alt: 'media' } });
  const contentType = String(response.headers['content-type'] ?? '').split(';')[0].trim() || mimeType || 'application/octet-stream';
  const name = fileName || (legacy ? undefined : typeof file.name === 'string' ? file.name : undefined);
  return prepareBinaryData(response.body, name, contentType);
}
