// YouTube (n8n-nodes-base.youTube v1) on the YouTube Data API v3 with the `youTubeOAuth2Api`
// credential: channels, playlists, playlist items, videos (incl. resumable upload) and video
// categories. Each item runs the chosen operation; lists give one item per entry.
import type { ExecuteContext, Item, JsonObject, NodeProperty, NodeType } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { youTubeClient } from './you-tube-api.ts';
import { channelProperties, playlistProperties } from './you-tube-channel-playlist.description.ts';
import { youTubeMethods } from './you-tube-methods.ts';
import { DEFAULT_OPERATION, runOperation } from './you-tube-operations.ts';
import { playlistItemProperties, videoCategoryProperties, videoProperties } from './you-tube-video.description.ts';

const resource: NodeProperty = {
  displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'channel',
  options: [
    { name: 'Channel', value: 'channel' }, { name: 'Playlist', value: 'playlist' }, { name: 'Playlist Item', value: 'playlistItem' },
    { name: 'Video', value: 'video' }, { name: 'Video Category', value: 'videoCategory' },
  ],
};

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const items = ctx.getInputData();
  const chosen = param(ctx, 'resource', 0, 'channel');
  const operation = param(ctx, 'operation', 0, DEFAULT_OPERATION[chosen] ?? 'getAll');
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  const client = youTubeClient(ctx, transport);
  const output: Item[] = [];
  try {
    for (let i = 0; i < items.length; i++) {
      try {
        const answer = await runOperation(client, chosen, operation, i);
        for (const json of Array.isArray(answer) ? answer : [answer]) output.push({ json: json as JsonObject, pairedItem: { item: i } });
      } catch (error) {
        if (!ctx.continueOnFail()) throw serviceCallError(ctx.node.name, error, i);
        output.push({ json: { error: errorMessage(serviceCallError(ctx.node.name, error, i)) }, pairedItem: { item: i } });
      }
    }
  } finally {
    await transport.close();
  }
  return [output];
}

export const youTubeNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.youTube', displayName: 'YouTube', icon: 'fa:youtube', group: ['input'], version: [1],
    description: 'Consume YouTube API', defaults: { name: 'YouTube' }, inputs: ['main'], outputs: ['main'],
    credentials: [{ name: 'youTubeOAuth2Api', required: true }],
    properties: [resource, ...channelProperties, ...playlistProperties, ...playlistItemProperties, ...videoProperties, ...videoCategoryProperties],
  },
  execute,
  methods: youTubeMethods,
};
