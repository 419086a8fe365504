// Each MCP request the trigger serves (tools/list, tools/call) is one recorded run of the workflow:
// the request is the trigger node's input, the node answers it in the run (its tool sub-nodes'
// uses recorded as sub-node calls), and its output item is the answer sent back to the client.
import type { JsonObject, RunResult, WebhookContext } from '../../engine/index.ts';

/** A run that did not succeed, named as the run's error was. */
export class McpRunError extends Error {
  constructor(message: string, name = 'Error') {
    super(message);
    this.name = name;
  }
}

/** The trigger node's first output item of the run started for `request`. */
export function answerInRun(ctx: WebhookContext, request: JsonObject): Promise<JsonObject> {
  return new Promise((resolve, reject) => {
    ctx.emit([[{ json: request }]], (result, error) => {
      if (error) return reject(error);
      const run = result as RunResult | undefined;
      // No run: the workflow was deactivated meanwhile.
      if (!run) return reject(new McpRunError('The workflow is not active, so the request could not run'));
      const failure = run.data.resultData.error;
      if (run.status !== 'success' || failure) {
        return reject(new McpRunError(failure?.message ?? `The run ended with status '${run.status}'`, failure?.name));
      }
      const runs = run.data.resultData.runData[ctx.node.name] ?? [];
      const item = runs[runs.length - 1]?.data?.main?.[0]?.[0];
      if (!item) return reject(new McpRunError('The run gave no answer'));
      resolve(item.json);
    });
  });
}
