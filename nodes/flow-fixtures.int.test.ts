// Runs every workflow fixture of the flow nodes on the real engine (executor, expressions, sandbox).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { flowNodeTypes } from './registry-flow.ts';
import { createFixtureEngine } from './testing/fixture-engine.ts';
import { loadFixtures, runFixture } from './testing/run-fixtures.ts';

const here = dirname(fileURLToPath(import.meta.url));
const FOLDERS = [
  'manual-trigger', 'execute-workflow-trigger', 'error-trigger', 'no-op', 'sticky-note', 'stop-and-error',
  'if', 'filter', 'switch', 'merge', 'split-in-batches', 'set', 'code',
];

const engine = createFixtureEngine();
afterAll(() => engine.dispose());

for (const folder of FOLDERS) {
  const fixtures = loadFixtures(join(here, folder));
  if (fixtures.length === 0) continue;
  describe(folder, () => {
    for (const fixture of fixtures) {
      it(`${fixture.name} (${fixture.file})`, async () => {
        expect(await runFixture(fixture, engine, flowNodeTypes)).toEqual([]);
      });
    }
  });
}
