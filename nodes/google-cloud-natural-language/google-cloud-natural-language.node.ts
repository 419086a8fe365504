// Google Cloud Natural Language (n8n-nodes-base.googleCloudNaturalLanguage v1): documents:analyzeSentiment
// of the Natural Language API v1 per item, the answer as it comes (documentSentiment, language, sentences).
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { googleCall, type GoogleClient } from '../you-tube/google-call.ts';
import { NATURAL_LANGUAGE_SCOPES } from './google-cloud-natural-language.credentials.ts';
import { naturalLanguageProperties } from './google-cloud-natural-language.description.ts';

export const naturalLanguageBaseUrl = () => serviceUrl('google-natural-language', 'https://language.googleapis.com');

function sentimentRequest(ctx: ExecuteContext, itemIndex: number): JsonObject {
  const options = collection(ctx, 'options', itemIndex);
  const document: JsonObject = { type: options.documentType || 'PLAIN_TEXT' };
  if (param(ctx, 'source', itemIndex, 'content') === 'content') document.content = param(ctx, 'content', itemIndex, '');
  else document.gcsContentUri = param(ctx, 'gcsContentUri', itemIndex, '');
  if (options.language) document.language = options.language;
  return { document, encodingType: options.encodingType || 'UTF16' };
}

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const items = ctx.getInputData();
  const resource = param(ctx, 'resource', 0, 'document');
  const operation = param(ctx, 'operation', 0, 'analyzeSentiment');
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  const client: GoogleClient = { ctx, transport, credentialType: 'googleCloudNaturalLanguageOAuth2Api', scopes: NATURAL_LANGUAGE_SCOPES };
  const output: Item[] = [];
  try {
    for (let i = 0; i < items.length; i++) {
      try {
        if (resource !== 'document' || operation !== 'analyzeSentiment') {
          throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "${resource}" is not supported`, { itemIndex: i });
        }
        const answer = await googleCall(client, { method: 'POST', url: `${naturalLanguageBaseUrl()}/v1/documents:analyzeSentiment`, json: sentimentRequest(ctx, i) });
        output.push({ json: answer.json, pairedItem: { item: i } });
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

export const googleCloudNaturalLanguageNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.googleCloudNaturalLanguage', displayName: 'Google Cloud Natural Language', icon: 'fa:language',
    group: ['input', 'output'], version: [1], description: 'Consume Google Cloud Natural Language API',
    defaults: { name: 'Google Cloud Natural Language' }, inputs: ['main'], outputs: ['main'],
    credentials: [{ name: 'googleCloudNaturalLanguageOAuth2Api', required: true }],
    properties: naturalLanguageProperties,
  },
  execute,
};
