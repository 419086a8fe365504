// Runs every workflow fixture of the XML, HTML, file and Wait nodes on the real engine.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { flowNodeTypes } from './registry-flow.ts';
import { moreNodeTypes } from './registry-more.ts';
import { createFixtureEngine } from './testing/fixture-engine.ts';
import { loadFixtures, runFixture } from './testing/run-fixtures.ts';

const here = dirname(fileURLToPath(import.meta.url));
const FOLDERS = ['xml', 'html', 'convert-to-file', 'extract-from-file', 'wait'];
// Manual Trigger and No Operation (pinned inputs) come from the flow nodes.
const types = [...moreNodeTypes, ...flowNodeTypes];

const engine = createFixtureEngine();
afterAll(() => engine.dispose());

for (const folder of FOLDERS) {
  const fixtures = loadFixtures(join(here, folder));
  if (fixtures.length === 0) continue;
  describe(folder, () => {
    for (const fixture of fixtures) {
      it(`${fixture.name} (${fixture.file})`, async () => {
        expect(await runFixture(fixture, engine, types)).toEqual([]);
      });
    }
  });
}
