import { afterAll, describe, expect, it } from 'vitest';
import { simpleContext } from '../expressions/test-helpers.ts';
import { createCodeRunner } from './code-runner.ts';
import { IsolateHost } from './isolate-host.ts';

describe('a swollen isolate', () => {
  it('is given up past the size asked, and a fresh one made on demand', () => {
    const host = new IsolateHost({ memoryLimitMb: 256 });
    try {
      const context = host.createContext(() => null);
      context.evalSync('globalThis.big = Array.from({ length: 2e6 }, (_, i) => ({ i, s: "x" + i }))');
      const generation = host.generation;
      host.shed(1024);
      expect(host.alive).toBe(true);
      host.shed(64);
      expect(host.alive).toBe(false);
      host.get();
      expect(host.generation).toBe(generation + 1);
    } finally {
      host.dispose();
    }
  });

  const runner = createCodeRunner({ timeoutMs: 5_000, memoryLimitMb: 256 });
  afterAll(() => runner.dispose());

  it('is kept while other code still runs in it: a big run ending does not cut off a slow one', async () => {
    const ctx = simpleContext([{ json: {} }]);
    const slow = runner.run({ ctx, mode: 'runOnceForAllItems', code: 'await new Promise((r) => setTimeout(r, 300)); return [{ json: { slow: true } }];' });
    const big = runner.run({ ctx, mode: 'runOnceForAllItems', code: 'const a = Array.from({ length: 1e6 }, (_, i) => ({ i, s: "x" + i })); return [{ json: { n: a.length } }];' });
    expect(await big).toEqual([{ json: { n: 1e6 } }]);
    expect(await slow).toEqual([{ json: { slow: true } }]);
    // Afterwards the runner still works (on a fresh isolate).
    expect(await runner.run({ ctx, mode: 'runOnceForAllItems', code: 'return [{ json: { ok: 1 } }]' })).toEqual([{ json: { ok: 1 } }]);
  });
});
