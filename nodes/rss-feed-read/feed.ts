// Fetching and parsing an RSS or Atom feed with rss-parser, honouring BLOCK_PRIVATE_NETWORKS and
// "ignore SSL issues", with n8n's messages for a missing, invalid or unreachable URL.
import Parser from 'rss-parser';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { assertPublicHost, guardedLookup } from '../http-request/network-guard.ts';
import { errorMessage } from '../shared/items.ts';

const TIMEOUT_MS = 60_000;

export async function readFeed(ctx: Pick<ExecuteContext, 'node' | 'blockPrivateNetworks'>, url: string, options: { ignoreSSL?: boolean; itemIndex?: number } = {}): Promise<JsonObject[]> {
  const { itemIndex } = options;
  if (!url) throw new NodeOperationError(ctx.node.name, 'The parameter "URL" has to be set!', { itemIndex });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new NodeOperationError(ctx.node.name, 'The provided "URL" is not valid!', { itemIndex });
  }
  if (ctx.blockPrivateNetworks) assertPublicHost(parsed.hostname);
  const parser = new Parser({
    timeout: TIMEOUT_MS,
    requestOptions: { rejectUnauthorized: !options.ignoreSSL, ...(ctx.blockPrivateNetworks ? { lookup: guardedLookup } : {}) },
  });
  try {
    const feed = await parser.parseURL(url);
    return (feed.items ?? []) as unknown as JsonObject[];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ECONNREFUSED') {
      throw new NodeOperationError(ctx.node.name, `It was not possible to connect to the URL. Please make sure the URL "${url}" it is valid!`, { itemIndex, description: errorMessage(error) });
    }
    throw new NodeOperationError(ctx.node.name, errorMessage(error), { itemIndex, description: `Reading the feed at ${url} failed` });
  }
}
