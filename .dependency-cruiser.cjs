// Architecture rules checked by `npm test`: no import cycles, folders talk only through their
// index.ts, and dependencies point inwards (DESIGN.md §3).
const PARTS = ['domain', 'events', 'projections', 'engine', 'nodes', 'collab', 'server', 'client', 'ops'];

/** For each folder, the other folders it may import (through their index.ts). */
const ALLOWED = {
  domain: [],
  events: ['domain'],
  projections: ['domain', 'events'],
  engine: ['domain', 'events', 'projections'],
  nodes: ['engine', 'domain'],
  collab: ['domain', 'events', 'projections'],
  server: ['domain', 'events', 'projections', 'engine', 'nodes', 'collab'],
  client: ['domain', 'collab'],
  ops: PARTS,
};

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Import cycles make start-up order and testing fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-deep-imports',
      severity: 'error',
      comment: "Another folder is reached only through its index.ts, its only public face.",
      from: { path: '^([^/]+)/' },
      to: { path: `^(${PARTS.join('|')})/(?!index\\.ts$)`, pathNot: '^$1/' },
    },
    ...Object.entries(ALLOWED).map(([part, allowed]) => ({
      name: `${part}-depends-inwards`,
      severity: 'error',
      comment: `${part}/ may import only: ${allowed.join(', ') || 'nothing of ours'}.`,
      // The editor's end-to-end tests drive a whole server (through server/index.ts), as ops/ does.
      from: { path: `^${part}/`, ...(part === 'client' ? { pathNot: '^client/e2e/' } : {}) },
      to: { path: `^(${PARTS.filter((p) => p !== part && !allowed.includes(p)).join('|')})/` },
    })),
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Built output (client/dist) is not ours to check: Vite's code-split chunks import each other.
    exclude: { path: '(^|/)node_modules/|^client/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
  },
};
