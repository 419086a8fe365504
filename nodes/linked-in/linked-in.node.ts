// LinkedIn (n8n-nodes-base.linkedIn) v1: creates a post (Posts API) as a person or an organization:
// text only, an article (optionally with an uploaded thumbnail) or an image uploaded through the
// Images API (initializeUpload, then the bytes to the upload URL). Outputs `{urn}` per item.
import type { ExecuteContext, Item, JsonObject, NodeType } from '../../engine/index.ts';
import { NodeOperationError } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { linkedInClient, linkedInRequest, type LinkedInClient } from './linked-in-api.ts';
import { linkedInProperties } from './linked-in.description.ts';

/** LinkedIn's "little text" format: these characters are escaped with a backslash, as n8n does. */
export const littleText = (text: string) => text.replace(/[(*)[\]{}<>@|~_]/g, (c) => `\\${c}`);

/** Registers an image with the author as owner, uploads the item's bytes; answers the image URN. */
async function uploadImage(client: LinkedInClient, owner: string, i: number, property: string): Promise<string> {
  const { ctx } = client;
  const registered = await linkedInRequest(client, { method: 'POST', endpoint: '/images?action=initializeUpload', json: { initializeUploadRequest: { owner } } });
  const { buffer, binary } = binaryBuffer(ctx.node.name, ctx.getInputData()[i], property, i);
  const value = (registered.value ?? {}) as JsonObject;
  await linkedInRequest(client, { method: 'POST', endpoint: String(value.uploadUrl), upload: { data: buffer, contentType: binary.mimeType } });
  return String(value.image);
}

async function createPost(client: LinkedInClient, i: number): Promise<JsonObject> {
  const { ctx } = client;
  const text = littleText(String(param<unknown>(ctx, 'text', i, '')));
  const category = param(ctx, 'shareMediaCategory', i, 'NONE');
  const extra = collection(ctx, 'additionalFields', i);
  const asPerson = param(ctx, 'postAs', i, 'person') === 'person';
  const author = asPerson ? `urn:li:person:${String(param<unknown>(ctx, 'person', i, ''))}` : `urn:li:organization:${String(param<unknown>(ctx, 'organization', i, ''))}`;
  const body: JsonObject = {
    author, lifecycleState: 'PUBLISHED', distribution: { feedDistribution: 'MAIN_FEED', thirdPartyDistributionChannels: [] },
    // Only a person chooses who sees the post.
    visibility: asPerson ? (extra.visibility as string) || 'PUBLIC' : 'PUBLIC',
  };
  if (category === 'IMAGE') {
    const image = await uploadImage(client, author, i, param(ctx, 'binaryPropertyName', i, 'data'));
    Object.assign(body, { content: { media: { title: String(extra.title ?? ''), id: image } }, commentary: text });
  } else if (category === 'ARTICLE') {
    const article: JsonObject = { title: String(extra.title ?? ''), description: String(extra.description ?? ''), source: String(extra.originalUrl ?? '') };
    if (extra.thumbnailBinaryPropertyName) article.thumbnail = await uploadImage(client, author, i, String(extra.thumbnailBinaryPropertyName));
    Object.assign(body, { content: { article }, commentary: text });
  } else {
    body.commentary = text;
  }
  return linkedInRequest(client, { method: 'POST', endpoint: '/posts', json: body });
}

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const items = ctx.getInputData();
  const client = await linkedInClient(ctx);
  const output: Item[] = [];
  const resource = param(ctx, 'resource', 0, 'post');
  const operation = param(ctx, 'operation', 0, 'create');
  try {
    for (let i = 0; i < items.length; i++) {
      try {
        if (resource !== 'post' || operation !== 'create') {
          throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "${resource}" is not supported`, { itemIndex: i });
        }
        output.push({ json: await createPost(client, i), pairedItem: { item: i } });
      } catch (error) {
        const failure = serviceCallError(ctx.node.name, error, i);
        if (!ctx.continueOnFail()) throw failure;
        output.push({ json: { error: errorMessage(failure) }, pairedItem: { item: i } });
      }
    }
  } finally {
    await client.transport.close();
  }
  return [output];
}

export const linkedInNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.linkedIn',
    displayName: 'LinkedIn',
    icon: 'file:linkedin.svg',
    group: ['input'],
    version: [1],
    description: 'Consume LinkedIn API',
    defaults: { name: 'LinkedIn' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [
      { name: 'linkedInOAuth2Api', required: true, displayOptions: { show: { authentication: ['standard'] } } },
      { name: 'linkedInCommunityManagementOAuth2Api', required: true, displayOptions: { show: { authentication: ['communityManagement'] } } },
    ],
    properties: linkedInProperties,
  },
  execute,
  methods: {
    loadOptions: {
      // The signed-in member: /v2/me for legacy apps and Community Management, OpenID's /v2/userinfo otherwise.
      async getPersonUrn(ctx) {
        const client = await linkedInClient(ctx);
        try {
          const person = await linkedInRequest(client, { method: 'GET', endpoint: client.legacy || param(ctx, 'authentication', 0, 'standard') !== 'standard' ? '/v2/me' : '/v2/userinfo' });
          const name = `${String(person.localizedFirstName ?? person.given_name)} ${String(person.localizedLastName ?? person.family_name)}`;
          return [{ name, value: String(person.id ?? person.sub) }];
        } finally {
          await client.transport.close();
        }
      },
    },
  },
};
