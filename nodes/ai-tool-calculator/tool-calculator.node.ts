// Calculator (@n8n/n8n-nodes-langchain.toolCalculator v1): a tool the agent hands a math expression
// (LangChain's Calculator: name `calculator`, one string input), evaluated safely with mathjs.
import { DynamicTool } from '@langchain/core/tools';
import type { NodeType, SupplyDataContext } from '../../engine/index.ts';
import { recordToolCall } from '../ai-shared/tool-call.ts';
import { calculate } from './safe-math.ts';

export const toolCalculatorNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.toolCalculator',
    displayName: 'Calculator',
    group: ['transform'],
    version: [1],
    description: 'Make it easier for AI agents to perform arithmetic',
    icon: 'fa:calculator',
    defaults: { name: 'Calculator' },
    inputs: [],
    outputs: ['ai_tool'],
    outputNames: ['Tool'],
    properties: [],
  },
  async supplyData(ctx: SupplyDataContext) {
    const tool = new DynamicTool({
      name: 'calculator',
      description: 'Useful for getting the result of a math expression. The input to this tool should be a valid mathematical expression that could be executed by a simple calculator.',
      func: (query: string) => recordToolCall(ctx, { query }, async () => calculate(query)),
    });
    return { response: tool };
  },
};
