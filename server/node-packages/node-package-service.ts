// Community node packages: installs, updates and removes them (npm, into DATA_DIR/nodes), records
// each change on the instance's package stream, and keeps this process's node registry in step
// with what is on disk. Servers and workers follow the stream and install what they lack, so a
// scale-out install converges; an execution thread only reloads what its server installed.
import path from 'node:path';
import {
  AppError, checkPackageName, fold, NODE_PACKAGES_STREAM, nodePackagesDecider, parsePackageSpec, ValidationError,
  type InstalledPackage, type NodePackageEvent, type NodePackagesState,
} from '../../domain/index.ts';
import type { EventStore, Subscription } from '../../events/index.ts';
import type { LoadedPackage } from '../../nodes/index.ts';
import type { RequestContext, RunCommand } from '../commands.ts';
import type { Logger } from '../logger.ts';
import { createNpmFolder, type NpmFolder } from './npm-folder.ts';
import { createPackageLoader } from './package-loader.ts';

export interface NodePackageServiceDeps {
  events: EventStore;
  run: RunCommand;
  logger: Logger;
  config: { dataDir: string; nodesDir?: string; communityPackagesEnabled: boolean; communityPackagesAllowed: string[] };
  /** Installs what the stream names and this folder lacks (servers, workers); false only reloads (threads, the CLI). */
  reconciles: boolean;
}

/** One package as the API shows it (n8n's InstalledPackages shape, plus where it came from). */
export interface PackageView {
  packageName: string;
  installedVersion: string;
  source: 'installed' | 'local';
  installedNodes: { name: string; type: string; latestVersion: number }[];
  failedLoading?: true;
  error?: string;
  installedAt?: string;
  updatedAt?: string;
  updateAvailable?: string;
}

export type NodePackageService = ReturnType<typeof createNodePackageService>;

export function createNodePackageService(deps: NodePackageServiceDeps) {
  const { events, logger, config } = deps;
  const folder: NpmFolder = createNpmFolder(path.join(config.dataDir, 'nodes'));
  const loader = createPackageLoader(folder, config.nodesDir, (pkg, err) => logger.error({ package: pkg, err }, 'community package failed to load'));
  let subscription: Subscription | undefined;
  let reconciling: Promise<void> = Promise.resolve();
  const refresh = (force = false) => {
    if (config.communityPackagesEnabled) loader.refresh(force);
  };
  const loadedPackage = (name: string) => loader.loaded().find((p) => p.name === name && !p.local);

  async function state(): Promise<NodePackagesState> {
    return fold(nodePackagesDecider, (await events.readStream(NODE_PACKAGES_STREAM)) as unknown as NodePackageEvent[]);
  }

  function allowed(name: string): void {
    if (!config.communityPackagesEnabled) throw new AppError('forbidden', 'Community packages are turned off on this instance (COMMUNITY_PACKAGES_ENABLED=false)');
    checkPackageName(name);
    if (config.communityPackagesAllowed.length > 0 && !config.communityPackagesAllowed.includes(name)) {
      throw new AppError('forbidden', `Package '${name}' is not on this instance's allow-list (COMMUNITY_PACKAGES_ALLOWED)`);
    }
  }

  /** Installs into the folder and checks the result loads with at least one node; undone when not. */
  async function installChecked(name: string, version: string, previous?: string): Promise<LoadedPackage> {
    const installed = await folder.install(name, version);
    refresh(true);
    const pkg = loadedPackage(name);
    const problem = !pkg ? 'it has no "n8n" field in its package.json' : pkg.error ?? (pkg.nodes.length === 0 ? 'it has no nodes' : undefined);
    if (problem) {
      await (previous ? folder.install(name, previous) : folder.uninstall(name)).catch((err) => logger.error({ err, package: name }, 'could not undo a failed install'));
      refresh(true);
      throw new ValidationError(`'${name}@${installed}' is not a usable community node package: ${problem}`, [{ path: 'name', message: problem }]);
    }
    return pkg!;
  }

  function view(pkg: LoadedPackage | undefined, record: InstalledPackage | undefined, latest?: string): PackageView {
    const name = record?.name ?? pkg!.name;
    return {
      packageName: name,
      installedVersion: pkg?.version ?? record!.version,
      source: record ? 'installed' : 'local',
      installedNodes: (pkg?.nodes ?? []).map((n) => ({ name: n.description.displayName, type: n.description.name, latestVersion: Math.max(...n.description.version) })),
      ...(!pkg || pkg.error ? { failedLoading: true as const, error: pkg?.error ?? 'not installed on this server yet' } : {}),
      ...(record ? { installedAt: record.installedAt, updatedAt: record.updatedAt } : {}),
      ...(latest && latest !== (pkg?.version ?? record?.version) ? { updateAvailable: latest } : {}),
    };
  }

  /** Makes the folder match the stream: installs what is missing or at another version, removes what is gone. */
  async function reconcile(): Promise<void> {
    const wanted = await state();
    for (const pkg of wanted.values()) {
      if (folder.installedVersion(pkg.name) === pkg.version) continue;
      logger.info({ package: pkg.name, version: pkg.version }, 'installing a community package another process installed');
      await folder.install(pkg.name, pkg.version).catch((err) => logger.error({ err, package: pkg.name }, 'community package could not be installed'));
    }
    for (const name of folder.dependencies()) {
      if (wanted.has(name)) continue;
      await folder.uninstall(name).catch((err) => logger.error({ err, package: name }, 'community package could not be removed'));
    }
    refresh();
  }

  return {
    /** Loads what is on disk; servers and workers first install what the stream names, then follow it. */
    async start(): Promise<void> {
      if (!config.communityPackagesEnabled) return;
      refresh(true);
      if (!deps.reconciles) return;
      await reconcile().catch((err) => logger.error({ err }, 'community packages could not be brought in line'));
      subscription = events.subscribe({ from: 'end', filter: { streamPrefixes: [NODE_PACKAGES_STREAM] } }, () => {
        reconciling = reconciling.then(reconcile).catch((err) => logger.error({ err }, 'community packages could not be brought in line'));
      });
    },

    /** Reloads if another thread or process changed the folder (cheap: one stat). */
    refresh: () => refresh(),

    async list(withLatest = false): Promise<PackageView[]> {
      refresh();
      const records = await state();
      const latest = withLatest ? await folder.latestVersions([...records.keys()]) : new Map<string, string>();
      const installed = [...records.values()].map((r) => view(loadedPackage(r.name), r, latest.get(r.name)));
      const local = loader.loaded().filter((p) => p.local).map((p) => view(p, undefined));
      return [...installed, ...local];
    },

    async install(spec: string, ctx: RequestContext): Promise<PackageView> {
      const { name, version } = parsePackageSpec(spec);
      allowed(name);
      if ((await state()).has(name)) throw new AppError('conflict', `Package '${name}' is already installed; update it instead`);
      const pkg = await installChecked(name, version ?? 'latest');
      const result = await deps.run(nodePackagesDecider, NODE_PACKAGES_STREAM, { type: 'install', name, version: pkg.version, at: new Date().toISOString() }, ctx);
      return view(pkg, result.state.get(name));
    },

    async update(name: string, version: string | undefined, ctx: RequestContext): Promise<PackageView> {
      allowed(name);
      const current = (await state()).get(name);
      if (!current) throw new AppError('not_found', `Package '${name}' is not installed`);
      const pkg = await installChecked(name, version ?? 'latest', current.version);
      const result = await deps.run(nodePackagesDecider, NODE_PACKAGES_STREAM, { type: 'update', name, version: pkg.version, at: new Date().toISOString() }, ctx);
      return view(pkg, result.state.get(name));
    },

    async remove(name: string, ctx: RequestContext): Promise<void> {
      checkPackageName(name);
      if (!(await state()).has(name)) throw new AppError('not_found', `Package '${name}' is not installed`);
      await folder.uninstall(name);
      refresh(true);
      await deps.run(nodePackagesDecider, NODE_PACKAGES_STREAM, { type: 'remove', name }, ctx);
    },

    async close(): Promise<void> {
      await subscription?.close();
      await reconciling;
    },
  };
}
