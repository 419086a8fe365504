// Local File Trigger (n8n-nodes-base.localFileTrigger v1): starts a run with `{ event, path }` when a
// watched file changes, or when files and folders are added, changed or deleted in a watched folder
// (chokidar). Only inside the allowed folders (FILES_ALLOWED_DIRS), links leading out included.
import { watch, type FSWatcher } from 'chokidar';
import picomatch from 'picomatch';
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeType } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { allowedFolders, assertAllowed, isInside, realPath } from '../read-write-file/allowed-paths.ts';
import { localFileTriggerProperties } from './local-file-trigger.description.ts';

type FileEvent = { event: string; path: string };

/** Starts watching; `onEvent` hears each event inside the allowed folders. Resolves once chokidar is ready. */
async function startWatching(ctx: ExecuteContext, onEvent: (event: FileEvent) => void): Promise<FSWatcher> {
  const triggerOn = param(ctx, 'triggerOn', 0, '');
  if (triggerOn !== 'file' && triggerOn !== 'folder') throw new NodeOperationError(ctx.node.name, 'Choose what to trigger on: a file or a folder');
  const path = String(param(ctx, 'path', 0, ''));
  if (!path) throw new NodeOperationError(ctx.node.name, `Set the ${triggerOn} to watch`);
  const watched = assertAllowed(ctx, path);
  const events = triggerOn === 'file' ? ['change'] : param<string[]>(ctx, 'events', 0, []);
  if (!events.length) throw new NodeOperationError(ctx.node.name, 'Choose at least one event to watch for');
  const options = collection(ctx, 'options', 0);
  const pattern = typeof options.ignored === 'string' ? options.ignored : '';
  const matches = pattern && options.ignoreMode !== 'contain' ? picomatch(pattern, { dot: true }) : undefined;
  const ignored = pattern ? (candidate: string) => (matches ? matches(candidate) : candidate.includes(pattern)) : undefined;
  const depth = Number(options.depth ?? -1);
  const watcher = watch(watched, {
    persistent: true,
    ignoreInitial: true,
    followSymlinks: options.followSymlinks !== false,
    usePolling: options.usePolling === true,
    awaitWriteFinish: options.awaitWriteFinish === true,
    ...(ignored ? { ignored } : {}),
    ...(depth >= 0 ? { depth } : {}),
  });
  const folders = allowedFolders(ctx);
  for (const event of events) {
    watcher.on(event as 'add', (changed: string) => {
      // A link inside an allowed folder may lead out of it: such events are dropped.
      if (folders.some((folder) => isInside(realPath(changed), folder))) onEvent({ event, path: changed });
    });
  }
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', () => resolve());
    watcher.once('error', (error) => reject(error));
  });
  return watcher;
}

const asItems = (events: FileEvent[]) => events.map((e) => ({ json: e as unknown as JsonObject }));

export const localFileTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.localFileTrigger',
    displayName: 'Local File Trigger',
    group: ['trigger'],
    version: [1],
    description: 'Triggers a workflow on file system changes',
    defaults: { name: 'Local File Trigger', color: '#404040' },
    inputs: [],
    outputs: ['main'],
    triggerKind: 'trigger',
    properties: localFileTriggerProperties,
  },
  // A manual run waits for the first change (or the run being stopped), as n8n's test listening does.
  async execute(ctx: ExecuteContext) {
    let watcher: FSWatcher | undefined;
    try {
      const first = await new Promise<FileEvent>((resolve, reject) => {
        if (ctx.signal.aborted) return reject(new NodeOperationError(ctx.node.name, 'Stopped before a file changed'));
        ctx.signal.addEventListener('abort', () => reject(new NodeOperationError(ctx.node.name, 'Stopped before a file changed')), { once: true });
        startWatching(ctx, resolve).then((w) => { watcher = w; }, reject);
      });
      return [asItems([first]).map((item) => ({ ...item, pairedItem: { item: 0 } }))];
    } finally {
      await watcher?.close();
    }
  },
  triggers: {
    async trigger(ctx) {
      const watcher = await startWatching(ctx, (event) => ctx.emit([asItems([event])]));
      watcher.on('error', (error) => ctx.emitError(error instanceof Error ? error : new Error(String(error))));
      return { close: () => watcher.close() };
    },
  },
};
