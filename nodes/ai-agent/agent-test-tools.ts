// Test-only tool sub-nodes (the real tool nodes live elsewhere): each supplies a LangChain tool and
// records every call as a run of itself, with n8n's input and `{ response }` output.
import { DynamicStructuredTool } from '@langchain/core/tools';
import { z } from 'zod';
import type { NodeType, SupplyDataContext } from '../../engine/index.ts';

export function testToolType(type: string, name: string, answer: (args: { city: string }) => string): NodeType {
  return {
    description: { name: type, displayName: name, group: ['transform'], version: [1], description: '', defaults: { name }, inputs: [], outputs: ['ai_tool'], properties: [] },
    async supplyData(ctx: SupplyDataContext) {
      const tool = new DynamicStructuredTool({
        name, description: `Tells the ${name} of a city`, schema: z.object({ city: z.string() }),
        func: async (args) => {
          const call = ctx.startCall('ai_tool', { ...args });
          const response = answer(args);
          await call.end({ response });
          return response;
        },
      });
      return { response: tool };
    },
  };
}
