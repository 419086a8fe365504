// The convergence harness, in the manner of Yjs's own test connector: N simulated clients make
// random concurrent edits, every message is delivered in a random order, the server room repairs
// and commits (debounced, at random moments); in the end every document is the same and the
// committed definition (folded from the events) equals it.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deepEqual, parseWorkflowDefinition, workflowDecider, type WorkflowEvent, type WorkflowState } from '../domain/index.ts';
import { createCollabClient, type CollabClient } from './client.ts';
import { randomEdit, seededRandom } from './random-edits.ts';
import { docProblems } from './repair.ts';
import { createRoom, type RoomPeer } from './room.ts';
import { definitionToDoc, docToDefinition } from './workflow-doc.ts';

const initial = () => parseWorkflowDefinition({
  name: 'Harness',
  nodes: [
    { id: 'a', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
    { id: 'b', name: 'Code', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: 'return items;' } },
  ],
  connections: { Start: { main: [[{ node: 'Code', type: 'main', index: 0 }]] } },
});

interface Envelope {
  to: number | 'server';
  from: number;
  message: Uint8Array;
}

function runSeed(seed: number, clientCount: number, steps: number) {
  const rng = seededRandom(seed);
  const serverDoc = definitionToDoc(initial());
  const room = createRoom({ doc: serverDoc });
  let state: WorkflowState = workflowDecider.evolve(workflowDecider.initialState(), { type: 'WorkflowCreated', data: { definition: initial(), tags: [] } });
  const queue: Envelope[] = [];
  const peers: RoomPeer[] = [];
  const clients: CollabClient[] = [];
  const events: WorkflowEvent[] = [];
  for (let i = 0; i < clientCount; i++) {
    peers.push({ userId: `user-${i}`, readOnly: false, send: (message) => queue.push({ to: i, from: -1, message }) });
    clients.push(createCollabClient({ doc: new Y.Doc(), send: (message) => queue.push({ to: 'server', from: i, message }) }));
  }
  const deliverOne = () => {
    // Any pending message, in any order: across and within connections.
    const [envelope] = queue.splice(rng.int(queue.length), 1);
    if (envelope.to === 'server') room.receive(peers[envelope.from], envelope.message);
    else clients[envelope.to].receive(envelope.message);
  };
  const commit = () => {
    const target = docToDefinition(serverDoc);
    if (docProblems(serverDoc).length > 0) return; // flagged, not committed
    const decided = workflowDecider.decide({ type: 'ApplyEdits', definition: target, authors: ['someone'] }, state);
    for (const e of decided) state = workflowDecider.evolve(state, e);
    events.push(...decided);
  };
  peers.forEach((peer, i) => {
    room.join(peer);
    clients[i].start();
  });
  for (let step = 0; step < steps; step++) {
    const roll = rng.next();
    if (roll < 0.45 && queue.length > 0) deliverOne();
    else if (roll < 0.95) {
      const i = rng.int(clientCount);
      randomEdit(clients[i].doc, rng);
    } else commit();
  }
  while (queue.length > 0) deliverOne();
  commit();
  const converged = docToDefinition(serverDoc);
  for (const client of clients) expect(docToDefinition(client.doc)).toEqual(converged);
  expect(docProblems(serverDoc)).toEqual([]);
  expect(deepEqual(state.definition, converged)).toBe(true);
  const fallbacks = events.filter((e) => e.type === 'WorkflowDefinitionReplaced').length;
  for (const client of clients) client.destroy();
  room.destroy();
  return { events: events.length, fallbacks, nodes: converged.nodes.length };
}

describe('convergence harness', () => {
  it('every client converges and the committed definition equals the document, over many seeds', () => {
    let events = 0;
    let fallbacks = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const result = runSeed(seed, 2 + (seed % 4), 150);
      events += result.events;
      fallbacks += result.fallbacks;
    }
    expect(events).toBeGreaterThan(500);
    // The fine-grained events say almost everything; a full replacement is the rare exception.
    expect(fallbacks / events).toBeLessThan(0.02);
  });
});
