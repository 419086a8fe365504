// The instance's community node packages as an aggregate: which package is installed at which
// version. Every server and worker folds the same stream and installs what it lacks, so a
// scale-out install converges on one set; the stream is also the record of who installed what.
import type { Decider } from './decider.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from './errors.ts';

export const NODE_PACKAGES_STREAM = 'nodepackages-instance';

/** n8n's rule for community packages: `n8n-nodes-<name>` or `@scope/n8n-nodes-<name>`. */
const PACKAGE_NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?n8n-nodes-[a-z0-9][a-z0-9._~-]*$/;
/** An exact version, a dist-tag or a range npm understands; no URLs, paths or git specs. */
const VERSION = /^[A-Za-z0-9.^~<>=*| -]{1,64}$/;

export interface PackageSpec {
  name: string;
  /** What the caller asked for (a version, range or tag); undefined means the latest. */
  version?: string;
}

/** Reads `name`, `name@1.2.3`, `@scope/name@latest`; refuses anything that is not an n8n community package from the registry. */
export function parsePackageSpec(spec: string): PackageSpec {
  const text = spec.trim();
  const at = text.lastIndexOf('@');
  const [name, version] = at > 0 ? [text.slice(0, at), text.slice(at + 1)] : [text, undefined];
  checkPackageName(name);
  if (version !== undefined && !VERSION.test(version)) {
    throw new ValidationError(`'${version}' is not a version npm can install`, [{ path: 'version', message: 'a version, range or tag' }]);
  }
  return version === undefined || version === '' ? { name } : { name, version };
}

/** n8n's own node packages: their type names are Weft's built-in nodes. */
const BUILT_IN_PACKAGES = ['n8n-nodes-base', '@n8n/n8n-nodes-langchain'];

export function checkPackageName(name: string): void {
  if (!PACKAGE_NAME.test(name)) {
    throw new ValidationError(`'${name}' is not a community node package: its name must start with n8n-nodes- (or be @scope/n8n-nodes-…)`, [
      { path: 'name', message: 'n8n-nodes-<name> or @scope/n8n-nodes-<name>' },
    ]);
  }
  if (BUILT_IN_PACKAGES.includes(name)) {
    throw new ValidationError(`'${name}' is n8n's own package: Weft has its nodes built in`, [{ path: 'name', message: 'built in' }]);
  }
}

export interface InstalledPackage {
  name: string;
  version: string;
  installedAt: string;
  updatedAt: string;
}

export type NodePackageEvent =
  | { type: 'NodePackageInstalled'; data: { name: string; version: string; at: string } }
  | { type: 'NodePackageUpdated'; data: { name: string; from: string; version: string; at: string } }
  | { type: 'NodePackageRemoved'; data: { name: string; version: string } };

export type NodePackageCommand =
  | { type: 'install'; name: string; version: string; at: string }
  | { type: 'update'; name: string; version: string; at: string }
  | { type: 'remove'; name: string };

export type NodePackagesState = ReadonlyMap<string, InstalledPackage>;

export const nodePackagesDecider: Decider<NodePackageCommand, NodePackageEvent, NodePackagesState> = {
  initialState: () => new Map(),
  decide(command, state) {
    const current = state.get(command.name);
    switch (command.type) {
      case 'install':
        if (current) throw new ConflictError(`Package '${command.name}' is already installed (version ${current.version}); update it instead`);
        return [{ type: 'NodePackageInstalled', data: { name: command.name, version: command.version, at: command.at } }];
      case 'update':
        if (!current) throw new NotFoundError('Community package', command.name);
        if (current.version === command.version) return [];
        return [{ type: 'NodePackageUpdated', data: { name: command.name, from: current.version, version: command.version, at: command.at } }];
      case 'remove':
        if (!current) throw new NotFoundError('Community package', command.name);
        return [{ type: 'NodePackageRemoved', data: { name: command.name, version: current.version } }];
      default:
        throw new AppError('internal', `Unknown command ${(command as { type: string }).type}`);
    }
  },
  evolve(state, event) {
    const next = new Map(state);
    if (event.type === 'NodePackageInstalled') {
      next.set(event.data.name, { name: event.data.name, version: event.data.version, installedAt: event.data.at, updatedAt: event.data.at });
    } else if (event.type === 'NodePackageUpdated') {
      const before = next.get(event.data.name);
      next.set(event.data.name, { name: event.data.name, version: event.data.version, installedAt: before?.installedAt ?? event.data.at, updatedAt: event.data.at });
    } else if (event.type === 'NodePackageRemoved') {
      next.delete(event.data.name);
    }
    return next;
  },
};
