// Simple Memory (@n8n/n8n-nodes-langchain.memoryBufferWindow v1–1.3): the last interactions of a
// chat session, kept in this Weft process across runs, keyed by workflow and session as in n8n.
import type { NodeType, SupplyDataContext } from '../../engine/index.ts';
import { processBufferStore } from '../ai-shared/memory-buffer-store.ts';
import { memorySessionId, TracedChatMemory } from '../ai-shared/memory-chat.ts';
import { contextWindowLengthProperty, expressionSessionKeyProperty, legacySessionKeyProperties, sessionKeyProperty } from '../ai-shared/memory-descriptions.ts';

export const memoryBufferWindowNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.memoryBufferWindow',
    displayName: 'Simple Memory',
    group: ['transform'],
    version: [1, 1.1, 1.2, 1.3],
    description: 'Stores in n8n memory, so no credentials required',
    icon: 'fa:database',
    defaults: { name: 'Simple Memory' },
    inputs: [],
    outputs: ['ai_memory'],
    outputNames: ['Memory'],
    properties: [...legacySessionKeyProperties, expressionSessionKeyProperty(1.3), sessionKeyProperty, contextWindowLengthProperty],
  },
  async supplyData(ctx: SupplyDataContext, itemIndex: number) {
    const windowLength = Number(ctx.getNodeParameter('contextWindowLength', itemIndex, 5));
    const sessionId = memorySessionId(ctx, itemIndex, 1.2);
    const history = processBufferStore.history(ctx.workflow.id, sessionId);
    return { response: new TracedChatMemory(history, ctx, { windowLength }) };
  },
};
