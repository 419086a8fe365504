// The AI Agent's parameters for each typeVersion, as n8n's AgentV1/V2/V3 declare them (v1 carried an
// agent type; from 1.8 only the tools agent remains, and v2+ has no choice at all).
import type { NodeProperty } from '../../engine/index.ts';
import { batchingOption, outputParserNotice, promptTypeProperty, textFromPreviousNode, textInput } from '../ai-shared/chain-descriptions.ts';

export const SYSTEM_MESSAGE = 'You are a helpful assistant';

const agentTypeOptions = [
  { name: 'Tools Agent', value: 'toolsAgent', description: 'Uses structured tool schemas for precise tool selection and execution; needs a model that supports tool calling' },
  { name: 'Conversational Agent', value: 'conversationalAgent', description: 'Describes tools in the system prompt and parses JSON answers for tool calls' },
  { name: 'OpenAI Functions Agent', value: 'openAiFunctionsAgent', description: "Uses OpenAI's function calling to select and execute tools" },
  { name: 'Plan and Execute Agent', value: 'planAndExecuteAgent', description: 'Plans a complex task first, then executes each step' },
  { name: 'ReAct Agent', value: 'reActAgent', description: 'Combines reasoning and action in an iterative process' },
  { name: 'SQL Agent', value: 'sqlAgent', description: 'Answers questions from an SQL database' },
];

const agentType = (displayOptions: NodeProperty['displayOptions'], defaultValue: string, type: NodeProperty['type'] = 'options', withTools = true): NodeProperty => ({
  displayName: 'Agent',
  name: 'agent',
  type,
  noDataExpression: true,
  options: withTools ? agentTypeOptions : agentTypeOptions.filter((o) => o.value !== 'toolsAgent'),
  default: defaultValue,
  displayOptions,
});

const commonOptions: NodeProperty[] = [
  { displayName: 'System Message', name: 'systemMessage', type: 'string', default: SYSTEM_MESSAGE, description: 'The message that will be sent to the agent before the conversation starts', typeOptions: { rows: 6 } },
  { displayName: 'Max Iterations', name: 'maxIterations', type: 'number', default: 10, description: 'The maximum number of iterations the agent will run before stopping' },
  { displayName: 'Return Intermediate Steps', name: 'returnIntermediateSteps', type: 'boolean', default: false, description: 'Whether or not the output should include intermediate steps the agent took' },
  { displayName: 'Automatically Passthrough Binary Images', name: 'passthroughBinaryImages', type: 'boolean', default: true, description: 'Whether or not binary images should be automatically passed through to the agent as image type messages' },
];

const streamingOption: NodeProperty = { displayName: 'Enable Streaming', name: 'enableStreaming', type: 'boolean', default: true, description: 'Whether this agent will stream the response in real-time as it generates text' };

/** The version-1 conversational agent's own prompt field, with the default each minor version had. */
const conversationalText = (version: number, expression: string): NodeProperty => ({
  displayName: 'Text', name: 'text', type: 'string', required: true, default: expression,
  displayOptions: { show: { agent: ['conversationalAgent'], '@version': [version] } },
});

const NOT_SQL = { agent: ['sqlAgent'] };
const DEPRECATED_AGENTS = ['conversationalAgent', 'openAiFunctionsAgent', 'planAndExecuteAgent', 'reActAgent', 'sqlAgent'];

export const v1Properties: NodeProperty[] = [
  { displayName: "This node is using Agent that has been deprecated. Please switch to using 'Tools Agent' instead.", name: 'deprecated', type: 'notice', default: '', displayOptions: { show: { agent: DEPRECATED_AGENTS } } },
  agentType({ show: { '@version': [{ _cnd: { lte: 1.5 } }] } }, 'conversationalAgent', 'options', false),
  agentType({ show: { '@version': [{ _cnd: { between: { from: 1.6, to: 1.7 } } }] } }, 'toolsAgent'),
  agentType({ show: { '@version': [{ _cnd: { gte: 1.8 } }] } }, 'toolsAgent', 'hidden'),
  { ...promptTypeProperty, displayOptions: { hide: { '@version': [{ _cnd: { lte: 1.2 } }], ...NOT_SQL } } },
  { ...textFromPreviousNode, displayOptions: { show: { promptType: ['auto'], '@version': [{ _cnd: { gte: 1.7 } }] }, hide: NOT_SQL } },
  { ...textInput, displayOptions: { show: { promptType: ['define'] }, hide: NOT_SQL } },
  conversationalText(1, '={{ $json.input }}'),
  conversationalText(1.1, '={{ $json.chat_input }}'),
  conversationalText(1.2, '={{ $json.chatInput }}'),
  { displayName: 'Require Specific Output Format', name: 'hasOutputParser', type: 'boolean', default: false, noDataExpression: true, displayOptions: { hide: { '@version': [{ _cnd: { lte: 1.2 } }], ...NOT_SQL } } },
  { ...outputParserNotice, displayOptions: { show: { hasOutputParser: [true], agent: ['toolsAgent'] } } },
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', options: commonOptions, displayOptions: { hide: NOT_SQL } },
];

const fallbackProperties: NodeProperty[] = [
  { displayName: 'Enable Fallback Model', name: 'needsFallback', type: 'boolean', default: false, noDataExpression: true },
  { displayName: 'Connect an additional language model on the canvas to use it as a fallback if the main model fails', name: 'fallbackNotice', type: 'notice', default: '', displayOptions: { show: { needsFallback: [true] } } },
];

const gte21 = { show: { '@version': [2.1, 2.2] } };

export const v2Properties: NodeProperty[] = [
  promptTypeProperty,
  { ...textFromPreviousNode, displayOptions: { show: { promptType: ['auto'] } } },
  { ...textInput, displayOptions: { show: { promptType: ['define'] } } },
  { displayName: 'Require Specific Output Format', name: 'hasOutputParser', type: 'boolean', default: false, noDataExpression: true, displayOptions: gte21 },
  outputParserNotice,
  ...fallbackProperties.map((p) => (p.name === 'needsFallback' ? { ...p, displayOptions: gte21 } : p)),
  { displayName: 'Enable Streaming', name: 'enableStreaming', type: 'boolean', default: false, description: 'Whether this agent will stream the response in real-time as it generates text', displayOptions: { show: { '@version': [2.2] } } },
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', options: [...commonOptions, batchingOption(undefined, 1)] },
];

export const v3Properties: NodeProperty[] = [
  promptTypeProperty,
  { ...textFromPreviousNode, displayOptions: { show: { promptType: ['auto'] } } },
  { ...textInput, displayOptions: { show: { promptType: ['define'] } } },
  { displayName: 'Require Specific Output Format', name: 'hasOutputParser', type: 'boolean', default: false, noDataExpression: true },
  outputParserNotice,
  ...fallbackProperties,
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', options: [...commonOptions, streamingOption, batchingOption(undefined, 1)] },
];

/** One property list for every version: each part shown only for the versions listed (unless it names its own). */
export function forVersions(properties: NodeProperty[], versions: number[]): NodeProperty[] {
  return properties.map((p) => {
    if (p.displayOptions?.show?.['@version']) return p;
    return { ...p, displayOptions: { ...p.displayOptions, show: { ...(p.displayOptions?.show ?? {}), '@version': versions } } };
  });
}
