// Question and Answer Chain (@n8n/n8n-nodes-langchain.chainRetrievalQa v1–1.6): the documents the
// connected retriever finds for the question go into the system prompt as {context}; the model answers.
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { NodeOperationError, type ExecuteContext, type Item, type NodeProperty, type NodeType } from '../../engine/index.ts';
import { answerText } from '../ai-shared/agent-tools-loop.ts';
import type { ChainRetriever } from '../ai-shared/chain-contracts.ts';
import { batchingOption, promptTypeProperty, templateNotice, textFromPreviousNode, textInput } from '../ai-shared/chain-descriptions.ts';
import { batchingOptions, chatModel, inBatches, promptText } from '../ai-shared/chain-inputs.ts';

export const QA_SYSTEM_PROMPT = "Answer the user's question from the context below. When the context does not tell you the answer, say that you don't know; do not make one up.\n----------------\nContext: {context}";

const legacyQuery = (version: number, expression: string): NodeProperty => ({ displayName: 'Query', name: 'query', type: 'string', required: true, default: expression, displayOptions: { show: { '@version': [version] } } });

const properties: NodeProperty[] = [
  templateNotice(1960),
  legacyQuery(1, '={{ $json.input }}'),
  legacyQuery(1.1, '={{ $json.chat_input }}'),
  legacyQuery(1.2, '={{ $json.chatInput }}'),
  { ...promptTypeProperty, displayOptions: { hide: { '@version': [{ _cnd: { lte: 1.2 } }] } } },
  { ...textFromPreviousNode, displayOptions: { show: { promptType: ['auto'], '@version': [{ _cnd: { gte: 1.4 } }] } } },
  { ...textInput, displayName: 'Prompt (User Message)', displayOptions: { show: { promptType: ['define'] } } },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option',
    options: [
      { displayName: 'System Prompt Template', name: 'systemPromptTemplate', type: 'string', default: QA_SYSTEM_PROMPT, typeOptions: { rows: 6 }, description: 'Template string used for the system prompt. This should include the variable `{context}` for the provided context. For text completion models, you should also include the variable `{question}` for the user’s query.', displayOptions: { show: { '@version': [{ _cnd: { gte: 1.5 } }] } } },
      batchingOption({ show: { '@version': [{ _cnd: { gte: 1.6 } }] } }),
    ],
  },
];

export const chainRetrievalQaNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.chainRetrievalQa',
    displayName: 'Question and Answer Chain',
    icon: 'fa:link',
    group: ['transform'],
    version: [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6],
    description: 'Answer questions about retrieved documents',
    defaults: { name: 'Question and Answer Chain', color: '#909298' },
    inputs: ['main'],
    outputs: ['main'],
    subNodeInputs: [
      { type: 'ai_languageModel', displayName: 'Model', required: true, maxConnections: 1 },
      { type: 'ai_retriever', displayName: 'Retriever', required: true, maxConnections: 1 },
    ],
    properties,
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const batching = ctx.node.typeVersion >= 1.6 ? batchingOptions(ctx, 'options.batching', 5) : { batchSize: 1, delayBetweenBatches: 0 };
    const out = await inBatches(items.length, batching, ctx.signal, async (i): Promise<Item> => {
      try {
        const answer = await answerItem(ctx, i);
        // n8n gives the answer as text from 1.5; earlier versions nested it as LangChain's chain did.
        return { json: { response: ctx.node.typeVersion >= 1.5 ? answer : { text: answer } }, pairedItem: { item: i } };
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        return { json: { error: error instanceof Error ? error.message : String(error) }, pairedItem: { item: i } };
      }
    });
    return [out];
  },
};

async function answerItem(ctx: ExecuteContext, itemIndex: number): Promise<string> {
  const model = await chatModel(ctx, itemIndex);
  const retriever = (await ctx.getInputConnectionData('ai_retriever', itemIndex)) as ChainRetriever;
  const query = ctx.node.typeVersion <= 1.2 ? ctx.getNodeParameter('query', itemIndex, undefined) : promptText(ctx, itemIndex);
  if (query === undefined || query === null || query === '') throw new NodeOperationError(ctx.node.name, "The 'query' parameter is empty.", { itemIndex });
  const documents = await retriever.invoke(String(query));
  const context = documents.map((d) => d.pageContent).join('\n\n');
  const template = String(ctx.getNodeParameter('options.systemPromptTemplate', itemIndex, QA_SYSTEM_PROMPT) || QA_SYSTEM_PROMPT);
  const system = template.replaceAll('{context}', context).replaceAll('{question}', String(query));
  const answer = await model.invoke([new SystemMessage(system), new HumanMessage(String(query))], { signal: ctx.signal });
  return answerText(answer);
}
