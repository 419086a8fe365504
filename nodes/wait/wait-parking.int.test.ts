// The Wait node's parking path: a long wait ends the run as 'waiting' with the Wait node's run recorded.
import { afterAll, describe, expect, it } from 'vitest';
import { getNodeType } from '../index.ts';
import { createFixtureEngine } from '../testing/fixture-engine.ts';
import { loadFixtures, type FlowFixture } from '../testing/run-fixtures.ts';

const here = import.meta.dirname;
const engine = createFixtureEngine();
afterAll(() => engine.dispose());

describe('wait (parking)', () => {
  it('parks the execution for a wait longer than 65 seconds', async () => {
    const [fixture] = loadFixtures(here).filter((f) => f.file === 'wait-one-second.workflow.json');
    const wait = fixture.workflow.nodes.find((node) => node.name === 'Wait')!;
    const parked: FlowFixture = {
      ...fixture,
      workflow: { ...fixture.workflow, nodes: fixture.workflow.nodes.map((node) => (node === wait ? { ...node, parameters: { amount: 2, unit: 'minutes' } } : node)) },
    };
    const before = Date.now();
    const result = await engine.run(parked, getNodeType);
    expect(result.status).toBe('waiting');
    const waitTill = Date.parse(String(result.waitTill));
    expect(waitTill).toBeGreaterThanOrEqual(before + 120_000);
    expect(waitTill).toBeLessThan(Date.now() + 121_000);
  });

  it('parks a run that waits for its resume URL, indefinitely or until the limit', async () => {
    const [fixture] = loadFixtures(here).filter((f) => f.file === 'wait-one-second.workflow.json');
    const withWait = (parameters: Record<string, unknown>): FlowFixture => ({
      ...fixture,
      workflow: { ...fixture.workflow, nodes: fixture.workflow.nodes.map((node) => (node.name === 'Wait' ? { ...node, parameters } : node)) },
    });
    const forever = await engine.run(withWait({ resume: 'webhook' }), getNodeType);
    expect(forever.status).toBe('waiting');
    expect(forever.waitTill).toBe('3000-01-01T00:00:00.000Z');
    const before = Date.now();
    const limited = await engine.run(withWait({ resume: 'webhook', limitWaitTime: true, resumeAmount: 30, resumeUnit: 'seconds' }), getNodeType);
    expect(limited.status).toBe('waiting');
    expect(Date.parse(String(limited.waitTill)) - before).toBeGreaterThanOrEqual(30_000);
    const form = await engine.run(withWait({ resume: 'form', formTitle: 'Approve?' }), getNodeType);
    expect(form.status).toBe('waiting');
    expect(form.waitTill).toBe('3000-01-01T00:00:00.000Z');
  });
});
