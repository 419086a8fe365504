// Execute Command on the real executor and the host shell: refused unless the run allows it (the
// server's EXECUTE_COMMAND_ENABLED), and when allowed n8n's output (exitCode, stderr, stdout),
// execute-once, a failing command as a node error, and continue-on-fail per item.
import { afterAll, describe, expect, it } from 'vitest';
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { createExpressionEvaluator, createMemoryRecorder, executeWorkflow, type Item } from '../../engine/index.ts';
import { getNodeType, loadNodeTypes } from '../index.ts';
import { outputOf } from '../n8n-api/test-support.ts';
import { DISABLED_DESCRIPTION, DISABLED_MESSAGE } from './execute-command.node.ts';

const evaluator = createExpressionEvaluator();
afterAll(() => evaluator.dispose());

async function run(parameters: Record<string, unknown>, items: Item[], options: { enabled?: boolean; continueOnFail?: boolean } = {}) {
  const definition = parseWorkflowDefinition({
    name: 'execute command',
    nodes: [
      { id: 'a', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { id: 'b', name: 'Execute Command', type: 'n8n-nodes-base.executeCommand', typeVersion: 1, position: [200, 0], parameters, ...(options.continueOnFail ? { continueOnFail: true } : {}) },
    ],
    connections: { Start: { main: [[{ node: 'Execute Command', type: 'main', index: 0 }]] } },
  });
  await loadNodeTypes(definition.nodes);
  return executeWorkflow({
    definition, workflowId: 'wf', executionId: 'ex', mode: 'manual', nodeTypes: getNodeType, evaluator, timezone: 'UTC',
    pinData: { Start: items }, credentials: async () => ({}), recorder: createMemoryRecorder(),
    runCode: () => Promise.reject(new Error('no Code node here')),
    ...(options.enabled === undefined ? {} : { executeCommandEnabled: options.enabled }),
  });
}

const two = [{ json: { word: 'one' } }, { json: { word: 'two' } }];

describe('Execute Command node', () => {
  it('is off unless the run allows it, and says how to turn it on', async () => {
    for (const enabled of [undefined, false]) {
      const result = await run({ command: 'echo should-not-run' }, two, { enabled });
      expect(result.data.resultData.error?.message).toBe(DISABLED_MESSAGE);
      expect(result.data.resultData.error).toMatchObject({ description: expect.stringContaining('EXECUTE_COMMAND_ENABLED=true') });
      expect(outputOf(result, 'Execute Command')).toEqual([]);
    }
    expect(DISABLED_DESCRIPTION).toMatch(/EXECUTE_COMMAND_ENABLED=true/);
  });

  it('runs the command once by default, with exit code, stderr and stdout trimmed', async () => {
    const result = await run({ command: '=echo "{{ $json.word }}"; echo warn >&2; echo' }, two, { enabled: true });
    expect(result.data.resultData.error).toBeUndefined();
    expect(outputOf(result, 'Execute Command')).toEqual([{ json: { exitCode: 0, stderr: 'warn', stdout: 'one' }, pairedItem: { item: 0 } }]);
  });

  it('runs once per item when executeOnce is off', async () => {
    const result = await run({ executeOnce: false, command: '=printf "%s" "{{ $json.word }}" | tr a-z A-Z' }, two, { enabled: true });
    expect(outputOf(result, 'Execute Command')).toEqual([
      { json: { exitCode: 0, stderr: '', stdout: 'ONE' }, pairedItem: { item: 0 } },
      { json: { exitCode: 0, stderr: '', stdout: 'TWO' }, pairedItem: { item: 1 } },
    ]);
  });

  it('fails on a non-zero exit with the shell message, or continues per item', async () => {
    const failed = await run({ command: 'echo broken >&2; exit 4' }, two, { enabled: true });
    expect(failed.data.resultData.error?.message).toBe('Command failed: echo broken >&2; exit 4\nbroken\n');
    const continued = await run({ executeOnce: false, command: '={{ $json.word === "one" ? "exit 2" : "echo fine" }}' }, two, { enabled: true, continueOnFail: true });
    expect(outputOf(continued, 'Execute Command')).toEqual([
      { json: { error: 'Command failed: exit 2\n' }, pairedItem: { item: 0 } },
      { json: { exitCode: 0, stderr: '', stdout: 'fine' }, pairedItem: { item: 1 } },
    ]);
  });
});
