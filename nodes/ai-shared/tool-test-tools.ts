// For tool sub-node tests: the tools a root received (flattening toolkits, as roots do).
import type { StructuredToolInterface } from '@langchain/core/tools';
import type { ExecuteContext } from '../../engine/index.ts';

export async function toolsOf(ctx: ExecuteContext, itemIndex: number): Promise<StructuredToolInterface[]> {
  const supplied = (await ctx.getInputConnectionData('ai_tool', itemIndex)) as unknown[];
  return supplied.flatMap((t) => (t && typeof t === 'object' && 'getTools' in t ? (t as { getTools(): StructuredToolInterface[] }).getTools() : [t as StructuredToolInterface]));
}

export async function toolNamed(ctx: ExecuteContext, itemIndex: number, name: string): Promise<StructuredToolInterface> {
  const tool = (await toolsOf(ctx, itemIndex)).find((t) => t.name === name);
  if (!tool) throw new Error(`No tool named ${name}`);
  return tool;
}
