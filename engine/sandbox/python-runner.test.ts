import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeExecutionError } from './code-runner.ts';
import { createPythonRunner, type PythonRunRequest } from './python-runner.ts';

// One warm interpreter for the whole file (loading it takes seconds); the time limit is short so
// the endless loop is quick to stop.
const runner = createPythonRunner({ timeoutMs: 3000, memoryLimitMb: 128 });
let loadMs = 0;
beforeAll(async () => {
  loadMs = await runner.warm();
}, 120_000);
afterAll(() => runner.dispose());

const items = [{ json: { a: 1, name: 'x' } }, { json: { a: 2, name: 'y' } }];
const context = {
  workflow: { id: 'wf1', name: 'My workflow', active: false },
  execution: { id: 'ex1', mode: 'manual' },
  prevNode: { name: 'Start', outputIndex: 0, runIndex: 0 },
  runIndex: 0,
  vars: { k: 'v' },
  mode: 'manual',
  timezone: 'Europe/Paris',
};
const asked: string[] = [];
const resolve = (expression: string, itemIndex: number) => {
  asked.push(`${itemIndex}:${expression}`);
  if (expression.includes('"Nope"')) throw new Error("Referenced node doesn't exist");
  if (expression.includes('"Big"')) return 'b'.repeat(5_000_000);
  return { json: { from: expression } };
};
const run = (code: string, extra: Partial<PythonRunRequest> = {}) =>
  runner.run({ code, language: 'python', mode: 'runOnceForAllItems', items, context, resolve, ...extra });

async function failure(p: Promise<unknown>): Promise<CodeExecutionError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CodeExecutionError) return e;
    throw e;
  }
  throw new Error('expected a CodeExecutionError');
}

describe('Python (Beta) globals', () => {
  it('loads once, in seconds', () => {
    expect(loadMs).toBeGreaterThan(0);
    console.info(`Pyodide loaded in ${loadMs} ms`);
  });

  it('has _input, items, _json and item with n8n item objects (attribute and key access)', async () => {
    expect(await run('return [_input.first().json.a, _input.last().json["a"], len(_input.all()), len(items), _itemIndex]')).toEqual([1, 2, 2, 2, 0]);
    expect(await run('return {"a": _json.a, "same": _input.item.json.name == item.json["name"]}', { mode: 'runOnceForEachItem', itemIndex: 1 })).toEqual({ a: 2, same: true });
    // Items changed in place are returned changed (they are the same objects).
    expect(await run('for i in _input.all():\n  i.json.b = i.json.a * 10\nreturn _input.all()')).toEqual([
      { json: { a: 1, name: 'x', b: 10 } },
      { json: { a: 2, name: 'y', b: 20 } },
    ]);
  });

  it("answers _('Node') through the expression engine, for the item, large answers included", async () => {
    asked.length = 0;
    expect(await run('return [_("Start").first().json["from"], _("Start").item.json["from"]]', { mode: 'runOnceForEachItem', itemIndex: 1 })).toEqual([
      '{{ $("Start").first() }}',
      '{{ $("Start").item }}',
    ]);
    expect(asked).toEqual(['1:{{ $("Start").first() }}', '1:{{ $("Start").item }}']);
    expect(await run('return [len(_("Big").first())]')).toEqual([5_000_000]);
  });

  it('has _workflow, _execution, _prevNode, _runIndex, _vars, _now, _today, _jmespath and no _env unless allowed', async () => {
    expect(await run('return [_workflow.name, _execution.id, _prevNode.name, _runIndex, _vars.k, _now.zoneName, _today.hour]')).toEqual([
      'My workflow', 'ex1', 'Start', 0, 'v', 'Europe/Paris', 0,
    ]);
    expect(await run('return [_jmespath({"x": [1, 2]}, "x[1]"), _jmespath(_input.first().json, "name")]')).toEqual([2, 'x']);
    expect((await failure(run('return _env'))).message).toBe("NameError: name '_env' is not defined [line 1]");
    expect(await run('return [_env.HOME]', { context: { ...context, env: { HOME: '/h' } } })).toEqual(['/h']);
  });

  it('sends what print() writes to the console', async () => {
    const lines: unknown[][] = [];
    await run('print("hello", 1)\nprint({"a": 1})\nreturn []', { onConsole: (level, args) => lines.push([level, ...args]) });
    expect(lines).toEqual([['log', 'hello 1'], ['log', "{'a': 1}"]]);
  });

  it('reports errors with their type and the line in the user code', async () => {
    const e = await failure(run('x = 1\n\nraise ValueError("boom")'));
    expect(e.message).toBe('ValueError: boom [line 3]');
    expect(e.lineNumber).toBe(3);
    expect((await failure(run('return (1 +'))).message).toMatch(/^SyntaxError: .* \[line 1\]$/);
    expect((await failure(run('return _("Nope").all()'))).message).toBe("Referenced node doesn't exist [line 1]");
  });
});

describe('Python (Native)', () => {
  const native = (code: string, mode: PythonRunRequest['mode'] = 'runOnceForAllItems') => runner.run({ code, language: 'pythonNative', mode, items });

  it('gives _items as a list of dicts and returns what the code returns', async () => {
    expect(await native('return [{"json": {"n": it["json"]["a"] + 1}} for it in _items]')).toEqual([{ json: { n: 2 } }, { json: { n: 3 } }]);
    expect(await native('return None')).toBeUndefined();
    expect(await native('return [type(_items).__name__, "_input" in globals()]')).toEqual(['list', false]);
  });

  it('runs once per item with _item, drops None and tags results with the item', async () => {
    expect(await native('return None if _item["json"]["a"] == 1 else {"v": _item["json"]["name"]}', 'runOnceForEachItem')).toEqual([{ v: 'y', pairedItem: { item: 1 } }]);
  });
});

describe('isolation, reset and limits', () => {
  it('reaches nothing on the JavaScript side', async () => {
    expect((await failure(run('import js'))).message).toMatch(/^ModuleNotFoundError: import of js halted/);
    expect((await failure(run('import pyodide.code'))).message).toMatch(/^ModuleNotFoundError/);
    expect(await run('return [_input.all.constructor is None]')).toEqual([true]);
  });

  it('starts each run afresh: globals, builtins and modules changed by a run do not leak', async () => {
    await run('global leak\nleak = 1\nimport json, builtins\njson.extra = 1\nbuiltins.abs = lambda x: -1\nbuiltins.extra = 1\nimport csv\nreturn []');
    expect(await run('import json, sys\nreturn ["leak" in globals(), hasattr(json, "extra"), abs(-5), "extra" in dir(__builtins__), "csv" in sys.modules]')).toEqual([false, false, 5, false, false]);
  });

  it('stops a memory bomb with the memory error, and the interpreter stays usable', async () => {
    const bomb = await failure(run('a = []\nwhile True:\n  a.append(bytearray(32 * 2**20))'));
    expect(bomb.kind).toBe('memory');
    expect(bomb.message).toBe('Code ran out of memory (limit 128 MB)');
    expect(await run('return [1 + 1]')).toEqual([2]);
  });

  it('stops an endless loop at the time limit and starts a new interpreter', async () => {
    const loop = await failure(run('while True:\n  pass'));
    expect(loop.kind).toBe('timeout');
    expect(loop.message).toBe('Code execution timed out after 3000 ms');
    expect(await run('return [2 + 2]')).toEqual([4]);
  }, 120_000);
});
