// Manual Chat Trigger (@n8n/n8n-nodes-langchain.manualChatTrigger v1–1.1): the start node of older
// n8n chat workflows. Runs start from the editor: the chat message (or pinned data) is the trigger
// item; a plain "Execute workflow" gets one empty item, as n8n's manual trigger function emits.
import type { NodeType } from '../../engine/index.ts';
import { passThrough } from '../manual-trigger/manual-trigger.node.ts';

export const manualChatTriggerNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.manualChatTrigger',
    displayName: 'Manual Chat Trigger',
    icon: 'fa:comments',
    group: ['trigger'],
    version: [1, 1.1],
    description: 'Runs the flow on new manual chat message',
    defaults: { name: 'When chat message received', color: '#909298' },
    inputs: [],
    outputs: ['main'],
    triggerKind: 'trigger',
    // n8n also shows an "openChat" button here; buttons hold no value, and our editor opens its chat from the canvas.
    properties: [
      {
        displayName: 'This node is where a manual chat run starts. To start one, go back to the canvas and click ‘Chat’',
        name: 'notice', type: 'notice', default: '',
      },
    ],
  },
  execute: passThrough,
};
