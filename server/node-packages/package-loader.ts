// Keeps this thread's node registry in step with the community packages on disk (DATA_DIR/nodes,
// installed by npm) and in NODES_DIR (the user's own): loads them all again whenever the install
// folder changed, dropping the old versions from Node's module cache first.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadN8nPackages, registerLoadedPackage, unregisterPackage, type LoadedPackage } from '../../nodes/index.ts';
import type { NpmFolder } from './npm-folder.ts';

export interface LoadedNodePackage extends LoadedPackage {
  /** From NODES_DIR rather than installed. */
  local: boolean;
}

export interface PackageLoader {
  /** Loads again if the folder changed since the last load (one stat), or always with `force`. */
  refresh(force?: boolean): void;
  loaded(): readonly LoadedNodePackage[];
}

/** `onError` hears of each package that fails to load (it is listed with its error, never fatal). */
export function createPackageLoader(folder: Pick<NpmFolder, 'dir' | 'generation'>, nodesDir: string | undefined, onError: (pkg: string, error: string) => void): PackageLoader {
  const cache = createRequire(import.meta.url).cache;
  let loaded: LoadedNodePackage[] = [];
  let generation = -1;

  function load(): void {
    for (const pkg of loaded) {
      unregisterPackage(pkg.name);
      // A new version must be read from disk, not from Node's module cache.
      for (const file of Object.keys(cache)) if (file.startsWith(pkg.path + path.sep)) delete cache[file];
    }
    const from = (dir: string | undefined, local: boolean) => (dir && existsSync(dir) ? loadN8nPackages(dir).packages.map((p) => ({ ...p, local })) : []);
    const found: LoadedNodePackage[] = [...from(folder.dir, false), ...from(nodesDir, true)];
    for (const pkg of found) {
      if (!pkg.error) {
        try {
          registerLoadedPackage(pkg);
        } catch (error) {
          pkg.error = (error as Error).message;
        }
      }
      if (pkg.error) onError(pkg.name, pkg.error);
    }
    loaded = found;
  }

  return {
    refresh(force = false) {
      const now = folder.generation();
      if (!force && now === generation) return;
      generation = now;
      load();
    },
    loaded: () => loaded,
  };
}
