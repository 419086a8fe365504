// The folder community packages are installed into (DATA_DIR/nodes), driven by npm itself: no
// install scripts (a package's code runs only when its nodes do), no peer dependencies (the
// `n8n-workflow` they name is answered by our own module), exact versions recorded.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../domain/index.ts';

const NPM_TIMEOUT_MS = 5 * 60_000;
/** Rewritten after every change, so other threads and processes on this folder notice it. */
const STAMP = '.weft-changed';

export interface NpmFolder {
  readonly dir: string;
  /** Installs `name@version` (a version, range or tag); resolves with the version npm installed. */
  install(name: string, version: string): Promise<string>;
  uninstall(name: string): Promise<void>;
  /** The packages the folder's package.json names. */
  dependencies(): string[];
  /** The version of `name` on disk, if installed. */
  installedVersion(name: string): string | undefined;
  /** Changes whenever a package was installed or removed here, by any process. */
  generation(): number;
  /** What the registry has as `latest` for each name (for "update available"); names npm cannot find are left out. */
  latestVersions(names: string[]): Promise<Map<string, string>>;
}

export function createNpmFolder(dir: string): NpmFolder {
  const ensure = () => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const manifest = path.join(dir, 'package.json');
    if (!existsSync(manifest)) writeFileSync(manifest, `${JSON.stringify({ name: 'weft-installed-nodes', private: true, dependencies: {} }, null, 2)}\n`);
  };
  const touch = () => writeFileSync(path.join(dir, STAMP), randomUUID());
  // npm changes one folder at a time: two installs at once would race on node_modules.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };

  function npm(args: string[]): Promise<string> {
    ensure();
    return new Promise((resolve, reject) => {
      execFile('npm', [...args, '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error'], {
        cwd: dir, timeout: NPM_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, npm_config_update_notifier: 'false' },
      }, (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const reason = stderr.split('\n').map((line) => line.replace(/^npm (error|ERR!) ?/, '').trim()).filter(Boolean).slice(0, 6).join(' ');
        reject(new AppError('validation_failed', `npm could not do it: ${reason || error.message}`));
      });
    });
  }

  const folder: NpmFolder = {
    dir,
    install: (name, version) => serial(async () => {
      await npm(['install', `${name}@${version}`, '--ignore-scripts', '--legacy-peer-deps', '--omit=dev', '--save-exact']);
      touch();
      const installed = folder.installedVersion(name);
      if (!installed) throw new AppError('internal', `npm reported success but '${name}' is not in ${dir}`);
      return installed;
    }),
    uninstall: (name) => serial(async () => {
      await npm(['uninstall', name, '--legacy-peer-deps']);
      touch();
    }),
    dependencies() {
      try {
        return Object.keys((JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: object }).dependencies ?? {});
      } catch {
        return [];
      }
    },
    installedVersion(name) {
      try {
        return (JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version;
      } catch {
        return undefined;
      }
    },
    generation: () => statSync(path.join(dir, STAMP), { throwIfNoEntry: false })?.mtimeMs ?? 0,
    async latestVersions(names) {
      const found = new Map<string, string>();
      await Promise.all(names.map(async (name) => {
        const out = await npm(['view', name, 'version']).catch(() => '');
        if (out.trim()) found.set(name, out.trim());
      }));
      return found;
    },
  };
  return folder;
}
