// The parameters of n8n's Anthropic Chat Model (lmChatAnthropic 1–1.4): per-version model dropdowns
// with their defaults, the resource locator from 1.3, and the options collection.
import type { NodeProperty } from '../../domain/index.ts';

const MODELS = [
  ['Claude 3.5 Sonnet(20241022)', 'claude-3-5-sonnet-20241022'], ['Claude 3 Opus(20240229)', 'claude-3-opus-20240229'],
  ['Claude 3.5 Sonnet(20240620)', 'claude-3-5-sonnet-20240620'], ['Claude 3 Sonnet(20240229)', 'claude-3-sonnet-20240229'],
  ['Claude 3.5 Haiku(20241022)', 'claude-3-5-haiku-20241022'], ['Claude 3 Haiku(20240307)', 'claude-3-haiku-20240307'],
  ['LEGACY: Claude 2', 'claude-2'], ['LEGACY: Claude 2.1', 'claude-2.1'], ['LEGACY: Claude Instant 1.2', 'claude-instant-1.2'], ['LEGACY: Claude Instant 1', 'claude-instant-1'],
].map(([name, value]) => ({ name, value }));

const dropdown = (value: string, show: unknown[], models = MODELS): NodeProperty => ({
  displayName: 'Model', name: 'model', type: 'options', default: value, options: models, description: 'The model that writes the answer',
  displayOptions: { show: { '@version': show } },
});
const unlessThinking = { hide: { thinking: [true] } };

export const lmChatAnthropicProperties: NodeProperty[] = [
  dropdown('claude-2', [1]),
  dropdown('claude-3-sonnet-20240229', [1.1]),
  dropdown('claude-3-5-sonnet-20240620', [{ _cnd: { lte: 1.2 } }], MODELS.filter((m) => !m.name.startsWith('LEGACY'))),
  {
    displayName: 'Model', name: 'model', type: 'resourceLocator', required: true, description: 'The model: pick it from the list or give its ID',
    default: { mode: 'list', value: 'claude-sonnet-4-5-20250929', cachedResultName: 'Claude Sonnet 4.5' },
    modes: [
      { displayName: 'From List', name: 'list', type: 'list', placeholder: 'Select a model...', typeOptions: { searchListMethod: 'searchModels', searchable: true } },
      { displayName: 'ID', name: 'id', type: 'string', placeholder: 'Claude Sonnet' },
    ],
    displayOptions: { show: { '@version': [{ _cnd: { gte: 1.3 } }] } },
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', description: 'Additional options to add',
    options: [
      { displayName: 'Maximum Number of Tokens', name: 'maxTokensToSample', type: 'number', default: 4096 },
      { displayName: 'Sampling Temperature', name: 'temperature', type: 'number', default: 0.7, typeOptions: { maxValue: 1, minValue: 0, numberPrecision: 1 }, displayOptions: unlessThinking },
      { displayName: 'Top K', name: 'topK', type: 'number', default: -1, typeOptions: { maxValue: 1, minValue: -1, numberPrecision: 1 }, displayOptions: unlessThinking },
      { displayName: 'Top P', name: 'topP', type: 'number', default: 1, typeOptions: { maxValue: 1, minValue: 0, numberPrecision: 1 }, displayOptions: unlessThinking },
      { displayName: 'Enable Thinking', name: 'thinking', type: 'boolean', default: false, description: 'Whether the model thinks before answering' },
      { displayName: 'Thinking Budget (Tokens)', name: 'thinkingBudget', type: 'number', default: 1024, displayOptions: { show: { thinking: [true] } } },
    ],
  },
];
