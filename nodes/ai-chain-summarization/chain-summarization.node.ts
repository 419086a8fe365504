// Summarization Chain (@n8n/n8n-nodes-langchain.chainSummarization v1, v2, 2.1): summarizes each
// item's JSON or binary text (split into chunks) or a document loader's documents, as
// `{ response: { text } }` (refine: `output_text`).
import type { Document } from '@langchain/core/documents';
import { RecursiveCharacterTextSplitter, type TextSplitter } from '@langchain/textsplitters';
import { NodeOperationError, type ExecuteContext, type Item, type NodeType } from '../../engine/index.ts';
import { batchingOptions, chatModel, inBatches } from '../ai-shared/chain-inputs.ts';
import { summarize, type SummarizationMethod, type SummaryPrompts } from '../ai-shared/chain-summarize.ts';
import { summarizationProperties } from './chain-summarization.properties.ts';

type Loader = { processItem(item: Item, itemIndex: number): Promise<Document[]> } | Document[];

export const chainSummarizationNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.chainSummarization',
    displayName: 'Summarization Chain',
    icon: 'fa:link',
    group: ['transform'],
    version: [1, 2, 2.1],
    description: 'Transforms text into a concise summary',
    defaults: { name: 'Summarization Chain', color: '#909298' },
    inputs: ['main'],
    outputs: ['main'],
    subNodeInputs: [
      { type: 'ai_languageModel', displayName: 'Model', required: true, maxConnections: 1 },
      { type: 'ai_document', displayName: 'Document', required: true, maxConnections: 1, displayOptions: { show: { '@version': [1] } } },
      { type: 'ai_document', displayName: 'Document', required: true, maxConnections: 1, displayOptions: { show: { operationMode: ['documentLoader'] } } },
      { type: 'ai_textSplitter', displayName: 'Text Splitter', maxConnections: 1, displayOptions: { show: { chunkingMode: ['advanced'] } } },
    ],
    properties: summarizationProperties,
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const batching = ctx.node.typeVersion >= 2.1 ? batchingOptions(ctx, 'options.batching', 5) : { batchSize: 1, delayBetweenBatches: 0 };
    const out = await inBatches(items.length, batching, ctx.signal, async (i): Promise<Item> => {
      try {
        return { json: { response: await summarizeItem(ctx, i) }, pairedItem: { item: i } };
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        return { json: { error: error instanceof Error ? error.message : String(error) }, pairedItem: { item: i } };
      }
    });
    return [out];
  },
};

async function summarizeItem(ctx: ExecuteContext, itemIndex: number): Promise<Record<string, string>> {
  const version = ctx.node.typeVersion;
  const model = await chatModel(ctx, itemIndex);
  const values = (version === 1
    ? { ...(ctx.getNodeParameter('options', itemIndex, {}) as object), summarizationMethod: ctx.getNodeParameter('type', itemIndex, 'map_reduce') }
    : ctx.getNodeParameter('options.summarizationMethodAndPrompts.values', itemIndex, {})) as SummaryPrompts & { summarizationMethod?: SummarizationMethod };
  const documents = await documentsFor(ctx, itemIndex);
  return summarize(model, values.summarizationMethod ?? 'map_reduce', documents.map((d) => d.pageContent), values, ctx.signal);
}

async function documentsFor(ctx: ExecuteContext, itemIndex: number): Promise<Document[]> {
  const item = ctx.getInputData()[itemIndex];
  const mode = ctx.node.typeVersion === 1 ? 'documentLoader' : (ctx.getNodeParameter('operationMode', itemIndex, 'nodeInputJson') as string);
  if (mode === 'documentLoader') {
    const loader = (await ctx.getInputConnectionData('ai_document', itemIndex)) as Loader;
    return Array.isArray(loader) ? loader : loader.processItem(item, itemIndex);
  }
  const splitter = ctx.getNodeParameter('chunkingMode', itemIndex, 'simple') === 'advanced'
    ? ((await ctx.getInputConnectionData('ai_textSplitter', itemIndex)) as TextSplitter | undefined)
    : new RecursiveCharacterTextSplitter({ chunkSize: Number(ctx.getNodeParameter('chunkSize', itemIndex, 1000)), chunkOverlap: Number(ctx.getNodeParameter('chunkOverlap', itemIndex, 200)) });
  let text: string;
  if (mode === 'nodeInputBinary') {
    const key = String(ctx.getNodeParameter('options.binaryDataKey', itemIndex, 'data'));
    const binary = item.binary?.[key];
    if (!binary) throw new NodeOperationError(ctx.node.name, `No binary data property "${key}" found on item`, { itemIndex });
    text = Buffer.from(binary.data, 'base64').toString('utf8');
  } else {
    // The item's values as text, as LangChain's JSON loader reads them: every string in the object.
    text = jsonStrings(item.json).join('\n');
  }
  const document = { pageContent: text, metadata: {} } as Document;
  return splitter ? splitter.splitDocuments([document]) : [document];
}

function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}
