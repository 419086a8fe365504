// Random valid n8n workflow definitions (fast-check) for the collaboration property tests.
import fc from 'fast-check';
import { parseWorkflowDefinition, type WorkflowDefinition } from '../domain/index.ts';

// Names of Object.prototype's members would read as existing entries of the plain objects built below.
const notInherited = (k: string) => !(k in Object.prototype);
const key = fc.string({ minLength: 1, maxLength: 6 }).filter(notInherited);
const leaf = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const { json } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('json'), { maxLength: 3 }), fc.dictionary(key, tie('json'), { maxKeys: 3 })),
}));

const parameters = fc.record(
  { params: fc.dictionary(key, json, { maxKeys: 4 }), code: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }) },
).map(({ params, code }) => (code === undefined ? params : { ...params, jsCode: code }));

const nodeExtras = fc.record(
  {
    disabled: fc.boolean(),
    notes: fc.string({ maxLength: 10 }),
    credentials: fc.record({ httpBasicAuth: fc.record({ id: fc.string({ minLength: 1, maxLength: 5 }), name: fc.string({ maxLength: 8 }) }) }),
    retryOnFail: fc.boolean(),
    onError: fc.constantFrom('stopWorkflow', 'continueRegularOutput', 'continueErrorOutput'),
    color: fc.integer({ min: 0, max: 9 }),
  },
  { requiredKeys: [] },
);

/** Any valid workflow definition, including empty and null output slots and unknown fields. */
export const workflowDefinitionArbitrary: fc.Arbitrary<WorkflowDefinition> = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 20 }).filter((n) => n.trim() === n && n.length > 0),
    names: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }).filter((n) => n.trim() === n && n.length > 0 && notInherited(n)), { maxLength: 6 }),
    nodes: fc.array(fc.record({ parameters, extras: nodeExtras, x: fc.integer({ min: -2000, max: 2000 }), y: fc.double({ min: -2000, max: 2000, noNaN: true }) }), { minLength: 6, maxLength: 6 }),
    edges: fc.array(fc.record({ from: fc.nat(5), to: fc.nat(5), type: fc.constantFrom('main', 'ai_tool'), output: fc.nat(2), input: fc.nat(1) }), { maxLength: 10 }),
    padding: fc.array(fc.record({ at: fc.nat(5), slot: fc.constantFrom<[] | null>([], null) }), { maxLength: 3 }),
    settings: fc.record({ executionOrder: fc.constantFrom('v0', 'v1'), timezone: fc.constant('Europe/Berlin'), saveManualExecutions: fc.boolean() }, { requiredKeys: [] }),
    pinData: fc.option(fc.dictionary(key, fc.array(fc.record({ json: fc.dictionary(key, leaf, { maxKeys: 2 }) }), { maxLength: 2 }), { maxKeys: 2 }), { nil: undefined }),
    meta: fc.option(fc.record({ instanceId: fc.string({ maxLength: 8 }) }), { nil: undefined }),
  })
  .map(({ name, names, nodes, edges, padding, settings, pinData, meta }) => {
    const list = names.map((n, i) => ({
      id: `id-${i}-${n.length}`, name: n, type: 'n8n-nodes-base.set', typeVersion: 3.4,
      position: [nodes[i].x, nodes[i].y] as [number, number], parameters: nodes[i].parameters, ...nodes[i].extras,
    }));
    const connections: Record<string, Record<string, ({ node: string; type: string; index: number }[] | null)[]>> = {};
    const seen = new Set<string>();
    for (const e of edges) {
      if (e.from >= list.length || e.to >= list.length) continue;
      const id = JSON.stringify(e);
      if (seen.has(id)) continue;
      seen.add(id);
      const byType = (connections[list[e.from].name] ??= {});
      const outputs = (byType[e.type] ??= []);
      while (outputs.length <= e.output) outputs.push([]);
      (outputs[e.output] ??= []).push({ node: list[e.to].name, type: e.type, index: e.input });
    }
    for (const p of padding) {
      if (p.at >= list.length) continue;
      const outputs = ((connections[list[p.at].name] ??= {}).main ??= []);
      outputs.push(p.slot);
    }
    return parseWorkflowDefinition({ name, nodes: list, connections, settings, ...(pinData ? { pinData } : {}), ...(meta ? { meta } : {}) });
  });
