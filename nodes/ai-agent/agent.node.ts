// n8n's AI Agent (@n8n/n8n-nodes-langchain.agent): a tools agent over a connected chat model, with
// tools, memory, an output parser and (from 2.1) a fallback model, for every typeVersion n8n has.
import type { NodeType, SubNodeInput } from '../../engine/index.ts';
import { executeAgent } from './agent-execute.ts';
import { forVersions, v1Properties, v2Properties, v3Properties } from './agent.properties.ts';

const V1 = [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9];
const V2 = [2, 2.1, 2.2];
const V3 = [3, 3.1];

// v1 named the model input "Model"; v2 on "Chat Model". Hidden inputs are not read.
const subNodeInputs: SubNodeInput[] = [
  { type: 'ai_languageModel', displayName: 'Model', required: true, maxConnections: 1, displayOptions: { show: { '@version': V1 } } },
  { type: 'ai_languageModel', displayName: 'Chat Model', required: true, maxConnections: 1, displayOptions: { hide: { '@version': V1 } } },
  { type: 'ai_languageModel', displayName: 'Fallback Model', required: true, maxConnections: 1, displayOptions: { show: { needsFallback: [true] } } },
  { type: 'ai_memory', displayName: 'Memory', maxConnections: 1, displayOptions: { hide: { agent: ['reActAgent', 'planAndExecuteAgent'] } } },
  { type: 'ai_tool', displayName: 'Tool', displayOptions: { hide: { agent: ['sqlAgent'] } } },
  { type: 'ai_outputParser', displayName: 'Output Parser', maxConnections: 1, displayOptions: { hide: { hasOutputParser: [false], agent: ['sqlAgent'] } } },
];

export const agentNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.agent',
    displayName: 'AI Agent',
    icon: 'fa:robot',
    group: ['transform'],
    version: [...V1, ...V2, ...V3],
    description: 'Generates an action plan and executes it. Can use external tools.',
    defaults: { name: 'AI Agent', color: '#404040' },
    inputs: ['main'],
    outputs: ['main'],
    subNodeInputs,
    properties: [...forVersions(v1Properties, V1), ...forVersions(v2Properties, V2), ...forVersions(v3Properties, V3)],
  },
  execute: executeAgent,
};
