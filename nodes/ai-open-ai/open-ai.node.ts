// n8n's OpenAI node from the LangChain package (@n8n/n8n-nodes-langchain.openAi, v1–1.8 and 2–2.1):
// one OpenAI SDK call (or a tool-calling loop) per item, routed by resource and operation. Tools wired
// into its ai_tool input can be called by Message a Model and Create a Model Response.
import type OpenAI from 'openai';
import { NodeOperationError, type ExecuteContext, type Item, type NodeType } from '../../engine/index.ts';
import { searchModels } from '../ai-lm-chat-open-ai/openai-models.ts';
import { openAiClient, openAiError } from './open-ai-client.ts';
import { openAiNodeProperties, UNIMPLEMENTED } from './open-ai.description.ts';
import { editImage } from './open-ai-image-edit.ts';
import { analyzeImage, deleteFile, generateAudio, generateImage, listFiles, transcribeOrTranslate, uploadFile } from './open-ai-media.ts';
import { V1, V2 } from './open-ai-shared.description.ts';
import { classifyText, createResponse, messageModel } from './open-ai-text.ts';

type Operation = (ctx: ExecuteContext, client: OpenAI, itemIndex: number) => Promise<Item[]>;

const OPERATIONS: Record<string, Operation> = {
  'text.message': messageModel,
  'text.response': createResponse,
  'text.classify': classifyText,
  'image.analyze': analyzeImage,
  'image.generate': generateImage,
  'image.edit': editImage,
  'audio.generate': generateAudio,
  'audio.transcribe': (ctx, client, i) => transcribeOrTranslate(ctx, client, i, 'transcribe'),
  'audio.translate': (ctx, client, i) => transcribeOrTranslate(ctx, client, i, 'translate'),
  'file.upload': uploadFile,
  'file.list': listFiles,
  'file.deleteFile': deleteFile,
};

function operationFor(ctx: ExecuteContext, resource: string, operation: string): Operation {
  const run = OPERATIONS[`${resource}.${operation}`];
  if (run) return run;
  if (UNIMPLEMENTED[resource]?.includes(operation)) {
    throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of the resource "${resource}" is not supported yet`, {
      description: 'Weft runs the text, image, audio and file operations of this node; assistants, conversations and videos are not implemented',
    });
  }
  throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported!`);
}

export const openAi: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.openAi',
    displayName: 'OpenAI',
    icon: 'fa:robot',
    group: ['transform'],
    version: [...V1, ...V2],
    description: 'Message an assistant or GPT, analyze images, generate audio, etc.',
    defaults: { name: 'OpenAI' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'openAiApi', required: true }],
    subNodeInputs: [{ type: 'ai_tool', displayName: 'Tools', displayOptions: { show: { resource: ['text'], operation: ['message', 'response'] } } }],
    properties: openAiNodeProperties,
  },
  methods: {
    listSearch: {
      modelSearch: searchModels,
      imageModelSearch: searchModels,
      /** The file locator's list (n8n's fileSearch): the organization's files whose name contains the filter. */
      async fileSearch(ctx, filter) {
        const page = await (await openAiClient(ctx)).files.list({}, { signal: ctx.signal });
        const needle = (filter ?? '').toLowerCase();
        return { results: page.data.filter((f) => f.filename.toLowerCase().includes(needle)).map((f) => ({ name: f.filename, value: f.id })) };
      },
    },
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const client = await openAiClient(ctx);
    const out: Item[] = [];
    for (let i = 0; i < items.length; i++) {
      const resource = String(ctx.getNodeParameter('resource', i, 'text'));
      const operation = String(ctx.getNodeParameter('operation', i));
      const run = operationFor(ctx, resource, operation);
      try {
        out.push(...(await run(ctx, client, i)));
      } catch (error) {
        const failure = error instanceof NodeOperationError ? error : openAiError(ctx, error, i);
        if (!ctx.continueOnFail()) throw failure;
        out.push({ json: { error: failure.message }, pairedItem: { item: i } });
      }
    }
    return [out];
  },
};
