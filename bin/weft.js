#!/usr/bin/env node
// Runs the compiled CLI from dist/ (npm install builds it). While the TypeScript sources are newer
// than that build (someone is editing them), runs the sources through tsx instead.
import { isFresh, SERVER_SOURCES, SERVER_STAMP } from './compiled.mjs';

if (isFresh(SERVER_STAMP, SERVER_SOURCES)) {
  await import('../dist/server/cli.js');
} else {
  (await import('tsx/esm/api')).register();
  await import('../server/cli.ts');
}
