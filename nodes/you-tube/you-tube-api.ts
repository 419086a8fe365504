// Calls to the YouTube Data API v3 as n8n's YouTube node makes them: the `youTubeOAuth2Api` token,
// JSON bodies, `pageToken`/`nextPageToken` paging of list methods, and YouTube's error answers worded
// as n8n words them ("YouTube error response [status]: reasons").
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { statusErrorMessage } from '../http-request/response.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { googleCall, type GoogleCall, type GoogleClient, type QueryValue } from './google-call.ts';
import { YOUTUBE_SCOPES } from './you-tube.credentials.ts';

export const youTubeBaseUrl = () => serviceUrl('youtube', 'https://www.googleapis.com');
/** The largest page the list methods accept (their documented `maxResults` maximum). */
const PAGE_SIZE = 50;

export type YouTubeClient = GoogleClient;

export function youTubeClient(ctx: GoogleClient['ctx'], transport: GoogleClient['transport']): YouTubeClient {
  return {
    ctx, transport, credentialType: 'youTubeOAuth2Api', scopes: YOUTUBE_SCOPES,
    refusal: (refusal) => {
      const reasons = refusal.messages.length ? refusal.messages : refusal.message ? [refusal.message] : [];
      return new NodeOperationError(ctx.node.name, reasons.length
        ? `YouTube error response [${refusal.status}]: ${reasons.join('|')}`
        : statusErrorMessage(refusal.status), { description: reasons.length ? undefined : refusal.text.slice(0, 500) });
    },
  };
}

export type Query = Record<string, QueryValue>;

export async function youTubeRequest(client: YouTubeClient, method: GoogleCall['method'], path: string, query: Query = {}, json?: unknown): Promise<JsonObject> {
  return (await googleCall(client, { method, url: `${youTubeBaseUrl()}${path}`, query, json })).json;
}

/** Every entry of a list method, page by page until YouTube gives no `nextPageToken`. */
export async function youTubeRequestAll(client: YouTubeClient, path: string, query: Query = {}): Promise<JsonObject[]> {
  const all: JsonObject[] = [];
  let pageToken: string | undefined;
  do {
    const answer = await youTubeRequest(client, 'GET', path, { ...query, maxResults: PAGE_SIZE, pageToken });
    all.push(...((answer.items as JsonObject[] | undefined) ?? []));
    pageToken = typeof answer.nextPageToken === 'string' && answer.nextPageToken ? answer.nextPageToken : undefined;
  } while (pageToken);
  return all;
}
