// Execute Command (n8n-nodes-base.executeCommand v1): runs a shell command on the host. Off unless
// the server sets EXECUTE_COMMAND_ENABLED=true, as n8n 2 leaves it out by default: whoever can edit a
// workflow could otherwise run anything as the server's user.
import { exec } from 'node:child_process';
import { NodeOperationError, type ExecuteContext, type Item, type NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { param } from '../shared/params.ts';

export const DISABLED_MESSAGE = 'The Execute Command node is disabled on this server';
export const DISABLED_DESCRIPTION = 'It runs any shell command as the server user, so it is off by default. An administrator can enable it by starting the server (and workers) with EXECUTE_COMMAND_ENABLED=true.';

interface CommandResult {
  exitCode: number;
  stderr: string;
  stdout: string;
  error?: Error;
}

/** Runs `command` through the host shell in the server's working directory; output trimmed, as n8n does. */
function run(command: string, signal: AbortSignal): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = exec(command, { cwd: process.cwd(), signal, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ exitCode: child.exitCode ?? (error ? 1 : 0), stdout: stdout.trim(), stderr: stderr.trim(), ...(error ? { error } : {}) });
    });
  });
}

async function execute(ctx: ExecuteContext) {
  if (ctx.executeCommandEnabled !== true) {
    throw new NodeOperationError(ctx.node.name, DISABLED_MESSAGE, { description: DISABLED_DESCRIPTION });
  }
  const input = ctx.getInputData();
  const items = param(ctx, 'executeOnce', 0, true) ? input.slice(0, 1) : input;
  const output: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      const { error, exitCode, stderr, stdout } = await run(param(ctx, 'command', i, ''), ctx.signal);
      // A non-zero exit fails the item with the shell's message ("Command failed: …"), as in n8n.
      if (error) throw new NodeOperationError(ctx.node.name, error.message, { itemIndex: i });
      output.push({ json: { exitCode, stderr, stdout }, pairedItem: { item: i } });
    } catch (error) {
      if (!ctx.continueOnFail()) throw error;
      output.push({ json: { error: errorMessage(error) }, pairedItem: { item: i } });
    }
  }
  return [output];
}

export const executeCommandNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.executeCommand',
    displayName: 'Execute Command',
    group: ['transform'],
    version: [1],
    description: 'Executes a command on the host',
    icon: 'fa:terminal',
    defaults: { name: 'Execute Command', color: '#886644' },
    inputs: ['main'],
    outputs: ['main'],
    properties: [
      { displayName: 'Execute Once', name: 'executeOnce', type: 'boolean', default: true, description: 'Whether to execute only once instead of once for each entry' },
      {
        displayName: 'Command', name: 'command', type: 'string', default: '', required: true, typeOptions: { rows: 5 }, placeholder: 'echo "test"',
        description: 'The command to execute',
      },
    ],
  },
  execute,
};
