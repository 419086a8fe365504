// The model and options parameters n8n's Ollama nodes share (chat model and the older LLM node),
// named as n8n names them; the option names are ChatOllama's fields.
import type { NodeProperty } from '../../domain/index.ts';

export const ollamaModel: NodeProperty = {
  displayName: 'Model', name: 'model', type: 'options', default: 'llama3.2', required: true,
  description: 'The model that writes the answer; see the Ollama library for what to pull', typeOptions: { loadOptionsMethod: 'models' },
};

const num = (displayName: string, name: string, value: number, typeOptions?: Record<string, unknown>): NodeProperty => ({ displayName, name, type: 'number', default: value, ...(typeOptions ? { typeOptions } : {}) });
const bool = (displayName: string, name: string, value: boolean): NodeProperty => ({ displayName, name, type: 'boolean', default: value });

export const ollamaOptions: NodeProperty = {
  displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', description: 'Additional options to add',
  options: [
    num('Sampling Temperature', 'temperature', 0.7, { maxValue: 1, minValue: 0, numberPrecision: 1 }),
    num('Top K', 'topK', -1, { maxValue: 100, minValue: -1, numberPrecision: 1 }),
    num('Top P', 'topP', 1, { maxValue: 1, minValue: 0, numberPrecision: 1 }),
    num('Frequency Penalty', 'frequencyPenalty', 0, { minValue: 0 }),
    { displayName: 'Keep Alive', name: 'keepAlive', type: 'string', default: '5m', description: 'How long the model stays loaded after use, e.g. 1h30m' },
    bool('Low VRAM Mode', 'lowVram', false),
    num('Main GPU ID', 'mainGpu', 0),
    num('Context Batch Size', 'numBatch', 512),
    num('Context Length', 'numCtx', 2048),
    num('Number of GPUs', 'numGpu', -1),
    num('Max Tokens to Generate', 'numPredict', -1),
    num('Number of CPU Threads', 'numThread', 0),
    bool('Penalize Newlines', 'penalizeNewline', true),
    num('Presence Penalty', 'presencePenalty', 0),
    num('Repetition Penalty', 'repeatPenalty', 1),
    bool('Use Memory Locking', 'useMLock', false),
    bool('Use Memory Mapping', 'useMMap', true),
    bool('Load Vocabulary Only', 'vocabOnly', false),
    { displayName: 'Output Format', name: 'format', type: 'options', default: 'default', options: [{ name: 'Default', value: 'default' }, { name: 'JSON', value: 'json' }] },
  ],
};

/** The ChatOllama/OllamaEmbeddings connection fields from an ollamaApi credential. */
export function ollamaConnection(credentials: Record<string, unknown>): { baseUrl: string; headers?: Record<string, string> } {
  const baseUrl = String(credentials.baseUrl || 'http://localhost:11434').replace(/\/+$/, '');
  return { baseUrl, ...(credentials.apiKey ? { headers: { authorization: `Bearer ${String(credentials.apiKey)}` } } : {}) };
}
