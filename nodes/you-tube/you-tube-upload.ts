// Uploads to YouTube: a channel banner (channelBanners.insert with the image bytes, then the channel's
// brandingSettings pointed at the returned URL) and a video through YouTube's resumable upload
// protocol (an initiation request with the metadata and X-Upload-Content-* headers; the bytes PUT to
// the session URL from its Location header in 1 MiB chunks, 308 answering every chunk but the last).
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { statusErrorMessage } from '../http-request/response.ts';
import { send } from '../http-request/send.ts';
import { collection, param } from '../shared/params.ts';
import { googleCall, readRefusal } from './google-call.ts';
import { youTubeBaseUrl, youTubeRequest, type YouTubeClient } from './you-tube-api.ts';

/** A multiple of 256 KiB, as the resumable protocol asks of every chunk but the last. */
export const UPLOAD_CHUNK_SIZE = 1024 * 1024;
const CHUNK_TIMEOUT_MS = 300_000;

function inputFile(client: YouTubeClient, itemIndex: number) {
  const property = param(client.ctx, 'binaryProperty', itemIndex, 'data');
  return binaryBuffer(client.ctx.node.name, client.ctx.getInputData()[itemIndex], property, itemIndex);
}

export async function uploadBanner(client: YouTubeClient, itemIndex: number): Promise<JsonObject> {
  const { buffer, binary } = inputFile(client, itemIndex);
  const inserted = await googleCall(client, {
    method: 'POST', url: `${youTubeBaseUrl()}/upload/youtube/v3/channelBanners/insert`, raw: { data: buffer, contentType: binary.mimeType || undefined },
  });
  const body = { id: param(client.ctx, 'channelId', itemIndex, ''), brandingSettings: { image: { bannerExternalUrl: inserted.json.url } } };
  return youTubeRequest(client, 'PUT', '/youtube/v3/channels', { part: 'brandingSettings' }, body);
}

const defined = (entries: JsonObject) => Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined && value !== ''));

export async function uploadVideo(client: YouTubeClient, itemIndex: number): Promise<JsonObject> {
  const { ctx } = client;
  const options = collection(ctx, 'options', itemIndex);
  const { buffer, binary } = inputFile(client, itemIndex);
  const metadata = {
    snippet: defined({ title: param(ctx, 'title', itemIndex, ''), categoryId: param(ctx, 'categoryId', itemIndex, ''), description: options.description,
      tags: typeof options.tags === 'string' && options.tags ? options.tags.split(',') : undefined, defaultLanguage: options.defaultLanguage }),
    status: defined({ privacyStatus: options.privacyStatus, embeddable: options.embeddable, publicStatsViewable: options.publicStatsViewable,
      publishAt: options.publishAt, selfDeclaredMadeForKids: options.selfDeclaredMadeForKids, license: options.license }),
    recordingDetails: defined({ recordingDate: options.recordingDate }),
  };
  const started = await googleCall(client, {
    method: 'POST', url: `${youTubeBaseUrl()}/upload/youtube/v3/videos`,
    query: { uploadType: 'resumable', part: 'snippet,status,recordingDetails', notifySubscribers: options.notifySubscribers === true },
    headers: { 'x-upload-content-length': String(buffer.length), 'x-upload-content-type': binary.mimeType || 'application/octet-stream' },
    json: metadata,
  });
  const location = started.headers.location;
  const sessionUrl = Array.isArray(location) ? location[0] : location;
  if (!sessionUrl) throw new NodeOperationError(ctx.node.name, 'YouTube did not return an upload session URL', { itemIndex });
  let video: JsonObject = {};
  for (let offset = 0; offset < buffer.length || offset === 0; offset += UPLOAD_CHUNK_SIZE) {
    const chunk = buffer.subarray(offset, offset + UPLOAD_CHUNK_SIZE);
    const last = offset + chunk.length >= buffer.length;
    const response = await send(client.transport, {
      method: 'PUT', url: sessionUrl, body: chunk,
      headers: { 'content-length': String(chunk.length), 'content-range': chunk.length ? `bytes ${offset}-${offset + chunk.length - 1}/${buffer.length}` : `bytes */${buffer.length}` },
    }, { timeoutMs: CHUNK_TIMEOUT_MS, followRedirects: false, maxRedirects: 0, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks });
    const text = response.body.toString('utf8');
    if (response.statusCode === 308 && !last) continue;
    if (response.statusCode >= 300) {
      const refusal = readRefusal(response.statusCode, text);
      const reasons = refusal.messages.length ? refusal.messages : refusal.message ? [refusal.message] : [statusErrorMessage(response.statusCode)];
      throw new NodeOperationError(ctx.node.name, `YouTube error response [${response.statusCode}]: ${reasons.join('|')}`, { itemIndex });
    }
    video = text ? JSON.parse(text) as JsonObject : {};
    if (last) break;
  }
  return { uploadId: video.id, ...started.json };
}
