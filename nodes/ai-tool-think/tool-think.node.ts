// Think Tool (@n8n/n8n-nodes-langchain.toolThink v1): lets the model write a thought down; the tool
// answers with the thought itself (Anthropic's "think" tool).
import { DynamicTool } from '@langchain/core/tools';
import type { NodeType, SupplyDataContext } from '../../engine/index.ts';
import { recordToolCall } from '../ai-shared/tool-call.ts';

const DEFAULT_DESCRIPTION = 'Use the tool to think about something. It will not obtain new information or change the database, but just append the thought to the log. Use it when complex reasoning or some cache memory is needed.';

export const toolThinkNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.toolThink',
    displayName: 'Think Tool',
    group: ['transform'],
    version: [1],
    description: 'Invite the AI agent to do some thinking',
    icon: 'fa:brain',
    defaults: { name: 'Think' },
    inputs: [],
    outputs: ['ai_tool'],
    outputNames: ['Tool'],
    properties: [
      { displayName: 'Think Tool Description', name: 'description', type: 'string', default: DEFAULT_DESCRIPTION, placeholder: '[Describe your thinking tool here, explaining how it will help the AI think]', description: "The thinking tool's description", typeOptions: { rows: 3 }, required: true },
    ],
  },
  async supplyData(ctx: SupplyDataContext, itemIndex: number) {
    const description = String(ctx.getNodeParameter('description', itemIndex, DEFAULT_DESCRIPTION));
    const tool = new DynamicTool({ name: 'thinking_tool', description, func: (subject: string) => recordToolCall(ctx, { query: subject }, async () => subject) });
    return { response: tool };
  },
};
