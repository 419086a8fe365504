// getInputConnectionData as n8n answers it when no sub-node is connected (Weft connects none yet):
// the input shapes are those of the community packages that call it (vector stores, DOCX
// templater, GigaChat), whose run then fails or goes on exactly as it would in n8n.
import { describe, expect, it } from 'vitest';
import { NodeOperationError as EngineNodeOperationError } from '../../engine/index.ts';
import { inputConnectionData } from './input-connections.ts';
import { UserError } from './n8n-workflow/errors.ts';

const node = { name: 'Vector Store', type: 'pkg.vectorStore' };

describe('getInputConnectionData with nothing connected', () => {
  it('fails a required input with n8n\'s message, naming the input by its displayName', () => {
    const inputs = ['main', { type: 'ai_embedding', displayName: 'Embedding', required: true, maxConnections: 1 }];
    const call = () => inputConnectionData(node, inputs, 'ai_embedding');
    expect(call).toThrow(EngineNodeOperationError);
    expect(call).toThrow('A Embedding sub-node must be connected and enabled');
  });

  it('names a required input without displayName by its connection type', () => {
    expect(() => inputConnectionData(node, [{ type: 'ai_languageModel', required: true }], 'ai_languageModel'))
      .toThrow('A ai_languageModel sub-node must be connected and enabled');
  });

  it('gives undefined for an optional single-connection input and [] for a multi-connection one', () => {
    expect(inputConnectionData(node, [{ type: 'ai_reranker', maxConnections: 1 }], 'ai_reranker')).toBeUndefined();
    expect(inputConnectionData(node, ['main', 'ai_tool'], 'ai_tool')).toEqual([]);
    // maxConnections are added up over inputs of the same type, as n8n does: 1 + 1 is not "single".
    expect(inputConnectionData(node, [{ type: 'ai_memory', maxConnections: 1 }, { type: 'ai_memory', maxConnections: 1 }], 'ai_memory')).toEqual([]);
  });

  it('rejects a connection type the node does not declare', () => {
    expect(() => inputConnectionData(node, ['main'], 'ai_tool')).toThrow(UserError);
    expect(() => inputConnectionData(node, 'main', 'ai_tool')).toThrow('Node does not have input of type');
  });
});
