// Whether a build (dist/ for the server and CLI, client/dist for the editor) is at least as new as
// the sources it was made from. Plain JavaScript: `weft` asks before it can load any TypeScript.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SERVER_SOURCES = ['domain', 'events', 'projections', 'engine', 'nodes', 'collab', 'server', 'ops'];
export const SERVER_STAMP = path.join(ROOT, 'dist', '.built');
export const CLIENT_SOURCES = ['client/src', 'client/index.html', 'client/vite.config.ts'];
export const CLIENT_STAMP = path.join(ROOT, 'client', 'dist', 'index.html');

/** Whether any file under `entry` (tests aside) changed after `time`; stops at the first. */
function changedAfter(entry, time) {
  if (!existsSync(entry)) return false;
  const info = statSync(entry);
  if (!info.isDirectory()) return info.mtimeMs > time && !/\.test\.ts$/.test(entry);
  return readdirSync(entry).some((name) => name !== 'node_modules' && name !== 'dist' && changedAfter(path.join(entry, name), time));
}

/** Whether `stamp` exists and no source changed after it was written. */
export function isFresh(stamp, sources) {
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return !sources.some((source) => changedAfter(path.join(ROOT, source), built));
}
