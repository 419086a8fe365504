// Runs every node folder's `*.workflow.json` fixtures on the real engine (executor, expressions,
// sandbox), with the full registry, so a node added later is covered by just adding fixtures.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { getNodeType } from './index.ts';
import { createFixtureEngine } from './testing/fixture-engine.ts';
import { loadFixtures, runFixture } from './testing/run-fixtures.ts';

const here = dirname(fileURLToPath(import.meta.url));
const folders = readdirSync(here, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

const engine = createFixtureEngine();
afterAll(() => engine.dispose());

it('finds fixtures for the nodes', () => {
  const withFixtures = folders.filter((folder) => loadFixtures(join(here, folder)).length > 0);
  expect(withFixtures.length).toBeGreaterThanOrEqual(25);
});

for (const folder of folders) {
  const fixtures = loadFixtures(join(here, folder));
  if (fixtures.length === 0) continue;
  describe(folder, () => {
    for (const fixture of fixtures) {
      it(`${fixture.name} (${fixture.file})`, async () => {
        expect(await runFixture(fixture, engine, getNodeType)).toEqual([]);
      });
    }
  });
}
