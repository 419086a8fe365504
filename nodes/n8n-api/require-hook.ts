// Makes `require('n8n-workflow')` inside community packages return Weft's own module. Packages
// are compiled CommonJS with n8n-workflow as a peer dependency, so the request goes through Node's
// CommonJS resolver: we answer it with a fixed id whose module is already in the require cache.
// This works the same under tsx (sources) and from dist/, since both load packages with Node's
// own CommonJS loader. A copy of n8n-workflow a package bundles in its own node_modules is
// bypassed too, so errors it throws are always the classes the engine knows.
import Module, { createRequire } from 'node:module';
import { n8nWorkflowExports } from './n8n-workflow/index.ts';

/** The ids we answer; subpaths (`n8n-workflow/dist/...`) are rare and not covered. */
const SHIMMED = new Set(['n8n-workflow']);
const SHIM_ID = '\0weft:n8n-workflow';

interface ModuleInternals {
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
  _cache: Record<string, unknown>;
}

let installed = false;

/** Installs the hook once per process; later calls do nothing. */
export function installN8nWorkflowShim(): void {
  if (installed) return;
  installed = true;
  const internals = Module as unknown as ModuleInternals;
  const shim = new Module(SHIM_ID);
  shim.filename = SHIM_ID;
  shim.loaded = true;
  shim.exports = n8nWorkflowExports;
  internals._cache[SHIM_ID] = shim;
  const original = internals._resolveFilename;
  internals._resolveFilename = function resolveFilename(request, parent, isMain, options) {
    if (SHIMMED.has(request)) return SHIM_ID;
    return original.call(this, request, parent, isMain, options);
  };
}

/** Node's CommonJS `require`, for loading package files (after installing the hook). */
export function packageRequire(fromFile: string): NodeJS.Require {
  installN8nWorkflowShim();
  return createRequire(fromFile);
}
