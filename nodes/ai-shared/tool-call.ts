// Records one invocation of a tool sub-node as a use of it, as n8n's logWrapper does: the input
// (`{ query }` for the tool's argument) now, `{ response }` or the error when it is over.
import type { JsonObject, SupplyDataContext } from '../../engine/index.ts';

export async function recordToolCall<T>(ctx: SupplyDataContext, input: JsonObject, run: () => Promise<T>): Promise<T> {
  const call = ctx.startCall('ai_tool', input);
  try {
    const response = await run();
    await call.end({ response: response as unknown });
    return response;
  } catch (error) {
    await call.fail(error);
    throw error;
  }
}

/** n8n's nodeNameToToolName: what models may call a tool named after its node. */
export function toolNameOf(nodeName: string): string {
  return nodeName.replace(/[^a-zA-Z0-9_-]+/g, '_');
}
