// A simulated editor: seeded random edits of every kind (add, remove, move, connect, disconnect,
// edit a parameter or code, rename), for the convergence tests and the benchmarks.
import * as Y from 'yjs';
import { addNode, connect, disconnect, moveNode, removeNode, renameNode, setNodeField, setParameter } from './doc-edits.ts';
import { connectionsOf, isInitialised, nodesOf } from './workflow-doc.ts';

/** A small seeded PRNG (mulberry32): the same seed replays the same run. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

export type Random = ReturnType<typeof seededRandom>;

/** Few names, so concurrent renames and additions collide and the server has to repair. */
const NAMES = ['Start', 'Fetch', 'Transform', 'Filter', 'Merge', 'Notify'];

/** Makes one random edit as `origin`; returns what it did. */
export function randomEdit(doc: Y.Doc, rng: Random, origin: unknown = null): string {
  if (!isInitialised(doc)) return 'none';
  const nodeIds = [...nodesOf(doc).keys()];
  const pickNode = () => rng.pick(nodeIds);
  const roll = rng.int(100);
  if (nodeIds.length < 2 || roll < 15) {
    const id = `n${rng.int(1e9).toString(36)}${rng.int(1e9).toString(36)}`;
    addNode(doc, {
      id, name: `${rng.pick(NAMES)} ${rng.int(1000)}`, type: 'n8n-nodes-base.code', typeVersion: 2,
      position: [rng.int(2000), rng.int(1000)], parameters: { jsCode: 'return items;', options: {} },
    }, origin);
    return 'add';
  }
  if (roll < 22) {
    removeNode(doc, pickNode(), origin);
    return 'remove';
  }
  if (roll < 40) {
    moveNode(doc, pickNode(), [rng.int(2000), rng.int(1000)], origin);
    return 'move';
  }
  if (roll < 55) {
    connect(doc, { from: pickNode(), to: pickNode(), output: rng.int(2), input: rng.int(2) }, origin);
    return 'connect';
  }
  if (roll < 63) {
    const ids = [...connectionsOf(doc).keys()];
    if (ids.length > 0) disconnect(doc, rng.pick(ids), origin);
    return 'disconnect';
  }
  if (roll < 80) {
    const path = rng.pick([['value'], ['options', 'limit'], ['options', 'mode'], ['url']]);
    setParameter(doc, pickNode(), path, rng.chance(0.1) ? undefined : rng.pick([rng.int(100), `v${rng.int(100)}`, true, { deep: rng.int(5) }]), origin);
    return 'parameter';
  }
  if (roll < 88) {
    const params = nodesOf(doc).get(pickNode())?.get('parameters');
    const text = params instanceof Y.Map ? params.get('jsCode') : undefined;
    if (text instanceof Y.Text) {
      doc.transact(() => {
        if (text.length > 0 && rng.chance(0.3)) text.delete(rng.int(text.length), 1);
        else text.insert(rng.int(text.length + 1), rng.pick(['a', 'b', '\n', '// x ']));
      }, origin);
    }
    return 'code';
  }
  if (roll < 96) {
    renameNode(doc, pickNode(), rng.chance(0.5) ? rng.pick(NAMES) : `${rng.pick(NAMES)} ${rng.int(1000)}`, origin);
    return 'rename';
  }
  setNodeField(doc, pickNode(), 'disabled', rng.chance(0.5), origin);
  return 'disable';
}
