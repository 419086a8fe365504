// How the MCP Server Trigger describes LangChain tools for tools/list and formats their answers.
import { DynamicStructuredTool, DynamicTool } from '@langchain/core/tools';
import { describe, expect, it } from 'vitest';
import { describeTool, toolResultContent } from './mcp-tools.ts';

describe('describeTool', () => {
  it('gives a string tool the one `input` argument LangChain parses it from', () => {
    const tool = new DynamicTool({ name: 'calculator', description: 'Does math', func: async (q: string) => q });
    expect(describeTool(tool)).toMatchObject({
      name: 'calculator', description: 'Does math',
      inputSchema: { type: 'object', properties: { input: { type: 'string' } }, additionalProperties: false },
    });
  });

  it("keeps a structured tool's JSON schema", () => {
    const schema = { type: 'object' as const, properties: { city: { type: 'string' } }, required: ['city'] };
    const tool = new DynamicStructuredTool({ name: 'weather', description: 'Weather', schema, func: async () => 'sunny' });
    expect(describeTool(tool).inputSchema).toEqual(schema);
  });
});

describe('toolResultContent', () => {
  it('sends text as is, objects as JSON and anything else as its string', () => {
    expect(toolResultContent('14')).toEqual([{ type: 'text', text: '14' }]);
    expect(toolResultContent({ a: 1 })).toEqual([{ type: 'text', text: '{"a":1}' }]);
    expect(toolResultContent(42)).toEqual([{ type: 'text', text: '42' }]);
    expect(toolResultContent(null)).toEqual([{ type: 'text', text: 'null' }]);
  });
});
