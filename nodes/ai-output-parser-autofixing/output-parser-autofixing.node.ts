// Auto-fixing Output Parser (@n8n/n8n-nodes-langchain.outputParserAutofixing v1): parses with the
// connected parser and, when that fails, asks the connected model once to fix the answer.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { NodeType, SupplyDataContext } from '../../engine/index.ts';
import { connectionHintNotice } from '../ai-shared/chain-descriptions.ts';
import type { ChainOutputParser } from '../ai-shared/chain-contracts.ts';
import { FIX_PROMPT, OutputFixingParser } from '../ai-shared/chain-output-parsers.ts';

export const outputParserAutofixingNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.outputParserAutofixing',
    displayName: 'Auto-fixing Output Parser',
    icon: 'fa:tools',
    group: ['transform'],
    version: [1],
    description: 'Deprecated, use structured output parser',
    defaults: { name: 'Auto-fixing Output Parser' },
    inputs: [],
    outputs: ['ai_outputParser'],
    outputNames: ['Output Parser'],
    subNodeInputs: [
      { type: 'ai_languageModel', displayName: 'Model', required: true, maxConnections: 1 },
      { type: 'ai_outputParser', displayName: 'Output Parser', required: true, maxConnections: 1 },
    ],
    properties: [
      { displayName: 'This node wraps another output parser. If the first one fails it calls an LLM to fix the format', name: 'info', type: 'notice', default: '' },
      connectionHintNotice(['AI Chain', 'AI Agent']),
      {
        displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {},
        options: [{ displayName: 'Retry Prompt', name: 'prompt', type: 'string', default: FIX_PROMPT, typeOptions: { rows: 10 }, description: 'Prompt template used for fixing the output. Uses placeholders: "{instructions}" for parsing rules, "{completion}" for the failed attempt, and "{error}" for the validation error message.' }],
      },
    ],
  },
  async supplyData(ctx: SupplyDataContext, itemIndex: number) {
    const model = (await ctx.getInputConnectionData('ai_languageModel', itemIndex)) as BaseChatModel;
    const inner = (await ctx.getInputConnectionData('ai_outputParser', itemIndex)) as ChainOutputParser;
    const prompt = String(ctx.getNodeParameter('options.prompt', itemIndex, FIX_PROMPT) || FIX_PROMPT);
    return { response: new OutputFixingParser(ctx, model, inner, prompt) };
  },
};
