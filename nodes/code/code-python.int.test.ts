// The Code node's Python on the real executor, expression engine and sandboxes: what print() writes
// reaches the run's console output through the runPython hook, as the server wires it (it records
// it as CodeConsoleOutput, like console.log of JavaScript).
import { afterAll, expect, it } from 'vitest';
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { createCodeRunner, createExpressionEvaluator, createMemoryRecorder, executeWorkflow, sharedPythonRunner } from '../../engine/index.ts';
import { getNodeType } from '../index.ts';
import { loadNodeTypes } from '../registry.ts';

const evaluator = createExpressionEvaluator();
const codeRunner = createCodeRunner();
afterAll(() => {
  evaluator.dispose();
  codeRunner.dispose();
});

function workflow(parameters: Record<string, unknown>) {
  return parseWorkflowDefinition({
    name: 'Python print',
    nodes: [
      { parameters: {}, id: 'a1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
      { parameters, id: 'a2', name: 'Code', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0] },
    ],
    connections: { Start: { main: [[{ node: 'Code', type: 'main', index: 0 }]] } },
    pinData: { Start: [{ json: { n: 1 } }, { json: { n: 2 } }] },
  });
}

async function run(parameters: Record<string, unknown>) {
  const definition = workflow(parameters);
  await loadNodeTypes(definition.nodes);
  const consoleLines: { node: string; level: string; args: unknown[] }[] = [];
  const result = await executeWorkflow({
    definition, workflowId: 'wf', executionId: 'ex', mode: 'manual', nodeTypes: getNodeType, evaluator, timezone: 'UTC',
    credentials: async () => ({}), recorder: createMemoryRecorder(),
    runCode: (ctx, code, options) => codeRunner.run({
      ctx, code, mode: options.mode, itemIndex: options.itemIndex,
    }),
    runPython: (ctx, request) => sharedPythonRunner().run({ ...request, onConsole: (level, args) => consoleLines.push({ node: ctx.node.name, level, args }) }),
  });
  return { result, consoleLines };
}

it('print() output of Python (Beta) and Python (Native) is the node’s console output, also when the code fails', async () => {
  await sharedPythonRunner().warm();
  const beta = await run({ language: 'python', pythonCode: 'for item in _input.all():\n  print("n is", item.json.n)\nreturn _input.all()' });
  expect(beta.result.data.resultData.error).toBeUndefined();
  expect(beta.consoleLines).toEqual([{ node: 'Code', level: 'log', args: ['n is 1'] }, { node: 'Code', level: 'log', args: ['n is 2'] }]);

  const native = await run({ language: 'pythonNative', mode: 'runOnceForEachItem', pythonCode: 'print(_item["json"])\nreturn _item' });
  expect(native.consoleLines.map((line) => line.args)).toEqual([["{'n': 1}"], ["{'n': 2}"]]);
  expect(native.result.data.resultData.runData.Code[0].data?.main[0]?.map((item) => item.json)).toEqual([{ n: 1 }, { n: 2 }]);

  const failing = await run({ language: 'python', pythonCode: 'print("before")\nraise KeyError("k")' });
  expect(failing.consoleLines.map((line) => line.args)).toEqual([['before']]);
  expect(failing.result.data.resultData.error?.message).toBe("KeyError: 'k' [line 2]");
}, 120_000);
