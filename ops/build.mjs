// npm run build: compiles the server and CLI into dist/ (with the files they read at run time) and
// builds the editor into client/dist. `--if-stale` skips a part whose build is newer than its sources.
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLIENT_SOURCES, CLIENT_STAMP, isFresh, ROOT, SERVER_SOURCES, SERVER_STAMP } from '../bin/compiled.mjs';

const ifStale = process.argv.includes('--if-stale');
const parts = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const wanted = (part) => parts.length === 0 || parts.includes(part);

function run(script, args) {
  const { status } = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', script), ...args], { cwd: ROOT, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

if (wanted('server') && !(ifStale && isFresh(SERVER_STAMP, SERVER_SOURCES))) {
  run('typescript/bin/tsc', ['-p', 'tsconfig.build.json']);
  // Read from disk at run time, next to the modules that read them.
  cpSync(path.join(ROOT, 'engine/expressions/isolate'), path.join(ROOT, 'dist/engine/expressions/isolate'), { recursive: true });
  cpSync(path.join(ROOT, 'server/executions/execution-thread-boot.mjs'), path.join(ROOT, 'dist/server/executions/execution-thread-boot.mjs'));
  // The node catalog and the icons beside the nodes.
  cpSync(path.join(ROOT, 'nodes'), path.join(ROOT, 'dist/nodes'), { recursive: true, filter: (from) => !/\.(ts|md)$/.test(from) && !from.endsWith('.workflow.json') });
  writeFileSync(SERVER_STAMP, `${new Date().toISOString()}\n`);
}
if (wanted('client') && !(ifStale && isFresh(CLIENT_STAMP, CLIENT_SOURCES))) {
  run('vite/bin/vite.js', ['build', '--config', 'client/vite.config.ts', '--logLevel', 'warn']);
}
