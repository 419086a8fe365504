import { afterAll, describe, expect, it } from 'vitest';
import { simpleContext } from '../expressions/test-helpers.ts';
import { CodeExecutionError, createCodeRunner } from './code-runner.ts';

const runner = createCodeRunner({ timeoutMs: 400, memoryLimitMb: 32 });
afterAll(() => runner.dispose());
const items = [{ json: { a: 1 } }, { json: { a: 2 } }];
const ctx = simpleContext(items, { vars: { k: 'v' }, timezone: 'Europe/Paris' });
const all = (code: string) => runner.run({ code, mode: 'runOnceForAllItems', ctx });
const each = (code: string, itemIndex: number) => runner.run({ code, mode: 'runOnceForEachItem', ctx, itemIndex });

async function failure(p: Promise<unknown>): Promise<CodeExecutionError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CodeExecutionError) return e;
    throw e;
  }
  throw new Error('expected a CodeExecutionError');
}

describe('Code node globals', () => {
  it('runs once for all items with $input and legacy items', async () => {
    expect(await all('return $input.all().map((i) => ({ json: { b: i.json.a * 10 } }))')).toEqual([{ json: { b: 10 } }, { json: { b: 20 } }]);
    expect(await all('return [$input.first().json.a, $input.last().json.a, items.length]')).toEqual([1, 2, 2]);
    expect(await all('return typeof $json')).toBe('undefined');
  });

  it('runs once per item with $json, $input.item, item and $itemIndex', async () => {
    expect(await each('return { json: { a: $json.a, i: $itemIndex, same: $input.item.json.a === item.json.a } }', 1)).toEqual({ json: { a: 2, i: 1, same: true } });
  });

  it("has $('Node'), $node, $vars, $execution, $workflow, $jmespath, DateTime and $now", async () => {
    expect(await all('return $("Start").all().length')).toBe(2);
    expect(await each('return $("Start").item.json.a', 1)).toBe(2);
    expect(await all('return $node["Start"].json.a')).toBe(1);
    expect(await all('return [$vars.k, $execution.id, $execution.mode, $workflow.name]')).toEqual(['v', 'ex1', 'test', 'My workflow']);
    expect(await all('return $jmespath({ x: [1, 2] }, "x[1]")')).toBe(2);
    expect(await all('return [$now.zoneName, DateTime.fromISO("2024-01-01T00:00").offset]')).toEqual(['Europe/Paris', 60]);
  });

  it("refuses .item in 'Run Once for All Items' mode", async () => {
    expect((await failure(all('return $("Start").item'))).message).toMatch(/Can't use .item here/);
    expect(await all('return $("Start").itemMatching(1).json.a')).toBe(2);
  });

  it('has timers: setTimeout with arguments, clearTimeout, setInterval, setImmediate', async () => {
    expect(await all('return await new Promise((resolve) => setTimeout(resolve, 20, "late"))')).toBe('late');
    expect(await all(`
      const seen = [];
      const t = setTimeout(() => seen.push('cleared'), 5); clearTimeout(t);
      await new Promise((resolve) => { let n = 0; const i = setInterval(() => { seen.push(++n); if (n === 3) { clearInterval(i); resolve(); } }, 2); });
      await new Promise((resolve) => setImmediate(resolve));
      return seen;`)).toEqual([1, 2, 3]);
    // A timer left pending when the code returns is dropped, and the runner stays usable.
    expect(await all('setInterval(() => {}, 1); setTimeout(() => { throw new Error("x") }, 1); return 1')).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(await all('return 2')).toBe(2);
    // Sleeping past the time limit is a timeout.
    expect((await failure(all('await new Promise((r) => setTimeout(r, 5000)); return 1'))).message).toMatch(/timed out/);
  });

  it('allows async code', async () => {
    expect(await all('const v = await Promise.resolve(41); return v + 1')).toBe(42);
  });

  it('captures console output', async () => {
    const lines: [string, unknown[]][] = [];
    await runner.run({
      code: 'console.log("hi", { x: 1 }); console.warn("careful"); console.error(new Error("e").message); console.log(() => 1); return []',
      mode: 'runOnceForAllItems',
      ctx,
      onConsole: (level, args) => lines.push([level, args]),
    });
    expect(lines).toEqual([['log', ['hi', { x: 1 }]], ['warn', ['careful']], ['error', ['e']], ['log', ['[Function: anonymous]']]]);
  });

  it('has $getWorkflowStaticData: scopes of the run’s static data, written back when the code ends, even when it throws', async () => {
    const staticData = { global: { count: 1 }, 'node:Other': { lastId: 9 } };
    const withData = { ...ctx, staticData };
    const run = (code: string) => runner.run({ code, mode: 'runOnceForAllItems', ctx: withData });
    expect(await run(`
      const g = $getWorkflowStaticData('global'); g.count += 1; g.at = [1, 2];
      $getWorkflowStaticData('node').lastId = 3;
      return [$getWorkflowStaticData('global') === g, g.count]`)).toEqual([true, 2]);
    expect(staticData).toEqual({ global: { count: 2, at: [1, 2] }, 'node:Other': { lastId: 9 }, 'node:Current': { lastId: 3 } });
    await failure(run('$getWorkflowStaticData("global").count = 10; throw new Error("after the change")'));
    expect(staticData.global).toEqual({ count: 10, at: [1, 2] });
    expect((await failure(run('$getWorkflowStaticData("workflow")'))).message).toMatch(/"workflow" is not known/);
    // Outside a run there is none.
    expect((await failure(all('$getWorkflowStaticData("global")'))).message).toMatch(/only available while a workflow runs/);
  });

  it('starts each run in a fresh context', async () => {
    await all('globalThis.leak = 1; return []');
    expect(await all('return typeof leak')).toBe('undefined');
  });
});

describe('isolation and limits', () => {
  it('has no host access', async () => {
    expect(await all('return [typeof process, typeof require, typeof fetch, typeof module, typeof Buffer, typeof __weftHost].join()')).toBe(
      'undefined,undefined,undefined,undefined,undefined,undefined',
    );
  });

  it('reports errors with the line in the user code', async () => {
    const e = await failure(all('const x = 1;\nthrow new Error("boom")'));
    expect(e.message).toBe('boom [line 2]');
    expect(e.lineNumber).toBe(2);
    expect((await failure(all('return 1 +'))).message).toMatch(/^SyntaxError: /);
    expect((await failure(all('return $("Nope").first()'))).message).toBe("Referenced node doesn't exist [line 1]");
  });

  it('stops endless loops, never-settling promises and allocation bombs, and recovers', async () => {
    expect((await failure(all('while (true) {}'))).kind).toBe('timeout');
    expect((await failure(all('await new Promise(() => {})'))).kind).toBe('timeout');
    const bomb = await failure(all('const a = []; while (true) a.push(new Array(1e5).fill(1.5));'));
    expect(['memory', 'timeout']).toContain(bomb.kind);
    expect(await all('return 1 + 1')).toBe(2);
  });
});
