// Vector Store Question Answer Tool (@n8n/n8n-nodes-langchain.toolVectorStore v1, 1.1): a tool that
// answers the agent's question from the connected store's top K documents with the connected model
// (LangChain's VectorStoreQATool over a VectorDBQAChain, as n8n builds it).
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { DynamicTool } from '@langchain/core/tools';
import type { VectorStore } from '@langchain/core/vectorstores';
import type { NodeType } from '../../engine/index.ts';
import { connectionHintNotice } from '../ai-shared/document-splitter-hint.ts';
import { recorded } from '../ai-shared/vector-recording.ts';
import { nodeNameToToolName } from '../ai-shared/vector-store-tool.ts';

const DATA_HINT = 'This will be used to fill this tool description: Useful for when you need to answer questions about [name]. Whenever you need information about [data description], you should ALWAYS use this. Input should be a fully formed question.';

/** VectorStoreQATool.getDescription. */
export function qaToolDescription(name: string, description: string): string {
  return `Useful for when you need to answer questions about ${name}. Whenever you need information about ${description} you should ALWAYS use this. Input should be a fully formed question.`;
}

/** The chat prompt LangChain's stuff QA chain gives chat models: the documents as system context, the question as the user's. */
export function qaMessages(context: string, question: string) {
  return [
    new SystemMessage(`Use the following pieces of context to answer the users question. \nIf you don't know the answer, just say that you don't know, don't try to make up an answer.\n----------------\n${context}`),
    new HumanMessage(question),
  ];
}

export const toolVectorStoreNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.toolVectorStore',
    displayName: 'Vector Store Question Answer Tool',
    group: ['transform'],
    version: [1, 1.1],
    description: 'Answer questions with a vector store',
    icon: 'fa:database',
    defaults: { name: 'Answer questions with a vector store' },
    inputs: [],
    subNodeInputs: [
      { type: 'ai_vectorStore', displayName: 'Vector Store', maxConnections: 1, required: true },
      { type: 'ai_languageModel', displayName: 'Model', maxConnections: 1, required: true },
    ],
    outputs: ['ai_tool'],
    outputNames: ['Tool'],
    properties: [
      connectionHintNotice('an AI Agent'),
      {
        displayName: 'Data Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. users_info', typeOptions: { validateType: 'string-alphanumeric' },
        description: `Name of the data in vector store. ${DATA_HINT}`, displayOptions: { show: { '@version': [1] } },
      },
      {
        displayName: 'Description of Data', name: 'description', type: 'string', default: '', typeOptions: { rows: 3 },
        placeholder: "[Describe your data here, e.g. a user's name, email, etc.]", description: `Describe the data in vector store. ${DATA_HINT}`,
      },
      { displayName: 'Limit', name: 'topK', type: 'number', default: 4, description: 'The maximum number of results to return' },
    ],
  },
  async supplyData(ctx, itemIndex) {
    const name = ctx.node.typeVersion <= 1 ? String(ctx.getNodeParameter('name', itemIndex, '')) : nodeNameToToolName(ctx.node.name);
    const dataDescription = String(ctx.getNodeParameter('description', itemIndex, ''));
    const topK = Number(ctx.getNodeParameter('topK', itemIndex, 4));
    const store = (await ctx.getInputConnectionData('ai_vectorStore', itemIndex)) as VectorStore;
    const model = (await ctx.getInputConnectionData('ai_languageModel', itemIndex)) as BaseChatModel;
    const tool = new DynamicTool({
      name,
      description: qaToolDescription(name, dataDescription),
      func: (question: string) => recorded(ctx, 'ai_tool', { query: question }, async () => {
        const documents = await store.similaritySearch(question, topK);
        const answer = await model.invoke(qaMessages(documents.map((d) => d.pageContent).join('\n\n'), question));
        return typeof answer.content === 'string' ? answer.content : answer.text;
      }, (response) => ({ response })),
    });
    return { response: tool };
  },
};
